"""The one gate for reading: for a person, a page and a team, what they may see.

Like JupyterHub's scope check on a handler, it is asked on the server, once for each page before anything is
built (``notebooks``), and the page shows what the answer allows: the page itself, which teams, which sections.
Writing has its own one check (``services.actor``). Both read the person's access as of today, so someone who
left a team yesterday sees nothing of it today. Without the hub (``bsc serve``) there is no account: the one
trusted person at the machine sees everything.

What each role sees, in one place:

- the home page: everyone with something to open;
- a team's workbooks: a team member, their own teams; faculty, advisors and administrators, every team; a
  state or regional leader, none;
- a collaborative page: the scope ``PAGE_SCOPES`` names for it (the dashboard, participation and spread:
  faculty; equity: network, with only the teams one may open; set-up: setup; the system assessment: system);
- a section of a page: the scope ``SECTION_SCOPES`` names for it;
- an item a team shared: its own team and faculty always (hidden or taken back too, with faculty's reason); the
  other teams' members while it is shared and not hidden; leaders never (they read the change package);
- a comment: on a shared item, whoever may see the item; on a team's own cycle, that team and faculty.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..base.errors import NotAllowed, NotYourTeam
from ..base.language import _
from ..base.log import server_log
from ..base.pages import COACH_PAGES, HOME, PAGE_SCOPES, WORKBOOKS
from ..model import ACCESS_LABELS, Comment, Team
from ..store import Store
from .access import Access, access_of, hub_user

TEAM_SCOPE = "own-teams"         # a team's workbooks (every team's, with all-teams)
SECTION_SCOPES = {
    "faculty_score": "faculty",  # the monthly report's faculty score and feedback form
    "collaborative_lessons": "faculty",   # the change package's form for the collaborative's lessons learned
}
T = TypeVar("T")


def signed_in(store: Store) -> Access | None:
    """The account the hub signed in for this page, as of today; None when served without the hub. An account
    with nothing left to open is refused here."""
    user = hub_user()
    if user is None:
        return None
    access = access_of(store, user)
    if access is None or not access.active:
        server_log().warning("refused a page to %r: no account, or on no team's roster", user)
        raise NotAllowed(_("Your account no longer has access to this collaborative. Ask your improvement advisor "
                           "if this is a mistake."))
    return access


def page_scope(page: str) -> str | None:
    """The scope a page asks for: None for the home page, which everyone signed in may open."""
    if page == HOME:
        return None
    if page in PAGE_SCOPES:
        return PAGE_SCOPES[page]
    if any(page == file for file, _t, _b in WORKBOOKS):
        return TEAM_SCOPE
    raise KeyError(f"{page!r} is not in the list of pages (base/pages.py)")


def may_open_page(access: Access | None, page: str) -> bool:
    scope = page_scope(page)
    return access is None or scope is None or _holds(access, scope)


def may_see_team(access: Access | None, team_id: str) -> bool:
    return access is None or access.may_open(team_id)


def may_see_section(access: Access | None, section: str) -> bool:
    return access is None or access.allows(SECTION_SCOPES[section])


def may_see_shared(access: Access | None, team_id: str, open_to_other_teams: bool) -> bool:
    """An item team ``team_id`` shared (``open_to_other_teams``: shared now and not hidden by faculty)."""
    if access is None:
        return True
    if not access.may_open_any_team:
        return False
    return access.allows("faculty") or access.may_open(team_id) or open_to_other_teams


def may_see_comment(access: Access | None, comment: Comment, item_open: bool) -> bool:
    """A comment on a shared item (``item_open``: the item is shared now and not hidden), or on a team's cycle."""
    if comment.share_id is not None:
        return may_see_shared(access, comment.about_team_id, item_open)
    return access is None or access.allows("faculty") or access.may_open(comment.about_team_id)


def _holds(access: Access, scope: str) -> bool:
    return access.may_open_any_team if scope == TEAM_SCOPE else access.allows(scope)


@dataclass(frozen=True)
class Sight:
    """The gate's answer for one person on one page: what the page may show them."""

    page: str
    access: Access | None
    team: Team | None = None

    def sees_team(self, team_id: str) -> bool:
        return may_see_team(self.access, team_id)

    def teams(self, teams: Iterable[T], key=lambda t: t.id) -> list[T]:
        """Of these teams (or anything with a team id), the ones this person may see."""
        return [t for t in teams if self.sees_team(key(t))]

    def sees(self, section: str) -> bool:
        return may_see_section(self.access, section)

    def shared(self, items: Iterable[T]) -> list[T]:
        """Of these shared items (``analysis.sharing.SharedItem``), the ones this person may see."""
        return [i for i in items if may_see_shared(self.access, i.team.id, i.open_to_other_teams)]

    @property
    def pages(self) -> list[str]:
        """Every page of the catalogue this person may open, in its order (the links a page offers)."""
        return [file for file, _t, _b in WORKBOOKS + COACH_PAGES if may_open_page(self.access, file)]


def gate(access: Access | None, page: str, team: Team | None = None) -> Sight:
    """What ``access`` may see of ``page`` (for ``team``, on a team's page); refused, with a plain message and a
    line in the server log, when the page or the team is not theirs."""
    if access is not None and not access.active:
        raise NotAllowed(_("Your account no longer has access to this collaborative. Ask your improvement advisor "
                           "if this is a mistake."))
    if not may_open_page(access, page):
        server_log().warning("refused %s to %r (%s)", page, access.username, access.role)
        raise NotAllowed(_("This page is not open to your account (%(role)s). Go back to the home page for the "
                           "pages that are.", role=ACCESS_LABELS[access.role].lower()))
    if team is not None and not may_see_team(access, team.id):
        server_log().warning("refused team %r to %r (%s)", team.id, access.username, access.role)
        raise NotYourTeam(_("This is not one of your teams. Choose one of yours on the home page."))
    return Sight(page, access, team)
