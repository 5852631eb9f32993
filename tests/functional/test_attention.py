"""The rules behind "questions for the coaching call" and "who needs attention", each on the few records it is
about (tests/builders.py), then once on the sample as a whole."""
import datetime as dt

import pytest

from bsc_widgets.analysis.attention import coaching_questions, ranked
from bsc_widgets.base.clock import add_months
from bsc_widgets.model import ATTENTION_REASONS, Collaborative
from tests import builders

TODAY = dt.date(2026, 11, 22)
TEAM = "our-team"
FIRST = dt.date(2025, 1, 1)


def questions(store, kind: str) -> list[str]:
    return [q.text for q in coaching_questions(store, TODAY)[TEAM] if q.kind == kind]


def settle(store, **values) -> None:
    """Set-up changes a threshold."""
    store.save(store.collaborative().model_copy(update=values))


@pytest.fixture
def store(empty_store):
    """A collaborative from January 2025, one team in it from the start, one measure where more is better."""
    builders.collaborative(empty_store, start=FIRST, end=dt.date(2027, 6, 30))
    builders.team(empty_store, TEAM, joined=FIRST)
    builders.measure(empty_store, "m", name="Positive notes home")
    return empty_store


def test_two_months_without_data_are_asked_about(store):
    builders.observations(store, TEAM, "m", [50] * 20, first=FIRST, denominator=100)      # to August 2026
    assert questions(store, "no_data") == ["No data for September 2026 and October 2026 on: Positive notes home. "
                                           "What is getting in the way of collecting it?"]
    builders.observations(store, TEAM, "m", [50], first=dt.date(2026, 9, 1), denominator=100)
    assert questions(store, "no_data") == []


def test_a_signal_with_no_pdsa_near_it_is_asked_about_and_one_near_it_explains_it(store):
    builders.observations(store, TEAM, "m", [40, 42, 39, 41, 38, 40, 43, 37, 40, 41, 39, 42] + [70] * 10,
                          first=FIRST, denominator=100)                                # a shift from January 2026
    assert questions(store, "unexplained_signal") == [
        "Positive notes home shows a signal of improvement, with no PDSA cycle near it. What changed? Is there a "
        "test we have not recorded?"]
    builders.idea(store)
    builders.cycle(store, TEAM, "idea", start=dt.date(2025, 12, 1), end=dt.date(2025, 12, 20),
                   study_notes="It helped.")
    assert questions(store, "unexplained_signal") == []


def test_a_finished_cycle_without_study_is_asked_about_a_week_after_it_ends(store):
    builders.idea(store)
    cycle = builders.cycle(store, TEAM, "idea", title="Notes at pick-up", start=dt.date(2026, 10, 1),
                           end=dt.date(2026, 11, 16))                                  # six days ago
    assert questions(store, "no_study") == []
    store.save(cycle.model_copy(update={"end": dt.date(2026, 11, 15)}))                  # a week ago
    assert questions(store, "no_study") == [
        "The cycle “Notes at pick-up” ended on 15 November 2026 but has no Study recorded. What did you learn?"]


def test_a_gap_of_a_point_between_the_teams_score_and_facultys_is_asked_about(store):
    month = dt.date(2026, 10, 1)
    builders.score(store, TEAM, month, 3.5)
    builders.score(store, TEAM, month, 3.0, source="faculty")
    assert questions(store, "score_gap") == []
    builders.score(store, TEAM, dt.date(2026, 11, 1), 4.0)
    builders.score(store, TEAM, dt.date(2026, 11, 1), 3.0, source="faculty")             # the latest month counts
    assert questions(store, "score_gap") == [
        "In November 2026 the team scored itself 4 and faculty scored 3. What does each side see?"]


def test_a_report_overdue_in_the_last_three_months_is_asked_about(store):
    for k in range(21):                                                  # January 2025 to September 2026
        builders.report(store, TEAM, add_months(FIRST, k))
    assert questions(store, "report_missing") == ["Monthly report not in for October 2026. What would make it easier "
                                                  "to send? It can be filled in together on the call."]
    builders.report(store, TEAM, dt.date(2026, 10, 1))
    assert questions(store, "report_missing") == []


def test_the_sample_flags_a_score_gap_and_a_missing_report(sample_store):
    kinds = [q.kind for q in coaching_questions(sample_store, TODAY)["hearth-fcc"]
             if q.kind not in ("unexplained_signal", "concern")]
    assert kinds == ["report_missing", "score_gap"]          # most urgent first


def test_one_team_or_all_teams_give_the_same_questions(sample_store):
    everyone = coaching_questions(sample_store, TODAY)
    for team, found in everyone.items():
        assert coaching_questions(sample_store, TODAY, team_id=team)[team] == found


def test_a_team_with_no_new_cycle_for_the_weeks_set_up_chose_is_stalled(store):
    builders.idea(store)
    builders.cycle(store, TEAM, "idea", title="Notes at pick-up", start=dt.date(2026, 10, 12))   # 5 weeks and 6 days
    assert questions(store, "stalled") == []
    settle(store, stalled_weeks=4)
    assert questions(store, "stalled") == [
        "No new PDSA cycle for 5 weeks (the last began on 12 October 2026). What got in the way? Plan one small test "
        "for this week together."]
    builders.cycle(store, TEAM, "idea", id="second", title="Notes at drop-off", start=dt.date(2026, 11, 2))
    assert questions(store, "stalled") == []


def test_a_team_that_never_began_a_cycle_is_stalled_once_the_action_period_is_weeks_old(empty_store):
    builders.collaborative(empty_store)                                     # its action period from January 2026
    builders.team(empty_store, TEAM, joined=dt.date(2026, 10, 1))
    builders.team(empty_store, "newcomer", name="Newcomer", joined=dt.date(2026, 11, 2))
    found = coaching_questions(empty_store, TODAY)
    assert [q.text for q in found[TEAM] if q.kind == "stalled"] == [
        "No PDSA cycle yet, 7 weeks into the action period. What got in the way? Plan the first small test together."]
    assert [q for q in found["newcomer"] if q.kind == "stalled"] == []       # joined three weeks ago


def test_a_self_assessment_that_fell_by_the_set_up_drop_is_asked_about(store):
    builders.score(store, TEAM, dt.date(2026, 9, 1), 3.5)
    builders.score(store, TEAM, dt.date(2026, 10, 1), 3.0)
    builders.score(store, TEAM, dt.date(2026, 10, 1), 1.0, source="faculty")          # faculty's, not the team's
    assert questions(store, "falling_score") == []
    builders.score(store, TEAM, dt.date(2026, 11, 1), 2.0)
    assert questions(store, "falling_score") == [
        "The team’s self-assessment fell from 3 in October 2026 to 2 in November 2026. Ask what made them score "
        "lower: it is often what they have learned, not what they lost."]
    settle(store, score_drop=1.5)
    assert questions(store, "falling_score") == []


def test_a_recent_signal_of_concern_is_its_own_reason_and_an_old_one_is_only_unexplained(store):
    builders.observations(store, TEAM, "m", [60, 62, 59, 61, 58, 60, 63, 57, 60, 61, 59, 62] + [30] * 10,
                          first=FIRST, denominator=100)               # worse from January 2026, still
    assert questions(store, "concern") == [
        "Positive notes home shows a signal of concern from January 2026, with no PDSA cycle near it. What changed? "
        "Is there a test we have not recorded?"]
    builders.idea(store)
    builders.cycle(store, TEAM, "idea", title="Notes by e-mail", start=dt.date(2025, 12, 1), end=dt.date(2026, 1, 20),
                   study_notes="Fewer notes went out.")
    assert questions(store, "concern") == [
        "Positive notes home shows a signal of concern from January 2026, while “Notes by e-mail” was being tested. "
        "Look at the chart together: is the change making things worse, or is something else going on?"]


def test_a_concern_that_ended_long_ago_is_named_as_it_was_not_as_an_improvement(store):
    values = [40, 42, 39, 41, 38, 40, 20, 22, 19, 21, 20, 22, 18, 44, 36, 40, 38, 42, 35, 41, 39, 37]
    builders.observations(store, TEAM, "m", values, first=FIRST, denominator=100)    # low July 2025 to January 2026
    assert questions(store, "concern") == []
    assert questions(store, "unexplained_signal") == [
        "Positive notes home shows a signal of concern, with no PDSA cycle near it. What changed? Is there a test we "
        "have not recorded?"]


def test_teams_are_ranked_by_their_most_urgent_reason_and_only_the_chosen_reasons_flag(empty_store):
    collab = builders.collaborative(empty_store, start=dt.date(2026, 1, 1), end=dt.date(2027, 6, 30))
    a, b, c = (builders.team(empty_store, i, name=n, joined=dt.date(2026, 1, 1))
               for i, n in (("a", "Zinnia"), ("b", "Aster"), ("c", "Basil")))
    builders.idea(empty_store)
    for t in ("a", "b", "c"):
        builders.cycle(empty_store, t, "idea", id=f"{t}-new", start=dt.date(2026, 11, 9))
    builders.cycle(empty_store, "c", "idea", id="c-old", title="Old", start=dt.date(2026, 9, 1),
                   end=dt.date(2026, 9, 20))                                            # no Study: c's only reason
    builders.score(empty_store, "b", dt.date(2026, 10, 1), 4.0)
    builders.score(empty_store, "b", dt.date(2026, 11, 1), 3.0)                         # b: a fall
    for month in range(1, 11):
        if month != 10:
            builders.report(empty_store, "a", dt.date(2026, month, 1))                  # a: October's report is late
        builders.report(empty_store, "b", dt.date(2026, month, 1))
        builders.report(empty_store, "c", dt.date(2026, month, 1))
    order = ranked([a, b, c], coaching_questions(empty_store, TODAY))
    assert [(r.team.name, r.first.kind) for r in order] == [
        ("Zinnia", "report_missing"), ("Aster", "falling_score"), ("Basil", "no_study")]
    assert [r.team.name for r in order if r.flagged(collab)] == ["Zinnia"]
    chosen = collab.model_copy(update={"attention_reasons": ["falling_score", "no_study"]})
    assert [r.team.name for r in order if r.flagged(chosen)] == ["Aster", "Basil"]


def test_the_order_of_reasons_is_written_once_and_set_up_may_choose_only_from_it():
    assert list(ATTENTION_REASONS)[:4] == ["report_missing", "stalled", "concern", "unexplained_signal"]
    with pytest.raises(ValueError):
        Collaborative(id="c", name="C", topic="T", aim="A", start=FIRST, end=dt.date(2027, 1, 1),
                      attention_reasons=["everything"])
