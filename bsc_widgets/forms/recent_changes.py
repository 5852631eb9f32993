"""The page's "recent changes": what was removed here lately, each with a button that puts it back.

A team fixes its own mistakes: a period entered by mistake, a cycle planned twice, a member added
twice. Each removal is kept whole (``services.removals``), so an undo writes back exactly what was there,
unless someone has entered its place since, which the message then says. Nothing is built until there is
something to list or say: on a phone, every widget a page carries is a message over the network.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..base.clock import today
from ..base.language import _
from ..base.text import capitalised
from ..render import render
from ..services import Actor
from ..services.removals import put_back, recent_removals
from ..store import Store
from .messages import MessageArea, guarded
from .page import heading
from .words import Words


class RecentChanges(w.VBox):
    """``tables``: the kinds of record this page removes (its own list leaves out other pages' removals)."""

    def __init__(self, store: Store, actor: Actor, team_id: str, tables: tuple[str, ...],
                 on_change: Callable[[], None] | None = None):
        self.store, self.actor, self.team_id, self.tables, self.on_change = store, actor, team_id, tables, on_change
        self._message: MessageArea | None = None
        self._heading: w.HTML | None = None
        self.undo_buttons: list[w.Button] = []
        super().__init__([], layout=w.Layout(width="100%"))
        self.add_class("bsc-recent")
        self.refresh()

    @property
    def message(self) -> MessageArea:
        """Where this list says what happened (made the first time it has something to say)."""
        if self._message is None:
            self._message = MessageArea()
        return self._message

    def say(self, text: str, kind: str = "ok") -> None:
        self.message.show(text, kind)
        self.refresh()

    def refresh(self) -> None:
        removals = recent_removals(self.store, self.team_id, tables=self.tables)
        said = self._message is not None and bool(self._message.value)
        if not removals and not said:
            self.children, self.undo_buttons = (), []
            self.layout.display = "none"        # nothing to undo: no heading
            return
        rows, self.undo_buttons = [], []
        for removal in removals:
            button = w.Button(description=_("Undo"), tooltip=_("Put back %(what)s", what=removal.what()),
                              layout=w.Layout(width="auto"))
            button.on_click(guarded(self.message)(lambda _b, r=removal: self.undo(r)))
            self.undo_buttons.append(button)
            rows.append(w.HBox([Words(render("forms/widgets.html", "removal", what=capitalised(removal.what()),
                                              by=removal.removed_by, at=removal.removed_at, today=today())), button],
                               layout=w.Layout(flex_flow="row wrap", align_items="center")))
        self._heading = self._heading or heading(_("Recently removed"))
        self.children = [self._heading, *rows, self.message]
        self.layout.display = None

    def undo(self, removal) -> None:
        put_back(self.store, self.actor, removal)
        self.say(_("Put back: %(what)s.", what=removal.what()))
        if self.on_change:
            self.on_change()
