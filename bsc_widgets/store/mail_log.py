"""The log of e-mails sent, one row per message the server accepted."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select

from .schema import MAIL_LOG
from .store import Transaction


def was_sent(tx: Transaction, kind: str, month: dt.date, team_id: str, address: str) -> bool:
    return tx.conn.execute(select(MAIL_LOG.c.id).where(
        MAIL_LOG.c.kind == kind, MAIL_LOG.c.month == month, MAIL_LOG.c.team_id == team_id,
        MAIL_LOG.c.address == address.lower())).first() is not None


def add_sent(tx: Transaction, at: dt.datetime, kind: str, month: dt.date, team_id: str, address: str,
             subject: str) -> None:
    tx.conn.execute(insert(MAIL_LOG).values(at=at, kind=kind, month=month, team_id=team_id, address=address.lower(),
                                            subject=subject))


def last_month(tx: Transaction, kind: str, address: str) -> dt.date | None:
    """The latest period anything of this kind went to this address for (a digest: its week)."""
    return tx.conn.execute(select(func.max(MAIL_LOG.c.month)).where(
        MAIL_LOG.c.kind == kind, MAIL_LOG.c.address == address.lower())).scalar()
