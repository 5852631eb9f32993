"""The monthly team report, and assessment-scale scores from the team and from faculty."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, Labels, _, day, number
from .base import NAME_LENGTH, TEXT_LENGTH, Context, Month, Record, Slug, optional, register
from .collaborative import AssessmentLevel

ScoreSource = Literal["team", "faculty"]
SCORE_SOURCE_LABELS = Labels({"team": N_("Team’s own score"), "faculty": N_("Faculty score")})


@register
class MonthlyReport(Record):
    TABLE: ClassVar[str] = "monthly_reports"
    NOUN: ClassVar[str] = N_("monthly report")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "month")
    AS_OF: ClassVar[str | None] = "month"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("month",)

    team_id: Slug = Field(title=N_("Team"))
    month: Month = Field(title=N_("Month"))
    highlights: optional(str) = Field(None, title=N_("Highlights"), max_length=TEXT_LENGTH)
    barriers: optional(str) = Field(None, title=N_("Barriers"), max_length=TEXT_LENGTH)
    support_requested: optional(str) = Field(None, title=N_("Support requested"), max_length=TEXT_LENGTH)
    measures_status: optional(str) = Field(None, title=N_("Status of our measures"), max_length=TEXT_LENGTH)
    submitted_by: optional(str) = Field(None, title=N_("Submitted by"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("monthly report for %(month)s", month=day(self.month, "month"))


@register
class AssessmentScore(Record):
    """One month's score on the assessment scale, given by the team or by faculty."""

    TABLE: ClassVar[str] = "assessment_scores"
    NOUN: ClassVar[str] = N_("assessment-scale score")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "month", "source")
    AS_OF: ClassVar[str | None] = "month"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("month",)

    team_id: Slug = Field(title=N_("Team"))
    month: Month = Field(title=N_("Month"))
    source: ScoreSource = Field(title=N_("Scored by"))
    score: float = Field(title=N_("Score"), ge=0.5, le=5.0, multiple_of=0.5)
    rationale: optional(str) = Field(None, title=N_("Why this score / feedback"), max_length=TEXT_LENGTH)
    scored_by: optional(str) = Field(None, title=N_("Name of scorer"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("%(source)s for %(month)s", source=SCORE_SOURCE_LABELS[self.source].lower(),
                 month=day(self.month, "month"))

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        if ctx.lookup(AssessmentLevel, (self.score,)) is None and ctx.lookup(AssessmentLevel, (1.0,)) is not None:
            out.append(Problem(_("%(score)s is not a level of this collaborative’s assessment scale.",
                                 score=number(self.score)),
                               field=self.field_label("score"), record=self.describe()))
        return out
