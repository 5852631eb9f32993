"""The log of e-mails sent: what a repeated ``bsc reports --send`` or ``bsc remind`` asks before sending again."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from ..clock import now
from ..store import Store
from ..store.schema import MAIL_LOG


def sent_before(store: Store, kind: str, month: dt.date, team_id: str, address: str) -> bool:
    with store.reading() as tx:
        return tx.conn.execute(select(MAIL_LOG.c.id).where(
            MAIL_LOG.c.kind == kind, MAIL_LOG.c.month == month, MAIL_LOG.c.team_id == team_id,
            MAIL_LOG.c.address == address.lower())).first() is not None


def log_sent(store: Store, kind: str, month: dt.date, team_id: str, address: str, subject: str) -> dt.datetime:
    """Written once the server has accepted the message (a message refused is sent again next time)."""
    at = now()
    with store.transaction() as tx:
        tx.conn.execute(insert(MAIL_LOG).values(at=at, kind=kind, month=month, team_id=team_id,
                                                address=address.lower(), subject=subject))
    return at
