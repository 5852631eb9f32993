"""Staff turnover and the sustain phase, on a real store: dose counts each member only while they belonged, and
the effectiveness summary says whether the gains held after the summative session."""
import datetime as dt

import numpy as np

from bsc_widgets.analysis.dosage import departed, participation_sentence, role_doses, years_so_far
from bsc_widgets.analysis.effectiveness import effectiveness
from bsc_widgets.base.errors import InvalidRecord
from bsc_widgets.model import Collaborative, Member, Observation
from bsc_widgets.services import Actor, save
from bsc_widgets.analysis.sustain import held
from tests import builders

TEAM = "riverbend-prek"


def test_a_member_who_left_is_not_in_the_averages_and_the_reading_says_so(empty_store):
    builders.collaborative(empty_store)
    builders.team(empty_store, TEAM)
    leaving, staying = (builders.member(empty_store, TEAM, role="teacher", joined_on=builders.START) for _k in "ab")
    builders.attended(empty_store, leaving.id, 12, dt.date(2026, 2, 12))
    builders.attended(empty_store, staying.id, 6, dt.date(2026, 2, 12))
    save(empty_store, Actor.for_team(TEAM), leaving.model_copy(update={"left_on": dt.date(2026, 9, 1)}))
    now = empty_store.as_of(dt.date(2026, 11, 22))
    dose = next(d for d in role_doses(now, TEAM) if d.role == "teacher")
    assert (dose.members, dose.learning_hours) == (1, 6)
    assert departed(now, TEAM) == {TEAM: 1}
    said = participation_sentence(role_doses(now, TEAM), years_so_far(builders.START, builders.END,
                                                                      dt.date(2026, 11, 22)), 1)
    assert "1 member has left the team and is no longer counted." in said
    before = empty_store.as_of(dt.date(2026, 8, 31))        # a view of August still counts them: they belonged
    assert next(d for d in role_doses(before, TEAM) if d.role == "teacher").learning_hours == 9
    assert departed(before, TEAM) == {}


def test_a_member_cannot_leave_before_joining():
    try:
        Member.build(id="m", team_id=TEAM, name="Someone", role="teacher", joined_on="2026-05-01", left_on="2026-04-01")
    except InvalidRecord as exc:
        assert "cannot leave (1 April 2026) before joining (1 May 2026)" in str(exc.problems)
    else:
        raise AssertionError("saved")


def test_the_rules_say_whether_gains_held():
    level = np.array([70, 72, 75, 71, 74, 73.0])
    assert held(level, np.array([73, 71, 74, 72, 75, 70, 73.0]), "up") == "held"
    assert held(level, np.array([60, 61, 62, 63, 64, 65, 66, 64.0]), "up") == "slipped"
    assert held(level, np.array([80, 81, 82, 83, 84, 85, 86, 84.0]), "up") == "improving"
    assert held(level, np.array([60, 61, 62, 63, 64, 65, 66, 64.0]), "down") == "improving"   # lower is better
    assert held(level, np.array([80, 81, 82.0]), "up") == "too_few"


def test_data_continues_into_the_sustain_phase_and_the_summary_says_if_gains_held(sample_store):
    collab = sample_store.collaborative()
    actor = Actor.collaborative("advisor")
    try:
        Collaborative.build(**(collab.data() | {"sustain_until": collab.end}))
    except InvalidRecord as exc:
        assert "must end after the collaborative’s end date" in str(exc.problems)
    else:
        raise AssertionError("a sustain phase ending with the collaborative was accepted")
    # the collaborative ends in June; the sustain phase runs to December
    collab = save(sample_store, actor, Collaborative.build(version=collab.version, **(collab.data() | {"end": "2026-06-30",
                                                                                "sustain_until": "2026-12-31"})))
    assert collab.last_day == dt.date(2026, 12, 31) and collab.sustaining(dt.date(2026, 11, 22))
    after = Observation.build(team_id=TEAM, measure_id="positive-feedback", period="2026-12-01", numerator=9,
                              denominator=10, version=0)
    save(sample_store, Actor.for_team(TEAM), after)                # December is inside the calendar now
    result = effectiveness(sample_store, dt.date(2026, 12, 31))
    judged = {k: r.held for k, r in result.results.items() if r.held is not None}
    assert judged, "no improvement was judged in the sustain phase"
    assert set(judged.values()) <= {"held", "slipped", "improving", "changed", "too_few"}
    assert any(s.startswith("In the sustain phase, of") for s in result.sentences())
    outside = Observation.build(team_id=TEAM, measure_id="positive-feedback", period="2027-01-01", numerator=9,
                                denominator=10, version=0)
    try:
        save(sample_store, Actor.for_team(TEAM), outside)
    except InvalidRecord as exc:
        assert "outside the collaborative’s calendar" in str(exc.problems)
    else:
        raise AssertionError("saved after the sustain phase")
