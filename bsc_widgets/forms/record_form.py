"""A form bound to one stored record: checked as you go, saved on every change, never over another's edit.

Every workbook's editing goes through ``RecordForm``. A change is checked by the
record's own validation (the same rules as imports), problems appear under the field
they concern, and a valid change is saved at once with a visible "Saved at hh:mm", beside
the field and in the page's save bar. Checking waits for the person: a field is judged once
it has been left, or when the record is saved, so a record just started shows no errors for
fields not reached yet (only what is still needed).

Two people at once: a save made from a copy someone else has saved since is refused by the store,
and the form merges the two field by field (``model.merge``): what only the other person changed
is kept, what only this person changed is saved, and a field both changed is shown side by side
for the person to choose. The message says whose change is kept where. A form is bound to the one
record it opened: when that record is gone, the form is emptied and closed with the person's text
listed to copy; when the page moves to another record, the form is retired and saves nothing more.
A new record gets its own identifier from the store when first saved, so it never meets, or
replaces, a record someone else added meanwhile.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import ipywidgets as w

from .. import services
from ..base.errors import BscError, ConflictError, DamagedRecord, InvalidRecord, NotFound, Problem
from ..base.language import _, day, listing, n_
from ..base.text import capitalised, shorten
from ..model import Record
from ..model.base import many_of
from ..model.merge import Merge, three_way
from ..render import render
from ..services import Actor
from ..store import Store
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
                 layout_children: list | None = None, today=None, on_gone: Callable[[], None] | None = None):
        self.store, self.record, self.autosave, self.on_saved = store, record, autosave, on_saved
        self.on_gone = on_gone        # the record was removed by someone else: the page offers its list again
        self.opened = record          # the version this person is editing from (the merge's base)
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
        self._retired: RecordForm | bool | None = None   # replaced by the page (the successor, or False)
        self.choices: dict[str, w.ToggleButtons] = {}   # a clash waiting: each field both changed, keep whose
        self.touched: set[str] = set()   # fields the person has left since the record was shown
        self.save_button.on_click(guarded(self.message)(lambda _: self.save()))
        for f in fields:
            f.on_change(guarded(self.message)(lambda change, name=f.name: self._changed(change, name)))
        self.load(record)
        self._still_there()
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
        self.record = self.opened = record
        self.touched = set()
        self._loading = True
        try:
            for name, f in self.fields.items():
                f.set(getattr(record, name))
                f.show_problem(None)
        finally:
            self._loading = False
        self._set_status()

    def _still_there(self) -> None:
        """A page may offer a record from a list read a while ago: the form shows it as it is stored now, or, if
        someone removed it meanwhile, says so and saves nothing."""
        if self.record.version == 0:
            return
        try:
            stored = self._opened()
        except DamagedRecord:     # a damaged row the page offers to type again: shown as the page made it
            return
        if stored is None:
            self._gone(None)
        elif stored.version != self.record.version:
            self.load(stored)

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
        if self._retired is not None:   # a late message to a form the page has replaced: never saved here
            self._late(name)
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
        judges every field; one made as they leave a field judges only the fields they have left. A save
        refused because someone else saved first is merged field by field (``_merge``)."""
        self.message.clear()
        if self._read_only or self._retired is not None:
            return False
        record = self.candidate(everything=everything)
        if record is None:
            return False
        try:
            saved = self._write(record)
        except NotFound as exc:
            self._gone(exc)
            return False
        except ConflictError as exc:
            return self._merge(record, exc, near)
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
        identifier: nobody else can have that record; None too for one that is gone)."""
        if self.record.version == 0 and self.record.new_id_base() is not None:
            return None
        return self.store.get(type(self.record), *self.record.key())

    def _saved(self, saved: Record, near: str | None = None) -> None:
        self.record = self.opened = saved
        self.touched = set()
        self._close_conflict()
        at = now_hhmm()
        self._set_status(_("Saved at %(time)s.", time=at))
        save_bar().saved(at)
        if near in self.fields:
            self.fields[near].show_saved(_("Saved %(time)s", time=at))
        if self.on_saved:
            self.on_saved(saved)

    def _close_conflict(self) -> None:
        """Nothing left to choose: the side-by-side goes (not only hidden: its words are no longer on the page)."""
        self.conflict_box.layout.display = "none"
        self.conflict_box.children = ()
        self.choices = {}

    # ---- two people at once: merged by field, a clash chosen, a record gone said ----
    def _merge(self, mine: Record, refused: ConflictError, near: str | None = None) -> bool:
        """Someone saved this record after it was opened: their changes and mine are merged field by field.
        Without a clash the merge is saved at once and the message says whose change is kept where; with one,
        nothing is saved until the person chooses, field by field."""
        for _attempt in range(3):             # a third person may save in between: merge again
            theirs = self._opened()
            if theirs is None:
                self._gone(refused)
                return False
            merge = three_way(self.opened, theirs, mine, self.fields)
            who = self.store.last_save(theirs)
            if merge.clashes:
                self._clash(merge, theirs, mine, who)
                return False
            try:
                saved = self.saver(type(theirs).build(**dict(merge.values, version=theirs.version)))
            except ConflictError as exc:
                refused = exc
                continue
            except NotFound as exc:
                self._gone(exc)
                return False
            self.load(saved)                  # the other person's changes now show in the form too
            self._saved(saved, near)
            self.message.show(self._kept_words(merge, who), "ok")
            return True
        self.message.show_error(refused)
        return False

    def _kept_words(self, merge: Merge, who, chosen: dict[str, str] | None = None) -> str:
        """Whose change was kept where, in one plain paragraph."""
        labels = lambda names: listing([self.fields[n].label for n in names])  # noqa: E731
        person = who.sentence() if who is not None else _("by someone else")
        parts = [_("This was also changed %(who)s after you opened it; both changes are kept.", who=person)]
        if merge.theirs:
            parts.append(_("Theirs: %(fields)s.", fields=labels(merge.theirs)))
        mine = merge.mine + [n for n in merge.clashes if (chosen or {}).get(n) == "mine"]
        if mine:
            parts.append(_("Yours: %(fields)s.", fields=labels(mine)))
        if merge.both:
            parts.append(_("Both people’s choices together: %(fields)s.", fields=labels(merge.both)))
        kept_theirs = [n for n in merge.clashes if (chosen or {}).get(n) != "mine"]
        if kept_theirs:
            parts.append(_("Where you both changed a field, theirs was kept as you chose: %(fields)s.",
                           fields=labels(kept_theirs)))
        return " ".join(parts)

    def _clash(self, merge: Merge, theirs: Record, mine: Record, who) -> None:
        """Both changed the same field: each is shown side by side, and the person chooses, field by field."""
        person = who.sentence() if who is not None else _("by someone else")
        self.message.show_error(n_("%(what)s was changed %(who)s after you opened it, and you both changed "
                                   "%(fields)s. Nothing is saved yet: choose below which to keep for each. Their other "
                                   "changes and yours will both be kept.",
                                   "%(what)s were changed %(who)s after you opened them, and you both changed "
                                   "%(fields)s. Nothing is saved yet: choose below which to keep for each. Their other "
                                   "changes and yours will both be kept.", many_of(theirs),
                                   what=capitalised(theirs.describe()), who=person,
                                   fields=listing([self.fields[n].label for n in merge.clashes])))
        self.choices = {}
        rows = []
        for name in merge.clashes:
            pick = w.ToggleButtons(options=[(_("Keep yours"), "mine"), (_("Keep theirs"), "theirs")], value="mine",
                                   style={"button_width": "auto"})
            self.choices[name] = pick
            rows.append(Words(render("forms/widgets.html", "clash", label=self.fields[name].label,
                                     theirs=_show(getattr(theirs, name)), mine=_show(getattr(mine, name)))))
            rows.append(pick)
        self.keep_button = w.Button(description=_("Save with these choices"), button_style="primary")
        self.keep_button.on_click(guarded(self.message)(lambda _b: self._save_choices(merge, theirs, mine, who)))
        show = w.Button(description=_("Show their version"))
        show.on_click(guarded(self.message)(lambda _b: self.show_theirs()))
        self.conflict_box.children = [*rows, w.HBox([self.keep_button, show], layout=w.Layout(flex_flow="row wrap"))]
        self.conflict_box.layout.display = "flex"
        self._set_status(_("Not saved: someone else changed this too."), "unsaved")
        save_bar().not_saved(_("someone else changed this too."))

    def _save_choices(self, merge: Merge, theirs: Record, mine: Record, who) -> None:
        chosen = {name: pick.value for name, pick in self.choices.items()}
        record = type(theirs).build(**dict(merge.choose(chosen, mine), version=theirs.version))
        try:
            saved = self.saver(record)
        except ConflictError as exc:          # changed yet again meanwhile: merge once more against the newest
            self.opened = theirs
            self._merge(record, exc)
            return
        except NotFound as exc:
            self._gone(exc)
            return
        self.load(saved)
        self._saved(saved)
        self.message.show(self._kept_words(merge, who, chosen), "ok")

    def save_mine_over_theirs(self) -> None:
        """Mine wherever we both changed a field; everything else as merged (theirs where only they changed it).
        With no clash waiting, simply a save (a new record is added, never put over another)."""
        if not self.choices:
            self.save()
            return
        for pick in self.choices.values():
            pick.value = "mine"
        self.keep_button.click()

    def show_theirs(self) -> None:
        """Load the stored version; the person's own text stays on the page to copy from."""
        mine = self.values()
        current = self._opened()
        if current is None:
            self._gone(None)
            return
        self.load(current)
        self._keep(mine, current)
        self._close_conflict()
        self.message.show(_("This is their version, now saved. Your own text is listed below it; "
                            "copy what you need back into the form."), "info")

    def _keep(self, mine: dict, shown: Record | None) -> None:
        """What the person typed that the form no longer shows, listed to copy."""
        changed = [(self.fields[n].label, v) for n, v in mine.items()
                   if v and (shown is None or not _same(v, getattr(shown, n)))]
        self.kept.value = render("forms/widgets.html", "kept", items=[(label, _show(v)) for label, v in changed]) \
            if changed else ""

    def _gone(self, refused: BscError | None) -> None:
        """The record this form was bound to is gone (removed by someone else): nothing is saved anywhere else. The
        form is emptied and closed, the person's text is listed to copy, and the page offers its list again."""
        mine = self.values()
        who = self.store.last_save(self.record)
        person = who.sentence() if who is not None else _("by someone else")
        self.read_only = True
        self._loading = True
        try:
            for f in self.fields.values():
                f.set(None)
                f.show_problem(None)
        finally:
            self._loading = False
        self._keep(mine, self.opened)
        self._close_conflict()
        self.message.show_error(n_("%(what)s was removed %(who)s, so it cannot be changed here and nothing was "
                                   "saved. What you typed is listed below, to copy. Choose another from the list above "
                                   "(or put it back from “Recently removed”).",
                                   "%(what)s were removed %(who)s, so they cannot be changed here and nothing was "
                                   "saved. What you typed is listed below, to copy. Choose another from the list above "
                                   "(or put it back from “Recently removed”).", many_of(self.record),
                                   what=capitalised(self.record.describe()), who=person))
        self._set_status(_("Not saved: this was removed."), "unsaved")
        save_bar().not_saved(_("it was removed by someone else."))
        if self.on_gone:
            self.on_gone()

    # ---- one form per record: replaced, never reused ----
    def retire(self, successor: "RecordForm | None" = None) -> None:
        """The page shows another record now: this form saves nothing more, whatever reaches its inputs late (a
        person typing while the page switched). What arrives late is handed to ``successor`` to list, unsaved."""
        self._retired = successor if successor is not None else False

    def _late(self, name: str | None) -> None:
        if name is None or self._retired is False:
            return
        value = self.fields[name].get()
        if value:
            self._retired.keep_late(self.fields[name].label, value, self.record)

    def keep_late(self, label: str, value, record: Record) -> None:
        """Text typed into the form this one replaced, while the page was switching: listed, never saved."""
        self.kept.value = render("forms/widgets.html", "kept", items=[(label, _show(value))])
        self.message.show(_("You typed in %(what)s while the page was opening this one, so it was not saved "
                            "anywhere. It is listed below, to copy where you meant it.", what=record.describe()),
                          "info")


def replace_form(old: "RecordForm | None", new: RecordForm) -> RecordForm:
    """A page's form for the record just chosen, the form it replaces retired (``RecordForm.retire``)."""
    if old is not None and old is not new:
        old.retire(new)
    return new


def _same(typed, stored) -> bool:
    """Whether what a field holds is what is stored (a number is typed as text: "3" is 3.0)."""
    if typed == stored:
        return True
    try:
        return float(typed) == float(stored)
    except (TypeError, ValueError):
        return False


def _show(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dt.date):
        return day(value)
    return shorten("" if value is None else str(value), 2000)
