"""Every view is as of a date: data dated after it changes nothing, byte for byte.

The sample collaborative's data runs to October 2026 and "today" is 22 November 2026. A report
for October, and the dashboard with data up to October, are made; then November's data is
added for every team and measure (numbers that would signal), a cycle is started in November
and an October cycle is closed in November. The same views made again must be identical.
"""
import datetime as dt

import pytest

from bsc_widgets.analysis.attention import coaching_questions
from bsc_widgets.base.errors import BscError
from bsc_widgets.forms.dashboard import DashboardPage
from bsc_widgets.model import ChartMark, Event, Measure, Observation, PdsaCycle, Sample, current
from bsc_widgets.reports.collaborative import collaborative_report_html
from bsc_widgets.reports.team import team_report_html
from bsc_widgets.services import Actor, add, save
from bsc_widgets.analysis.spread import spread
from bsc_widgets.analysis.measure_analysis import analyse_across_teams

TODAY = dt.date(2026, 11, 22)
OCTOBER = dt.date(2026, 10, 1)
END_OF_OCTOBER = dt.date(2026, 10, 31)
TEAM = "sunrise-head-start"


def _add_november(store):
    advisor = Actor.collaborative("Advisor")
    have = {o.key() for o in store.list(Observation)}
    for m in current(store.list(Measure), TODAY):
        period = dt.date(2026, 11, 16) if m.frequency == "weekly" else dt.date(2026, 11, 1)
        for team in store.teams():
            if (team.id, m.id, period) in have:
                continue
            if m.kind == "events":       # a send-home in November, and a note and a phase set in November
                add(store, advisor, Event(team_id=team.id, measure_id=m.id, day=dt.date(2026, 11, 3), count=2))
                add(store, advisor, ChartMark(id="x", team_id=team.id, measure_id=m.id, at=dt.date(2026, 11, 3),
                                              kind="note", reason="November", set_on=dt.date(2026, 11, 4)))
                continue
            if m.kind == "subgroups":
                for k in range(1, 4):
                    add(store, advisor, Sample(team_id=team.id, measure_id=m.id, period=period, number=k, value=7))
                add(store, advisor, ChartMark(id="x", team_id=team.id, measure_id=m.id, at=dt.date(2026, 6, 1),
                                              kind="phase", reason="Set in November", set_on=dt.date(2026, 11, 2)))
                continue
            if m.uses_denominator:
                row = dict(numerator=40, denominator=40, value=None)
            else:
                row = dict(numerator=None, denominator=None, value=0 if m.direction == "down" else 999)
            add(store, advisor, Observation(team_id=team.id, measure_id=m.id, period=period, note="November", **row))
    for mark in store.list(ChartMark):     # a mark taken back in November was in force in October
        if mark.in_force and mark.set_on <= END_OF_OCTOBER:
            save(store, advisor, mark.model_copy(update={"withdrawn_on": dt.date(2026, 11, 20), "withdrawn_by": "A"}))
    cycles = store.list(PdsaCycle, team_id=TEAM)
    first = cycles[0]
    add(store, advisor, first.model_copy(update={"id": "november-cycle", "title": "A November cycle",
                                                 "start": dt.date(2026, 11, 9), "end": None, "decision": None}))
    open_cycles = [c for c in store.list(PdsaCycle) if c.end is None and c.start <= END_OF_OCTOBER]
    if open_cycles:
        save(store, advisor, open_cycles[0].model_copy(update={"end": dt.date(2026, 11, 15), "decision": "adopt"}))


def _dashboard_html(store, measure):
    page = DashboardPage(store, TODAY)
    page.period.value = OCTOBER
    page.measure.value = measure
    return [page.attention.value, page.readings.value, page.team_table.value,
            page.chart.figure.to_json() if page.chart.figure is not None else ""]


@pytest.fixture
def views(sample_store):
    """Every dated view of the sample collaborative as of October, made twice: before and after November."""
    measures = [m.id for m in current(sample_store.list(Measure), TODAY)]

    def make():
        return {
            "team report": team_report_html(sample_store, TEAM, OCTOBER, TODAY),
            "collaborative report": collaborative_report_html(sample_store, OCTOBER, TODAY),
            **{f"dashboard on {m}": _dashboard_html(sample_store, m) for m in measures},
            "questions": repr(coaching_questions(sample_store, END_OF_OCTOBER)),
            "spread": repr([(s.idea.id, s.testing, s.decisions, s.signals) for s in spread(sample_store, END_OF_OCTOBER)]),
            **{f"analysis of {m}": analyse_across_teams(sample_store.as_of(END_OF_OCTOBER), m)[0].to_json(date_format="iso")
               for m in measures},
        }

    before = make()
    _add_november(sample_store)
    return before, make()


def test_data_after_the_as_of_date_changes_no_view(views):
    before, after = views
    for name in before:
        assert after[name] == before[name], f"the {name} changed when November's data was added"


def test_the_added_data_is_there_for_a_later_view(sample_store):
    _add_november(sample_store)
    result, _ = analyse_across_teams(sample_store.as_of(TODAY), "positive-feedback")
    assert (result["x"] == "2026-11-01").any()
    assert "A November cycle" not in team_report_html(sample_store, TEAM, OCTOBER, TODAY)
    assert "A November cycle" in team_report_html(sample_store, TEAM, dt.date(2026, 11, 1), TODAY)


def test_a_view_as_of_a_date_cannot_write_and_shows_cycles_as_they_stood(sample_store):
    snapshot = sample_store.as_of(END_OF_OCTOBER)
    with pytest.raises(BscError, match="cannot change the workspace"):
        snapshot.save(snapshot.teams()[0])
    assert all(o.period <= END_OF_OCTOBER for o in snapshot.list(Observation))
    cycle = sample_store.list(PdsaCycle)[0]
    save(sample_store, Actor.collaborative("Advisor"),
         cycle.model_copy(update={"end": dt.date(2026, 11, 15), "decision": "abandon"}))
    then = snapshot.get(PdsaCycle, cycle.id)
    assert then.end is None and then.decision is None, "on 31 October the cycle was still running"
    assert sample_store.get(PdsaCycle, cycle.id).decision == "abandon"
