"""Taking out what was entered by mistake, and putting it back: a period's numbers, a PDSA cycle, a member.

A removal deletes the records and keeps them, whole, in one ``Removal`` written in the same transaction,
with who removed them and when; views read only the records' own tables, so they leave them out. Putting
back writes the same records again, unless someone has entered their place since (then nothing is
written, and the page says so). A member who attended anything is not removed: their membership ends,
so the dose figures stop counting them and their attendance stays true.
"""
from __future__ import annotations

import datetime as dt

from ..base.clock import now, today
from ..base.errors import ConflictError
from ..base.language import _
from ..model import Attendance, Event, Measure, Member, Observation, Record, Removal, Sample, StratumObservation
from ..store import Store, Transaction
from ..store.store import stale
from .actor import Actor, check, team_of

RECENT = 5    # the removals a page lists to undo


def take_out(store: Store, actor: Actor, records: list[Record]) -> Removal:
    """Remove records together (each as it was read), keeping them in one removal to be put back."""
    with store.transaction() as tx:
        return _take_out(tx, actor, records)


def _take_out(tx: Transaction, actor: Actor, records: list[Record]) -> Removal:
    for record in records:
        check(tx, actor, record)
    removal = Removal.of(records, team_of(tx, records[0]), now(), actor.name)
    check(tx, actor, removal)
    for record in records:
        tx.delete(record)                   # refused if someone changed it since it was read
    return tx.add(removal)


def period_records(store: Store, team_id: str, measure: Measure, when: dt.date) -> list[Record]:
    """Everything a team entered for one period of a measure (or, for rare events, one day)."""
    key = dict(team_id=team_id, measure_id=measure.id)
    if measure.kind == "events":
        return store.list(Event, day=when, **key)
    found: list[Record] = store.list(Sample if measure.kind == "subgroups" else Observation, period=when, **key)
    return found + store.list(StratumObservation, period=when, **key)


def remove_period(store: Store, actor: Actor, team_id: str, measure: Measure, when: dt.date) -> Removal | None:
    """A period's numbers (its group figures with them) taken out; None when nothing is entered for it."""
    records = period_records(store, team_id, measure, when)
    return take_out(store, actor, records) if records else None


def remove_member(store: Store, actor: Actor, member: Member, on: dt.date | None = None) -> Removal | Member:
    """A member entered by mistake is taken out; one who attended anything leaves the team instead (from ``on``),
    so their attendance stays and the dose counts them only while they belonged."""
    with store.transaction() as tx:
        if not tx.list(Attendance, member_id=member.id):
            return _take_out(tx, actor, [member])
        check(tx, actor, member)
        left = member.left_on or max(on or today(), member.joined_on or dt.date.min)
        return tx.save(member.model_copy(update={"left_on": left}))


def put_back(store: Store, actor: Actor, removal: Removal) -> list[Record]:
    """The removed records written again as they were; refused, writing nothing, if one's place is taken."""
    with store.transaction() as tx:
        stored = tx.get(Removal, removal.id)
        if stored is None or stored.version != removal.version:
            raise stale(removal, tx.last_save(removal))
        if stored.restored_at is not None:
            return []
        check(tx, actor, stored)
        records = stored.records()
        for record in records:
            check(tx, actor, record)
            if tx.get(type(record), *record.key()) is not None:
                raise ConflictError(_("Someone has entered %(what)s again since it was removed, so nothing was put "
                                      "back. Remove the new entry first if the old one should come back.",
                                      what=record.describe()))
            tx.save(record.model_copy(update={"version": 0}))
        tx.save(stored.model_copy(update={"restored_at": now(), "restored_by": actor.name}))
        return records


def recent_removals(store: Store, team_id: str | None, limit: int = RECENT,
                    tables: tuple[str, ...] | None = None) -> list[Removal]:
    """A team's latest removals not yet put back (of records in ``tables``), newest first: what a page offers to
    undo."""
    kept = [r for r in store.list(Removal, team_id=team_id) if r.restored_at is None
            and (tables is None or r.record_table in tables)]
    return sorted(kept, key=lambda r: (r.removed_at, r.id), reverse=True)[:limit]
