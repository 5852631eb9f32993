"""Sharing with the collaborative: a team shares one of its items or takes it back; faculty hide or feature one.

Each is one transaction through the one write check (``actor.check``): a team's page can share only its own
team's items (whatever a widget message names), and only faculty can write a review, so no team can hide,
un-hide or feature anything.
"""
from __future__ import annotations

import datetime as dt

from ..base.errors import NotFound
from ..base.language import _
from ..model import SHARED_RECORDS, Phase, Share, ShareReview, Storyboard, shared_key
from ..store import Store
from .actor import Actor, check


def shared(store: Store, team_id: str, kind: str, item_id: str) -> Share | None:
    """The team's share of an item (live or taken back), if it ever shared it."""
    return _of(store.list(Share, team_id=team_id), kind, item_id)


def _of(shares: list[Share], kind: str, item_id: str) -> Share | None:
    return next((s for s in shares if s.kind == kind and s.item_id == item_id), None)


def share(store: Store, actor: Actor, team_id: str, kind: str, item_id: str, on: dt.date,
          contact_id: str | None = None) -> Share:
    """Share an item from ``on`` (again, if it was taken back), with the team's contact, if it chose one."""
    with store.transaction() as tx:
        if kind == "storyboard" and tx.get(Storyboard, team_id, item_id) is None and tx.get(Phase, item_id):
            board = Storyboard.build(team_id=team_id, phase_id=item_id)   # drafted from data, nothing written yet
            check(tx, actor, board)
            tx.add(board)
        if kind not in SHARED_RECORDS or tx.get(SHARED_RECORDS[kind], *shared_key(kind, team_id, item_id)) is None:
            raise NotFound(_("There is nothing by that name to share; nothing was shared."))
        before = _of(tx.list(Share, team_id=team_id), kind, item_id)
        if before is None:
            record = Share(id="new", team_id=team_id, kind=kind, item_id=item_id, shared_on=on, contact_id=contact_id)
            check(tx, actor, record)
            return tx.add(record)
        update = {"contact_id": contact_id}
        if before.withdrawn_on is not None:
            update |= {"withdrawn_on": None, "shared_on": on}
        record = Share.build(**dict(before.data(), **update, version=before.version))
        check(tx, actor, record)
        return tx.save(record)


def take_back(store: Store, actor: Actor, record: Share, on: dt.date) -> Share:
    """No other team sees it from ``on``; a view of an earlier day still shows it as shared then."""
    with store.transaction() as tx:
        taken = Share.build(**dict(record.data(), withdrawn_on=max(on, record.shared_on), version=record.version))
        check(tx, actor, taken)
        return tx.save(taken)


def review(store: Store, actor: Actor, share_id: str, on: dt.date, hidden_reason: str | None = None,
           featured_for: str | None = None) -> ShareReview:
    """Faculty's word on a shared item: hidden (the reason goes to its team) or featured for a session."""
    with store.transaction() as tx:
        before = tx.get(ShareReview, share_id)
        record = ShareReview.build(share_id=share_id, reviewed_on=on, hidden_reason=hidden_reason,
                                   featured_for=featured_for, version=before.version if before else 0)
        check(tx, actor, record)
        return tx.save(record) if before else tx.add(record)
