"""A measure's numbers as the engine takes them, whatever their kind, and the marks saved on its chart.

One number a period (proportions, rates, counts, values) is one row a period. Several values in a
period are several rows with the same period (the engine's subgroups: Xbar and S). Rare events,
each dated, become the days between one event and the next (G), or between the days that had
events (T): a point for every event after the first, at the event's date.

A team's saved marks (``ChartMark``) become the engine's settings: the points up to the baseline's
end are frozen, each new phase starts a part, and points left out are excluded.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..base.errors import DamagedRecord
from ..base.language import _
from ..base.language import day as show_day
from ..model import ChartMark, Event, Measure, Observation, Record, Sample, period_label
from ..store import Store

DATA_RECORDS: dict[str, type[Record]] = {"events": Event, "subgroups": Sample}
COLUMNS = ["team", "x", "numerator", "denominator", "value"]


def data_record(measure: Measure) -> type[Record]:
    """The record that holds this measure's numbers."""
    return DATA_RECORDS.get(measure.kind, Observation)


def chart_direction(measure: Measure, chart: str | None = None) -> str:
    """Which way is better on the chart: for rare events it shows the days between, so longer is better;
    a spread (S) or moving ranges (MR) are watched, not judged."""
    if chart in ("s", "mr"):
        return "neutral"
    if measure.kind == "events" and measure.direction == "down":
        return "up"
    return measure.direction


def usable(store: Store, measure: Measure, team_id: str | None = None
           ) -> tuple[list[Record], dict[str, list[str]]]:
    """A measure's readable records, and per team the periods a chart cannot show, said in words."""
    damaged: list[DamagedRecord] = []
    where = {"measure_id": measure.id} | ({"team_id": team_id} if team_id else {})
    records = store.list(data_record(measure), damaged=damaged, **where)
    out: dict[str, list[str]] = {}
    for d in damaged:
        team, when = d.key[0], d.key[2]
        out.setdefault(str(team), []).append(_("%(period)s (its stored number is damaged: %(problem)s Enter it again)",
                                               period=when_label(when, measure), problem=d.problems[0].message))
    for o in records:  # kept as a gap in the chart (so baselines and phases count the same periods)
        if isinstance(o, Observation) and o.plotted(measure) is None:
            out.setdefault(o.team_id, []).append(_("%(period)s (it has no number)", period=when_label(o.period, measure)))
    return records, out


def series_data(store: Store, measure: Measure, chart: str) -> tuple[list[Record], dict[str, list[str]],
                                                                     pd.DataFrame | None]:
    """All teams' (records, what is left out, engine input) for a measure: made once per snapshot."""
    key = ("series data", measure.id, "t" if chart == "t" else "")    # only a T chart counts days differently
    def make():
        records, left_out = usable(store, measure)
        return records, left_out, frame(records, measure, chart) if records else None
    return store.kept(key, make)


def when_label(when, measure: Measure) -> str:
    if not hasattr(when, "year"):
        return str(when)
    return show_day(when) if measure.kind == "events" else period_label(when, measure.frequency)


def frame(records: list[Record], measure: Measure, chart: str) -> pd.DataFrame:
    """The engine's input for one or many teams: team, x, y, n (y already a proportion's numerator)."""
    if measure.kind == "events":
        rows = _between_events(records, distinct_days=chart == "t")
    elif measure.kind == "subgroups":
        rows = [(s.team_id, pd.Timestamp(s.period), None, None, s.value) for s in records]
    else:
        rows = [(o.team_id, pd.Timestamp(o.period), o.numerator, o.denominator, o.value) for o in records]
    out = pd.DataFrame(rows, columns=COLUMNS).sort_values(["team", "x"], kind="stable").reset_index(drop=True)
    if measure.uses_denominator:
        out["y"], out["n"] = out["numerator"].astype(float), out["denominator"].astype(float)
    else:
        out["y"], out["n"] = out["value"].astype(float), np.nan
    return out


def _between_events(events: list[Event], distinct_days: bool) -> list[tuple]:
    """Days between events, per team. Events on one day are 0 days apart (G); for T only the days count.

    Same-day events get points a minute apart, so each is its own point in date order."""
    by_team: dict[str, list[dt.date]] = {}
    for e in sorted(events, key=lambda e: (e.team_id, e.day)):
        by_team.setdefault(e.team_id, []).extend([e.day] * e.count)
    rows = []
    for team, days in by_team.items():
        if distinct_days:
            days = sorted(set(days))
        same = 0
        for before, day in zip(days, days[1:]):
            same = same + 1 if day == before else 0
            rows.append((team, pd.Timestamp(day) + pd.Timedelta(minutes=same), None, None, float((day - before).days)))
    return rows


def points_by_team(store: Store, measure: Measure, chart: str | None = None) -> dict[str, list[dt.date]]:
    """Each team's points, by day, as the engine counts them (one per period, or per event after the first)."""
    _, _, data = series_data(store, measure, chart or "g")
    if data is None:
        return {}
    out: dict[str, list[dt.date]] = {}
    last: dict[str, object] = {}
    for team, x in zip(data["team"].to_numpy(), data["x"].to_numpy()):   # rows are sorted by team, then x
        if last.get(team) != x:
            out.setdefault(team, []).append(pd.Timestamp(x).date())
            last[team] = x
    return out


def latest_event(records: list[Event], team_id: str) -> dt.date | None:
    days = [e.day for e in records if e.team_id == team_id and e.count > 0]
    return max(days) if days else None


@dataclass
class Marks:
    """One team's marks on one measure's chart that are in force, and the engine settings they make."""

    marks: list[ChartMark] = field(default_factory=list)

    def settings(self, xs: pd.Series) -> tuple[int | None, list[int] | None, list[int] | None]:
        """(freeze, part, exclude) over the team's points ``xs`` (sorted dates; several rows may share one)."""
        days = pd.Series(pd.to_datetime(pd.Series(xs)).unique()).dt.normalize()   # a point's day
        size = len(days)
        freeze = part = exclude = None
        ends = [pd.Timestamp(m.at) for m in self.marks if m.kind == "baseline"]
        if ends:
            n = int((days <= max(ends)).sum())
            freeze = n if 1 <= n <= size else None
        starts = sorted({int((days < pd.Timestamp(m.at)).sum()) for m in self.marks if m.kind == "phase"})
        part = [s for s in starts if 1 <= s < size] or None
        left_out = [pd.Timestamp(m.at) for m in self.marks if m.kind == "exclude"]
        exclude = [int(i) + 1 for i in np.flatnonzero(days.isin(left_out))] or None
        return freeze, part, exclude

    @property
    def notes(self) -> list[ChartMark]:
        return [m for m in self.marks if m.kind == "note"]


def marks_by_team(store: Store, measure_id: str, team_id: str | None = None) -> dict[str, Marks]:
    where = {"measure_id": measure_id} | ({"team_id": team_id} if team_id else {})
    out: dict[str, Marks] = {}
    for m in store.list(ChartMark, **where):
        if m.in_force:
            out.setdefault(m.team_id, Marks()).marks.append(m)
    return out
