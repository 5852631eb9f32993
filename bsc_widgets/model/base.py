"""The base of every record: typed fields, plain-language validation, a version.

Records are pydantic models. A failed validation becomes ``InvalidRecord`` whose
problems name the field by the label a person sees ("Numerator"), not by its
Python name, and say what would be right.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Protocol, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError, PydanticUndefined

from ..base.errors import InvalidRecord, Problem
from ..base.ids import SLUG_RULE, is_slug
from ..base.language import ENGLISH, N_, _, day, number
from ..base.text import unstorable


class Context(Protocol):
    """What a record needs to check itself against others (a Dataset or a Store)."""

    def lookup(self, model: type["Record"], key: tuple) -> "Record | None": ...

    def collaborative(self) -> "Record | None": ...


# Bounds on what people type, enforced here so that no form, paste, upload or import can store more.
NAME_LENGTH = 200        # names and titles
NOTE_LENGTH = 2_000      # a note beside one period's numbers
TEXT_LENGTH = 20_000     # free writing: aims, plans, monthly reports, definitions
BIG = 1_000_000_000_000  # no count, denominator or score a team enters comes near this
POSITIONS = dict(ge=0, le=1_000_000)  # the bounds of every "Order" field


class Record(BaseModel):
    """A stored, editable record. ``version`` is 0 until first saved.

    Numbers must be finite (``inf`` and ``nan`` are refused wherever a number enters).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=True,
                              allow_inf_nan=False)

    TABLE: ClassVar[str]
    NOUN: ClassVar[str]
    KEY: ClassVar[tuple[str, ...]]
    ORDER_BY: ClassVar[tuple[str, ...]] = ()  # how people expect to see them listed; KEY breaks ties
    # field -> record type it points at, checked in context and enforced by the database
    REFS: ClassVar[dict[str, str]] = {}
    # list field -> record type each of its identifiers names, checked in context (a database cannot)
    LIST_REFS: ClassVar[dict[str, str]] = {}
    # date fields that must fall within the collaborative's calendar
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ()
    # True where the baseline window before the start counts as in the calendar (measure data)
    BASELINE_OK: ClassVar[bool] = False
    # tables whose identifiers must differ from this one's (drivers and change ideas share one diagram)
    ID_SPACE: ClassVar[tuple[str, ...]] = ()
    # the collaborative's shared text that has a Spanish version beside it (``name`` and ``name_es``)
    TRANSLATED: ClassVar[tuple[str, ...]] = ()
    _shown_in: str | None = PrivateAttr(None)      # set on a copy made only to be shown: never saved
    # the date field that places a record in time: a view as of a day shows none dated after it
    AS_OF: ClassVar[str | None] = None
    # its description names several things ("the numbers for October 2026"): a sentence about it says "were"
    MANY: ClassVar[bool] = False

    version: int = Field(0, ge=0, le=2**53, title=N_("Version"))

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any, info: ValidationInfo) -> Any:
        """No text field, nor any text in a list, holds what a workspace cannot store (``text.unstorable``)."""
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(t, str) and unstorable(t) for t in texts):
            raise PydanticCustomError("unstorable_text", "unstorable text")
        return value

    def checked(self) -> "Record":
        """This record validated whole again: a copy made with ``model_copy(update=…)`` skips pydantic's checks, so
        every write checks here what it is about to store (lengths, numbers, text) and refuses it in plain words."""
        if self._shown_in:
            raise ValueError(f"{self.describe()} was read to be shown in another language; it is never saved")
        return type(self).build(**self.model_dump(mode="python"))

    @classmethod
    def build(cls, _columns: bool = False, **values: Any) -> "Record":
        """Construct, turning pydantic's errors into plain problems (placed by column for tables)."""
        try:
            return cls(**values)
        except ValidationError as exc:
            raise InvalidRecord(cannot_save(cls), problems_from(exc, cls, _columns)) from None

    @classmethod
    def draft(cls, **given: Any) -> "Record":
        """A blank record for a form to fill in, not yet checked or saved: ``given`` (what the page knows, such as
        the team), each field's own default, and otherwise nothing: "" for text, [] for a list, None for the rest."""
        values = {}
        for name, info in cls.model_fields.items():
            if name in given:
                values[name] = given[name]
            elif info.default_factory is not None:
                values[name] = info.default_factory()
            elif info.default is not PydanticUndefined:
                values[name] = info.default
            else:
                values[name] = "" if info.annotation is str else [] if get_origin(info.annotation) is list else None
        return cls.model_construct(**values)

    @classmethod
    def field_label(cls, field: str) -> str:
        info = cls.model_fields.get(field)
        return _(info.title) if info and info.title else field.replace("_", " ").capitalize()

    def in_language(self, code: str) -> "Record":
        """This record as a page in ``code`` shows it: the shared text in that language where it has a version
        in it, and in English, marked, where it has none. Made only to be shown (a store refuses to save it)."""
        if code == ENGLISH or not self.TRANSLATED or getattr(self, "team_id", None):
            return self             # a team's own text (its own change idea) is shown as typed
        update = {}
        for name in self.TRANSLATED:
            english = getattr(self, name)
            update[name] = getattr(self, f"{name}_{code}", None) or (
                _("%(text)s (in English)", text=english) if english else english)
        shown = self.model_copy(update=update)
        shown._shown_in = code
        return shown

    def as_it_stood(self, day: dt.date) -> "Record":
        """This record as it stood on ``day`` (one dated after it is left out before this is asked)."""
        return self

    def sort_key(self) -> tuple:
        fields = self.__dict__            # read directly: a workspace's every row is sorted by this
        return tuple(v if isinstance(v := fields[k], (int, float)) else str(v) for k in self.ORDER_BY) + \
            tuple(str(fields[k]) for k in self.KEY)

    def key(self) -> tuple:
        return tuple(getattr(self, k) for k in self.KEY)

    def describe(self) -> str:
        return f"{_(self.NOUN)} " + " / ".join(str(v) for v in self.key())

    def new_id_base(self) -> str | None:
        """What a new record's identifier is made from, when the store gives it one at its first save.

        None for records keyed by what they are about (a team's month, a period's numbers): two
        people adding one of those are adding the same thing. Records with an ``id`` return a
        readable base; the store makes it unique inside the saving transaction, so two people
        adding at once always get two records.
        """
        return None

    def data(self) -> dict[str, Any]:
        """The record's content, without its version (what export and comparisons use)."""
        return self.model_dump(exclude={"version"})

    def context_problems(self, ctx: Context) -> list[Problem]:
        """Problems that need other records to see (unknown team, date outside the calendar)."""
        problems = []
        for field, table in self.REFS.items():
            value = getattr(self, field)
            if value is None:
                continue
            model = RECORD_TYPES[table]
            if ctx.lookup(model, (value,)) is None:
                problems.append(Problem(_("There is no %(noun)s “%(value)s”.", noun=_(model.NOUN), value=value), field=self.field_label(field),
                                        record=self.describe()))
        for field, table in self.LIST_REFS.items():
            model = RECORD_TYPES[table]
            for value in getattr(self, field) or []:
                if ctx.lookup(model, (value,)) is None:
                    problems.append(Problem(_("There is no %(noun)s “%(value)s”.", noun=_(model.NOUN), value=value),
                                            field=self.field_label(field), record=self.describe()))
        collab = ctx.collaborative() if self.CALENDAR_FIELDS else None
        for field in self.CALENDAR_FIELDS:
            problems += outside_calendar(collab, getattr(self, field), self.field_label(field), self.describe(),
                                         earliest=self.BASELINE_OK)
        return problems + self.id_clashes(ctx)

    def id_clashes(self, ctx: Context) -> list[Problem]:
        """An identifier must not be taken by a record of a table that shares its identifiers."""
        out = []
        for table in self.ID_SPACE:
            other = RECORD_TYPES[table]
            if other is not type(self) and ctx.lookup(other, (self.id,)) is not None:
                out.append(Problem(_("“%(id)s” is used twice in the driver diagram (%(nouns)s); identifiers in "
                                     "the driver diagram must be unique.", id=self.id,
                                     nouns=", ".join(_(RECORD_TYPES[t].NOUN) for t in self.ID_SPACE))))
        return out


def outside_calendar(collab, when: dt.date | None, label: str, record: str | None,
                     earliest: bool = False) -> list[Problem]:
    """A date must fall within the collaborative (or its baseline window, for data)."""
    if collab is None or when is None:
        return []
    first = collab.earliest_data() if earliest else collab.start
    if first <= when <= collab.last_day:
        return []
    return [Problem(_("%(day)s is outside the collaborative’s calendar (%(first)s to %(last)s).", day=day(when),
                      first=day(first), last=day(collab.last_day)), field=label, record=record)]


RECORD_TYPES: dict[str, type[Record]] = {}


def many_of(record: "Record | str", many: bool = False) -> int:
    """The count a sentence about a record agrees with (``n_``): 2 for one whose description names several things
    ("the numbers for October 2026 were changed"), else 1. ``many`` for a description given as text."""
    return 2 if (record.MANY if isinstance(record, Record) else many) else 1


def cannot_save(model: type[Record]) -> str:
    """The one sentence above a record's problems."""
    return _("This %(noun)s cannot be saved.", noun=_(model.NOUN))


def register(cls: type[Record]) -> type[Record]:
    RECORD_TYPES[cls.TABLE] = cls
    return cls


# ---- reusable field types ---------------------------------------------------------------

def _slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(f"“{value}” is not a valid identifier: use {SLUG_RULE}")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("cannot be empty")
    return value


_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _to_month(value: Any) -> Any:
    """Accept "2026-03" as well as a date; a month is stored as its first day."""
    if isinstance(value, str):
        m = _MONTH_RE.match(value)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), 1)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.replace(day=1)
    return value


def _optional_text(value: Any) -> Any:
    """Empty cells and missing values mean 'no value'."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


Slug = Annotated[str, AfterValidator(_slug)]
RequiredText = Annotated[str, AfterValidator(_not_blank)]
Month = Annotated[dt.date, BeforeValidator(_to_month)]
OptionalSlug = Annotated[Slug | None, BeforeValidator(_optional_text)]
Slugs = Annotated[list[Slug], AfterValidator(lambda ids: list(dict.fromkeys(ids)))]   # each once, in order


def optional(tp: Any) -> Any:
    """An optional value where an empty cell means None."""
    return Annotated[tp | None, BeforeValidator(_optional_text)]


# ---- pydantic errors in plain words ------------------------------------------------------

def _num(value: Any) -> str:
    return number(value) if isinstance(value, (int, float)) else str(value)


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def problems_from(exc: ValidationError, model: type[Record], columns: bool = False) -> list[Problem]:
    """Plain problems from pydantic's; with ``columns``, placed by column (the field's name)."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err["loc"] if not isinstance(p, int)]
        field = loc[0] if loc else None
        label = model.field_label(field) if field else None
        column = field if columns and field in model.model_fields else None
        problems.append(Problem(_plain(err, label or _("This value")), field=label, column=column))
    return problems


def _plain(err: dict, label: str) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing" or (given is None and kind.endswith("_type")):
        return _("%(label)s is required.", label=label)
    if kind == "extra_forbidden":
        return _("“%(label)s” is not a field of this form.", label=label)
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "").replace("'", "")
        return _("“%(given)s” is not one of the allowed choices: %(expected)s.", given=_shown(given), expected=expected)
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"):
        return _("%(label)s must be a number; “%(given)s” is not.", label=label, given=_shown(given))
    if kind == "finite_number":
        return _("%(label)s must be an ordinary number; “%(given)s” is not one.", label=label, given=_shown(given))
    if kind == "int_parsing_size":
        return _("%(label)s is far too large a number.", label=label)
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("%(label)s must be a date written like 2026-03-01; “%(given)s” is not.", label=label,
                 given=_shown(given))
    if kind in ("greater_than_equal", "greater_than"):
        values = dict(label=label, bound=_num(ctx.get("ge", ctx.get("gt"))), given=_shown(given))
        if kind == "greater_than_equal":
            return _("%(label)s must be at least %(bound)s; it was %(given)s.", **values)
        return _("%(label)s must be more than %(bound)s; it was %(given)s.", **values)
    if kind in ("less_than_equal", "less_than"):
        values = dict(label=label, bound=_num(ctx.get("le", ctx.get("lt"))), given=_shown(given))
        if kind == "less_than_equal":
            return _("%(label)s must be at most %(bound)s; it was %(given)s.", **values)
        return _("%(label)s must be less than %(bound)s; it was %(given)s.", **values)
    if kind == "multiple_of":
        return _("%(label)s goes in steps of %(step)s; %(given)s is not one of them.", label=label,
                 step=_num(ctx.get("multiple_of")), given=_shown(given))
    if kind == "string_pattern_mismatch":
        return _("%(label)s does not look right: “%(given)s”.", label=label, given=_shown(given))
    if kind == "string_too_long":
        most = number(ctx.get("max_length") or 0)
        if isinstance(given, str):
            return _("%(label)s is too long: at most %(most)s characters (this has %(has)s).", label=label,
                     most=most, has=number(len(given)))
        return _("%(label)s is too long: at most %(most)s characters.", label=label, most=most)
    if kind in ("unstorable_text", "string_unicode"):   # pydantic refuses a lone surrogate itself
        return _("%(label)s holds an invisible character that cannot be stored (a null character, or half of a "
                 "character cut in two, as a pasted emoji can be). Delete it, or type that part again.", label=label)
    if kind == "too_long":
        return _("%(label)s has too many entries: at most %(most)s.", label=label, most=ctx.get("max_length"))
    if kind in ("string_type", "bool_parsing", "bool_type", "list_type"):
        return _("%(label)s has the wrong kind of value: “%(given)s”.", label=label, given=_shown(given))
    msg = err["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    if msg.startswith("cannot be empty"):
        return _("%(label)s cannot be empty.", label=label)
    if msg.startswith("“") or msg[:1].isupper():
        return msg if msg.endswith(".") else msg + "."
    return f"{label} {msg}."
