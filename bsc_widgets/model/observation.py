"""One period's data for one team on one measure."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field, model_validator

from ..errors import Problem
from .base import BIG, NOTE_LENGTH, Context, Record, Slug, optional, register
from .framework import Measure, retired_problem


def period_start(day: dt.date, frequency: str) -> dt.date:
    """The period a day belongs to: the 1st of its month, or the Monday of its week."""
    if frequency == "weekly":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def period_problems(measure, period: dt.date, label: str, record: str) -> list[Problem]:
    """A period is the first day of its month, or the Monday of its week, as the measure is kept."""
    if period_start(period, measure.frequency) == period:
        return []
    rule = "a Monday" if measure.frequency == "weekly" else "the first day of a month"
    return [Problem(f"For the {measure.frequency} measure “{measure.name}”, the period must be {rule}; "
                    f"{period} is not.", field=label, record=record)]


def period_words(day: dt.date) -> str:
    """A period named without knowing its measure: a month by its name, a week by its Monday."""
    return f"{day:%B %Y}" if day.day == 1 else f"the week of {day:%-d %B %Y}"


def period_label(day: dt.date, frequency: str) -> str:
    return f"week of {day:%-d %b %Y}" if frequency == "weekly" else f"{day:%B %Y}"


@register
class Observation(Record):
    TABLE: ClassVar[str] = "observations"
    NOUN: ClassVar[str] = "measure observation"
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "measure_id", "period")
    AS_OF: ClassVar[str | None] = "period"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "measure_id": "measures"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("period",)
    BASELINE_OK: ClassVar[bool] = True

    team_id: Slug = Field(title="Team")
    measure_id: Slug = Field(title="Measure")
    period: dt.date = Field(title="Period")
    numerator: optional(float) = Field(None, ge=0, le=BIG, title="Numerator")
    denominator: optional(float) = Field(None, gt=0, le=BIG, title="Denominator")
    value: optional(float) = Field(None, ge=-BIG, le=BIG, title="Value")
    note: optional(str) = Field(None, title="Note", max_length=NOTE_LENGTH)

    @model_validator(mode="after")
    def _numbers(self):
        if self.numerator is not None and self.denominator is not None and self.value is not None:
            raise ValueError("Give either a numerator and denominator, or a value, not both")
        return self

    def describe(self) -> str:
        return f"the numbers for {period_words(self.period)}"

    def context_problems(self, ctx: Context) -> list[Problem]:
        out = super().context_problems(ctx)
        measure = ctx.lookup(Measure, (self.measure_id,))
        if measure is not None:
            out += self.against(measure)
            out += retired_problem(measure, self.period, self.field_label("period"), self.describe())
        return out

    def against(self, measure: Measure) -> list[Problem]:
        """Checks that depend on the kind of measure (proportion, rate, count, value)."""
        where = dict(record=self.describe())
        if not measure.one_number_a_period:
            return [Problem(f"“{measure.name}” is not entered one number a period: "
                            + ("enter the date of each event." if measure.kind == "events" else
                               "enter each of the period's values."), **where)]
        wrong = period_problems(measure, self.period, self.field_label("period"), self.describe())
        if wrong:
            return wrong
        if measure.uses_denominator:
            missing = [self.field_label(f) for f in ("numerator", "denominator") if getattr(self, f) is None]
            if missing:
                return [Problem(f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} needed: "
                                f"“{measure.name}” is a {measure.kind}.", field=missing[-1], **where)]
            if self.value is not None:
                return [Problem(f"“{measure.name}” is a {measure.kind}: give a numerator and denominator, not a value.",
                                field=self.field_label("value"), **where)]
            if measure.kind == "proportion" and self.numerator > self.denominator:
                return [Problem(f"The numerator ({self.numerator:g}) is larger than the denominator "
                                f"({self.denominator:g}); a proportion cannot be more than 100%.",
                                field=self.field_label("numerator"), **where)]
            return []
        if self.numerator is not None or self.denominator is not None:
            return [Problem(f"“{measure.name}” is a {measure.kind}: give a value, not a numerator and denominator.",
                            field=self.field_label("value"), **where)]
        if self.value is None:
            return [Problem(f"“{measure.name}” needs a value.", field=self.field_label("value"), **where)]
        if measure.kind == "count" and (self.value < 0 or self.value != int(self.value)):
            return [Problem(f"A count must be a whole number of 0 or more; {self.value:g} is not.",
                            field=self.field_label("value"), **where)]
        return []

    def numbers(self) -> tuple:
        return (self.numerator, self.denominator, self.value)

    def plotted(self, measure: Measure) -> float | None:
        """The number a chart shows for this period (a percentage for a proportion × 100)."""
        if measure.uses_denominator:
            if self.numerator is None or not self.denominator:
                return None
            return self.numerator / self.denominator * measure.multiplier
        return None if self.value is None else self.value * measure.multiplier
