"""Editing a change framework that teams already use: every edit kept, nothing a team entered lost.

Team data points at measures and change ideas by identifier, which never changes. So:

- renaming a change idea or rewording a measure keeps every cycle and data point attached, and
  the old wording is written to the framework's history with the day and the editor's name;
- removing a measure, driver or change idea that teams have used retires it instead: its data
  stays and is marked retired, and nothing new can be dated after the retirement. A record no
  team has used yet is simply deleted (with its links).
"""
from __future__ import annotations

import datetime as dt

from ..model import (
    ChangeIdea,
    Driver,
    DriverLink,
    FrameworkChange,
    Measure,
    Observation,
    PdsaCycle,
    Record,
    StratumObservation,
    TeamChangeIdea,
    wording,
)
from ..store import Store, Transaction
from .actor import Actor, check, tick_record

# the fields whose old wording is worth keeping, per kind of framework record
TRACKED: dict[type[Record], tuple[str, ...]] = {
    Measure: ("name", "type", "kind", "operational_definition", "numerator", "denominator", "frequency",
              "direction", "goal", "multiplier", "unit", "stratified_by", "retired_on"),
    Driver: ("title", "description", "kind", "retired_on"),
    ChangeIdea: ("title", "description", "retired_on"),
}


def in_use(tx: Transaction, record: Record) -> bool:
    """Whether any team has entered something against this record."""
    if isinstance(record, Measure):
        return bool(tx.list(Observation, measure_id=record.id) or tx.list(StratumObservation, measure_id=record.id)
                    or any(record.id in (c.measure_ids or []) for c in tx.list(PdsaCycle)))
    if isinstance(record, ChangeIdea):
        return bool(tx.list(PdsaCycle, change_idea_id=record.id) or tx.list(TeamChangeIdea, change_idea_id=record.id))
    if isinstance(record, Driver):
        return tx.count(TeamChangeIdea) > 0 or tx.count(PdsaCycle) > 0  # teams build on the whole diagram
    return False


def _log(tx: Transaction, before: Record, after: Record, on: dt.date, by: str | None) -> None:
    for field in TRACKED[type(after)]:
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            tx.add(FrameworkChange(id="new", record_table=after.TABLE, record_id=after.id, field=field,
                                   before=wording(old), after=wording(new), changed_on=on, changed_by=by))


def save_framework(store: Store, actor: Actor, record: Record, on: dt.date) -> Record:
    """Add or edit a measure, driver or change idea; if teams use it, keep what it said before."""
    with store.transaction() as tx:
        check(tx, actor, record)
        before = tx.get(type(record), *record.key()) if record.version else None
        saved = tx.save(record) if record.version else tx.add(record)
        if before is not None and in_use(tx, before):
            _log(tx, before, saved, on, actor.name)
        return saved


def retire(store: Store, actor: Actor, record: Record, on: dt.date) -> str:
    """Retire a record teams use (returns "retired"), or delete one nobody has used ("deleted")."""
    with store.transaction() as tx:
        check(tx, actor, record)
        if in_use(tx, record):
            retired = tx.save(record.model_copy(update={"retired_on": on}))
            _log(tx, record, retired, on, actor.name)
            return "retired"
        for link in tx.list(DriverLink, source_id=record.id) + tx.list(DriverLink, target_id=record.id):
            tx.delete(link)
        tx.delete(record)
        return "deleted"


def restore(store: Store, actor: Actor, record: Record, on: dt.date) -> Record:
    """Bring a retired record back into use."""
    return save_framework(store, actor, record.model_copy(update={"retired_on": None}), on)


def link(store: Store, actor: Actor, source: str, target: str, on: bool) -> None:
    """Tick or untick one link of the driver diagram (a change idea feeding a driver, or a driver another)."""
    with store.transaction() as tx:
        tick_record(tx, actor, tx.get(DriverLink, source, target),
                    lambda: DriverLink(source_id=source, target_id=target), on)
