"""Whether what a person typed is saved, in a small bar that stays in view, on a phone too.

Each form also says so under the field just saved; the bar is for the page as a whole, where a
form's own line may be far from the field being edited. The page's script says "Saving…" the moment
a field is left, before the server answers on a slow network (``templates/bsc/index.html.j2``); the
server then says "Saved 10:42" or "Not saved: …". A page is one kernel, so the kernel has one bar.
"""
from __future__ import annotations

import ipywidgets as w

from ..base.language import _
from ..render import render


class SaveBar(w.HTML):
    def __init__(self):
        super().__init__()
        self.add_class("bsc-savebar")
        self._said = 0     # each state is new to the page, so it replaces the script's "Saving…"
        self.state = "idle"
        self.idle()

    def _say(self, state: str, text: str) -> None:
        self._said += 1
        self.state, self.text = state, text
        self.value = render("forms/widgets.html", "save_state", state=state, text=text, n=self._said)

    def idle(self) -> None:
        self._say("idle", "")

    def saved(self, at: str) -> None:
        self._say("saved", _("Saved %(time)s", time=at))

    def not_saved(self, why: str) -> None:
        self._say("unsaved", _("Not saved: %(why)s", why=why))

    def waiting(self, why: str) -> None:
        """A new record that cannot be saved until more is filled in: not a problem yet."""
        self._say("unsaved", _("Not saved yet: %(why)s", why=why))


_BAR: SaveBar | None = None


def save_bar() -> SaveBar:
    """This kernel's bar (one page, one kernel)."""
    global _BAR
    if _BAR is None:
        _BAR = SaveBar()
    return _BAR
