"""What a team, or its coach, pins to a point on a chart: the end of the baseline, a new phase, a point
left out, a note. Each says why, and who set it, and when; a mark taken back is kept, withdrawn, so the
history of a chart's reading can always be told (and a view as of an earlier day reads it as it stood).
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base.language import N_, Labels, _, day
from .base import NAME_LENGTH, NOTE_LENGTH, Record, RequiredText, Slug, optional, register

MarkKind = Literal["baseline", "phase", "exclude", "note"]
MARK_KIND_LABELS = Labels({
    "baseline": N_("The baseline ends here (the center line is frozen on the points up to here)"),
    "phase": N_("A new phase starts here (the center line is worked out again from here)"),
    "exclude": N_("Leave this point out of the center line and limits (it is still drawn)"),
    "note": N_("A note on this point"),
})
MARK_KIND_SHORT = Labels({"baseline": N_("Baseline ends"), "phase": N_("New phase"), "exclude": N_("Left out"),
                          "note": N_("Note")})


@register
class ChartMark(Record):
    TABLE: ClassVar[str] = "chart_marks"
    NOUN: ClassVar[str] = N_("mark on a chart")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("at", "set_on")
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "measure_id": "measures"}
    AS_OF: ClassVar[str | None] = "set_on"

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    measure_id: Slug = Field(title=N_("Measure"))
    at: dt.date = Field(title=N_("Point"))
    kind: MarkKind = Field(title=N_("Mark"))
    reason: RequiredText = Field(title=N_("Why"), max_length=NOTE_LENGTH)
    astronomical: bool = Field(False, title=N_("An astronomical point (far beyond anything the process makes)"))
    set_by: optional(str) = Field(None, title=N_("Set by"), max_length=NAME_LENGTH)
    set_on: dt.date = Field(title=N_("Set on"))
    withdrawn_on: optional(dt.date) = Field(None, title=N_("Taken back on"))
    withdrawn_by: optional(str) = Field(None, title=N_("Taken back by"), max_length=NAME_LENGTH)

    @model_validator(mode="after")
    def _flag_on_notes(self):
        if self.astronomical and self.kind != "note":
            raise ValueError(_("Only a note can mark a point as astronomical (leave the point out with a mark of its own)"))
        if self.withdrawn_on is not None and self.withdrawn_on < self.set_on:
            raise ValueError(_("A mark cannot be taken back before it was set"))
        return self

    def describe(self) -> str:
        return _("the mark “%(kind)s” at %(day)s", kind=MARK_KIND_SHORT[self.kind].lower(), day=day(self.at))

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.measure_id}-{self.kind}"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None

    def as_it_stood(self, day: dt.date) -> "ChartMark":
        """A mark taken back after ``day`` was still in force then."""
        if self.withdrawn_on is None or self.withdrawn_on <= day:
            return self
        return self.model_copy(update={"withdrawn_on": None, "withdrawn_by": None})
