"""Accounts: invitations with a one-time link, setting a password from it, and checking a password.

Passwords are hashed with argon2id by argon2-cffi (the maintained reference binding); a link's
token is a random 256-bit value of which only the SHA-256 is stored, so neither a copy of the
workspace nor its log can be used to sign in. No crypto of our own.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, insert, select, update

from ..clock import now
from ..errors import InvalidRecord, NotAllowed, NotFound, Problem
from ..language import _
from ..model import Account, Member
from ..store import Store, Transaction
from ..store.schema import CREDENTIALS
from .access import Access, access_in
from .actor import Actor, check

INVITATION_DAYS = 14
PASSWORD_MIN = 10
PASSWORD_MAX = 1_000  # argon2 hashes any length; a bound keeps a pasted novel from costing the server
_HASHER = PasswordHasher()
_NOBODY = _HASHER.hash("an account that does not exist")  # checked against, so an unknown name takes as long


@dataclass(frozen=True)
class Invitation:
    account: Account
    token: str        # goes into the link, never stored
    expires: dt.datetime

    def path(self) -> str:
        """The link's path on the hub (the page adds the hub's address in front)."""
        return f"/hub/invite/{self.token}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _credentials(tx: Transaction, username: str):
    return tx.conn.execute(select(CREDENTIALS).where(CREDENTIALS.c.username == username)).first()


def _put_credentials(tx: Transaction, username: str, **values) -> None:
    if _credentials(tx, username) is None:
        tx.conn.execute(insert(CREDENTIALS).values(username=username, **values))
    else:
        tx.conn.execute(update(CREDENTIALS).where(CREDENTIALS.c.username == username).values(**values))


def member_account(member: Member) -> Account:
    """The account a roster member signs in with: their e-mail address, as a team member."""
    if not member.email:
        raise InvalidRecord(_("%(name)s has no e-mail address on the roster, so they cannot be invited.",
                              name=member.name), [Problem(_("An invitation needs an e-mail address."), field=_("Email"))])
    return Account.build(username=member.email.strip().lower(), name=member.name, access="team_member",
                         email=member.email.strip())


def invite(store: Store, actor: Actor, account: Account) -> Invitation:
    """Add or update the account, and give it a new one-time link (an earlier link stops working)."""
    token = secrets.token_urlsafe(32)
    expires = now() + dt.timedelta(days=INVITATION_DAYS)
    with store.transaction() as tx:
        check(tx, actor, account)
        stored = tx.get(Account, account.username)
        if stored is None:
            saved = tx.save(account.model_copy(update={"version": 0}))
        elif stored.data() != account.data():
            saved = tx.save(account.model_copy(update={"version": stored.version}))
        else:
            saved = stored
        _put_credentials(tx, saved.username, invitation_hash=_digest(token), invitation_expires=expires)
    return Invitation(saved, token, expires)


def remove_account(store: Store, actor: Actor, username: str) -> None:
    """End an account: it can no longer sign in, and its open pages can no longer save."""
    with store.transaction() as tx:
        account = tx.get(Account, username)
        if account is None:
            return
        check(tx, actor, account)
        tx.conn.execute(delete(CREDENTIALS).where(CREDENTIALS.c.username == username))
        tx.delete(account)


def password_problem(password: object, username: str) -> str | None:
    """What is wrong with a new password, in plain words (None if it will do)."""
    if not isinstance(password, str) or len(password) < PASSWORD_MIN:
        return f"Choose a password of at least {PASSWORD_MIN} characters."
    if len(password) > PASSWORD_MAX:
        return f"Choose a password of at most {PASSWORD_MAX:,} characters."
    if password.strip().lower() == username.lower():
        return "Choose a password that is not your sign-in name."
    return None


def invited(store: Store, token: str) -> Account | None:
    """The account a link is for, if the link is still good (unused, not replaced, not expired)."""
    with store.reading() as tx:
        return _invited(tx, token)


def _invited(tx: Transaction, token: str) -> Account | None:
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    row = tx.conn.execute(select(CREDENTIALS).where(CREDENTIALS.c.invitation_hash == _digest(token))).first()
    if row is None or row.invitation_expires is None or row.invitation_expires < now():
        return None
    if not hmac.compare_digest(row.invitation_hash, _digest(token)):
        return None
    return tx.get(Account, row.username)


def accept_invitation(store: Store, token: str, password: str) -> Account:
    """Set the password from a one-time link, which then stops working."""
    with store.transaction() as tx:
        account = _invited(tx, token)
        if account is None:
            raise NotFound("This link has been used, replaced by a newer one, or has expired. Ask your improvement "
                           "advisor for a new one.")
        problem = password_problem(password, account.username)
        if problem:
            raise InvalidRecord(problem, [Problem(problem, field="Password")])
        tx.by = account.name
        _put_credentials(tx, account.username, password_hash=_HASHER.hash(password), invitation_hash=None,
                         invitation_expires=None)
        return account


def sign_in(store: Store, username: str, password: str) -> Access | None:
    """The account's access if the password is right and the account still has something to open."""
    username = (username or "").strip().lower()
    if not isinstance(password, str) or len(password) > PASSWORD_MAX:
        return None
    with store.reading() as tx:
        row = _credentials(tx, username)
        stored = row.password_hash if row is not None and row.password_hash else None
        try:
            _HASHER.verify(stored or _NOBODY, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if stored is None:
            return None
        access = access_in(tx, username)
    if access is None or not access.active:
        return None
    if _HASHER.check_needs_rehash(stored):
        with store.transaction() as tx:
            _put_credentials(tx, username, password_hash=_HASHER.hash(password))
    return access


def has_password(store: Store, username: str) -> bool:
    with store.reading() as tx:
        row = _credentials(tx, username)
    return row is not None and row.password_hash is not None


def first_admin(store: Store, actor: Actor) -> Invitation | None:
    """The site's first administrator: a fresh one-time link while no administrator has a password yet."""
    with store.reading() as tx:
        admins = [a for a in tx.list(Account) if a.access == "admin"]
    if any(has_password(store, a.username) for a in admins):
        return None
    account = admins[0] if admins else Account.build(username="admin", name="Site administrator", access="admin")
    return invite(store, actor, account)

