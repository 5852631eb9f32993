"""A team's storyboard for a learning session: drafted from its own data (``analysis.storyboard``); the team
writes only three short things, kept here."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, _
from .base import Context, Record, Slug, optional, register
from .collaborative import Phase

SESSION_KINDS = ("learning_session", "summative")   # the sessions teams bring a storyboard to
SHORT = 600                                          # a poster's paragraph


@register
class Storyboard(Record):
    TABLE: ClassVar[str] = "storyboards"
    NOUN: ClassVar[str] = N_("storyboard")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "phase_id")
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "phase_id": "phases"}

    team_id: Slug = Field(title=N_("Team"))
    phase_id: Slug = Field(title=N_("Learning session"))
    learned: optional(str) = Field(None, title=N_("What we learned"), max_length=SHORT)
    proud_of: optional(str) = Field(None, title=N_("What we are proud of"), max_length=SHORT)
    need: optional(str) = Field(None, title=N_("What we need"), max_length=SHORT)

    def describe(self) -> str:
        return _("storyboard")

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        phase = ctx.lookup(Phase, (self.phase_id,))
        if phase is not None and phase.kind not in SESSION_KINDS:
            out.append(Problem(_("A storyboard is for a learning session or the summative session, not “%(phase)s”.",
                                 phase=phase.name), field=self.field_label("phase_id"), record=self.describe()))
        return out
