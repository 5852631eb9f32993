"""Small builders, so a test states its own data instead of leaning on the generated sample.

Each writes real records to a real (usually empty) store and returns them. Defaults are the
least a record needs; a test names only what it is about.
"""
from __future__ import annotations

import datetime as dt
import itertools

from bsc_widgets.model import ChangeIdea, Collaborative, Measure, Member, Observation, PdsaCycle, Phase, Team

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
_n = itertools.count(1)


def collaborative(store, **values) -> Collaborative:
    record = Collaborative(**{"id": "c", "name": "A collaborative", "topic": "Testing", "aim": "An aim.",
                              "start": START, "end": END} | values)
    store.save(record)
    store.save(Phase(id="ap1", kind="action_period", number=1, name="Action period 1", start=START, end=END))
    return record


def team(store, id: str | None = None, **values) -> Team:
    return store.save(Team(**{"id": id or f"team-{next(_n)}", "name": "A team", "program_type": "head_start",
                              "joined": START} | values))


def member(store, team_id: str, **values) -> Member:
    return store.save(Member(**{"id": f"m-{next(_n)}", "team_id": team_id, "name": "Someone", "role": "teacher"}
                             | values))


def measure(store, id: str = "feedback", kind: str = "proportion", **values) -> Measure:
    base = {"id": id, "name": f"Measure {id}", "type": "process", "kind": kind, "operational_definition": "Counted.",
            "direction": "up"}
    if kind in ("proportion", "rate"):
        base |= {"denominator": "observed", "multiplier": 100.0}
    return store.save(Measure(**base | values))


def observations(store, team_id: str, measure_id: str, values: list[float], first: dt.date = START,
                 denominator: float | None = None) -> list[Observation]:
    """One period a month from ``first``: a value each, or numerators over ``denominator``."""
    out = []
    for i, v in enumerate(values):
        period = dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        numbers = {"numerator": v, "denominator": denominator} if denominator else {"value": v}
        out.append(store.save(Observation(team_id=team_id, measure_id=measure_id, period=period, **numbers)))
    return out


def idea(store, id: str = "idea", **values) -> ChangeIdea:
    return store.save(ChangeIdea(**{"id": id, "title": f"Idea {id}"} | values))


def cycle(store, team_id: str, idea_id: str, **values) -> PdsaCycle:
    return store.save(PdsaCycle(**{"id": f"cycle-{next(_n)}", "team_id": team_id, "change_idea_id": idea_id,
                                   "title": "A test", "objective": "See if it helps.", "start": START} | values))
