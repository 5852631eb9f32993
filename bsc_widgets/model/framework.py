"""The change framework: measures and the driver diagram (a graph, since links are many-to-many)."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base.errors import Problem
from ..base.language import N_, Labels, _
from ..base.language import day as show_day
from .base import (
    BIG,
    NAME_LENGTH,
    POSITIONS,
    TEXT_LENGTH,
    Context,
    OptionalSlug,
    Record,
    RequiredText,
    Slug,
    Slugs,
    optional,
    register,
)

MeasureType = Literal["outcome", "process", "balancing"]
MeasureKind = Literal["proportion", "rate", "count", "value", "events", "subgroups"]
Frequency = Literal["monthly", "weekly"]
Direction = Literal["up", "down", "neutral"]
DriverKind = Literal["primary", "secondary"]
Strength = Literal["strong", "weak"]

MANY_MEASURES = 40     # the most measures a driver or a PDSA cycle can name

# Drivers and change ideas are the nodes of one diagram (links name either), so they share identifiers.
DIAGRAM = ("drivers", "change_ideas")

MEASURE_TYPE_LABELS = Labels({"outcome": N_("Outcome"), "process": N_("Process"), "balancing": N_("Balancing")})
MEASURE_BADGES = Labels({"outcome": N_("Outcome measure"), "process": N_("Process measure"),
                         "balancing": N_("Balancing measure")})

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
    return [Problem(_("“%(name)s” was retired on %(day)s; nothing dated from then on can be added to it.",
                      name=getattr(record, "name", None) or record.title, day=show_day(record.retired_on)),
                    field=field, record=where)]


KIND_WORDS = Labels({"proportion": N_("proportion"), "rate": N_("rate"), "count": N_("count"), "value": N_("value"),
                     "events": N_("measure of rare events"), "subgroups": N_("measure with several values a period")})


def kind_word(measure: "Measure") -> str:
    """The kind of a measure inside a sentence ("… is a proportion")."""
    return KIND_WORDS[measure.kind]


@register
class Measure(Retirable, Record):
    TABLE: ClassVar[str] = "measures"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("name", "operational_definition", "numerator", "denominator")
    NOUN: ClassVar[str] = N_("measure")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    REFS: ClassVar[dict[str, str]] = {"stratified_by": "groupings"}

    id: Slug = Field(title=N_("Identifier"))
    name: RequiredText = Field(title=N_("Name"), max_length=NAME_LENGTH)
    type: MeasureType = Field(title=N_("Measure type"))
    kind: MeasureKind = Field(title=N_("Kind of data"))
    operational_definition: RequiredText = Field(title=N_("Operational definition"), max_length=TEXT_LENGTH)
    numerator: optional(str) = Field(None, title=N_("Numerator definition"), max_length=TEXT_LENGTH)
    denominator: optional(str) = Field(None, title=N_("Denominator definition"), max_length=TEXT_LENGTH)
    name_es: optional(str) = Field(None, title=N_("Name in Spanish"), max_length=NAME_LENGTH)
    operational_definition_es: optional(str) = Field(None, title=N_("Operational definition in Spanish"),
                                                     max_length=TEXT_LENGTH)
    numerator_es: optional(str) = Field(None, title=N_("Numerator definition in Spanish"), max_length=TEXT_LENGTH)
    denominator_es: optional(str) = Field(None, title=N_("Denominator definition in Spanish"), max_length=TEXT_LENGTH)
    frequency: Frequency = Field("monthly", title=N_("Frequency"))
    direction: Direction = Field(title=N_("Direction of improvement"))
    goal: optional(float) = Field(None, ge=-BIG, le=BIG, title=N_("Goal"))
    multiplier: float = Field(1.0, gt=0, le=1_000_000, title=N_("Multiplier"),
                              description="100 shows a proportion as a percentage")
    unit: optional(str) = Field(None, title=N_("Unit"), max_length=60)
    position: int = Field(0, title=N_("Order"), **POSITIONS)
    stratified_by: OptionalSlug = Field(None, title=N_("Also shown by group (equity view)"))
    retired_on: optional(dt.date) = Field(None, title=N_("Retired on"))

    @model_validator(mode="after")
    def _ratio_needs_denominator(self):
        if self.kind in ("proportion", "rate") and not self.denominator:
            raise ValueError(_("A %(kind)s needs a denominator definition (what is counted below the line)",
                               kind=KIND_WORDS[self.kind]))
        if self.kind == DATED_EVENTS and self.direction == "up":
            raise ValueError(_("Rare events are counted because fewer is better (or we watch them): choose lower is "
                               "better, or neither"))
        if self.stratified_by and self.kind not in ("proportion", "rate"):
            raise ValueError(_("Only a proportion or a rate can be shown by group: each group needs its own "
                               "denominator (how many children or families are in it)"))
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
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "description")
    NOUN: ClassVar[str] = N_("driver")
    LIST_REFS: ClassVar[dict[str, str]] = {"measure_ids": "measures"}
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    ID_SPACE: ClassVar[tuple[str, ...]] = DIAGRAM

    id: Slug = Field(title=N_("Identifier"))
    kind: DriverKind = Field(title=N_("Kind of driver"))
    title: RequiredText = Field(title=N_("Driver"), max_length=NAME_LENGTH)
    description: optional(str) = Field(None, title=N_("Description"), max_length=TEXT_LENGTH)
    title_es: optional(str) = Field(None, title=N_("Driver in Spanish"), max_length=NAME_LENGTH)
    description_es: optional(str) = Field(None, title=N_("Description in Spanish"), max_length=TEXT_LENGTH)
    measure_ids: Slugs = Field(
        default_factory=list, title=N_("Measures that show it"), max_length=MANY_MEASURES)
    position: int = Field(0, title=N_("Order"), **POSITIONS)
    retired_on: optional(dt.date) = Field(None, title=N_("Retired on"))

    def new_id_base(self) -> str:
        return self.title


@register
class ChangeIdea(Retirable, Record):
    """A change idea: shared by the collaborative (no team) or local to one team."""

    TABLE: ClassVar[str] = "change_ideas"
    TRANSLATED: ClassVar[tuple[str, ...]] = ("title", "description")
    NOUN: ClassVar[str] = N_("change idea")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("position",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    ID_SPACE: ClassVar[tuple[str, ...]] = DIAGRAM

    id: Slug = Field(title=N_("Identifier"))
    title: RequiredText = Field(title=N_("Change idea"), max_length=NAME_LENGTH)
    description: optional(str) = Field(None, title=N_("Description"), max_length=TEXT_LENGTH)
    title_es: optional(str) = Field(None, title=N_("Change idea in Spanish"), max_length=NAME_LENGTH)
    description_es: optional(str) = Field(None, title=N_("Description in Spanish"), max_length=TEXT_LENGTH)
    team_id: OptionalSlug = Field(None, title=N_("Team (for a local change idea)"))
    evidence: optional(str) = Field(None, title=N_("What earlier collaboratives found"), max_length=TEXT_LENGTH)
    position: int = Field(0, title=N_("Order"), **POSITIONS)
    retired_on: optional(dt.date) = Field(None, title=N_("Retired on"))

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.title}" if self.team_id else self.title


# Which kinds may link, source -> target: a change idea feeds a secondary driver,
# a secondary driver feeds a primary one.
LINK_KINDS = {("change_idea", "secondary"), ("secondary", "primary")}
LINK_END_WORDS = {"change_idea": N_("change idea"), "secondary": N_("secondary driver"),
                  "primary": N_("primary driver")}


@register
class DriverLink(Record):
    TABLE: ClassVar[str] = "driver_links"
    NOUN: ClassVar[str] = N_("driver-diagram link")
    KEY: ClassVar[tuple[str, ...]] = ("source_id", "target_id")

    source_id: Slug = Field(title=N_("From"))
    target_id: Slug = Field(title=N_("To"))
    strength: Strength = Field("strong", title=N_("Strength of link"))

    def describe(self) -> str:
        return f"link {self.source_id} → {self.target_id}"

    def context_problems(self, ctx: Context) -> list[Problem]:
        kinds = []
        for field in ("source_id", "target_id"):
            node = getattr(self, field)
            idea = ctx.lookup(ChangeIdea, (node,))
            driver = ctx.lookup(Driver, (node,))
            if idea is None and driver is None:
                return [Problem(_("There is no driver or change idea “%(node)s”.", node=node),
                                field=self.field_label(field), record=self.describe())]
            kinds.append("change_idea" if idea is not None else driver.kind)
        if tuple(kinds) not in LINK_KINDS:
            return [Problem(_("A %(source)s cannot link to a %(target)s: change ideas link to secondary drivers, and "
                              "secondary drivers to primary drivers.", source=_(LINK_END_WORDS[kinds[0]]),
                              target=_(LINK_END_WORDS[kinds[1]])), record=self.describe())]
        return []


@register
class TeamChangeIdea(Record):
    """A change idea a team has chosen to test (shared or its own); its PDSA cycles say how it is going."""

    TABLE: ClassVar[str] = "team_change_ideas"
    NOUN: ClassVar[str] = N_("change idea the team is testing")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "change_idea_id")
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "change_idea_id": "change_ideas"}

    team_id: Slug = Field(title=N_("Team"))
    change_idea_id: Slug = Field(title=N_("Change idea"))

    def describe(self) -> str:
        return _("choice of change idea %(idea)s", idea=self.change_idea_id)


def first_aimed(idea_id: str, links: list[DriverLink], drivers: list[Driver], measures: list[Measure]) -> list[str]:
    """The measures a new PDSA cycle on ``idea_id`` is first aimed at: those the secondary drivers it feeds name,
    else those their primary drivers name; in the measures' own order, current ones only."""
    named_by = {d.id: d.measure_ids for d in drivers}
    level, seen = {idea_id}, set()
    while level:
        level = {lk.target_id for lk in links if lk.source_id in level} - seen
        seen |= level
        named = {m for d in level for m in named_by.get(d, [])}
        if named:
            return [m.id for m in measures if m.id in named and m.is_current()]
    return []

