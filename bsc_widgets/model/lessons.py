"""Lessons learned, written at the end: one for each team and one for the collaborative ("document work, report
on results and lessons learned"). The final report and the change package keep them."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, _
from .base import (
    NAME_LENGTH,
    TEXT_LENGTH,
    Context,
    OptionalSlug,
    Record,
    Slug,
    optional,
    register,
)

COLLABORATIVE = "collaborative"     # the identifier of the collaborative's own lessons


@register
class Lesson(Record):
    TABLE: ClassVar[str] = "lessons"
    NOUN: ClassVar[str] = N_("lessons learned")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    MANY: ClassVar[bool] = True

    id: Slug = Field(title=N_("Identifier"))          # the team's identifier, or "collaborative"
    team_id: OptionalSlug = Field(None, title=N_("Team"))
    learned: optional(str) = Field(None, title=N_("What we learned"), max_length=TEXT_LENGTH)
    proud_of: optional(str) = Field(None, title=N_("What we are proud of"), max_length=TEXT_LENGTH)
    for_next_wave: optional(str) = Field(None, title=N_("What we would tell the next collaborative"),
                                         max_length=TEXT_LENGTH)
    written_by: optional(str) = Field(None, title=N_("Written by"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("the collaborative’s lessons learned") if self.team_id is None else _("the team’s lessons learned")

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        if self.id != (self.team_id or COLLABORATIVE):
            out.append(Problem(_("Lessons learned belong to their team (or to the collaborative): the identifier "
                                 "must be the team’s."), record=self.describe()))
        return out
