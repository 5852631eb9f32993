"""History kept in the workspace: what the change framework said before it was edited, and what was removed.

Team data points at a framework record by its identifier, which never changes; so a
renamed change idea keeps its PDSA cycles, and a measure whose definition was reworded
keeps its data. Each edit of a record teams already use is written here, so anyone can
see what the data was entered against, and when that changed.

A removed record (a mistaken period, a PDSA cycle, a member entry) is kept too, whole, with who
removed it and when, so that it can be put back; views read only what is in its own table.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar, Literal

from pydantic import Field

from ..base.language import N_, _, day
from .base import NAME_LENGTH, TEXT_LENGTH, OptionalSlug, Record, Slug, optional, register

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


REMOVAL_CONTENT = 16 * TEXT_LENGTH   # a removal holds whole records (a PDSA cycle's five long fields, several rows)


@register
class Removal(Record):
    """Records taken out together (a period's numbers and its group figures), kept to be put back."""

    TABLE: ClassVar[str] = "removals"
    NOUN: ClassVar[str] = N_("removal")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    ORDER_BY: ClassVar[tuple[str, ...]] = ("removed_at",)

    id: Slug = Field(title=N_("Identifier"))
    team_id: OptionalSlug = Field(None, title=N_("Team"))
    record_table: str = Field(title=N_("Kind of record"), max_length=60)
    content: str = Field(title=N_("What was removed"), max_length=REMOVAL_CONTENT)   # JSON: [[table, values], …]
    removed_at: dt.datetime = Field(title=N_("Removed at"))
    removed_by: optional(str) = Field(None, title=N_("Removed by"), max_length=NAME_LENGTH)
    restored_at: dt.datetime | None = Field(None, title=N_("Put back at"))
    restored_by: optional(str) = Field(None, title=N_("Put back by"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("the removal of %(what)s", what=self.what())

    def new_id_base(self) -> str:
        return f"{self.team_id or 'collaborative'}-removal"

    def records(self) -> list[Record]:
        """The records as they were when removed (checked again, as any record read is)."""
        from .base import RECORD_TYPES

        return [RECORD_TYPES[table].model_validate(values) for table, values in json.loads(self.content)]

    def what(self) -> str:
        """What was removed, in words: its first record's description ("the numbers for October 2026")."""
        try:
            return self.records()[0].describe()
        except (ValueError, KeyError, IndexError, TypeError):   # damaged content: still say which kind it was
            return self.record_table

    @classmethod
    def of(cls, records: list[Record], team_id: str | None, at: dt.datetime, by: str | None) -> "Removal":
        content = json.dumps([[r.TABLE, r.model_dump(mode="json", exclude={"version"})] for r in records],
                             ensure_ascii=False)
        return cls.build(id="new", team_id=team_id, record_table=records[0].TABLE, content=content, removed_at=at,
                         removed_by=by)
