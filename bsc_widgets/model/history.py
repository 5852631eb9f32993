"""The change framework's history: what a measure, driver or change idea said before it was edited.

Team data points at a framework record by its identifier, which never changes; so a
renamed change idea keeps its PDSA cycles, and a measure whose definition was reworded
keeps its data. Each edit of a record teams already use is written here, so anyone can
see what the data was entered against, and when that changed.
"""
from __future__ import annotations

from ..language import N_, _, day

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field

from .base import NAME_LENGTH, TEXT_LENGTH, Record, Slug, optional, register

FrameworkTable = Literal["measures", "drivers", "change_ideas"]


def wording(value) -> str | None:
    """How a field's value is kept in the history (a date as 2026-03-01, a number without trailing zeros)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else f"{value:g}" if isinstance(value, float) else str(value)


@register
class FrameworkChange(Record):
    TABLE: ClassVar[str] = "framework_changes"
    NOUN: ClassVar[str] = N_("framework change")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "changed_on"
    ORDER_BY: ClassVar[tuple[str, ...]] = ("changed_on",)

    id: Slug = Field(title=N_("Identifier"))
    record_table: FrameworkTable = Field(title=N_("Kind of record"))
    record_id: Slug = Field(title=N_("Record"))
    field: str = Field(title=N_("What changed"), max_length=120)
    before: optional(str) = Field(None, title=N_("Before"), max_length=TEXT_LENGTH)
    after: optional(str) = Field(None, title=N_("After"), max_length=TEXT_LENGTH)
    changed_on: dt.date = Field(title=N_("Changed on"))
    changed_by: optional(str) = Field(None, title=N_("Changed by"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("change to %(record)s on %(day)s", record=self.record_id, day=day(self.changed_on))

    def new_id_base(self) -> str:
        return f"{self.record_id}-{self.field.replace('_', '-')}"
