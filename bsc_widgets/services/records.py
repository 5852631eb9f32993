"""Adding, saving and removing one record: the writes every form makes, each one transaction.

``add``, ``save`` and ``remove`` take any record (a removal is kept, to be put back). Where a write means more than storing that one
record, they hand it to the named operation that knows what else must happen in the same
transaction: a PDSA cycle marks its change idea as tested (``pdsa``), an edit of a framework
record teams use keeps its old wording (``framework``). Each checks who is writing (``actor``).
"""
from __future__ import annotations

import datetime as dt

from ..base.clock import today
from ..model import ChangeIdea, ChartMark, Driver, Measure, Member, PdsaCycle, Record
from ..store import Store
from . import framework, marks, pdsa, removals
from .actor import Actor, check

FRAMEWORK = (Measure, Driver, ChangeIdea)


def add(store: Store, actor: Actor, record: Record, on: dt.date | None = None) -> Record:
    """A new record; one with an identifier gets it from the store (never from the page)."""
    if isinstance(record, PdsaCycle):
        return pdsa.plan_cycle(store, actor, record)
    if isinstance(record, ChartMark):
        return marks.set_mark(store, actor, record, on)
    with store.transaction() as tx:
        check(tx, actor, record)
        return tx.add(record)


def save(store: Store, actor: Actor, record: Record, on: dt.date | None = None) -> Record:
    """An edit of a stored record, refused if someone else changed it since it was read."""
    if isinstance(record, PdsaCycle):
        return pdsa.save_cycle(store, actor, record)
    if isinstance(record, FRAMEWORK):
        return framework.save_framework(store, actor, record, on or today())
    if isinstance(record, ChartMark):       # a mark is never edited, only taken back
        return marks.withdraw_mark(store, actor, record, on)
    with store.transaction() as tx:
        check(tx, actor, record)
        return tx.save(record)


def remove(store: Store, actor: Actor, record: Record, on: dt.date | None = None) -> Record | None:
    """Remove a record as it was read (refused if someone changed it since, or others depend on it), keeping it
    to be put back (``removals``). A mark on a chart is taken back instead, so its history stays; a member who
    attended anything leaves the team (on ``on``) instead. Returns the removal, or the record as it now stands."""
    if isinstance(record, ChartMark):
        return marks.withdraw_mark(store, actor, record)
    if isinstance(record, Member):
        return removals.remove_member(store, actor, record, on)
    return removals.take_out(store, actor, [record])

