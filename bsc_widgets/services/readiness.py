"""The coach's tick on a readiness item the data cannot show: given or taken back, in one transaction."""
from __future__ import annotations

import datetime as dt

from ..base.errors import NotAllowed
from ..base.language import _
from ..model import TICKED_ITEMS, ReadinessTick, Team
from ..store import Store
from .actor import Actor, tick_record


def tick(store: Store, actor: Actor, team_id: str, item: str, on: dt.date, ticked: bool) -> None:
    with store.transaction() as tx:
        if tx.get(Team, team_id) is None or item not in TICKED_ITEMS:
            raise NotAllowed(_("There is no such item to tick; nothing was saved."))
        tick_record(tx, actor, tx.get(ReadinessTick, team_id, item),
                    lambda: ReadinessTick(team_id=team_id, item=item, ticked_on=on, ticked_by=actor.name), ticked)
