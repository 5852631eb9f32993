"""Equity views on a real store: suppression at the threshold, complements, and no suppressed count anywhere."""
import datetime as dt
import json
import re

import pandas as pd
import pytest

from bsc_widgets.charts.equity import gap_figure, group_figure
from bsc_widgets.analysis.equity import group_view, suppression
from bsc_widgets.forms.equity import EquityPage
from bsc_widgets.services import Actor
from bsc_widgets.forms.group_entry import GroupEntry
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.model import Collaborative, Measure, StratumObservation
from bsc_widgets.reports.collaborative import collaborative_report_html
from bsc_widgets.reports.final import final_report_html
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)
WEEK = dt.date(2026, 11, 9)
TEAM = "sunrise-head-start"


def _cells(dens, teams=None):
    teams = teams or ["a"] * len(dens)
    return pd.DataFrame({"team": teams, "period": ["p"] * len(dens), "stratum_id": [f"s{i}" for i in range(len(dens))],
                         "numerator": [1] * len(dens), "denominator": dens})


@pytest.mark.parametrize("dens,hidden", [
    ([30, 10, 10], [False, False, False]),      # exactly the threshold is shown
    ([30, 10, 9], [False, True, True]),         # 9 is hidden, and the next smallest with it
    ([30, 9, 9], [False, True, True]),          # two hidden: neither can be worked out alone
    ([9], [True]),                              # a lone group: hidden, nothing to complement
    ([5, 40, 50, 60], [True, True, False, False]),
])
def test_suppression_at_the_threshold_with_complements(dens, hidden):
    got = suppression(_cells(dens), 10, [["team", "period"]])
    assert got.tolist() == hidden


def test_a_hidden_team_cell_cannot_be_worked_out_from_the_network_total():
    cells = pd.DataFrame({"team": ["a", "a", "b", "b", "c", "c"], "period": ["p"] * 6,
                          "stratum_id": ["x", "y"] * 3, "numerator": [1] * 6,
                          "denominator": [40, 12, 40, 30, 40, 25]})
    cells.loc[1, "denominator"] = 8           # team a's group y is small
    got = suppression(cells, 10, [["team", "period"], ["stratum_id", "period"]])
    for (_, g) in cells.assign(h=got).groupby(["team"]):
        assert g["h"].sum() != 1
    for (_, g) in cells.assign(h=got).groupby(["stratum_id"]):
        assert g["h"].sum() != 1


def _set_week(store, figures):
    for sid, (num, den) in figures.items():
        old = store.get(StratumObservation, TEAM, "family-notes", WEEK, sid)
        store.save(StratumObservation(team_id=TEAM, measure_id="family-notes", period=WEEK, stratum_id=sid,
                                      numerator=num, denominator=den, version=old.version if old else 0))


def _row(view, sid):
    t = view.table
    return t[(t["period"] == pd.Timestamp(WEEK)) & (t["stratum_id"] == sid)].iloc[0]


def test_the_threshold_boundary_on_a_real_store(sample_store):
    _set_week(sample_store, {"english": (20, 30), "spanish": (6, 10), "other-languages": (5, 10)})
    view = group_view(sample_store, "family-notes", TEAM)
    assert not _row(view, "other-languages").suppressed and _row(view, "other-languages").value == 50
    _set_week(sample_store, {"other-languages": (3, 7)})
    view = group_view(sample_store, "family-notes", TEAM)
    assert _row(view, "other-languages").suppressed and _row(view, "spanish").suppressed
    assert not _row(view, "english").suppressed
    collab = sample_store.collaborative()
    sample_store.save(collab.model_copy(update={"suppress_below": 5}))
    view = group_view(sample_store, "family-notes", TEAM)
    assert not _row(view, "other-languages").suppressed, "the threshold is the collaborative's to set"


def test_a_suppressed_count_is_nowhere_to_be_seen(sample_store):
    # Other languages: 3 of 7 (42.857%) is suppressed; Spanish 6 of 10 (60%) is hidden as its complement.
    _set_week(sample_store, {"english": (20, 30), "spanish": (6, 10), "other-languages": (3, 7)})
    forbidden = [r"42\.8", r"42\.9", r"(?<!\d)3 of 7(?!\d)", r"(?<!\d)6 of 10(?!\d)", r"0\.428"]
    view = group_view(sample_store, "family-notes", TEAM)
    for sid in ("other-languages", "spanish"):
        row = _row(view, sid)
        assert row.suppressed and pd.isna(row.numerator) and pd.isna(row.denominator) and pd.isna(row.value)
    page = EquityPage(sample_store, TODAY)
    page.team.value = TEAM
    shown = widget_text(page)
    panels = page.groups_chart.panels
    figures = "".join(fig.to_json() for _, fig in panels.items) + panels.note + page.gap_chart.figure.to_json()
    exports = view.csv()
    report = collaborative_report_html(sample_store, dt.date(2026, 11, 1), TODAY) + final_report_html(sample_store,
                                                                                                       TODAY)
    assert "suppressed" in shown and "suppressed" in figures and "suppressed" in exports
    assert f"{WEEK},Other languages,,,,suppressed" in exports and f"{WEEK},Spanish,,,,suppressed" in exports
    for where, text in [("page", shown), ("figure", figures), ("export", exports), ("reports", report)]:
        for bad in forbidden + ([r",3,7,", r",6,10,"] if where == "export" else []):
            assert not re.search(bad, text), f"{bad!r} shows in the {where}"
    for fig in [f for _, f in panels.items] + [page.gap_chart.figure]:
        for trace in fig.data:
            for x, y in zip(trace.x if trace.x is not None else [], trace.y if trace.y is not None else []):
                if pd.Timestamp(x) == pd.Timestamp(WEEK) and y is not None and trace.name != "suppressed":
                    assert abs(y - 300 / 7) > 1e-6 and abs(y - 60) > 1e-6, f"{trace.name} plots a hidden value"
    week = pd.Timestamp(WEEK)
    bands = {name: [(pd.Timestamp(sh["x0"]), pd.Timestamp(sh["x1"]))
                    for sh in json.loads(fig.to_json())["layout"].get("shapes", [])] for name, fig in panels.items}
    for group in ("Spanish", "Other languages"):
        assert any(x0 < week < x1 for x0, x1 in bands[group]), f"{group} is not shown as suppressed"
    assert not any(x0 < week < x1 for x0, x1 in bands["English"])
    assert "Grey bands: suppressed" in panels.note


def test_the_network_view_sums_teams_and_shows_every_group(sample_store):
    view = group_view(sample_store, "family-notes")
    raw = sample_store.list(StratumObservation, measure_id="family-notes", period=WEEK)
    total = sum(o.denominator for o in raw if o.stratum_id == "english")
    assert _row(view, "english").denominator == total
    assert len(view.gap) > 40 and view.gap_reading is not None
    assert group_figure(view).items and gap_figure(view).data


def test_the_sample_has_suppressed_groups_for_small_teams(sample_store):
    hearth = group_view(sample_store, "family-notes", "hearth-fcc")
    assert hearth.table["suppressed"].mean() > 0.5
    assert any("Spanish suppressed" in s for s in hearth.sentences)


def test_figures_by_group_are_entered_all_or_nothing_and_never_shown_again(sample_store):
    measure = sample_store.require(Measure, "family-notes")
    week = dt.date(2026, 11, 16)
    entry = GroupEntry(sample_store, Actor.for_team(TEAM), measure, week)
    (en_num, en_den), (es_num, es_den), _ = entry.inputs.values()
    en_num.value, en_den.value = "12", "20"
    es_num.value, es_den.value = "14", "9"           # a numerator above its denominator
    assert not entry.save()
    assert "Spanish: The numerator (14) is larger than the denominator (9)" in entry.message.value
    assert not sample_store.list(StratumObservation, team_id=TEAM, period=week), "nothing was saved"
    es_num.value = "4"
    assert entry.save()
    assert len(sample_store.list(StratumObservation, team_id=TEAM, period=week)) == 2
    assert en_num.value == "" and "Figures saved for: English, Spanish" in entry.status.value
    assert "4" not in entry.status.value


def test_the_measures_workbook_offers_entry_by_group_for_a_measure_shown_by_group(sample_store):
    team = sample_store.team(TEAM)
    page = MeasuresPage(sample_store, team, TODAY)
    page.measure_picker.value = "family-notes"
    assert any(isinstance(c, GroupEntry) for c in page.entry.children)
    page.measure_picker.value = "send-homes"
    assert not any(isinstance(c, GroupEntry) for c in page.entry.children)


def test_only_a_proportion_or_rate_can_be_shown_by_group(sample_store):
    from bsc_widgets.base.errors import InvalidRecord

    with pytest.raises(InvalidRecord) as caught:
        Measure.build(id="x", name="x", type="outcome", kind="count", operational_definition="x", direction="down",
                      stratified_by="home-language")
    assert "Only a proportion or a rate can be shown by group" in str(caught.value.problems[0])
    assert Collaborative.model_fields["suppress_below"].default == 10
