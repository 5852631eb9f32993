"""Logging support a coach gave: one contact, one transaction, its writer's name taken from the server."""
from __future__ import annotations

from ..base.errors import InvalidRecord, Problem
from ..base.language import _
from ..model import SupportContact
from ..store import Store
from .actor import Actor, check


def log_support(store: Store, actor: Actor, contact: SupportContact) -> SupportContact:
    """Add a support contact; its topic must be one the collaborative lists (a page offers only those)."""
    with store.transaction() as tx:
        collab = tx.collaborative()
        if contact.topic and collab is not None and contact.topic not in collab.topics:
            raise InvalidRecord(_("The support contact cannot be saved."), [Problem(
                _("“%(topic)s” is not one of the collaborative’s topics; choose one from the list.",
                  topic=contact.topic), field=_("Topic"))])
        record = contact.model_copy(update={"logged_by": actor.name})
        check(tx, actor, record)
        return tx.add(record)
