import datetime as dt

from bsc_widgets.model import Collaborative, Phase
from bsc_widgets.analysis.timeline import position

COLLAB = Collaborative(id="c", name="N", topic="T", aim="A", start=dt.date(2025, 9, 1), end=dt.date(2026, 12, 31))
PHASES = [
    Phase(id="pre-work", kind="pre_work", name="Pre-work", start=dt.date(2025, 9, 1), end=dt.date(2025, 11, 5)),
    Phase(id="ls1", kind="learning_session", number=1, name="Learning Session 1",
          start=dt.date(2025, 11, 6), end=dt.date(2025, 11, 7)),
    Phase(id="ap1", kind="action_period", number=1, name="Action Period 1",
          start=dt.date(2025, 11, 10), end=dt.date(2026, 12, 31)),
]


def test_during_a_phase_says_which_day_and_what_is_next():
    where = position(COLLAB, PHASES, dt.date(2025, 11, 6))
    assert where.current.id == "ls1" and where.day_of == (1, 2)
    assert where.sentence() == ("Today is 6 November 2025. We are in Learning Session 1 (day 1 of 2). "
                                "Next: Action Period 1, from 10 November 2025.")


def test_gap_between_phases_before_and_after():
    assert position(COLLAB, PHASES, dt.date(2025, 11, 8)).state == "between"
    before = position(COLLAB, PHASES, dt.date(2025, 8, 1))
    assert before.state == "before" and "has not started yet" in before.sentence()
    assert position(COLLAB, PHASES, dt.date(2027, 1, 1)).state == "after"
