"""Who makes a change, and the one check of what they may change.

A team's workbook writes as that team: it may change the team's own records and nothing of
another team's or of the collaborative's set-up, whatever a widget message asks for. The
collaborative's pages (set-up, participation) and the command line write as the collaborative.
Sign-in (the hub) will give each actor its person and roles; the check stays here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import NotAllowed
from ..model import Attendance, ChangeIdea, DriverLink, Member, Record, Team
from ..store import Transaction


@dataclass(frozen=True)
class Actor:
    name: str | None = None       # kept with a change where the record keeps one (framework history)
    team_id: str | None = None    # a team's workbook: only this team's records

    @classmethod
    def for_team(cls, team_id: str, name: str | None = None) -> "Actor":
        return cls(name=name, team_id=team_id)

    @classmethod
    def collaborative(cls, name: str | None = None) -> "Actor":
        return cls(name=name)


COMMAND_LINE = Actor(name="command line")


def team_of(tx: Transaction, record: Record) -> str | None:
    """The team a record belongs to, or None for the collaborative's own records."""
    if isinstance(record, Team):
        return record.id
    if isinstance(record, Attendance):
        member = tx.get(Member, record.member_id)
        return member.team_id if member else None
    if isinstance(record, DriverLink):  # a team's own change idea links into the shared diagram
        idea = tx.get(ChangeIdea, record.source_id)
        return idea.team_id if idea else None
    return getattr(record, "team_id", None)


def check(tx: Transaction, actor: Actor, record: Record) -> None:
    """Refuse a write this actor may not make (a team page writing another team's, or the set-up)."""
    if actor.team_id is None:
        return
    owner = team_of(tx, record)
    if owner != actor.team_id:
        whose = "the collaborative’s set-up" if owner is None else "another team’s records"
        raise NotAllowed(f"This page belongs to one team and cannot change {whose}; nothing was saved.")
