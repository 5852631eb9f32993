"""The network's view of one proportion or rate: programs of different sizes compared fairly for one
month (a funnel plot), and the network's monthly total (Laney's P′ or U′ chart).

A small program's percentage swings widely by chance; the funnel's limits widen for it, so only a
program outside them differs from the network by more than its size explains. The network's
total has denominators so large that ordinary P or U limits flag nearly every month; Laney's prime
charts widen them by the variation seen between months.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..base.clock import add_months
from ..base.language import _, day, listing, n_, number
from ..model import Measure, Observation, Team
from ..spc import qic
from ..spc.funnel import funnel
from ..store import Store
from .measure_data import chart_direction, usable
from .reading import Reading, read_chart


@dataclass
class Funnel:
    measure: Measure
    month: dt.date
    points: pd.DataFrame            # one row per team: x (team id), n, y, cl, limits, sigma_signal
    curve: pd.DataFrame             # the limits over denominators
    sentences: list[str] = field(default_factory=list)


def offers_network_views(measure: Measure) -> bool:
    return measure.uses_denominator


def _month_totals(store: Store, measure: Measure) -> pd.DataFrame:
    records = usable(store, measure)[0]
    rows = [(o.team_id, o.period.replace(day=1), o.numerator, o.denominator) for o in records
            if isinstance(o, Observation) and o.numerator is not None and o.denominator]
    frame = pd.DataFrame(rows, columns=["team", "month", "numerator", "denominator"])
    return frame.groupby(["team", "month"], as_index=False)[["numerator", "denominator"]].sum()


def funnel_for_month(store: Store, measure_id: str, month: dt.date) -> Funnel | None:
    """Every team's figure for ``month`` (a weekly measure's weeks summed), by its denominator."""
    measure = store.require(Measure, measure_id)
    if not offers_network_views(measure):
        return None
    return store.kept(("funnel", measure_id, month), lambda: _funnel(store, measure, month))


def _funnel(store: Store, measure: Measure, month: dt.date) -> Funnel | None:
    totals = _month_totals(store, measure)
    mine = totals[totals["month"] == month]
    if len(mine) < 2:
        return None
    chart = "p" if measure.kind == "proportion" else "u"
    points, curve = funnel(mine["numerator"], mine["denominator"], mine["team"], chart, measure.multiplier,
                           chart_direction(measure))
    return Funnel(measure, month, points, curve, _funnel_sentences(store, measure, month, points))


def _funnel_sentences(store: Store, measure: Measure, month: dt.date, points: pd.DataFrame) -> list[str]:
    names = {t.id: t.name for t in store.list(Team)}
    unit = "%" if measure.multiplier == 100 else ""
    cl = points["cl"].iloc[0]
    high = [names.get(str(x), str(x)) for x, y, u in zip(points["x"], points["y"], points["ucl"]) if y > u]
    low = [names.get(str(x), str(x)) for x, y, lo in zip(points["x"], points["y"], points["lcl"]) if y < lo]
    better, worse = (high, low) if chart_direction(measure) != "down" else (low, high)
    out = [n_("%(measure)s, %(month)s: %(n)s team; the network as a whole is at %(value)s.",
              "%(measure)s, %(month)s: %(n)s teams; the network as a whole is at %(value)s.", len(points),
              measure=measure.name, month=day(month, "month"), value=number(float(f"{cl:.3g}")) + unit)]
    if chart_direction(measure) == "neutral":
        if high or low:
            out.append(_("Outside the limits for their size: %(teams)s.", teams=listing(high + low)))
    else:
        if better:
            out.append(_("Better than the network by more than their size explains: %(teams)s.",
                         teams=listing(better)))
        if worse:
            out.append(_("Below the network by more than their size explains: %(teams)s.", teams=listing(worse)))
    if not high and not low:
        out.append(_("Every team is within the limits for its size: the differences between them are what chance "
                     "makes for programs of these sizes."))
    return out


def network_total(store: Store, measure_id: str) -> tuple[pd.DataFrame, Reading] | None:
    """The network's monthly total on a Laney P′ or U′ chart, and its reading."""
    measure = store.require(Measure, measure_id)
    if not offers_network_views(measure):
        return None
    return store.kept(("network total", measure_id), lambda: _network_total(store, measure))


def _network_total(store: Store, measure: Measure):
    totals = _month_totals(store, measure)
    if totals.empty:
        return None
    sums = totals.groupby("month", as_index=False)[["numerator", "denominator"]].sum()
    chart = "pp" if measure.kind == "proportion" else "up"
    result = qic(sums["numerator"], x=pd.to_datetime(sums["month"]), n=sums["denominator"], chart=chart,
                 multiply=measure.multiplier, direction=chart_direction(measure), rules=("anhoej", "ihi"),
                 target=measure.goal)
    reading = read_chart(result, _("%(measure)s, all teams together", measure=measure.name), chart_direction(measure),
                         measure.multiplier == 100, "monthly", [], measure.goal)
    return result, reading


def latest_full_month(day: dt.date) -> dt.date:
    """The month a funnel compares: the one before ``day``'s, unless ``day`` is its last day."""
    end_of_month = add_months(day, 1) - dt.timedelta(days=1)
    return day.replace(day=1) if day == end_of_month else add_months(day, -1)
