"""When each account last read what concerns it (``what``: "comments"): what "3 new comments" counts from."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update

from .schema import SEEN
from .store import Transaction


def seen_at(tx: Transaction, username: str, what: str) -> dt.datetime | None:
    row = tx.conn.execute(select(SEEN.c.at).where(SEEN.c.username == username, SEEN.c.what == what)).first()
    return row[0] if row else None


def mark_seen(tx: Transaction, username: str, what: str, at: dt.datetime) -> None:
    """Read up to ``at`` (never moved back: a page opened earlier and closed later does not bring old news back)."""
    before = seen_at(tx, username, what)
    if before is None:
        tx.conn.execute(insert(SEEN).values(username=username, what=what, at=at))
    elif at > before:
        tx.conn.execute(update(SEEN).where(SEEN.c.username == username, SEEN.c.what == what).values(at=at))
