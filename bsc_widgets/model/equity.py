"""Groupings for equity views: a measure's data by children's or families' group (home language, race/ethnicity).

The collaborative defines a grouping and its groups (strata); a team enters each group's
numerator and denominator beside its overall figure. What is shown again is decided
by ``bsc_widgets.analysis.equity``, which suppresses small groups.
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, _, number
from .base import BIG, POSITIONS, Context, Record, RequiredText, Slug, register
from .framework import Measure
from .observation import period_start, period_words


@register
class Grouping(Record):
    TABLE: ClassVar[str] = "groupings"
    NOUN: ClassVar[str] = N_("grouping")
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: Slug = Field(title=N_("Identifier"))
    name: RequiredText = Field(title=N_("Grouping"), max_length=120)

    def new_id_base(self) -> str:
        return self.name


@register
class Stratum(Record):
    """One group of a grouping ("Spanish" in "Family's home language")."""

    TABLE: ClassVar[str] = "strata"
    NOUN: ClassVar[str] = N_("group")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    ORDER_BY: ClassVar[tuple[str, ...]] = ("grouping_id", "position")
    REFS: ClassVar[dict[str, str]] = {"grouping_id": "groupings"}

    id: Slug = Field(title=N_("Identifier"))
    grouping_id: Slug = Field(title=N_("Grouping"))
    label: RequiredText = Field(title=N_("Group"), max_length=120)
    position: int = Field(0, title=N_("Order"), **POSITIONS)

    def describe(self) -> str:
        return _("group %(label)s", label=self.label)

    def new_id_base(self) -> str:
        return self.label


@register
class StratumObservation(Record):
    """One group's numerator and denominator for one team, measure and period."""

    TABLE: ClassVar[str] = "stratum_observations"
    NOUN: ClassVar[str] = N_("group's figures")
    MANY: ClassVar[bool] = True
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "measure_id", "period", "stratum_id")
    AS_OF: ClassVar[str | None] = "period"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "measure_id": "measures", "stratum_id": "strata"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("period",)
    BASELINE_OK: ClassVar[bool] = True

    team_id: Slug = Field(title=N_("Team"))
    measure_id: Slug = Field(title=N_("Measure"))
    period: dt.date = Field(title=N_("Period"))
    stratum_id: Slug = Field(title=N_("Group"))
    numerator: float = Field(ge=0, le=BIG, title=N_("Numerator"))
    denominator: float = Field(gt=0, le=BIG, title=N_("Denominator"))

    def describe(self) -> str:
        return _("the figures of one group for %(period)s", period=period_words(self.period))

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        measure, stratum = ctx.lookup(Measure, (self.measure_id,)), ctx.lookup(Stratum, (self.stratum_id,))
        if measure is None or stratum is None:
            return out
        where = dict(record=self.describe())
        if not measure.stratified_by:
            out.append(Problem(_("“%(measure)s” is not shown by group.", measure=measure.name), **where))
        elif stratum.grouping_id != measure.stratified_by:
            out.append(Problem(_("“%(group)s” is not one of the groups “%(measure)s” is shown by.", group=stratum.label,
                                 measure=measure.name),
                               field=self.field_label("stratum_id"), **where))
        if period_start(self.period, measure.frequency) != self.period:
            out.append(Problem(_("For “%(measure)s” the period must be a Monday.", measure=measure.name)
                               if measure.frequency == "weekly" else
                               _("For “%(measure)s” the period must be the first day of a month.", measure=measure.name),
                               field=self.field_label("period"), **where))
        if measure.kind == "proportion" and self.numerator > self.denominator:
            out.append(Problem(_("The numerator (%(numerator)s) is larger than the denominator (%(denominator)s).",
                                 numerator=number(self.numerator), denominator=number(self.denominator)), field=self.field_label("numerator"), **where))
        return out
