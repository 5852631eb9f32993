"""A PDSA cycle names the measures it aims to move: its charts mark it, their readings name it, and the coaching
questions count it; the others stay off (unless asked for). Cycles from before keep standing beside every measure."""
import datetime as dt

import pytest

from bsc_widgets.analysis.attention import coaching_questions
from bsc_widgets.analysis.measure_analysis import analyse_measure
from bsc_widgets.base.errors import InvalidRecord
from bsc_widgets.charts import chart_markers, figure_for
from bsc_widgets.charts.spc_chart import chart_key
from bsc_widgets.forms.pdsa import NEW, PdsaPage
from bsc_widgets.model import Measure, PdsaCycle, Phase
from bsc_widgets.services import COMMAND_LINE, add, framework
from tests import builders
from tests.support import downgrade

TODAY = dt.date(2026, 11, 22)
TEAM = "our-team"
FIRST = dt.date(2025, 1, 1)
SHIFT = [40, 42, 39, 41, 38, 40, 43, 37, 40, 41, 39, 42] + [70] * 10     # from January 2026


@pytest.fixture
def store(empty_store):
    """Two measures where more is better; the first shifts up in January 2026."""
    builders.collaborative(empty_store, start=FIRST, end=dt.date(2027, 6, 30))
    builders.team(empty_store, TEAM, joined=FIRST)
    builders.measure(empty_store, "notes", name="Positive notes home")
    builders.measure(empty_store, "schedules", name="Rooms with a visual schedule")
    builders.observations(empty_store, TEAM, "notes", SHIFT, first=FIRST, denominator=100)
    builders.idea(empty_store)
    return empty_store


def near_the_shift(store, **values) -> PdsaCycle:
    return builders.cycle(store, TEAM, "idea", start=dt.date(2025, 12, 1), end=dt.date(2025, 12, 20),
                          study_notes="It helped.", decision="adopt", **values)


def key_labels(analysis, **kw) -> list[str]:
    return [k.label for k in chart_key(figure_for(analysis, **kw))]


def test_a_chart_marks_and_reads_only_the_cycles_aimed_at_its_measure(store):
    near_the_shift(store, title="Schedules at arrival", measure_ids=["schedules"])
    analysis = analyse_measure(store, TEAM, "notes")
    assert [c.title for c in analysis.cycles] == [] and [c.title for c in analysis.other_cycles] == [
        "Schedules at arrival"]
    assert not any("Schedules at arrival" in label for label in key_labels(analysis))
    assert "A PDSA cycle was running" not in analysis.reading.text
    shown = key_labels(analysis, every_cycle=True)     # the switch: drawn again, not read again
    assert "PDSA: Schedules at arrival (aimed at another measure)" in shown

    near_the_shift(store, title="Notes on Fridays", measure_ids=["notes", "schedules"])
    analysis = analyse_measure(store, TEAM, "notes")
    assert "PDSA: Notes on Fridays (adopted)" in key_labels(analysis)
    assert "‘Notes on Fridays’" in analysis.reading.text and "Schedules at arrival" not in analysis.reading.text


def test_a_cycle_not_yet_aimed_stands_beside_every_measure(store):
    near_the_shift(store, title="From before")
    for measure in ("notes", "schedules"):
        assert [c.title for c in analyse_measure(store, TEAM, measure).cycles] == ["From before"]


def test_a_signal_near_a_cycle_aimed_elsewhere_is_still_asked_about(store):
    def asked() -> list[str]:
        return [q.text for q in coaching_questions(store, TODAY)[TEAM] if q.kind == "unexplained_signal"]

    near_the_shift(store, measure_ids=["schedules"])
    assert asked() == ["Positive notes home shows a signal of improvement, with no PDSA cycle near it. What "
                       "changed? Is there a test we have not recorded?"]
    near_the_shift(store, measure_ids=["notes"])
    assert asked() == []


def test_a_cycle_is_aimed_at_one_measure_at_least_and_only_at_measures_there_are(store):
    cycle = PdsaCycle(id="new", team_id=TEAM, change_idea_id="idea", title="A test", objective="See.",
                      start=dt.date(2026, 1, 5))
    with pytest.raises(InvalidRecord) as nothing:
        add(store, COMMAND_LINE, cycle.model_copy(update={"measure_ids": []}))
    assert "Tick at least one measure this test aims to move" in str(nothing.value.problems)
    with pytest.raises(InvalidRecord) as unknown:
        add(store, COMMAND_LINE, cycle.model_copy(update={"measure_ids": ["notes", "no-such-measure"]}))
    assert [p.message for p in unknown.value.problems] == ["There is no measure “no-such-measure”."]
    assert store.list(PdsaCycle) == []


def test_a_measure_a_cycle_is_aimed_at_is_retired_not_deleted(store):
    near_the_shift(store, measure_ids=["schedules"])
    schedules = store.get(Measure, "schedules")
    assert framework.retire(store, COMMAND_LINE, schedules, TODAY) == "retired"
    assert store.get(Measure, "schedules").retired_on == TODAY


def test_a_new_cycle_is_first_aimed_where_its_ideas_drivers_point_and_the_team_decides(store):
    builders.driver(store, "outcome", kind="primary", measure_ids=["schedules"])
    builders.driver(store, "routines", feeds=("outcome",))              # names none: its primary driver's count
    builders.feeds(store, "idea", "routines")
    builders.idea(store, "other")                                       # feeds no driver: not chosen yet
    builders.member(store, TEAM)
    page = PdsaPage(store, store.team(TEAM), TODAY)
    page.picker.value = NEW
    measures = page.form.fields["measure_ids"]
    page.form.fields["change_idea_id"].input.value = "idea"
    assert measures.get() == ["schedules"] and measures.unchosen_note.value == ""
    page.form.fields["change_idea_id"].input.value = "other"
    assert measures.get() is None and "Not chosen yet" in measures.unchosen_note.value
    assert all(box.value for box in measures.boxes)        # not chosen: every measure counts, and shows ticked
    measures.boxes[1].value = False                        # the team chooses: "notes" only
    for name, value in (("title", "Notes on Fridays"), ("objective", "See if notes help."),
                        ("start", "01/05/2026")):
        page.form.fields[name].input.value = value
    page.form.save()
    assert store.get(PdsaCycle, page.form.record.id).measure_ids == ["notes"]
    page.next_button.click()                                 # the ramp goes on aiming where it did
    assert page.form.fields["measure_ids"].get() == ["notes"]


def test_the_migration_keeps_every_chart_as_it_was_until_a_team_chooses(sample_db):
    """A workspace from before (revision 0010) opens with no cycle aimed: each chart marks every cycle of its
    team, as charts did then, and reads the same."""
    from bsc_widgets.analysis.measure_analysis import _read
    from bsc_widgets.model import current
    from bsc_widgets.store import Store

    downgrade(sample_db, "0010")
    store = Store.open(sample_db)             # brought up to date on opening
    try:
        assert all(c.measure_ids is None for c in store.list(PdsaCycle))
        phases, checked = store.list(Phase), 0
        for team in store.teams():
            every = store.list(PdsaCycle, team_id=team.id)
            for m in current(store.list(Measure), TODAY):
                a = analyse_measure(store, team.id, m.id)
                assert a.cycles == every and a.other_cycles == []
                assert chart_key(figure_for(a)) == chart_key(figure_for(a, every_cycle=True))
                assert [k.label for k in chart_key(figure_for(a))] == [
                    k.label for k in chart_key_of(chart_markers(every, phases), a)]
                if not a.result.empty:
                    then = _read(a.result, m, a.chart, a.rules, every)     # read beside every cycle, as then
                    assert (a.reading.verdict, a.reading.lead) == (then.verdict, then.lead)
                    assert a.reading.why[:len(then.why)] == then.why
                checked += 1
        assert checked >= 40
    finally:
        store.close()


def chart_key_of(markers, analysis):
    from bsc_widgets.charts import spc_figure

    return chart_key(spc_figure(analysis.result, "x", markers=markers))
