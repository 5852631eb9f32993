"""The change framework: measures and the driver diagram (a graph, since links are many-to-many)."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..language import N_, Labels
from ..errors import Problem
from .base import (BIG, NAME_LENGTH, POSITIONS, TEXT_LENGTH, Context, OptionalSlug, Record, RequiredText, Slug,
                   optional, register)

MeasureType = Literal["outcome", "process", "balancing"]
MeasureKind = Literal["proportion", "rate", "count", "value", "events", "subgroups"]
Frequency = Literal["monthly", "weekly"]
Direction = Literal["up", "down", "neutral"]
DriverKind = Literal["primary", "secondary"]
Strength = Literal["strong", "weak"]

# Drivers and change ideas are the nodes of one diagram (links name either), so they share identifiers.
DIAGRAM = ("drivers", "change_ideas")

MEASURE_KIND_LABELS = Labels({
    "proportion": N_("Proportion (numerator ÷ denominator)"),
    "rate": N_("Rate (count per unit of exposure)"),
    "count": N_("Count"),
    "value": N_("Value (an average or score)"),
    "events": N_("Rare events, each one dated (charted as days between)"),
    "subgroups": N_("Several values each period (such as observation scores)"),
})
# Kinds whose numbers are not one per period: their own records hold them (model.events).
DATED_EVENTS, SUBGROUPS = "events", "subgroups"


class Retirable:
    """Framework records are retired, never deleted, once teams use them: their data stays."""

    retired_on: dt.date | None

    def is_current(self, day: dt.date | None = None) -> bool:
        """Not retired (or, given a day, not yet retired on it)."""
        return self.retired_on is None or (day is not None and day < self.retired_on)


def current(records: list, day: dt.date | None = None) -> list:
    return [r for r in records if r.is_current(day)]


def retired_problem(record: Retirable, day: dt.date, field: str, where: str) -> list[Problem]:
    """New data cannot be entered against a retired measure or change idea (what it had is kept)."""
    if record.is_current(day):
        return []
    return [Problem(f"“{getattr(record, 'name', None) or record.title}” was retired on {record.retired_on:%-d %B %Y}; "
                    f"nothing dated from then on can be added to it.", field=field, record=where)]


@register
class Measure(Retirable, Record):
    TABLE: ClassVar[str] = "measures"
    NOUN: ClassVar[str] = "measure"
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    REFS: ClassVar[dict[str, str]] = {"stratified_by": "groupings"}

    id: Slug = Field(title="Identifier")
    name: RequiredText = Field(title="Name", max_length=NAME_LENGTH)
    type: MeasureType = Field(title="Measure type")
    kind: MeasureKind = Field(title="Kind of data")
    operational_definition: RequiredText = Field(title="Operational definition", max_length=TEXT_LENGTH)
    numerator: optional(str) = Field(None, title="Numerator definition", max_length=TEXT_LENGTH)
    denominator: optional(str) = Field(None, title="Denominator definition", max_length=TEXT_LENGTH)
    frequency: Frequency = Field("monthly", title="Frequency")
    direction: Direction = Field(title="Direction of improvement")
    goal: optional(float) = Field(None, ge=-BIG, le=BIG, title="Goal")
    multiplier: float = Field(1.0, gt=0, le=1_000_000, title="Multiplier",
                              description="100 shows a proportion as a percentage")
    unit: optional(str) = Field(None, title="Unit", max_length=60)
    position: int = Field(0, title="Order", **POSITIONS)
    stratified_by: OptionalSlug = Field(None, title="Also shown by group (equity view)")
    retired_on: optional(dt.date) = Field(None, title="Retired on")

    @model_validator(mode="after")
    def _ratio_needs_denominator(self):
        if self.kind in ("proportion", "rate") and not self.denominator:
            raise ValueError(f"A {self.kind} needs a denominator definition (what is counted below the line)")
        if self.kind == DATED_EVENTS and self.direction == "up":
            raise ValueError("Rare events are counted because fewer is better (or we watch them): choose lower is "
                             "better, or neither")
        if self.stratified_by and self.kind not in ("proportion", "rate"):
            raise ValueError("Only a proportion or a rate can be shown by group: each group needs its own "
                             "denominator (how many children or families are in it)")
        return self

    @property
    def uses_denominator(self) -> bool:
        return self.kind in ("proportion", "rate")

    @property
    def one_number_a_period(self) -> bool:
        """Proportions, rates, counts and values hold one number a period (an ``Observation``)."""
        return self.kind not in (DATED_EVENTS, SUBGROUPS)

    def new_id_base(self) -> str:
        return self.name


@register
class Driver(Retirable, Record):
    TABLE: ClassVar[str] = "drivers"
    NOUN: ClassVar[str] = "driver"
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    ID_SPACE: ClassVar[tuple[str, ...]] = DIAGRAM

    id: Slug = Field(title="Identifier")
    kind: DriverKind = Field(title="Kind of driver")
    title: RequiredText = Field(title="Driver", max_length=NAME_LENGTH)
    description: optional(str) = Field(None, title="Description", max_length=TEXT_LENGTH)
    position: int = Field(0, title="Order", **POSITIONS)
    retired_on: optional(dt.date) = Field(None, title="Retired on")

    def new_id_base(self) -> str:
        return self.title


@register
class ChangeIdea(Retirable, Record):
    """A change idea: shared by the collaborative (no team) or local to one team."""

    TABLE: ClassVar[str] = "change_ideas"
    NOUN: ClassVar[str] = "change idea"
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    ID_SPACE: ClassVar[tuple[str, ...]] = DIAGRAM

    id: Slug = Field(title="Identifier")
    title: RequiredText = Field(title="Change idea", max_length=NAME_LENGTH)
    description: optional(str) = Field(None, title="Description", max_length=TEXT_LENGTH)
    team_id: OptionalSlug = Field(None, title="Team (for a local change idea)")
    position: int = Field(0, title="Order", **POSITIONS)
    retired_on: optional(dt.date) = Field(None, title="Retired on")

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.title}" if self.team_id else self.title


# Which kinds may link, source -> target: a change idea feeds a secondary driver,
# a secondary driver feeds a primary one.
LINK_KINDS = {("change_idea", "secondary"), ("secondary", "primary")}


@register
class DriverLink(Record):
    TABLE: ClassVar[str] = "driver_links"
    NOUN: ClassVar[str] = "driver-diagram link"
    KEY: ClassVar[tuple[str, ...]] = ("source_id", "target_id")

    source_id: Slug = Field(title="From")
    target_id: Slug = Field(title="To")
    strength: Strength = Field("strong", title="Strength of link")

    def describe(self) -> str:
        return f"link {self.source_id} → {self.target_id}"

    def context_problems(self, ctx: Context) -> list[Problem]:
        kinds = []
        for field in ("source_id", "target_id"):
            node = getattr(self, field)
            idea = ctx.lookup(ChangeIdea, (node,))
            driver = ctx.lookup(Driver, (node,))
            if idea is None and driver is None:
                return [Problem(f"There is no driver or change idea “{node}”.",
                                field=self.field_label(field), record=self.describe())]
            kinds.append("change_idea" if idea is not None else driver.kind)
        if tuple(kinds) not in LINK_KINDS:
            return [Problem(f"A {kinds[0].replace('_', ' ')} cannot link to a {kinds[1].replace('_', ' ')}: "
                            "change ideas link to secondary drivers, and secondary drivers to primary drivers.",
                            record=self.describe())]
        return []


@register
class TeamChangeIdea(Record):
    """A change idea a team has chosen to test (shared or its own); its PDSA cycles say how it is going."""

    TABLE: ClassVar[str] = "team_change_ideas"
    NOUN: ClassVar[str] = "change idea the team is testing"
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "change_idea_id")
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "change_idea_id": "change_ideas"}

    team_id: Slug = Field(title="Team")
    change_idea_id: Slug = Field(title="Change idea")

    def describe(self) -> str:
        return f"choice of change idea {self.change_idea_id}"
