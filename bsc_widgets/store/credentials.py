"""Passwords and sign-in links, kept apart from the accounts: never exported, never shown, never in a record."""
from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from .schema import CREDENTIALS
from .store import Transaction


def credentials(tx: Transaction, username: str):
    """The account's row of credentials (password hash, link hash and expiry), or None."""
    return tx.conn.execute(select(CREDENTIALS).where(CREDENTIALS.c.username == username)).first()


def put_credentials(tx: Transaction, username: str, **values) -> None:
    if credentials(tx, username) is None:
        tx.conn.execute(insert(CREDENTIALS).values(username=username, **values))
    else:
        tx.conn.execute(update(CREDENTIALS).where(CREDENTIALS.c.username == username).values(**values))


def drop_credentials(tx: Transaction, username: str) -> None:
    tx.conn.execute(delete(CREDENTIALS).where(CREDENTIALS.c.username == username))


def credentials_of_link(tx: Transaction, link_hash: str):
    """The row whose sign-in link has this hash, or None."""
    return tx.conn.execute(select(CREDENTIALS).where(CREDENTIALS.c.invitation_hash == link_hash)).first()
