"""Marks pinned to chart points: set with a reason, taken back, never erased.

Who set a mark and when come from the server (the actor and the clock), never from the page.
A team has one baseline at a time: setting a new one takes back the one before, in the same
transaction. A mark taken back stays in the workspace, so its history can be told.
"""
from __future__ import annotations

import datetime as dt

from ..base.clock import today
from ..base.errors import ConflictError, InvalidRecord, Problem
from ..base.language import _
from ..model import ChartMark
from ..store import Store
from .actor import Actor, check


def _who(actor: Actor) -> str:
    return actor.name or _("the team’s workbook")


def set_mark(store: Store, actor: Actor, mark: ChartMark, on: dt.date | None = None) -> ChartMark:
    """A new mark; a new baseline takes back the team's earlier one on the same measure."""
    day = on or today()
    mark = ChartMark.build(**(mark.data() | dict(id=mark.id or "new", set_by=_who(actor), set_on=day,
                                                 withdrawn_on=None, withdrawn_by=None)))
    with store.transaction() as tx:
        check(tx, actor, mark)
        in_force = [m for m in tx.list(ChartMark, team_id=mark.team_id, measure_id=mark.measure_id) if m.in_force]
        if any(m.kind == mark.kind and m.at == mark.at for m in in_force if mark.kind != "note"):
            raise InvalidRecord(_("This point already has that mark; nothing was saved."), [Problem(
                _("Take back the mark that is there first if its reason should change."), field=_("Mark"))])
        for earlier in in_force:
            if mark.kind == "baseline" and earlier.kind == "baseline":
                tx.save(earlier.model_copy(update={"withdrawn_on": day, "withdrawn_by": _who(actor)}))
        return tx.add(mark)


def withdraw_mark(store: Store, actor: Actor, mark: ChartMark, on: dt.date | None = None) -> ChartMark:
    """Take back a mark as it was read (refused if someone changed it since)."""
    with store.transaction() as tx:
        stored = tx.get(ChartMark, mark.id)
        if stored is None or stored.version != mark.version:
            raise ConflictError(_("Someone changed this mark after you opened it; nothing was saved. "
                                  "Reload to see it as it is now."))
        if not stored.in_force:
            return stored
        taken_back = stored.model_copy(update={"withdrawn_on": max(on or today(), stored.set_on),
                                               "withdrawn_by": _who(actor)})
        check(tx, actor, taken_back)
        return tx.save(taken_back)
