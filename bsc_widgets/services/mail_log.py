"""The log of e-mails sent: what a repeated ``bsc reports --send`` or ``bsc remind`` asks before sending again."""
from __future__ import annotations

import datetime as dt

from ..base.clock import now
from ..store import Store
from ..store.mail_log import add_sent, last_month, was_sent


def sent_before(store: Store, kind: str, month: dt.date, team_id: str, address: str) -> bool:
    with store.reading() as tx:
        return was_sent(tx, kind, month, team_id, address)


def log_sent(store: Store, kind: str, month: dt.date, team_id: str, address: str, subject: str) -> dt.datetime:
    """Written once the server has accepted the message (a message refused is sent again next time)."""
    at = now()
    with store.transaction() as tx:
        add_sent(tx, at, kind, month, team_id, address, subject)
    return at


def last_sent(store: Store, kind: str, address: str) -> dt.date | None:
    """The latest period this address was sent something of ``kind`` for (None: never)."""
    with store.reading() as tx:
        return last_month(tx, kind, address)
