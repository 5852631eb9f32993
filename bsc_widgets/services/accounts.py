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

from ..base.clock import now
from ..base.errors import InvalidRecord, NotAllowed, NotFound, Problem
from ..base.language import _, listing
from ..base.log import server_log
from ..model import ACCESS_LABELS, Account, Member, Team
from ..store import Store, Transaction
from ..store.credentials import credentials, credentials_of_link, drop_credentials, put_credentials
from .access import ROLES, Access, access_in, within
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

    @property
    def code(self) -> str:
        """A printed card's code as it is shown, in groups of four (``card_code`` reads it back, typed any way)."""
        return "-".join(self.token[i:i + 4] for i in range(0, len(self.token), 4))


# A printed card's code: typed on a phone from paper, so short, in capitals, without the look-alikes 0/O and 1/I.
# Twelve of these 32 characters are 60 bits: with sign-in attempts throttled per address, not guessable.
CARD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CARD_LENGTH = 12


def card_code(typed: object) -> str:
    """A code as someone typed it from their card ("abcd efgh-jkmn"), as the link holds it ("ABCDEFGHJKMN")."""
    return "".join(c for c in str(typed or "").upper()[:64] if c.isalnum())


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def member_account(member: Member) -> Account:
    """The account a roster member signs in with: their e-mail address, as a team member; for a member without an
    address, their roster identifier (printed on their sign-in card)."""
    if not member.email:
        raise InvalidRecord(_("%(name)s has no e-mail address on the roster, so they cannot be invited.",
                              name=member.name), [Problem(_("An invitation needs an e-mail address."), field=_("Email"))])
    return Account.build(username=member.email.strip().lower(), name=member.name, access="team_member",
                         email=member.email.strip())


def card_account(member: Member) -> Account:
    """The account of a member with no e-mail address: their roster identifier as the sign-in name (no ``@``, so it
    is never taken for an address), read back to the roster by that identifier (``access_in``)."""
    return Account.build(username=member.id, name=member.name, access="team_member")


def grantable(access: Access | None) -> list[str]:
    """The permission roles someone may give: those whose every scope they hold themselves (nobody grants more than
    they hold). Without the hub, the command line and ``bsc serve``'s one person at the machine give any."""
    return [role for role, scopes in ROLES.items() if access is None or within(scopes, access.scopes)]


def administers(actor: Actor) -> bool:
    """Whether this actor administers the accounts (the command line is the machine's administrator)."""
    return actor.access is None or actor.access.allows("accounts")


def _may_give(actor: Actor, role: str, account: Account) -> None:
    if role not in grantable(actor.access):
        raise NotAllowed(_("Your account (%(mine)s) cannot give %(name)s the role “%(role)s”, nor change an account "
                           "with it: nobody grants more than they hold. Nothing was changed.",
                           mine=ACCESS_LABELS[actor.access.role].lower(), name=account.name,
                           role=ACCESS_LABELS[role].lower()))


def _link(tx: Transaction, username: str, card: bool = False) -> tuple[str, dt.datetime]:
    """A new one-time link for the account (an earlier one stops working): a card's is a short code."""
    token = "".join(secrets.choice(CARD_ALPHABET) for _ in range(CARD_LENGTH)) if card else secrets.token_urlsafe(32)
    expires = now() + dt.timedelta(days=INVITATION_DAYS)
    put_credentials(tx, username, invitation_hash=_digest(token), invitation_expires=expires)
    return token, expires


def _has_password(tx: Transaction, username: str) -> bool:
    row = credentials(tx, username)
    return row is not None and row.password_hash is not None


def invite(store: Store, actor: Actor, account: Account) -> Invitation:
    """A new account and its one-time link; or, for an account that has not chosen a password yet (a lost
    invitation), a fresh link, as long as nothing about the account changes. An account that exists is never
    changed here: its role is changed, or a new link made for one that has a password, only by an administrator
    on purpose (``change_role``, ``new_link``)."""
    with store.transaction() as tx:
        check(tx, actor, account)
        _may_give(actor, account.access, account)
        stored = tx.get(Account, account.username)
        if stored is not None and stored.access != account.access:
            raise NotAllowed(_("%(email)s already has an account, as %(role)s; it was not changed. Changing an "
                               "account’s role is an administrator’s action.", email=account.username,
                               role=ACCESS_LABELS[stored.access].lower()))
        if stored is not None and _has_password(tx, stored.username):
            raise NotAllowed(_("%(name)s has already chosen a password and signs in with it. A new link would reset "
                               "it: that is an administrator’s action.", name=stored.name))
        saved = stored or tx.save(account.model_copy(update={"version": 0}))
        token, expires = _link(tx, saved.username)
    return Invitation(saved, token, expires)


@dataclass(frozen=True)
class LeftAlone:
    """A member a team's sign-in links did not touch, and why (said to the advisor)."""

    member: Member
    why: str


def invite_team(store: Store, actor: Actor, team_id: str, on: dt.date,
                cards: bool = False) -> tuple[list[Invitation], list[LeftAlone]]:
    """Sign-in links for the team's members that day, all or none; with ``cards``, printed sign-in cards for those
    without an e-mail address instead. A roster never changes an account it did not make: a link is made only for
    someone with no account yet, or whose account is a member's of this team alone that has not chosen a password.
    An address that belongs to a coach's, advisor's, leader's or administrator's account, or to another team's
    member, is left alone; so is a member a link cannot reach (no address) or a card is not for (one). Each is said."""
    made, left = [], []
    with store.transaction() as tx:
        lead = cards and leads(tx, actor, team_id, on)
        for member in tx.list(Member, team_id=team_id):
            if not member.belonged_on(on):
                continue
            if bool(member.email) == cards:
                if not cards:
                    left.append(LeftAlone(member, _("no e-mail address on the roster: print them a sign-in card, or "
                                                    "add an address on the team’s charter.")))
                continue
            wanted = card_account(member) if cards else member_account(member)
            if lead:
                tx.by = actor.name
            else:
                check(tx, actor, wanted)
            stored = tx.get(Account, wanted.username)
            why = None if stored is None else _left_alone(tx, stored, team_id, on)
            if why:
                left.append(LeftAlone(member, why))
                continue
            saved = stored or tx.save(wanted)
            made.append(Invitation(saved, *_link(tx, saved.username, card=cards)))
    return made, left


def leads(tx: Transaction, actor: Actor, team_id: str, on: dt.date) -> bool:
    """Whether the signed-in person is this team's senior leader or day-to-day lead that day: who, besides set-up,
    may print the team's sign-in cards (a lead knows the families; the cards open this team's pages only)."""
    access = actor.access
    team = tx.get(Team, team_id)
    if access is None or team is None or team_id not in access_in(tx, access.username, on).own_teams:
        return False
    lead_ids = {team.senior_leader_id, team.day_to_day_lead_id} - {None}
    return any(m.id in lead_ids for m in tx.list(Member, team_id=team_id)
               if m.id == access.username or (m.email or "").lower() == access.username)


def leads_team(store: Store, actor: Actor, team_id: str, on: dt.date) -> bool:
    with store.reading() as tx:
        return leads(tx, actor, team_id, on)


def _left_alone(tx: Transaction, account: Account, team_id: str, on: dt.date) -> str | None:
    """Why a team's links must not touch this existing account (None: it may have a fresh link)."""
    if account.access != "team_member":
        return _("this address belongs to the account of %(name)s (%(role)s), which a team’s roster does not change.",
                 name=account.name, role=ACCESS_LABELS[account.access].lower())
    others = sorted(access_in(tx, account.username, on).own_teams - {team_id})
    if others:
        names = [t.name for t in (tx.get(Team, t) for t in others) if t]
        return _("this address already signs in as a member of %(teams)s; that account is not changed here.",
                 teams=listing(names))
    if _has_password(tx, account.username):
        return _("they have already chosen a password and sign in with it (a new link would reset it: that is an "
                 "administrator’s action).")
    return None


def change_role(store: Store, actor: Actor, username: str, role: str) -> Account:
    """An administrator's explicit change of an account's permission role, in the log of saves under their name."""
    with store.transaction() as tx:
        account = tx.get(Account, username)
        if account is None:
            raise NotFound(_("There is no account “%(name)s”.", name=username))
        _administrator_only(actor, _("Changing an account’s role"))
        changed = account.model_copy(update={"access": role})
        check(tx, actor, changed)
        _may_give(actor, role, account)
        saved = tx.save(changed)
    server_log().warning("%s changed the role of %s from %s to %s", actor.name, username, account.access, role)
    return saved


def new_link(store: Store, actor: Actor, username: str) -> Invitation:
    """An administrator's explicit reset: a fresh one-time link for an existing account, to choose a new password
    (the old one works until the link is used). Logged with who asked; the page hands it over with a warning."""
    with store.transaction() as tx:
        account = tx.get(Account, username)
        if account is None:
            raise NotFound(_("There is no account “%(name)s”.", name=username))
        _administrator_only(actor, _("A new sign-in link for an existing account"))
        check(tx, actor, account)
        token, expires = _link(tx, username, card=account.by_card)
        tx.log(account, "new sign-in link")
    server_log().warning("%s made a new sign-in link for %s", actor.name, username)
    return Invitation(account, token, expires)


def _administrator_only(actor: Actor, what: str) -> None:
    if not administers(actor):
        raise NotAllowed(_("%(what)s is an administrator’s action; nothing was changed.", what=what))


def remove_account(store: Store, actor: Actor, username: str) -> None:
    """End an account: it can no longer sign in, and its open pages can no longer save. Nobody ends an account
    whose role is above their own."""
    with store.transaction() as tx:
        account = tx.get(Account, username)
        if account is None:
            return
        check(tx, actor, account)
        _may_give(actor, account.access, account)
        drop_credentials(tx, username)
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
    if not isinstance(token, str) or not CARD_LENGTH <= len(token) <= 100:
        return None
    row = credentials_of_link(tx, _digest(token))
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
            raise NotFound(_("This link has been used, replaced by a newer one, or has expired. Ask your "
                             "improvement advisor for a new one."))
        problem = password_problem(password, account.username)
        if problem:
            raise InvalidRecord(problem, [Problem(problem, field="Password")])
        tx.by = account.name
        put_credentials(tx, account.username, password_hash=_HASHER.hash(password), invitation_hash=None,
                         invitation_expires=None)
        return account


def sign_in(store: Store, username: str, password: str) -> Access | None:
    """The account's access if the password is right and the account still has something to open."""
    username = (username or "").strip().lower()
    if not isinstance(password, str) or len(password) > PASSWORD_MAX:
        return None
    with store.reading() as tx:
        row = credentials(tx, username)
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
            put_credentials(tx, username, password_hash=_HASHER.hash(password))
    return access


def has_password(store: Store, username: str) -> bool:
    with store.reading() as tx:
        return _has_password(tx, username)


def first_admin(store: Store, actor: Actor) -> Invitation | None:
    """The site's first administrator: a fresh one-time link while no administrator has a password yet."""
    with store.reading() as tx:
        admins = [a for a in tx.list(Account) if a.access == "admin"]
    if any(has_password(store, a.username) for a in admins):
        return None
    account = admins[0] if admins else Account.build(username="admin", name="Site administrator", access="admin")
    return invite(store, actor, account)

