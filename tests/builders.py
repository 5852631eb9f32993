"""Small builders, so a test states its own data instead of leaning on the generated sample.

Each writes real records to a real (usually empty) store and returns them. Defaults are the
least a record needs; a test names only what it is about.
"""
from __future__ import annotations

import datetime as dt
import itertools

from bsc_widgets.base.clock import add_months
from bsc_widgets.model import (Account, AssessmentScore, Attendance, ChangeIdea, Collaborative, Driver, DriverLink, Event,
                               Measure, Member, MonthlyReport, Observation, PdsaCycle, Phase, Sample, Team)

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
        period = add_months(first.replace(day=1), i)
        numbers = {"numerator": v, "denominator": denominator} if denominator else {"value": v}
        out.append(store.save(Observation(team_id=team_id, measure_id=measure_id, period=period, **numbers)))
    return out


def idea(store, id: str = "idea", **values) -> ChangeIdea:
    return store.save(ChangeIdea(**{"id": id, "title": f"Idea {id}"} | values))


def driver(store, id: str, kind: str = "secondary", feeds: tuple[str, ...] = (), **values) -> Driver:
    """A driver, linked to the drivers it ``feeds`` (a secondary driver feeds primary ones)."""
    made = store.save(Driver(**{"id": id, "kind": kind, "title": f"Driver {id}"} | values))
    for target in feeds:
        store.save(DriverLink(source_id=id, target_id=target))
    return made


def feeds(store, idea_id: str, driver_id: str) -> DriverLink:
    """A change idea feeding a secondary driver."""
    return store.save(DriverLink(source_id=idea_id, target_id=driver_id))


def cycle(store, team_id: str, idea_id: str, **values) -> PdsaCycle:
    return store.save(PdsaCycle(**{"id": f"cycle-{next(_n)}", "team_id": team_id, "change_idea_id": idea_id,
                                   "title": "A test", "objective": "See if it helps.", "start": START} | values))


def account(store, username: str, role: str = "team_member", **values) -> Account:
    """An account as the hub signs it in (``JUPYTERHUB_USER``); a team member's teams are the rosters that list
    ``username`` as an e-mail address."""
    return store.save(Account(**{"username": username, "name": username.split("@")[0].title(), "access": role,
                                 "email": username} | values))


def events(store, team_id: str, measure_id: str, days: list[dt.date]) -> list[Event]:
    """One event on each day."""
    return [store.save(Event(team_id=team_id, measure_id=measure_id, day=d)) for d in days]


def samples(store, team_id: str, measure_id: str, periods: list[list[float]], first: dt.date = START) -> list[Sample]:
    """Several values a period, one period a month from ``first``."""
    return [store.save(Sample(team_id=team_id, measure_id=measure_id, period=add_months(first.replace(day=1), i),
                              number=k + 1, value=v))
            for i, values in enumerate(periods) for k, v in enumerate(values)]


def score(store, team_id: str, month: dt.date, value: float, source: str = "team") -> AssessmentScore:
    """A score on the assessment scale (the default scale: any level from 0.5 to 5)."""
    return store.save(AssessmentScore(team_id=team_id, month=month, source=source, score=value))


def report(store, team_id: str, month: dt.date, **values) -> MonthlyReport:
    return store.save(MonthlyReport(team_id=team_id, month=month, **{"highlights": "We met twice."} | values))


def attended(store, member_id: str, hours: float, day: dt.date = START, kind: str = "learning_session") -> Attendance:
    return store.save(Attendance(member_id=member_id, event_kind=kind, date=day, hours=hours))
