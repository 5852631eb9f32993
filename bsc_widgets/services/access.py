"""Permission roles as named sets of scopes, and what a signed-in account may open and change.

Like JupyterHub's roles: a role is a name for a set of scopes, and every check asks for a scope,
never for a role. The identity is the hub's: JupyterHub starts each person's server (and so the
kernel behind every page they open) with ``JUPYTERHUB_USER`` set, and nothing on the page can
change it. A team member's teams are read from the rosters (by e-mail address) at every check, so
taking someone off a roster, or their leaving the team, ends their access at their next request.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..base.clock import today
from ..model import Account, on_roster
from ..store import Store, Transaction

# What each scope lets an account do.
SCOPES = {
    "own-teams": "open and change the workbooks of their own teams",
    "all-teams": "open and change every team's workbooks",
    "faculty": "give the faculty score and feedback; the dashboard, participation and spread",
    "network": "the network-level views (equity across the network)",
    "system": "the system assessment",
    "setup": "the collaborative's set-up, its accounts and invitations",
    "reports": "make the monthly reports",
    "accounts": "change an account's role, give an account a new sign-in link, and the hub's own administration",
}
_FACULTY = frozenset({"all-teams", "faculty", "network"})
ROLES: dict[str, frozenset[str]] = {
    "team_member": frozenset({"own-teams"}),
    "faculty": _FACULTY,
    "advisor": _FACULTY | {"setup", "reports", "system"},
    "leader": frozenset({"system", "network"}),
    "admin": frozenset(SCOPES),
}
IMPLIED_BY = {"own-teams": "all-teams"}   # every team's workbooks include one's own


def within(scopes: frozenset[str], held: frozenset[str]) -> bool:
    """Whether ``held`` covers every one of ``scopes``: what one role may give another (nobody grants more than
    they hold)."""
    return all(s in held or IMPLIED_BY.get(s) in held for s in scopes)


@dataclass(frozen=True)
class Access:
    """A signed-in account as of one request: who it is, and what its role allows."""

    username: str
    name: str
    role: str
    own_teams: frozenset[str] = frozenset()
    language: str | None = None         # the person's preferred language, from the roster

    @property
    def scopes(self) -> frozenset[str]:
        return ROLES[self.role]

    def allows(self, scope: str) -> bool:
        return scope in self.scopes

    @property
    def may_open_any_team(self) -> bool:
        return self.allows("all-teams") or (self.allows("own-teams") and bool(self.own_teams))

    def may_open(self, team_id: str) -> bool:
        """Whether this account may open (and change) the workbooks of this team."""
        return self.allows("all-teams") or (self.allows("own-teams") and team_id in self.own_teams)

    @property
    def active(self) -> bool:
        """A team member with no team left on any roster has nothing to open."""
        return self.role != "team_member" or bool(self.own_teams)


def hub_user() -> str | None:
    """The account the hub signed in, from the server's environment; None when served without the hub."""
    return os.environ.get("JUPYTERHUB_USER") or None


def access_in(tx: Transaction, username: str, on: dt.date | None = None) -> Access | None:
    """The account's access on ``on`` (today): None if there is no such account. A team member's teams are those
    whose roster has them that day, between the day they joined and the day they left (``Member.belonged_on``):
    someone who left yesterday opens nothing of that team today, and cannot save from a page left open."""
    account = tx.get(Account, username)
    if account is None:
        return None
    on = on or today()
    rows = [r for r in tx.rosters_of((account.username, account.email), account.username if account.by_card else None)
            if on_roster(r.joined_on, r.left_on, on)]
    own = frozenset(r.team_id for r in rows) if account.access == "team_member" else frozenset()
    language = next((r.language for r in rows if r.language), None)
    return Access(account.username, account.name, account.access, own, language)


def access_of(store: Store, username: str) -> Access | None:
    with store.reading() as tx:
        return access_in(tx, username)


def hub_address() -> str:
    """The hub's public address, for the links in invitations (set by the hub for each server)."""
    return os.environ.get("BSC_HUB_URL", "")


def hub_path(page: str) -> str:
    """A page of the hub itself (``logout``), under the hub's base URL as JupyterHub tells each server."""
    return os.environ.get("JUPYTERHUB_BASE_URL", "/").rstrip("/") + "/hub/" + page
