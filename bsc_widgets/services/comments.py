"""Writing a comment, and marking comments read. The writer's team comes from the page's actor (never from a widget
message), and a team comments only on what it may read: a shared item while it is shared and not hidden, or its own
cycle. Faculty's comments (actor of no team) ask the faculty scope of the one write check."""
from __future__ import annotations

import datetime as dt

from ..base.clock import moment
from ..base.errors import NotAllowed, NotFound
from ..base.language import _, language
from ..model import Comment, PdsaCycle, Share, ShareReview
from ..store import Store
from ..store.seen import mark_seen, seen_at
from .actor import Actor, check

COMMENTS = "comments"       # what ``seen`` records of a person's reading


def writer(actor: Actor) -> Actor:
    """Who a comment is from: faculty (a signed-in account with the faculty scope and no team of its own) write as
    faculty on any page, a team's own cycle included; everyone else as the page's team."""
    if actor.access is not None and actor.access.allows("faculty") and not actor.access.own_teams:
        return Actor.collaborative(access=actor.access)
    return actor


def comment(store: Store, actor: Actor, on: Share | PdsaCycle, text: str) -> Comment:
    """The comment as saved, in the writer's language (a reader in another language sees it marked)."""
    at, actor = moment(), writer(actor)
    with store.transaction() as tx:
        if isinstance(on, Share):
            share = tx.get(Share, on.id)
            if share is None:
                raise NotFound(_("This item is no longer shared; your comment was not saved."))
            review = tx.get(ShareReview, share.id)
            open_to_all = share.live() and not (review is not None and review.hidden)
            if actor.team_id not in (None, share.team_id) and not open_to_all:
                raise NotAllowed(_("This item is no longer shared; your comment was not saved."))
            about, where = share.team_id, dict(share_id=share.id)
        else:
            cycle = tx.get(PdsaCycle, on.id)       # as stored now: removed since the page showed it, said so
            if cycle is None:
                raise NotFound(_("This cycle was removed; your comment was not saved."))
            about, where = cycle.team_id, dict(pdsa_cycle_id=cycle.id)
        record = Comment.build(id="new", about_team_id=about, team_id=actor.team_id, text=text, written_on=at.date(),
                               written_at=at, author=actor.access.username if actor.access else actor.name,
                               language=language(), **where)
        check(tx, actor, record)
        return tx.add(record)


def last_read(store: Store, username: str) -> dt.datetime | None:
    """When this person last saw what concerns them (None: never)."""
    with store.reading() as tx:
        return seen_at(tx, username, COMMENTS)


def mark_read(store: Store, username: str | None) -> None:
    """Everything that concerns this person is read as of now: the page showed it."""
    if username:
        with store.transaction() as tx:
            mark_seen(tx, username, COMMENTS, moment())
