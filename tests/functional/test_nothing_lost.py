"""No sequence of two people's actions loses a record; no impossible number or unbounded text is stored;
one team's bad data never takes down another team's page. All on real SQLite workspaces."""
import datetime as dt

import annotated_types
import numpy as np
import pytest

from bsc_widgets.forms.plot import PlotArea
from bsc_widgets.charts import figure_for
from bsc_widgets.charts.spc_chart import small_multiples
from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.dashboard import DashboardPage
from bsc_widgets.forms.driver_diagram import DriverDiagramPage
from bsc_widgets.forms.fields import _unwrap
from bsc_widgets.forms.group_entry import GroupEntry
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.participation import ParticipationPage
from bsc_widgets.forms.pdsa import NEW, PdsaPage
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.forms.spread import SpreadPage
from bsc_widgets.model import (RECORD_TYPES, Attendance, ChangeIdea, Driver, Measure, Member, Observation,
                               PdsaCycle, StratumObservation)
from bsc_widgets.portable import read_folder, write_folder
from bsc_widgets.reports.collaborative import collaborative_report_html
from bsc_widgets.reports.team import team_report_html
from bsc_widgets.spc import qic
from bsc_widgets.services import Actor
from bsc_widgets.store import Store
from bsc_widgets.analysis.measure_analysis import analyse_measure, analyse_across_teams
from tests.support import HOSTILE, walk, widget_text

TODAY = dt.date(2026, 11, 22)
TEAM = "maple-street-ehs"


def two(sample_db):
    """Two people: two handles on one workspace, as two browsers' kernels have."""
    return Store.open(sample_db), Store.open(sample_db)


# ---- two people adding at once ---------------------------------------------------------------------

def _new_member(page, name):
    form = page.member_form
    form.fields["name"].input.value = name
    form.fields["role"].input.value = "family"
    return form


@pytest.mark.parametrize("names", [("Alice", "Bob"), ("Alice", "Alice")])
def test_two_people_adding_a_member_at_once_make_two_members(sample_db, names):
    a, b = two(sample_db)
    page_a, page_b = CharterPage(a, a.team(TEAM), TODAY), CharterPage(b, b.team(TEAM), TODAY)  # both forms open
    form_a, form_b = _new_member(page_a, names[0]), _new_member(page_b, names[1])
    form_a.save_button.click()
    form_b.save_button.click()
    assert "Saved at" in form_b.status.value and "someone" not in form_b.message.value
    added = [m for m in Store.open(sample_db).list(Member, team_id=TEAM) if m.name in names]
    assert sorted(m.name for m in added) == sorted(names) and len({m.id for m in added}) == 2


def test_save_mine_over_theirs_never_replaces_a_different_record(sample_db):
    a, b = two(sample_db)
    page_a, page_b = CharterPage(a, a.team(TEAM), TODAY), CharterPage(b, b.team(TEAM), TODAY)
    _new_member(page_a, "Alice").save_button.click()
    form_b = _new_member(page_b, "Bob")
    form_b.save_mine_over_theirs()  # what the old conflict offered: it may only ever add Bob
    names = {m.name for m in Store.open(sample_db).list(Member, team_id=TEAM)}
    assert {"Alice", "Bob"} <= names


def test_save_mine_over_theirs_replaces_the_same_record_only(sample_db):
    a, b = two(sample_db)
    page_a, page_b = CharterPage(a, a.team(TEAM), TODAY), CharterPage(b, b.team(TEAM), TODAY)
    member = a.list(Member, team_id=TEAM)[0]
    page_a.member_picker.value = member.id
    page_b.member_picker.value = member.id
    page_a.member_form.fields["title"].input.value = "A's title"
    page_b.member_form.fields["title"].input.value = "B's title"
    assert "changed by someone else" in page_b.member_form.message.value
    page_b.member_form.save_mine_over_theirs()
    assert Store.open(sample_db).get(Member, member.id).title == "B's title"
    assert len(Store.open(sample_db).list(Member, team_id=TEAM)) == len(a.list(Member, team_id=TEAM))


def test_two_people_planning_a_new_cycle_at_once_make_two_cycles(sample_db):
    a, b = two(sample_db)
    pages = [PdsaPage(s, s.team(TEAM), TODAY) for s in (a, b)]
    for page in pages:
        page.picker.value = NEW
    idea = next(iter(pages[0].ideas))
    for page, title in zip(pages, ("Song cards", "Visual schedule")):
        f = page.form.fields
        f["change_idea_id"].input.value = idea
        f["title"].input.value = title
        f["objective"].input.value = "See whether it helps"
    titles = {c.title for c in Store.open(sample_db).list(PdsaCycle, team_id=TEAM)}
    assert {"Song cards", "Visual schedule"} <= titles
    assert all("someone" not in p.form.message.value for p in pages)


def test_two_teams_adding_an_idea_with_the_same_title_at_once(sample_db):
    a, b = two(sample_db)
    pages = [DriverDiagramPage(s, s.team(TEAM), TODAY) for s in (a, b)]
    for page in pages:
        page.new_title.input.value = "Cozy corner"
        page.new_driver.input.value = page.new_driver.choices[0][1]
    for page in pages:
        page.add_button.click()
        assert "Added “Cozy corner”" in page.add_message.value
    assert len([i for i in Store.open(sample_db).list(ChangeIdea) if i.title == "Cozy corner"]) == 2


def test_a_driver_and_an_idea_with_one_title_get_two_identifiers_and_round_trip(sample_store, tmp_path):
    setup = SetupPage(sample_store, TODAY)
    editors = [w for w in walk(setup) if type(w).__name__ == "RecordEditor"]
    drivers = next(e for e in editors if e.model is Driver)
    ideas = next(e for e in editors if e.model is ChangeIdea)
    for editor in (drivers, ideas):
        editor.form.fields["title"].input.value = "Family nights"
        editor.form.save_button.click()
    driver = next(d for d in sample_store.list(Driver) if d.title == "Family nights")
    idea = next(i for i in sample_store.list(ChangeIdea) if i.title == "Family nights")
    assert driver.id != idea.id
    write_folder(sample_store.dataset(), tmp_path / "export")
    assert read_folder(tmp_path / "export").content() == sample_store.dataset().content()



# ---- registers and figures by group: versioned as a whole -----------------------------------------

def _register(store):
    page = ParticipationPage(store, TODAY)
    page.team.value, page.kind.value, page.date.value = "hearth-fcc", "coaching_call", "18 Nov 2026"
    return page


def test_a_register_saved_from_a_stale_page_is_refused_and_keeps_its_ticks(sample_db):
    a, b = two(sample_db)
    page_a, page_b = _register(a), _register(b)  # B opened the register before A saved it
    members = list(page_a.boxes)
    for m in members[:2]:
        page_a.boxes[m].value = True
    assert page_a.save()
    page_b.boxes[members[2]].value = True
    assert not page_b.save()
    assert "was changed by someone else after you opened it" in page_b.form_message.value
    assert page_b.boxes[members[2]].value, "B's ticks stay on the page"
    saved = Store.open(sample_db).list(Attendance, event_kind="coaching_call", date=dt.date(2026, 11, 18))
    assert sorted(x.member_id for x in saved) == sorted(members[:2]), "A's marks are kept"
    assert page_b.reload_button.layout.display == "flex"
    page_b.reload_button.click()
    assert [page_b.boxes[m].value for m in members[:3]] == [True, True, False]
    page_b.boxes[members[2]].value = True
    assert page_b.save()
    assert len(Store.open(sample_db).list(Attendance, event_kind="coaching_call", date=dt.date(2026, 11, 18))) == 3


def test_figures_by_group_saved_from_a_stale_page_are_refused(sample_db):
    a, b = two(sample_db)
    measure = next(m for m in a.list(Measure) if m.stratified_by)
    period = dt.date(2026, 11, 2) if measure.frequency == "weekly" else dt.date(2026, 11, 1)
    entry_a, entry_b = GroupEntry(a, Actor.for_team(TEAM), measure, period), GroupEntry(b, Actor.for_team(TEAM), measure, period)
    stratum = next(iter(entry_a.inputs))
    for entry, num in ((entry_a, "3"), (entry_b, "4")):
        entry.inputs[stratum][0].value, entry.inputs[stratum][1].value = num, "12"
    assert entry_a.save()
    assert not entry_b.save()
    assert "Someone else saved figures by group" in entry_b.message.value
    assert entry_b.inputs[stratum][0].value == "4", "B's figures stay typed"
    kept = Store.open(sample_db).list(StratumObservation, team_id=TEAM, measure_id=measure.id, period=period)
    assert [o.numerator for o in kept if o.stratum_id == stratum] == [3]


# ---- finite numbers only ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["inf", "1e309", "nan", "-inf", "Infinity"])
@pytest.mark.parametrize("measure", ["positive-feedback", "send-homes"])  # a proportion and a count
def test_an_impossible_number_is_refused_where_it_is_typed(sample_store, typed, measure):
    page = MeasuresPage(sample_store, sample_store.team(TEAM), TODAY)
    page.measure_picker.value = measure
    before = sample_store.list(Observation)
    field = next(iter(page.entry_form.fields.values()))
    field.input.value = typed
    assert "must be an ordinary number" in field.message.value
    assert "Saved at" not in page.entry_form.status.value and "Something went wrong" not in widget_text(page)
    assert sample_store.list(Observation) == before


@pytest.mark.parametrize("typed", ["inf", "nan", "1e309"])
def test_pasted_impossible_numbers_name_their_row_and_column(sample_store, typed):
    page = MeasuresPage(sample_store, sample_store.team(TEAM), TODAY)
    page.measure_picker.value = "positive-feedback"
    page.paste.value = f"Month\tNumerator\tDenominator\n2026-10\t4\t9\n2026-11\t{typed}\t9"
    page.paste_button.click()
    shown = page.import_message.value
    assert "row 3" in shown and "column “Numerator”" in shown and "ordinary number" in shown


def test_the_engine_refuses_infinite_values_with_their_position():
    with pytest.raises(ValueError, match="y holds an infinite value at position 3"):
        qic([1.0, 2.0, np.inf, 4.0], chart="run")
    with pytest.raises(ValueError, match="n holds an infinite value at position 2"):
        qic([1.0, 2.0, 3.0], n=[5.0, np.inf, 5.0], chart="p")


def _damage(store, team, measure, period, **values):
    """What an older version or an edit outside the app could have stored."""
    sets = ", ".join(f"{k} = {v}" for k, v in values.items())
    with store.transaction() as tx:
        tx.conn.exec_driver_sql(f"update observations set {sets} where team_id = ? and measure_id = ? "
                                "and period = ?", (team, measure, period.isoformat()))


def test_one_teams_damaged_number_never_takes_down_the_network(sample_store):
    period = dt.date(2026, 10, 1)
    _damage(sample_store, TEAM, "positive-feedback", period, numerator="1e999")
    dashboard = DashboardPage(sample_store, TODAY)
    assert "Something went wrong" not in widget_text(dashboard)
    result, readings = analyse_across_teams(sample_store, "positive-feedback")
    assert "October 2026 (its stored number is damaged: Numerator is “inf”." in readings[TEAM].text
    assert set(result["facet1"]) == {t.id for t in sample_store.teams()}, "every team is still drawn"
    assert "damaged" not in readings["hearth-fcc"].text
    assert "Something went wrong" not in widget_text(SpreadPage(sample_store, TODAY))
    assert "damaged" in team_report_html(sample_store, TEAM, dt.date(2026, 10, 1), TODAY)
    assert "Maple Street" in collaborative_report_html(sample_store, dt.date(2026, 10, 1), TODAY)


def test_a_damaged_period_can_be_typed_again_in_the_measures_workbook(sample_store):
    period = dt.date(2026, 10, 1)
    _damage(sample_store, TEAM, "positive-feedback", period, numerator="1e999")
    page = MeasuresPage(sample_store, sample_store.team(TEAM), TODAY)
    page.measure_picker.value = "positive-feedback"
    label = next(lbl for lbl, v in page.period_picker.options if v == period)
    assert "damaged: enter it again" in label
    page.period_picker.value = period
    assert "are damaged" in page.message.value
    page.entry_form.fields["numerator"].input.value = "5"
    page.entry_form.fields["denominator"].input.value = "9"
    fixed = sample_store.get(Observation, TEAM, "positive-feedback", period)
    assert (fixed.numerator, fixed.denominator) == (5, 9)


def test_a_period_with_no_number_is_named_not_silently_dropped(sample_store):
    _damage(sample_store, TEAM, "positive-feedback", dt.date(2026, 9, 1), numerator="NULL")
    reading = analyse_measure(sample_store, TEAM, "positive-feedback").reading
    assert "September 2026 (it has no number)" in reading.text


def test_a_series_the_engine_refuses_is_said_in_its_reading_and_the_others_drawn(sample_store):
    # the advisor turned a value measure into a proportion: the old values have no numerator
    m = sample_store.get(Measure, "staff-stress")
    sample_store.save(m.model_copy(update={"kind": "proportion", "denominator": "staff", "multiplier": 100.0}))
    result, readings = analyse_across_teams(sample_store, "staff-stress")
    assert all("cannot be drawn" in r.text or "no data" in r.text or "no number" in r.text
               for r in readings.values())
    assert "Something went wrong" not in widget_text(DashboardPage(sample_store, TODAY))


# ---- bounded text, bounded numbers ------------------------------------------------------------------

def test_every_text_and_number_a_record_holds_is_bounded():
    unbounded = []
    for model in RECORD_TYPES.values():
        for name, info in model.model_fields.items():
            tp, _ = _unwrap(info.annotation)
            meta = info.metadata
            if tp is str and "_slug" not in repr(info) + str(info.annotation) and not any(
                    isinstance(m, annotated_types.MaxLen) for m in meta):
                unbounded.append(f"{model.__name__}.{name}")
            if tp in (int, float) and not (any(isinstance(m, (annotated_types.Le, annotated_types.Lt)) for m in meta)
                                           and any(isinstance(m, (annotated_types.Ge, annotated_types.Gt))
                                                   for m in meta)):
                unbounded.append(f"{model.__name__}.{name}")
    assert not unbounded, unbounded


def test_a_monthly_report_field_past_its_limit_is_refused(sample_store):
    from bsc_widgets.forms.monthly_report import MonthlyReportPage

    page = MonthlyReportPage(sample_store, sample_store.team(TEAM), TODAY)
    field = page.report_form.fields["highlights"]
    assert "Up to 20,000 characters." in field.length.value  # said before the limit is reached
    field.input.value = "é" * 17_000
    assert "17,000 of 20,000 characters used." in field.length.value
    field.input.value = "é" * 20_001
    assert "at most 20,000 characters" in field.message.value
    field.input.value = "é" * 20_000
    assert "Saved at" in page.report_form.status.value


# ---- what the charts show -----------------------------------------------------------------------------

def test_chart_text_is_escaped_once_quotes_shown_as_typed(sample_store):
    name = 'Ana "La Maestra" & <b>Co</b>'
    sample_store.save(sample_store.team(TEAM).model_copy(update={"name": name}))
    fig = figure_for(analyse_measure(sample_store, TEAM, "positive-feedback"))
    assert '"La Maestra"' in fig.layout.title.text and "&quot;" not in fig.layout.title.text
    assert "&lt;b&gt;" in fig.layout.title.text and "&amp;" in fig.layout.title.text
    result, _ = analyse_across_teams(sample_store, "positive-feedback")
    panels = small_multiples(result, {TEAM: name})
    assert name in [n for n, _ in panels.items]               # names are text; the page's template escapes them
    area = PlotArea()
    area.draw_panels(panels)
    shown = "".join(o["data"]["text/html"] for o in area.outputs)
    assert "<b>Co</b>" not in shown and "&lt;b&gt;Co&lt;/b&gt;" in shown


# ---- export then import, with everything hostile the forms accept -------------------------------------

def test_export_then_import_round_trips_every_hostile_case_the_forms_accept(sample_db, tmp_path):
    store = Store.open(sample_db)
    long_text = ('=HYPERLINK("x") "quoted", line one\nline two; ' * 600)[:20_000]
    team = store.team(TEAM)
    store.save(team.model_copy(update={"aim": long_text, "name": ("\"><img src=x> Niños 👩🏽‍🏫 " * 10)[:200]}))
    page = CharterPage(store, store.team(TEAM), TODAY)
    for text in HOSTILE.values():
        if text:
            form = _new_member(page, text[:200])
            form.save_button.click()
            page = CharterPage(store, store.team(TEAM), TODAY)
    setup = SetupPage(store, TODAY)
    for editor in [w for w in walk(setup) if type(w).__name__ == "RecordEditor" and w.model in (Driver, ChangeIdea)]:
        editor.form.fields["title"].input.value = HOSTILE["formula"]
        editor.form.save_button.click()
    write_folder(store.dataset(), tmp_path / "export")
    back = Store.open(tmp_path / "again" / "bsc.sqlite", create=True)
    back.load(read_folder(tmp_path / "export"))
    assert back.dataset().content() == store.dataset().content()
