"""The picture, the icons and the reports read the analysis and never work it out again.

For every kind of measure, every chart it may be drawn as and every direction it may have, with the
collaborative reading its charts by Making Data Count (and by Anhøj and IHI on run charts): a series that ends
high. The chart colours exactly the points the engine's ``signal`` column names, in that signal's colour; the
variation icon says H for a latest point above the centre line and L below, in the colour of its signal; the
team report, the collaborative report and the dashboard show the same icon as the chart.

The case that shipped wrong: rare events where fewer is better, drawn as a G chart of days between. A long gap
is an improvement there (the engine says so), and its icon is a blue H, not an L.
"""
import datetime as dt
import re

import pytest

from bsc_widgets.analysis.measure_analysis import CHART_CHOICES, analyse_across_teams, analyse_measure
from bsc_widgets.charts import figure_for
from bsc_widgets.charts.mdc_icons import icons_html, latest_icons
from bsc_widgets.charts.palette import KIND_COLOURS, KIND_NAMES
from bsc_widgets.model import Collaborative
from bsc_widgets.spc.signals import IMPROVEMENT, SIGNALS
from tests import builders

TEAM = "team-a"
BASE = [50, 52, 49, 51, 48, 50, 53, 47, 50, 51, 49, 52, 50, 48, 51, 50]
HIGH = [66, 68, 65, 67, 69, 66, 68, 67]
DIRECTIONS = {"events": ("down", "neutral")}


def _series(store, kind: str) -> None:
    """A stable baseline, then a step up that holds for eight periods."""
    values = BASE + HIGH
    if kind in ("proportion", "rate"):
        builders.observations(store, TEAM, "m", values, first=dt.date(2024, 1, 1), denominator=100)
    elif kind in ("count", "value"):
        builders.observations(store, TEAM, "m", [v // (4 if kind == "count" else 1) for v in values],
                              first=dt.date(2024, 1, 1))
    elif kind == "subgroups":
        builders.samples(store, TEAM, "m", [[v - 1, v, v + 1] for v in values], first=dt.date(2024, 1, 1))
    else:   # events: gaps of 5 to 9 days, then ever longer ones
        gaps = [5, 7, 6, 9, 5, 8, 6, 7, 5, 9, 6, 8, 7, 5, 6, 8, 40, 45, 50, 48, 55, 60, 52, 58]
        day, days = dt.date(2024, 1, 3), []
        for g in gaps:
            day += dt.timedelta(days=g)
            days.append(day)
        builders.events(store, TEAM, "m", days)


def _store(empty_store, kind: str, direction: str, rules: str):
    builders.collaborative(empty_store, start=dt.date(2024, 1, 1), end=dt.date(2026, 12, 31))
    empty_store.save(empty_store.require(Collaborative, "c").model_copy(update={"signal_rules": rules}))
    builders.team(empty_store, TEAM, joined=dt.date(2024, 1, 1))
    builders.measure(empty_store, "m", kind=kind, direction=direction, goal=60 if kind != "events" else None)
    _series(empty_store, kind)
    return empty_store


def _letter(svg: str) -> str:
    found = re.search(r">([HL])</text>", str(svg))
    return found.group(1) if found else ""


def _colour(svg: str) -> str:
    return re.search(r'stroke="(#[0-9a-f]{6})"', str(svg)).group(1)


CASES = [(kind, chart, direction) for kind, charts in CHART_CHOICES.items() for chart, _w in charts
         for direction in DIRECTIONS.get(kind, ("up", "down", "neutral"))]


@pytest.mark.parametrize("kind, chart, direction", CASES, ids=["-".join(c) for c in CASES])
def test_the_chart_and_its_icon_read_the_engines_columns(empty_store, kind, chart, direction):
    store = _store(empty_store, kind, direction, "mdc" if chart != "run" else "anhoej_ihi")
    a = analyse_measure(store, TEAM, "m", chart=chart)
    assert not a.result.empty, a.reading.sentences
    result = a.result
    assert set(result["direction"]) == {a.direction}
    assert set(result["signal"]) <= set(SIGNALS) | {""}
    fig = figure_for(a)
    for kind_ in SIGNALS:
        drawn = [t for t in fig.data if t.name == KIND_NAMES[kind_] and t.yaxis in (None, "y")]  # not the MR chart
        expected = int((result["signal"] == kind_).sum())
        assert sum(len(t.x) for t in drawn) == expected, kind_
        assert all(t.marker.color == KIND_COLOURS[kind_] for t in drawn)
    icons = latest_icons(result)
    if chart == "run" or icons is None:
        assert icons is None and not fig.layout.images
        return
    variation = icons[0]
    last = result.iloc[-1]
    if last["mdc_variation"] != "common_cause":
        assert _letter(variation) == ("H" if last["y"] > last["cl"] else "L")
        assert _colour(variation) == KIND_COLOURS[last["signal"]] if last["signal"] else True
    assert str(variation) in icons_html(result)             # the team report's icon is the chart's
    across, _readings = analyse_across_teams(store, "m", chart=chart)
    assert str(variation) in icons_html(across[across["facet1"] == TEAM])   # the dashboard's and the network's


def test_a_long_gap_between_rare_events_where_fewer_is_better_is_a_blue_h(empty_store):
    store = _store(empty_store, "events", "down", "mdc")
    a = analyse_measure(store, TEAM, "m")
    assert a.chart == "g" and a.direction == "up" and a.goal is None
    last = a.result.iloc[-1]
    assert last["signal"] == IMPROVEMENT and last["mdc_variation"] == "special_cause_improvement"
    variation = latest_icons(a.result)[0]
    assert _letter(variation) == "H" and _colour(variation) == KIND_COLOURS[IMPROVEMENT]
    assert a.reading.verdict == IMPROVEMENT


def test_the_marks_above_a_chart_never_overlap_on_a_phone():
    """Cycles and learning sessions close together (three on one week, a session between): each mark gets a row
    where it clears its neighbours by its own width on a phone's 280 px chart, and the chart makes room above for
    every row."""
    import pandas as pd

    from bsc_widgets.charts.spc_chart import NARROW, TAG_CHAR, TAG_PAD, Marker, spc_figure
    from bsc_widgets.spc import qic

    days = pd.date_range("2025-07-01", periods=18, freq="MS")
    result = qic([3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10, 9, 11, 10, 12, 11, 13], x=days)
    when = [dt.date(2026, 1, 12), dt.date(2026, 1, 14), dt.date(2026, 1, 15), dt.date(2026, 2, 2),
            dt.date(2026, 2, 12), dt.date(2025, 11, 6), dt.date(2026, 5, 14)]
    markers = [Marker(w, f"mark {k}", "session" if k in (4, 5, 6) else "pdsa") for k, w in enumerate(when)]
    fig = spc_figure(result, "A measure", markers=markers)
    tags = [a for a in fig.layout.annotations if a.yshift is not None]
    assert len(tags) == len(markers)
    span = (days.max() - days.min()).days
    placed = [(pd.Timestamp(a.x), a.yshift, TAG_CHAR * len(a.text) + TAG_PAD) for a in tags]
    for i, (x1, row1, w1) in enumerate(placed):
        for x2, row2, w2 in placed[i + 1:]:
            if row1 == row2:
                apart = abs((x2 - x1).days) / span * NARROW
                assert apart > (w1 + w2) / 2, f"marks at {x1:%d %b} and {x2:%d %b} overlap"
    rows = len({a.yshift for a in tags})
    assert rows >= 3 and fig.layout.margin.t >= 40 + 28 * rows
    assert all(a.font.size >= 16 for a in tags)
