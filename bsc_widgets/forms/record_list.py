"""Pick one record of a kind from a list (or add a new one), edit it, remove it: the set-up pages' building block.

A new record gets its identifier from the store when first saved (made from its name, unique
even when two people add at once), so nobody types identifiers.
Removing asks the caller what removal means (a framework record teams use is retired, not
deleted) and says what happened.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..base.language import _
from ..base.text import capitalised
from ..model import Record
from ..render import render
from ..services import Actor
from ..services import remove as remove_record
from ..store import Store
from .fields import NOTHING, Field, on_pick, replace_options
from .messages import MessageArea, guarded
from .record_form import RecordForm, replace_form
from .words import Words

NEW = "__new__"


class RecordEditor(w.VBox):
    def __init__(self, store: Store, model: type[Record], *, noun: str, records: Callable[[], list[Record]],
                 label: Callable[[Record], str], fields: Callable[[Record], list[Field]],
                 new: Callable[[], dict], actor: Callable[[], Actor], today=None,
                 remove: Callable[[Record], str] | None = None, removable: bool = True,
                 extra: Callable[[Record], list[w.Widget]] | None = None,
                 on_change: Callable[[], None] | None = None):
        """``actor`` is asked at each write (the set-up page keeps the editor's name with framework edits);
        ``remove`` says what removing means, else the record is deleted (``removable`` False: no button).
        ``noun`` is in the page's language (what the record is called: "measure", "medida")."""
        self.store, self.model, self.noun, self.actor, self.today = store, model, noun, actor, today
        self._records, self._label, self._fields, self._new = records, label, fields, new
        self._extra = extra
        self._remove = remove or (self._delete if removable else None)
        self.on_change = on_change
        self.message = MessageArea()
        self.picker = w.Dropdown(description=_("Edit or add a %(noun)s", noun=noun), style={"description_width": "initial"},
                                 layout=w.Layout(width="min(34em, 100%)"))
        self.area = w.VBox(layout=w.Layout(width="100%"))
        self.remove_button = w.Button(description=_("Remove this %(noun)s", noun=noun))
        self.remove_button.on_click(guarded(self.message)(self._do_remove))
        on_pick(self.picker, guarded(self.message)(lambda _: self._show()))
        super().__init__([self.picker, self.message, self.area], layout=w.Layout(width="100%"))
        self.refresh(select=NEW)

    def refresh(self, select: str | None = None, redraw: bool = True) -> None:
        self.items = {"/".join(map(str, r.key())): r for r in self._records()}
        replace_options(self.picker, self._options(), select if select is not None else self.picker.value)
        if redraw:
            self._show()

    def _options(self) -> list[tuple[str, str]]:
        return [(_("Add a new %(noun)s…", noun=self.noun), NEW)] + [(self._label(r), k)
                                                                     for k, r in self.items.items()]

    def _saved(self, record: Record) -> None:
        """A new record becomes the one being edited; an edit keeps its form (and its "Saved at")."""
        if self.on_change:
            self.on_change()
        key = "/".join(map(str, record.key()))
        editing = self.picker.value == key
        self.refresh(select=key, redraw=not editing)
        if not editing:      # just added: say so, where the person is looking, and keep it open to edit
            self.message.show(_("Added %(record)s. You can go on editing it below, or choose “Add a new %(noun)s…” "
                                "for another.", record=self._label(record), noun=self.noun), "ok")
            self.form.save_button.focus()
        if editing:
            self.heading.value = render("common.html", "heading", text=_("Edit %(record)s", record=self._label(record)))
            if self._extra:
                self.extras.children = self._extra(record)

    def _show(self) -> None:
        self.message.clear()
        record = self.items.get(self.picker.value)
        if record is None:
            record = self.model.draft(**self._new())
        fields = self._fields(record)
        self.form = replace_form(getattr(self, "form", None), RecordForm(
            self.store, record, fields, actor=self.actor, today=self.today, autosave=record.version > 0,
            save_label=None if record.version else _("Add %(noun)s", noun=self.noun), on_saved=self._saved,
            on_gone=self._gone))
        title = (_("Edit %(record)s", record=self._label(record)) if record.version else
                 _("Add a new %(noun)s", noun=self.noun))
        self.extras = w.VBox(self._extra(record) if (self._extra and record.version) else [],
                             layout=w.Layout(width="100%"))
        removable = [self.remove_button] if (self._remove and record.version and not self.form.read_only) else []
        self.heading = Words(render("common.html", "heading", text=title))
        self.area.children = [self.heading, self.form, self.extras, *removable]

    def _gone(self) -> None:
        """The record shown was removed by someone else: the list without it, nothing chosen."""
        self.items = {"/".join(map(str, r.key())): r for r in self._records()}
        replace_options(self.picker, self._options(), NOTHING)
        if hasattr(self, "area"):
            self.area.children = [c for c in self.area.children if c is not self.remove_button]

    def _delete(self, record: Record) -> str:
        remove_record(self.store, self.actor(), record)
        return _("%(record)s was removed.", record=capitalised(record.describe()))

    def _do_remove(self, _=None) -> None:
        said = self._remove(self.form.record)
        if self.on_change:
            self.on_change()
        self.refresh(select=NEW)
        self.message.show(said, "ok")
