"""Files a team keeps beside a cycle (a photo of the visual schedule, the family letter, a checklist): add one from a
phone's camera or a computer, see them, share one with the other teams or take it back, and remove one.

The file is checked by what it holds before anything is kept (``services.files.add_file``): a refused file leaves
nothing, and the page says why in one sentence. Removing keeps it to be put back ("Undo").
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import ipywidgets as w

from .. import services
from ..base.language import _
from ..model import FILE_TYPE_LABELS, PdsaCycle, Team, TeamFile
from ..portable.limits import MB, UPLOAD_BYTES
from ..render import render
from ..services import Actor
from ..services.files import add_file
from ..store import Store
from .fields import TEXT_KW, replace_options
from .messages import MessageArea, guarded
from .sharing import SharePanel, file_link, pictures
from .words import LABEL_ABOVE_LIST, SNUG, WIDE, Words

ACCEPT = "image/jpeg,image/png,image/webp,image/gif,application/pdf"


def received(value) -> tuple[str, bytes] | None:
    """The one file a FileUpload widget holds, as (name, bytes): its value is a widget message, so nothing in it is
    taken on trust (the name is only shown; the bytes are checked by content)."""
    if not isinstance(value, (tuple, list)) or len(value) != 1 or not isinstance(value[0], dict):
        return None
    name, content = value[0].get("name"), value[0].get("content")
    if not isinstance(content, (bytes, bytearray, memoryview)):
        return None
    return (name if isinstance(name, str) else "")[:200] or _("the file"), bytes(content)


class FilesPanel(w.VBox):
    """The files kept beside one saved cycle, and a way to add one."""

    def __init__(self, store: Store, actor: Actor, team: Team, today: dt.date, message: MessageArea,
                 on_removed: Callable[[object], None]):
        self.store, self.actor, self.team, self.today, self.message = store, actor, team, today, message
        self.on_removed = on_removed
        self.cycle: PdsaCycle | None = None
        self.shown = Words()
        self.upload = w.FileUpload(accept=ACCEPT, multiple=False, description=_("Choose a photo or PDF"), layout=SNUG)
        self.title = w.Text(description=_("What it shows"), placeholder=_("For example: our visual schedule"),
                            **TEXT_KW)
        self.add_button = w.Button(description=_("Add the file"), layout=SNUG)
        self.add_button.on_click(guarded(message)(lambda _b: self._add()))
        super().__init__([], layout=WIDE)

    def _choosing(self) -> None:
        """What a panel with files needs (made once it has some): pick one, share it, get it, remove it."""
        if hasattr(self, "pick"):
            return
        self.pick = w.Dropdown(description=_("File"), style=LABEL_ABOVE_LIST, layout=WIDE)
        self.share = SharePanel(self.store, self.actor, self.team, self.today, self.message, kind="file")
        self.get_button = w.Button(description=_("Get the file"), layout=SNUG)
        self.get_button.on_click(guarded(self.message)(lambda _b: self._get()))
        self.remove_button = w.Button(description=_("Remove this file"), layout=SNUG)
        self.remove_button.on_click(guarded(self.message)(lambda _b: self._remove()))
        self.link = Words()
        self.pick.observe(lambda _c: self._picked(), "value")

    def show(self, cycle: PdsaCycle | None) -> None:
        self.cycle = cycle
        if cycle is None or not cycle.version:
            self.children = []
            return
        files = sorted(self.store.list(TeamFile, team_id=self.team.id, pdsa_cycle_id=cycle.id),
                       key=lambda f: (f.added_on, f.id))
        self.files = {f.id: f for f in files}
        self.shown.value = render("forms/files.html", "files", files=files, pictures=pictures(self.store, files),
                                  kinds=FILE_TYPE_LABELS, most=UPLOAD_BYTES // MB)
        adding = [self.upload, self.title, self.add_button]
        if not files:
            self.children = [self.shown, *adding]
            return
        self._choosing()
        replace_options(self.pick, [(f.title, f.id) for f in files],
                        self.pick.value if self.pick.value in self.files else files[-1].id)
        self._picked()
        self.children = [self.shown, self.pick, self.share, w.HBox([self.get_button, self.remove_button],
                                                                     layout=w.Layout(flex_flow="row wrap")),
                         self.link, *adding]

    def _picked(self) -> None:
        self.link.value = ""
        self.share.show(self.pick.value if self.pick.value in getattr(self, "files", {}) else None)

    def _add(self) -> None:
        got = received(self.upload.value)
        if got is None:
            self.message.show(_("Choose a photo or a PDF first."), "error")
            return
        name, data = got
        title = self.title.value.strip() or name.rsplit(".", 1)[0].strip() or _("Photo or PDF")
        file = add_file(self.store, self.actor, self.team.id, name, data, title, self.today,
                        pdsa_cycle_id=self.cycle.id, change_idea_id=self.cycle.change_idea_id)
        self.upload.value = ()
        self.title.value = ""
        self.message.show(_("Added “%(title)s”. Only our team sees it until we share it.", title=file.title), "ok")
        self.show(self.cycle)
        self.pick.value = file.id

    def _get(self) -> None:
        file = self.files.get(self.pick.value)
        self.link.value = file_link(self.store, file) if file is not None else ""

    def _remove(self) -> None:
        file = self.files.get(self.pick.value)
        if file is None:
            return
        removal = services.remove(self.store, self.actor, file)
        self.on_removed(removal)
        self.show(self.cycle)
