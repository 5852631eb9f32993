"""Editing a change framework that teams already use: every edit kept, nothing a team entered lost.

Team data points at measures and change ideas by identifier, which never changes. So:

- renaming a change idea or rewording a measure keeps every cycle and data point attached,
  and the old wording is written to the framework's history with the date it changed, so
  anyone can see what earlier data was entered against;
- removing a measure, driver or change idea that teams have used retires it instead: its data
  stays and is marked retired, and nothing new can be dated after the retirement. A record no
  team has used yet is simply deleted.
"""
from __future__ import annotations

import datetime as dt

from .model import (ChangeIdea, Driver, DriverLink, FrameworkChange, Measure, Observation, PdsaCycle, Record,
                    StratumObservation, TeamChangeIdea)
from .store import Store
from .store.store import Transaction

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
        return bool(tx.list(Observation, measure_id=record.id) or tx.list(StratumObservation, measure_id=record.id))
    if isinstance(record, ChangeIdea):
        return bool(tx.list(PdsaCycle, change_idea_id=record.id) or tx.list(TeamChangeIdea, change_idea_id=record.id))
    if isinstance(record, Driver):
        return tx.count(TeamChangeIdea) > 0 or tx.count(PdsaCycle) > 0  # teams build on the whole diagram
    return False


def _text(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else f"{value:g}" if isinstance(value, float) else str(value)


def _log(tx: Transaction, before: Record, after: Record, on: dt.date, by: str | None) -> None:
    for field in TRACKED[type(after)]:
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            tx.add(FrameworkChange(id="new", record_table=after.TABLE, record_id=after.id, field=field,
                                   before=_text(old), after=_text(new), changed_on=on, changed_by=by))


def save_framework(store: Store, record: Record, on: dt.date, by: str | None = None) -> Record:
    """Save a framework record; if teams use it, keep what it said before (one transaction)."""
    with store.transaction() as tx:
        before = tx.get(type(record), *record.key()) if record.version else None
        saved = tx.save(record) if record.version else tx.add(record)
        if before is not None and in_use(tx, before):
            _log(tx, before, saved, on, by)
        return saved


def remove_framework(store: Store, record: Record, on: dt.date, by: str | None = None) -> str:
    """Retire a record teams use (returns "retired"), or delete one nobody has used ("deleted")."""
    with store.transaction() as tx:
        if in_use(tx, record):
            retired = tx.save(record.model_copy(update={"retired_on": on}))
            _log(tx, record, retired, on, by)
            return "retired"
        for link in tx.list(DriverLink, source_id=record.id) + tx.list(DriverLink, target_id=record.id):
            tx.delete(link)
        tx.delete(record)
        return "deleted"


def restore_framework(store: Store, record: Record, on: dt.date, by: str | None = None) -> Record:
    """Bring a retired record back into use."""
    return save_framework(store, record.model_copy(update={"retired_on": None}), on, by)


def history(store: Store, record: Record) -> list[FrameworkChange]:
    return [c for c in store.list(FrameworkChange, record_id=record.id) if c.record_table == record.TABLE]


def wording_on(record: Record, field: str, changes: list[FrameworkChange], day: dt.date) -> str | None:
    """What ``field`` said on ``day``: the earliest later change's "before", else today's value."""
    later = sorted((c for c in changes if c.field == field and c.changed_on > day), key=lambda c: c.changed_on)
    return later[0].before if later else _text(getattr(record, field))
