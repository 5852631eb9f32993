"""What is new for one person since a moment: comments that concern them, and what other teams shared. The notice on
a page ("3 new comments") and the weekly digest (``bsc digest``) both read it, through the read gate.

A comment concerns a team member when it is about one of their teams and written by someone else (another team, or
faculty); it concerns faculty, coaches and advisors when a team wrote it. Nobody is told of their own words.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Comment, Share, ShareReview
from ..services.access import Access
from ..services.read_gate import may_see_comment
from ..store import Store
from .sharing import SharedItem, from_other_teams

WITHOUT_SIGN_IN = dt.timedelta(days=7)    # served without accounts, "new" is the last week's


@dataclass(frozen=True)
class News:
    comments: tuple[Comment, ...]         # oldest first
    shared: tuple[SharedItem, ...] = ()   # newest first

    def __bool__(self) -> bool:
        return bool(self.comments or self.shared)


def concerns(access: Access | None, team_id: str | None, comment: Comment) -> bool:
    """Whether the comment is news for this person (on a page of ``team_id``, without sign-in)."""
    if access is not None and comment.author == access.username:
        return False
    mine = access.own_teams if access is not None and access.own_teams else {team_id} - {None}
    if mine:
        return comment.about_team_id in mine and comment.team_id not in mine
    return access is not None and access.allows("faculty") and comment.team_id is not None


def thread(store: Store, day: dt.date, *, share_id: str | None = None, pdsa_cycle_id: str | None = None
           ) -> list[Comment]:
    """The comments on one shared item, or between a team and faculty on one of its cycles, oldest first."""
    where = {"share_id": share_id} if share_id else {"pdsa_cycle_id": pdsa_cycle_id}
    return sorted(store.as_of(day).list(Comment, **where), key=lambda c: (c.written_at, c.id))


def open_shares(store: Store) -> set[str]:
    """The shares other teams may read now (shared, not hidden)."""
    hidden = {r.share_id for r in store.list(ShareReview) if r.hidden}
    return {s.id for s in store.list(Share) if s.live() and s.id not in hidden}


def news(store: Store, day: dt.date, access: Access | None, since: dt.datetime | None, team_id: str | None = None,
         shared: bool = False) -> News:
    """What is new for this person after ``since`` (None: the last week, as served without sign-in), as of ``day``;
    with ``shared``, what other teams shared since then too."""
    store = store.as_of(day)
    since = since or dt.datetime.combine(day, dt.time()) - WITHOUT_SIGN_IN
    open_now = open_shares(store)
    comments = tuple(sorted((c for c in store.list(Comment) if c.written_at > since and concerns(access, team_id, c)
                             and may_see_comment(access, c, c.share_id in open_now)),
                            key=lambda c: (c.written_at, c.id)))
    items: tuple[SharedItem, ...] = ()
    own = sorted(access.own_teams) if access is not None and access.own_teams else [team_id] if team_id else []
    if shared and own:
        items = tuple(s for s in from_other_teams(store, day, own[0], kinds=("cycle", "file", "storyboard"))
                      if s.share.shared_on > since.date() and s.team.id not in own)
    return News(comments, items)
