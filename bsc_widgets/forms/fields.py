"""One labelled input per record field, with its own message under it: the building block of every form.

The input is chosen from the field's type (a choice, a date, a number, short or long
text). Numbers are typed as text, so "abc" or "-3" reach validation and get a plain
answer instead of being silently reverted by the browser. A text field says how long it
may be (long ones always, short ones once they are near it), before the limit is reached.
"""
from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Callable

import annotated_types
import ipywidgets as w

from ..base.language import N_, _
from ..model import Record
from ..render import render
from .day_input import DayInput
from .messages import message_html
from .words import BOX, LABEL_ABOVE, LABEL_ABOVE_LIST, SNUG, WIDE, Words

# Text widgets send their value when the person leaves the field (or presses Enter), not per keystroke.
TEXT_KW = dict(continuous_update=False, style=LABEL_ABOVE, layout=WIDE)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The field's underlying type, and whether it may be empty."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def max_length(model: type[Record], name: str) -> int | None:
    return next((m.max_length for m in model.model_fields[name].metadata if isinstance(m, annotated_types.MaxLen)),
                None)


def length_hint(text: str | None, limit: int | None, always: bool) -> str:
    """How much of its limit a text uses, said before the limit is reached (empty when far from it)."""
    used = len(text or "")
    if limit is None or (not always and used < 0.8 * limit):
        return ""
    return render("forms/widgets.html", "length", used=used, limit=limit)


def field_kind(model: type[Record], name: str) -> str:
    info = model.model_fields[name]
    tp, _ = _unwrap(info.annotation)
    if typing.get_origin(tp) is typing.Literal:
        return "choice"
    if typing.get_origin(tp) is list:
        return "many"
    if tp is dt.date:
        return "date"
    if tp in (int, float):
        return "number"
    longest = max_length(model, name)
    return "text" if longest is not None and longest <= 254 else "long"


def _choices(model: type[Record], name: str, labels: dict | None) -> list[tuple[str, Any]]:
    tp, _ = _unwrap(model.model_fields[name].annotation)
    if typing.get_origin(tp) is list:
        tp, _ = _unwrap(typing.get_args(tp)[0])
    values = typing.get_args(tp)
    return [((labels or {}).get(v, str(v)), v) for v in values]


REQUIRED = N_("%(label)s (required)")


class Field(w.VBox):
    """A labelled input for one field of a record, and the plain-language problem with it, if any.

    A field that must be filled in says so in its label. Its message line holds its problem, or, just
    after a save it caused, when it was saved (where the eye is, on a phone too)."""

    def __init__(self, model: type[Record], name: str, label: str | None = None, kind: str | None = None,
                 choices: list[tuple[str, Any]] | dict | None = None, help: str | None = None, rows: int = 3,
                 placeholder: str = "", unchosen: str | None = None):
        self.model, self.name = model, name
        self.label = _(label or model.field_label(name))
        self.kind = kind or field_kind(model, name)
        self.optional = not model.model_fields[name].is_required()
        self.required = not self.optional and self.kind != "many"
        if isinstance(choices, dict) or choices is None:
            choices = _choices(model, name, choices) if self.kind in ("choice", "many") else []
        self.choices = list(choices)
        self.input = self._make_input(rows, placeholder)
        self.limit = max_length(model, name) if self.kind in ("text", "long") else None
        self.length = Words()
        if self.limit is not None:
            self.input.observe(lambda change: self._show_length(), names="value")
            self._show_length()
        self.message = Words()
        self.message.add_class("bsc-field-msg")
        # an optional list left empty (None) is "not chosen yet": every choice stands, and its boxes show ticked
        self.unchosen, self._unchosen, self._setting = unchosen, False, False
        self.unchosen_note = Words()
        if self.kind == "many" and self.optional:
            for box in self.boxes:
                box.observe(self._chose, names="value")
        parts = [self.input] if self.kind != "many" else [
            Words(render("forms/widgets.html", "group_label", text=self.label)), self.input, self.unchosen_note]
        if help:  # plain words, or a template's own markup (bold words in the aim's help)
            parts.append(Words(render("forms/widgets.html", "help", text=help)))
        super().__init__(parts + [self.length, self.message], layout=WIDE)
        self.add_class("bsc-field")

    def _show_length(self) -> None:
        self.length.value = length_hint(self.input.value, self.limit, always=self.kind == "long")

    def _make_input(self, rows: int, placeholder: str):
        d = _(REQUIRED, label=self.label) if self.required else self.label
        if self.kind == "choice":
            options = [("—" if self.optional else _("Choose…"), "")] + self.choices
            return w.Dropdown(options=options, description=d, style=LABEL_ABOVE_LIST, layout=WIDE)
        if self.kind == "many":
            self.boxes = [w.Checkbox(description=label, indent=False, value=False, layout=SNUG, style=BOX)
                          for label, _value in self.choices]
            return w.HBox(self.boxes, layout=w.Layout(flex_flow="row wrap", width="100%"))
        if self.kind == "date":
            return DayInput(d, style=LABEL_ABOVE, layout=WIDE)
        if self.kind == "long":
            return w.Textarea(description=d, rows=rows, placeholder=placeholder, **TEXT_KW)
        return w.Text(description=d, placeholder=placeholder, **TEXT_KW)

    # ---- value in and out (what the record's validation receives) ----
    def _chose(self, _change) -> None:
        if not self._setting:
            self._unchosen = False
            self.unchosen_note.value = ""

    def get(self) -> Any:
        if self.kind == "many":
            if self._unchosen:
                return None
            return [value for (_, value), box in zip(self.choices, self.boxes) if box.value]
        if self.kind == "date":
            return self.input.day
        value = self.input.value
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def set(self, value: Any) -> None:
        if self.kind == "many":
            self._setting = True
            try:
                for (_label, v), box in zip(self.choices, self.boxes):
                    box.value = value is None and self.optional or v in (value or [])
            finally:
                self._setting = False
            self._unchosen = value is None and self.optional
            self.unchosen_note.value = render("forms/widgets.html", "help", text=self.unchosen or _(
                "Not chosen yet: all of them count until you choose.")) if self._unchosen else ""
        elif self.kind == "choice":
            self.input.value = "" if value is None else value
        elif self.kind == "date":
            self.input.set_day(value)
        elif self.kind == "number":
            self.input.value = "" if value is None else f"{value:g}"
        else:
            self.input.value = "" if value is None else str(value)

    def on_change(self, callback: Callable) -> None:
        if self.kind == "date":
            self.input.on_day(callback)
            return
        for widget in (self.boxes if self.kind == "many" else [self.input]):
            widget.observe(callback, names="value")

    def problem(self) -> str | None:
        """What is wrong with the text itself, before the record's own checks (a date that cannot be read)."""
        return self.input.problem if self.kind == "date" else None

    def show_problem(self, text: str | None) -> None:
        self.message.value = message_html(text, "error") if text else ""

    def show_saved(self, text: str | None) -> None:
        """A quiet line under the field just saved (replaced by a problem, if it gets one)."""
        self.message.value = render("forms/widgets.html", "field_note", text=text) if text else ""

    @property
    def disabled(self) -> bool:
        return self.input.disabled if self.kind != "many" else all(box.disabled for box in self.boxes)

    @disabled.setter
    def disabled(self, value: bool) -> None:
        for widget in (self.boxes if self.kind == "many" else [self.input]):
            widget.disabled = value


NOTHING = object()   # ``replace_options``: choose nothing (the record shown is gone; any choice then opens one)


def replace_options(dropdown: w.Dropdown, options: list[tuple[str, Any]], value: Any) -> None:
    """New options and a value for a dropdown, without firing ``on_pick`` observers (the caller redraws)."""
    values = [v for _, v in options]
    value = None if value is NOTHING else value if value in values else (values[0] if values else None)
    dropdown._bsc_quiet = True
    try:
        dropdown.options = options
        dropdown.value = value
    finally:
        dropdown._bsc_quiet = False


def on_pick(dropdown: w.Dropdown, callback: Callable) -> None:
    """Observe a dropdown's choices made by a person, not those made by ``replace_options``."""
    dropdown.observe(lambda change: None if getattr(dropdown, "_bsc_quiet", False) else callback(change),
                     names="value")
