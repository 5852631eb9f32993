"""Who makes a change, and the one check of what they may change.

A team's workbook writes as that team: it may change the team's own records and nothing of
another team's or of the collaborative's set-up, whatever a widget message asks for. The
collaborative's pages (set-up, participation) and the command line write as the collaborative.
Sign-in (the hub) will give each actor its person and roles; the check stays here.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select

from ..errors import NotAllowed
from ..model import Attendance, ChangeIdea, DriverLink, Member, Record, Team
from ..store import Transaction
from ..store.schema import TABLES


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


def _stored_team(tx: Transaction, record: Record) -> tuple[bool, str | None]:
    """Whether a row with this record's key is stored, and the team it belongs to now (read without
    validating it, so that a damaged row can still be corrected by its own team)."""
    table = TABLES[type(record)]
    if "team_id" not in table.c or "team_id" in type(record).KEY:
        return False, None  # keyed by its team, or not a team's record: the record itself says whose it is
    where = and_(*(table.c[k] == v for k, v in zip(type(record).KEY, record.key())))
    row = tx.conn.execute(select(table.c.team_id).where(where)).first()
    return row is not None, row[0] if row is not None else None


def check(tx: Transaction, actor: Actor, record: Record) -> None:
    """Refuse a write this actor may not make (a team page writing another team's, or the set-up).

    Both the record as sent and the row it would replace must be the actor's team's, so that a
    write cannot move another team's record into this team either."""
    if actor.team_id is None:
        return
    owner = team_of(tx, record)
    stored, stored_owner = _stored_team(tx, record)
    if stored and stored_owner != owner:
        owner = stored_owner
    if owner != actor.team_id:
        whose = "the collaborative’s set-up" if owner is None else "another team’s records"
        raise NotAllowed(f"This page belongs to one team and cannot change {whose}; nothing was saved.")
