"""The rules behind "questions for the coaching call" and "who needs attention", each on the few records it is
about (tests/builders.py), then once on the sample as a whole."""
import datetime as dt

import pytest

from bsc_widgets.analysis.attention import coaching_questions
from bsc_widgets.base.clock import add_months
from tests import builders

TODAY = dt.date(2026, 11, 22)
TEAM = "our-team"
FIRST = dt.date(2025, 1, 1)


def questions(store, kind: str) -> list[str]:
    return [q.text for q in coaching_questions(store, TODAY)[TEAM] if q.kind == kind]


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
    assert questions(store, "report_missing") == ["Monthly report not in for October 2026."]
    builders.report(store, TEAM, dt.date(2026, 10, 1))
    assert questions(store, "report_missing") == []


def test_the_sample_flags_a_score_gap_and_a_missing_report(sample_store):
    kinds = [q.kind for q in coaching_questions(sample_store, TODAY)["hearth-fcc"] if q.kind != "unexplained_signal"]
    assert kinds == ["score_gap", "report_missing"]


def test_one_team_or_all_teams_give_the_same_questions(sample_store):
    everyone = coaching_questions(sample_store, TODAY)
    for team, found in everyone.items():
        assert coaching_questions(sample_store, TODAY, team_id=team)[team] == found
