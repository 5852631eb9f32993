"""Reading a change framework's history: what a measure, driver or change idea said on a given day.

The edits themselves, and what they keep, are ``services.framework``.
"""
from __future__ import annotations

import datetime as dt

from ..model import FrameworkChange, Record, wording
from ..store import Store


def history(store: Store, record: Record) -> list[FrameworkChange]:
    return [c for c in store.list(FrameworkChange, record_id=record.id) if c.record_table == record.TABLE]


def wording_on(record: Record, field: str, changes: list[FrameworkChange], day: dt.date) -> str | None:
    """What ``field`` said on ``day``: the earliest later change's "before", else today's value."""
    later = sorted((c for c in changes if c.field == field and c.changed_on > day), key=lambda c: c.changed_on)
    return later[0].before if later else wording(getattr(record, field))
