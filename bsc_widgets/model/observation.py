"""One period's data for one team on one measure."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field, model_validator

from ..base.clock import add_months
from ..base.errors import Problem
from ..base.language import N_, _, number
from ..base.language import day as show_day
from .base import BIG, NOTE_LENGTH, Context, Record, Slug, optional, register
from .framework import Measure, kind_word, retired_problem


def period_start(day: dt.date, frequency: str) -> dt.date:
    """The period a day belongs to: the 1st of its month, or the Monday of its week."""
    if frequency == "weekly":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(period: dt.date, frequency: str) -> dt.date:
    """The period after ``period`` (its start): the next Monday's week, or the next month."""
    return period + dt.timedelta(days=7) if frequency == "weekly" else add_months(period, 1)


def period_problems(measure, period: dt.date, label: str, record: str) -> list[Problem]:
    """A period is the first day of its month, or the Monday of its week, as the measure is kept."""
    if period_start(period, measure.frequency) == period:
        return []
    if measure.frequency == "weekly":
        text = _("For the weekly measure “%(measure)s”, the period must be a Monday; %(day)s is not.")
    else:
        text = _("For the monthly measure “%(measure)s”, the period must be the first day of a month; %(day)s is not.")
    return [Problem(text % dict(measure=measure.name, day=show_day(period)), field=label, record=record)]


def period_words(day: dt.date) -> str:
    """A period named without knowing its measure: a month by its name, a week by its Monday."""
    return show_day(day, "month") if day.day == 1 else _("the week of %(day)s", day=show_day(day))


def period_label(day: dt.date, frequency: str) -> str:
    """A period as people say it, in the page's language: "November 2026", "week of 2 Nov 2026"."""
    return _("week of %(day)s", day=show_day(day, "short")) if frequency == "weekly" else show_day(day, "month")


@register
class Observation(Record):
    TABLE: ClassVar[str] = "observations"
    NOUN: ClassVar[str] = N_("measure observation")
    MANY: ClassVar[bool] = True
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "measure_id", "period")
    AS_OF: ClassVar[str | None] = "period"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "measure_id": "measures"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("period",)
    BASELINE_OK: ClassVar[bool] = True

    team_id: Slug = Field(title=N_("Team"))
    measure_id: Slug = Field(title=N_("Measure"))
    period: dt.date = Field(title=N_("Period"))
    numerator: optional(float) = Field(None, ge=0, le=BIG, title=N_("Numerator"))
    denominator: optional(float) = Field(None, gt=0, le=BIG, title=N_("Denominator"))
    value: optional(float) = Field(None, ge=-BIG, le=BIG, title=N_("Value"))
    note: optional(str) = Field(None, title=N_("Note"), max_length=NOTE_LENGTH)

    @model_validator(mode="after")
    def _numbers(self):
        if self.numerator is not None and self.denominator is not None and self.value is not None:
            raise ValueError(_("Give either a numerator and denominator, or a value, not both"))
        return self

    def describe(self) -> str:
        return _("the numbers for %(period)s", period=period_words(self.period))

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
            return [Problem(_("“%(measure)s” is not entered one number a period: enter the date of each event.",
                              measure=measure.name) if measure.kind == "events" else
                            _("“%(measure)s” is not entered one number a period: enter each of the period's values.",
                              measure=measure.name), **where)]
        wrong = period_problems(measure, self.period, self.field_label("period"), self.describe())
        if wrong:
            return wrong
        if measure.uses_denominator:
            missing = [self.field_label(f) for f in ("numerator", "denominator") if getattr(self, f) is None]
            if missing:
                text = (_("%(field)s is needed: “%(measure)s” is a %(kind)s.") if len(missing) == 1 else
                        _("%(field)s and %(other)s are needed: “%(measure)s” is a %(kind)s."))
                return [Problem(text % dict(field=missing[0], other=missing[-1], measure=measure.name,
                                            kind=kind_word(measure)), field=missing[-1], **where)]
            if self.value is not None:
                return [Problem(_("“%(measure)s” is a %(kind)s: give a numerator and denominator, not a value.",
                                  measure=measure.name, kind=kind_word(measure)), field=self.field_label("value"), **where)]
            if measure.kind == "proportion" and self.numerator > self.denominator:
                return [Problem(_("The numerator (%(numerator)s) is larger than the denominator (%(denominator)s); a "
                                  "proportion cannot be more than 100%%.", numerator=number(self.numerator),
                                  denominator=number(self.denominator)),
                                field=self.field_label("numerator"), **where)]
            return []
        if self.numerator is not None or self.denominator is not None:
            return [Problem(_("“%(measure)s” is a %(kind)s: give a value, not a numerator and denominator.",
                              measure=measure.name, kind=kind_word(measure)),
                            field=self.field_label("value"), **where)]
        if self.value is None:
            return [Problem(_("“%(measure)s” needs a value.", measure=measure.name), field=self.field_label("value"), **where)]
        if measure.kind == "count" and (self.value < 0 or self.value != int(self.value)):
            return [Problem(_("A count must be a whole number of 0 or more; %(value)s is not.", value=number(self.value)),
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
