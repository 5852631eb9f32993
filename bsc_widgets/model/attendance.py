"""Who attended what, for how long: the dose a team actually received."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field

from ..base.language import N_, Labels, _, day
from .base import OptionalSlug, Record, Slug, register

EventKind = Literal["learning_session", "affinity_group", "coaching_call"]
EVENT_KIND_LABELS = Labels({
    "learning_session": N_("Learning session"),
    "affinity_group": N_("Affinity group"),
    "coaching_call": N_("Coaching call"),
})


@register
class Attendance(Record):
    TABLE: ClassVar[str] = "attendance"
    NOUN: ClassVar[str] = N_("attendance record")
    KEY: ClassVar[tuple[str, ...]] = ("member_id", "event_kind", "date")
    AS_OF: ClassVar[str | None] = "date"
    REFS: ClassVar[dict[str, str]] = {"member_id": "members", "phase_id": "phases"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("date",)

    member_id: Slug = Field(title=N_("Member"))
    event_kind: EventKind = Field(title=N_("Event"))
    date: dt.date = Field(title=N_("Date"))
    hours: float = Field(title=N_("Hours"), gt=0, le=24)
    phase_id: OptionalSlug = Field(None, title=N_("Learning session"))

    def describe(self) -> str:
        return _("attendance of %(member)s on %(day)s", member=self.member_id, day=day(self.date))
