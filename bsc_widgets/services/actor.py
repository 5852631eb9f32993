"""Who makes a change, and the one check of what they may change.

A team's workbook writes as that team: it may change the team's own records and nothing of
another team's or of the collaborative's set-up, whatever a widget message asks for. The
collaborative's pages (set-up, participation) and the command line write as the collaborative.
Under the hub, an actor also carries the signed-in account (``access``): every write reads that
account again and asks its role for the scope the record needs, so a crafted widget message, a
page left open after someone was taken off a roster, or a team member's page cannot write more
than the role allows. The actor's name goes into the log of saves.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..base.errors import NotAllowed
from ..base.language import N_, _
from ..model import (
    ACCESS_LABELS,
    AssessmentScore,
    Attendance,
    ChangeIdea,
    CoachAssignment,
    Comment,
    DriverLink,
    Lesson,
    Member,
    PdOffering,
    ReadinessTick,
    Record,
    ShareReview,
    SupportContact,
    Team,
)
from ..store import Transaction
from .access import Access, access_in


@dataclass(frozen=True)
class Actor:
    name: str | None = None       # who is saving: the log of saves and the framework history keep it
    team_id: str | None = None    # a team's workbook: only this team's records
    access: Access | None = None  # signed in through the hub: what the account's role allows

    @classmethod
    def for_team(cls, team_id: str, name: str | None = None, access: Access | None = None) -> "Actor":
        return cls(name=access.name if access else name, team_id=team_id, access=access)

    @classmethod
    def collaborative(cls, name: str | None = None, access: Access | None = None) -> "Actor":
        return cls(name=access.name if access else name, access=access)


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


# faculty's own word on a team: the review of a shared item, support the coach gave, readiness the data cannot show
FACULTY_RECORDS = (ShareReview, SupportContact, ReadinessTick)


def scope_needed(record: Record, owner: str | None) -> str:
    """The scope a write of this record asks of a signed-in account (``owner``: the team it belongs to)."""
    if isinstance(record, AssessmentScore) and record.source == "faculty" or isinstance(record, FACULTY_RECORDS) or \
            isinstance(record, (Lesson, Comment)) and owner is None:
        return "faculty"
    if isinstance(record, CoachAssignment):
        return "setup"  # a team does not choose its coach, nor drop one
    if owner is not None:
        return "team"  # own-teams for the account's own teams, all-teams for any
    if isinstance(record, PdOffering):
        return "system"
    return "setup"  # the collaborative's own records, accounts among them


def check(tx: Transaction, actor: Actor, record: Record) -> None:
    """Refuse a write this actor may not make (a team page writing another team's, or the set-up).

    Both the record as sent and the row it would replace must be the actor's team's, so that a
    write cannot move another team's record into this team either. A signed-in actor's account is
    read again here, at every write."""
    tx.by = actor.name
    owner = team_of(tx, record)
    stored, stored_owner = tx.stored_team(record)
    if stored and stored_owner != owner:
        owner = stored_owner
    if actor.access is not None:
        _check_account(tx, actor.access, record, owner)
    if actor.team_id is None:
        return
    if owner != actor.team_id:
        raise NotAllowed(_("This page belongs to one team and cannot change the collaborative’s set-up; nothing was "
                           "saved.") if owner is None else
                         _("This page belongs to one team and cannot change another team’s records; nothing was saved."))


def tick_record(tx: Transaction, actor: Actor, existing: Record | None, make: Callable[[], Record], on: bool) -> None:
    """A record that is there or not, as a tick box says (a link, a team's coach, the coach's tick): each way
    checked for this actor; ticking what is already ticked, or the reverse, writes nothing."""
    if on and existing is None:
        new = make()
        check(tx, actor, new)
        tx.save(new)
    elif not on and existing is not None:
        check(tx, actor, existing)
        tx.delete(existing)


def _check_account(tx: Transaction, signed_in: Access, record: Record, owner: str | None) -> None:
    now = access_in(tx, signed_in.username)
    if now is None or not now.active:
        raise NotAllowed(_("Your account no longer has access to this collaborative; nothing was saved. "
                           "Ask your improvement advisor if this is a mistake."))
    needed = scope_needed(record, owner)
    allowed = now.may_open(owner) if needed == "team" else now.allows(needed)
    if not allowed:
        raise NotAllowed(_(REFUSALS[needed], role=ACCESS_LABELS[now.role].lower()))


REFUSALS = {   # what an account may not change, each a whole sentence
    "team": N_("Your account (%(role)s) cannot change this team’s records; nothing was saved."),
    "faculty": N_("Your account (%(role)s) cannot change faculty’s own records (the faculty score and feedback, "
                  "the review of shared items, faculty’s comments); nothing was saved."),
    "system": N_("Your account (%(role)s) cannot change the system assessment; nothing was saved."),
    "setup": N_("Your account (%(role)s) cannot change the collaborative’s set-up; nothing was saved."),
}
