"""The page's "recent changes": what was removed here lately, each with a button that puts it back.

A team fixes its own mistakes: a period entered by mistake, a cycle planned twice, a member added
twice. Each removal is kept whole (``services.removals``), so an undo writes back exactly what was there,
unless someone has entered its place since, which the message then says.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..clock import today
from ..language import _
from ..services import Actor
from ..services.removals import put_back, recent_removals
from ..render import render
from ..store import Store
from ..text import capitalised
from .messages import MessageArea, guarded
from .page import heading


class RecentChanges(w.VBox):
    """``tables``: the kinds of record this page removes (its own list leaves out other pages' removals)."""

    def __init__(self, store: Store, actor: Actor, team_id: str, tables: tuple[str, ...],
                 on_change: Callable[[], None] | None = None):
        self.store, self.actor, self.team_id, self.tables, self.on_change = store, actor, team_id, tables, on_change
        self.message = MessageArea()
        self.rows = w.VBox(layout=w.Layout(width="100%"))
        super().__init__([heading(_("Recently removed")), self.rows, self.message], layout=w.Layout(width="100%"))
        self.add_class("bsc-recent")
        self.refresh()

    def refresh(self) -> None:
        removals = recent_removals(self.store, self.team_id, tables=self.tables)
        rows = []
        for removal in removals:
            button = w.Button(description=_("Undo"), tooltip=_("Put back %(what)s", what=removal.what()),
                              layout=w.Layout(width="auto"))
            button.on_click(guarded(self.message)(lambda _b, r=removal: self.undo(r)))
            rows.append(w.HBox([w.HTML(render("forms/widgets.html", "removal", what=capitalised(removal.what()),
                                              by=removal.removed_by, at=removal.removed_at, today=today())), button],
                               layout=w.Layout(flex_flow="row wrap", align_items="center")))
        self.rows.children = rows
        self.layout.display = None if rows or self.message.value else "none"   # nothing to undo: no heading

    def undo(self, removal) -> None:
        put_back(self.store, self.actor, removal)
        self.message.show(_("Put back: %(what)s.", what=removal.what()), "ok")
        self.refresh()
        if self.on_change:
            self.on_change()
