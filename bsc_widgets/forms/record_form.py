"""A form bound to one stored record: checked as you go, saved on every change, never over another's edit.

Every workbook's editing goes through ``RecordForm``. A change is checked by the
record's own validation (the same rules as imports), problems appear under the field
they concern, and a valid change is saved at once with a visible "Saved at hh:mm", beside
the field and in the page's save bar. Checking waits for the person: a field is judged once
it has been left, or when the record is saved, so a record just started shows no errors for
fields not reached yet (only what is still needed). A save made from a stale copy is refused
by the store; the form then keeps the person's text and offers two explicit ways on: see the
other version (their own text is kept on the page to copy), or save theirs over it on purpose.
"Save mine over theirs" only ever replaces the record this form opened: a new record gets its
own identifier from the store when first saved, so it never meets, or replaces, a record
someone else added meanwhile.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import ipywidgets as w

from ..errors import BscError, ConflictError, InvalidRecord, NotFound, Problem
from ..language import _
from ..model import Record
from .. import services
from ..services import Actor
from ..store import Store
from ..render import render
from ..text import shorten
from .fields import Field
from .messages import MessageArea, guarded
from .save_state import save_bar
from .words import Words


def now_hhmm() -> str:
    return dt.datetime.now().strftime("%H:%M")


class RecordForm(w.VBox):
    """Fields bound to ``record``; ``on_saved(record)`` runs after each successful save."""

    def __init__(self, store: Store, record: Record, fields: list[Field], *, actor: Actor | Callable[[], Actor],
                 autosave: bool = True,
                 on_saved: Callable[[Record], None] | None = None, save_label: str | None = None,
                 layout_children: list | None = None, today=None):
        self.store, self.record, self.autosave, self.on_saved = store, record, autosave, on_saved
        # every write goes through the services as the page's actor (a team page writes only its team's);
        # ``actor`` may be asked at each write (the set-up page keeps its editor's name with each change)
        who = actor if callable(actor) else (lambda: actor)
        self.adder = lambda r: services.add(store, who(), r, today)
        self.saver = lambda r: services.save(store, who(), r, today)
        self.fields = {f.name: f for f in fields}
        self.message = MessageArea()
        self.status = Words()
        self.status.add_class("bsc-status")
        self.save_button = w.Button(description=save_label or _("Save"), button_style="primary",
                                    tooltip=_("Save now (changes are also saved as you go)"))
        # its two buttons are made at the first conflict: most forms never meet one
        self.conflict_box = w.HBox(layout=w.Layout(display="none", flex_flow="row wrap"))
        self.kept = Words()  # the person's own unsaved text, after they chose to see the other version
        self._loading = False
        self._read_only = False
        self.touched: set[str] = set()   # fields the person has left since the record was shown
        self.save_button.on_click(guarded(self.message)(lambda _: self.save()))
        for f in fields:
            f.on_change(guarded(self.message)(lambda change, name=f.name: self._changed(change, name)))
        self.load(record)
        super().__init__((layout_children if layout_children is not None else fields)
                         + [self.message, self.conflict_box, self.kept,
                            w.HBox([self.save_button, self.status], layout=w.Layout(flex_flow="row wrap",
                                                                                    align_items="center"))],
                         layout=w.Layout(width="100%"))
        self.add_class("bsc-form")

    @property
    def read_only(self) -> bool:
        return self._read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        """A read-only form shows its record and saves nothing, whatever its inputs are sent."""
        self._read_only = bool(value)
        for f in self.fields.values():
            f.disabled = self._read_only
        self.save_button.disabled = self._read_only

    # ---- loading ----
    def load(self, record: Record) -> None:
        """Show ``record``'s values (without saving them back)."""
        self.record = record
        self.touched = set()
        self._loading = True
        try:
            for name, f in self.fields.items():
                f.set(getattr(record, name))
                f.show_problem(None)
        finally:
            self._loading = False
        self._set_status()

    def _set_status(self, text: str | None = None, kind: str = "saved") -> None:
        if text is None:
            text = _("Not saved yet.") if self.record.version == 0 else _("Everything shown is saved.")
            kind = "unsaved" if self.record.version == 0 else "saved"
        self.status.value = render("common.html", "status", text=text, kind=kind)

    # ---- checking ----
    def values(self) -> dict:
        return {name: f.get() for name, f in self.fields.items()}

    def candidate(self, version: int | None = None, everything: bool = True) -> Record | None:
        """The record as the form now shows it, or None after saying what is wrong.

        With ``everything`` (a save the person asked for), every problem is shown; otherwise only those of
        fields the person has left, so a record just started is not covered in errors."""
        data = dict(self.record.data(), **self.values(),
                    version=self.record.version if version is None else version)
        for f in self.fields.values():
            f.show_problem(None)
        unread = [Problem(text, field=f.label) for f in self.fields.values() if (text := f.problem())]
        try:
            if unread:
                raise InvalidRecord("", unread)
            return type(self.record).build(**data)
        except InvalidRecord as exc:
            self._place(exc, everything or self.record.version > 0)
            return None

    def _place(self, exc: BscError, everything: bool = True) -> None:
        # a problem names the field as the record does ("Numerator"); the page may label it more fully
        by_label = {f.model.field_label(f.name): f for f in self.fields.values()}
        by_label.update({f.label: f for f in self.fields.values()})
        loose: list[Problem] = []
        waiting: list[Field] = []
        for p in exc.problems:
            target = by_label.get(p.field or "")
            if target is not None and not (everything or target.name in self.touched):
                waiting.append(target)
            elif target is not None and not target.message.value:
                target.show_problem(p.message)
            elif target is None:
                loose.append(p)
        shown = any(f.message.value for f in self.fields.values())
        if loose and (everything or not waiting):
            texts = list(dict.fromkeys(p.message for p in loose))
            self.message.show_error(texts[0] if len(texts) == 1 else InvalidRecord(
                _("This is not saved yet, because:"), [Problem(t) for t in texts]))
            shown = True
        elif shown:
            self.message.show(_("This is not saved yet: see the field marked below."), "error")
        elif not exc.problems:
            self.message.show_error(exc)
            shown = True
        if shown:
            self._set_status(_("Not saved: see the messages above."), "unsaved")
            save_bar().not_saved(_("see the messages on the page."))
        else:
            needed = ", ".join(dict.fromkeys(f.label for f in waiting))
            self._set_status(_("Not saved yet: fill in %(fields)s.", fields=needed), "unsaved")
            save_bar().waiting(_("fill in %(fields)s.", fields=needed))

    # ---- saving ----
    def _changed(self, change, name: str | None = None) -> None:
        if self._loading:
            return
        if self._read_only:  # a value sent to a disabled input: put back what is stored
            self.load(self.record)
            return
        if name is not None:
            self.touched.add(name)
        if self.autosave:
            self.save(everything=False, near=name)
        else:
            self._set_status(_("Changed, not saved yet."), "unsaved")
            save_bar().waiting(_("press “%(button)s”.", button=self.save_button.description))

    def save(self, everything: bool = True, near: str | None = None) -> bool:
        """Check and save what the form shows; returns whether it was saved. A save the person asked for
        judges every field; one made as they leave a field judges only the fields they have left."""
        self.message.clear()
        if self._read_only:
            return False
        record = self.candidate(everything=everything)
        if record is None:
            return False
        try:
            saved = self._write(record)
        except (ConflictError, NotFound) as exc:
            self._conflict(exc)
            return False
        except InvalidRecord as exc:
            self._place(exc, everything or self.record.version > 0)
            return False
        except BscError as exc:  # busy, for example: nothing was written
            self.message.show_error(exc)
            self._set_status(_("Not saved."), "unsaved")
            save_bar().not_saved(exc.message)
            return False
        self._saved(saved, near)
        return True

    def _write(self, record: Record) -> Record:
        return self.adder(record) if self.record.version == 0 else self.saver(record)

    def _opened(self) -> Record | None:
        """The stored version of the record this form opened (None for one it is adding with a new
        identifier: nobody else can have that record)."""
        if self.record.version == 0 and self.record.new_id_base() is not None:
            return None
        return self.store.get(type(self.record), *self.record.key())

    def _saved(self, saved: Record, near: str | None = None) -> None:
        self.record = saved
        self.conflict_box.layout.display = "none"
        at = now_hhmm()
        self._set_status(_("Saved at %(time)s.", time=at))
        save_bar().saved(at)
        if near in self.fields:
            self.fields[near].show_saved(_("Saved %(time)s", time=at))
        if self.on_saved:
            self.on_saved(saved)

    def _conflict(self, exc: BscError) -> None:
        self.message.show_error(exc)
        if not self.conflict_box.children:
            theirs = w.Button(description=_("Show their version"))
            mine = w.Button(description=_("Save mine over theirs"))
            theirs.on_click(guarded(self.message)(lambda _: self.show_theirs()))
            mine.on_click(guarded(self.message)(lambda _: self.save_mine_over_theirs()))
            self.conflict_box.children = [theirs, mine]
        self.conflict_box.layout.display = "flex"
        self._set_status(_("Not saved: someone else changed this first."), "unsaved")
        save_bar().not_saved(_("someone else changed this first."))

    def show_theirs(self) -> None:
        """Load the stored version; the person's own text stays on the page to copy from."""
        mine = self.values()
        current = self._opened()
        if current is None:
            self.message.show(_("It was deleted by someone else; your text is still in the form. "
                                "Save to add it again."), "info")
            self.record = self.record.model_copy(update={"version": 0})
            self.conflict_box.layout.display = "none"
            return
        self.load(current)
        changed = [(self.fields[n].label, v) for n, v in mine.items() if v != getattr(current, n) and v]
        self.kept.value = render("forms/widgets.html", "kept", items=[(label, _show(v)) for label, v in changed]) \
            if changed else ""
        self.conflict_box.layout.display = "none"
        self.message.show(_("This is their version, now saved. Your own text is listed below it; "
                            "copy what you need back into the form."), "info")

    def save_mine_over_theirs(self) -> None:
        """Replace the other person's version of this same record (never a different one) with mine."""
        current = self._opened()
        record = self.candidate(version=0 if current is None else current.version)
        if record is None:
            return
        try:
            saved = self.adder(record) if current is None else self.saver(record)
        except (ConflictError, NotFound) as exc:
            self._conflict(exc)
            return
        self.message.show(_("Your version was saved in place of theirs."), "ok")
        self._saved(saved)


def _show(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return shorten(str(value), 2000)
