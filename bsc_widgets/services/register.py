"""A register: which of a team's members attended one event (a learning session, affinity group or call).

A register is saved whole, in one transaction: ticked members added or updated, unticked ones
removed. It is versioned as a whole too: its version is the attendance it held when the page
read it, so a save from a page opened before someone else saved the same register is refused
with the same message as any stale save, and nothing is written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..base.errors import InvalidRecord, Problem
from ..base.language import _, day
from ..model import EVENT_KIND_LABELS, Attendance, Member
from ..store import Store, Transaction
from ..store.store import stale
from .actor import Actor, check


@dataclass(frozen=True)
class Register:
    team_id: str
    event_kind: str
    date: dt.date
    marks: dict[str, Attendance]  # member id -> their attendance record

    @property
    def version(self) -> frozenset[tuple[str, int]]:
        return frozenset((member, a.version) for member, a in self.marks.items())

    def describe(self) -> str:
        return _("the register for the %(event)s on %(day)s", event=EVENT_KIND_LABELS[self.event_kind].lower(),
                 day=day(self.date))


def _read(tx: Transaction, team_id: str, event_kind: str, date: dt.date) -> Register:
    members = {m.id for m in tx.list(Member, team_id=team_id)}
    marks = {a.member_id: a for a in tx.list(Attendance, event_kind=event_kind, date=date) if a.member_id in members}
    return Register(team_id, event_kind, date, marks)


def open_register(store: Store, team_id: str, event_kind: str, date: dt.date) -> Register:
    with store.reading() as tx:
        return _read(tx, team_id, event_kind, date)


def take_register(store: Store, actor: Actor, register: Register, present: Iterable[str], hours: object,
                  phase_id: str | None) -> tuple[Register, int, int]:
    """Write who was present, all or nothing; returns the register as saved, how many present and removed."""
    present = list(dict.fromkeys(present))
    records = []
    for member_id in present:
        old = register.marks.get(member_id)
        records.append(Attendance.build(member_id=member_id, event_kind=register.event_kind, date=register.date,
                                        hours=hours, phase_id=phase_id or None, version=old.version if old else 0))
    with store.transaction() as tx:
        now = _read(tx, register.team_id, register.event_kind, register.date)
        if now.version != register.version:
            raise stale(register.describe())
        members = {m.id: m for m in tx.list(Member, team_id=register.team_id)}
        strangers = [m for m in present if m not in members]
        if strangers:
            raise InvalidRecord(_("Nothing was saved:"), [Problem(_("“%(member)s” is not a member of this team (any "
                                                                    "more).", member=m)) for m in strangers[:5]])
        gone = [a for member, a in now.marks.items() if member not in present]
        for a in gone:
            check(tx, actor, a)
            tx.delete(a)
        for record in records:
            check(tx, actor, record)
            tx.save(record)
        return _read(tx, register.team_id, register.event_kind, register.date), len(records), len(gone)
