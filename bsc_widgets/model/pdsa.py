"""PDSA cycles, and the ramp that successive cycles on one change idea form."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, ClassVar, Iterable, Literal

from pydantic import AfterValidator, Field, model_validator

from ..base.errors import Problem
from ..base.language import N_, Labels, _, day
from .base import NAME_LENGTH, TEXT_LENGTH, Context, Record, RequiredText, Slug, Slugs, optional, register
from .framework import MANY_MEASURES, ChangeIdea, retired_problem
from .team import Role

AgeGroup = Literal["infants", "toddlers", "preschool", "school_age"]
AGE_GROUP_LABELS = Labels({"infants": N_("Infants"), "toddlers": N_("Toddlers"), "preschool": N_("Preschoolers"),
                           "school_age": N_("School-age children")})
Decision = Literal["adopt", "adapt", "abandon"]
DECISION_LABELS = Labels({"adopt": N_("Adopt"), "adapt": N_("Adapt"), "abandon": N_("Abandon")})
DECISION_WORDS = Labels({"adopt": N_("adopted"), "adapt": N_("adapted"), "abandon": N_("abandoned")})   # "the cycle was …"


@register
class PdsaCycle(Record):
    TABLE: ClassVar[str] = "pdsa_cycles"
    NOUN: ClassVar[str] = N_("PDSA cycle")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "start"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "change_idea_id": "change_ideas"}
    LIST_REFS: ClassVar[dict[str, str]] = {"measure_ids": "measures"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    change_idea_id: Slug = Field(title=N_("Change idea tested"))
    title: RequiredText = Field(title=N_("Cycle title"), max_length=NAME_LENGTH)
    objective: RequiredText = Field(title=N_("Objective"), max_length=TEXT_LENGTH)
    questions: optional(str) = Field(None, title=N_("Questions"), max_length=TEXT_LENGTH)
    predictions: optional(str) = Field(None, title=N_("Predictions"), max_length=TEXT_LENGTH)
    plan_who: optional(str) = Field(None, title=N_("Who"), max_length=TEXT_LENGTH)
    plan_what: optional(str) = Field(None, title=N_("What"), max_length=TEXT_LENGTH)
    plan_when: optional(str) = Field(None, title=N_("When"), max_length=TEXT_LENGTH)
    plan_where: optional(str) = Field(None, title=N_("Where"), max_length=TEXT_LENGTH)
    data_collection: optional(str) = Field(None, title=N_("Data-collection plan"), max_length=TEXT_LENGTH)
    # None: not chosen yet (a cycle from before cycles named measures), so it stands beside every measure
    measure_ids: optional(Slugs) = Field(
        None, title=N_("Measures it aims to move"), max_length=MANY_MEASURES)
    participant_roles: Annotated[list[Role], AfterValidator(lambda roles: list(dict.fromkeys(roles)))] = Field(
        default_factory=list, title=N_("Who took part (roles)"), max_length=8)
    scale: optional(str) = Field(None, title=N_("Scale of the test"), max_length=NAME_LENGTH)
    # a condition other teams read beside the program type and the scale: what worked with toddlers may not
    age_groups: Annotated[list[AgeGroup], AfterValidator(lambda ages: list(dict.fromkeys(ages)))] = Field(
        default_factory=list, title=N_("Children's ages"), max_length=4)
    start: dt.date = Field(title=N_("Start date"))
    end: optional(dt.date) = Field(None, title=N_("End date"))
    do_notes: optional(str) = Field(None, title=N_("Do: what happened"), max_length=TEXT_LENGTH)
    study_notes: optional(str) = Field(None, title=N_("Study: results against predictions"), max_length=TEXT_LENGTH)
    decision: optional(Decision) = Field(None, title=N_("Act: decision"))
    next_steps: optional(str) = Field(None, title=N_("Act: next cycle"), max_length=TEXT_LENGTH)

    @model_validator(mode="after")
    def _dates(self):
        if self.measure_ids == []:
            raise ValueError(_("Tick at least one measure this test aims to move (tick them all if you are not "
                               "sure yet)"))
        if self.end and self.end < self.start:
            raise ValueError(_("The end date (%(end)s) is before the start date (%(start)s)", end=day(self.end),
                               start=day(self.start)))
        return self

    def describe(self) -> str:
        return _("PDSA cycle “%(title)s”", title=self.title)

    def as_it_stood(self, day: dt.date) -> "PdsaCycle":
        """A cycle that ended after ``day`` was still running then: no end, study or decision yet."""
        if self.end is None or self.end <= day:
            return self
        return self.model_copy(update={"end": None, "study_notes": None, "decision": None, "next_steps": None})

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.change_idea_id}"

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        idea = ctx.lookup(ChangeIdea, (self.change_idea_id,))
        if idea is not None:
            out += retired_problem(idea, self.start, self.field_label("start"), self.describe())
        return out

    def aims_at(self, measure_id: str) -> bool:
        """Whether this cycle could have moved the measure: one it names, or any while none is chosen."""
        return self.measure_ids is None or measure_id in self.measure_ids

    @property
    def stage(self) -> str:
        """Where the cycle is in Plan–Do–Study–Act, read from what has been filled in."""
        if self.decision:
            return "Act"
        if self.study_notes:
            return "Study"
        if self.do_notes:
            return "Do"
        return "Plan"


@dataclass(frozen=True)
class Ramp:
    """Successive cycles of one team on one change idea, in date order."""

    team_id: str
    change_idea_id: str
    cycles: tuple[PdsaCycle, ...]

    @property
    def latest_decision(self) -> str | None:
        decided = [c.decision for c in self.cycles if c.decision]
        return decided[-1] if decided else None


def aimed_at(cycles: Iterable[PdsaCycle], measure_id: str) -> list[PdsaCycle]:
    """The cycles drawn on, and read beside, one measure's chart."""
    return [c for c in cycles if c.aims_at(measure_id)]


def ramps(cycles: Iterable[PdsaCycle]) -> list[Ramp]:
    groups: dict[tuple[str, str], list[PdsaCycle]] = {}
    for c in cycles:
        groups.setdefault((c.team_id, c.change_idea_id), []).append(c)
    return [Ramp(t, i, tuple(sorted(cs, key=lambda c: (c.start, c.id))))
            for (t, i), cs in sorted(groups.items())]
