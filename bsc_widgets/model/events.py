"""Numbers that are not one a period: rare events, each dated, and several values in one period.

A monthly count of send-homes that is mostly zero says little; the dates of the send-homes
say how long a team went between them (a G or T chart). Classroom observation scores come
several a month; their spread within the month matters as well as their mean (Xbar and S).
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, _
from ..base.language import day as show_day
from .base import BIG, NOTE_LENGTH, Context, Record, Slug, optional, register
from .framework import DATED_EVENTS, SUBGROUPS, Measure, kind_word, retired_problem
from .observation import period_label, period_problems, period_words

MOST_A_DAY = 1_000       # events on one day at one program
MOST_A_PERIOD = 200      # values in one period (observations, classrooms)


class _MeasureData(Record):
    """What an event and a value in a period share: the team, the measure, and a check of its kind."""

    KIND: ClassVar[str]
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "measure_id": "measures"}
    BASELINE_OK: ClassVar[bool] = True

    team_id: Slug = Field(title=N_("Team"))
    measure_id: Slug = Field(title=N_("Measure"))

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        measure = ctx.lookup(Measure, (self.measure_id,))
        if measure is not None:
            out += self.against(measure)
            out += retired_problem(measure, getattr(self, self.AS_OF), self.field_label(self.AS_OF), self.describe())
        return out

    def against(self, measure: Measure) -> list[Problem]:
        if measure.kind != self.KIND:
            return [Problem(_("“%(measure)s” does not take these figures (%(noun)s): it is a %(kind)s.",
                              measure=measure.name, noun=_(self.NOUN), kind=kind_word(measure)), record=self.describe())]
        return []


@register
class Event(_MeasureData):
    TABLE: ClassVar[str] = "events"
    NOUN: ClassVar[str] = N_("dated event")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "measure_id", "day")
    AS_OF: ClassVar[str | None] = "day"
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("day",)
    KIND: ClassVar[str] = DATED_EVENTS

    day: dt.date = Field(title=N_("Date"))
    count: int = Field(1, ge=0, le=MOST_A_DAY, title=N_("How many that day"),
                       description="0 takes back a day entered by mistake")
    note: optional(str) = Field(None, title=N_("Note"), max_length=NOTE_LENGTH)

    def describe(self) -> str:
        return _("the events of %(day)s", day=show_day(self.day))

    def numbers(self) -> tuple:
        return (self.count,)


@register
class Sample(_MeasureData):
    TABLE: ClassVar[str] = "samples"
    NOUN: ClassVar[str] = N_("value in a period")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "measure_id", "period", "number")
    AS_OF: ClassVar[str | None] = "period"
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("period",)
    KIND: ClassVar[str] = SUBGROUPS

    period: dt.date = Field(title=N_("Period"))
    number: int = Field(title=N_("Number in the period"), ge=1, le=MOST_A_PERIOD)
    value: float = Field(title=N_("Value"), ge=-BIG, le=BIG)

    def describe(self) -> str:
        return _("value %(n)s for %(period)s", n=self.number, period=period_words(self.period))

    def against(self, measure: Measure) -> list[Problem]:
        return super().against(measure) or period_problems(measure, self.period, self.field_label("period"),
                                                           self.describe())

    def numbers(self) -> tuple:
        return (self.value,)

    def period_text(self, measure: Measure) -> str:
        return period_label(self.period, measure.frequency)
