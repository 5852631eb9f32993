"""A team's measure analysed: its data from the store, the engine's result, and the reading in words.

(Named for what it does to a measure, so that it is never confused with the Study step of a PDSA cycle.)

This is what the run-chart workbook, the reports and the coach dashboard call; the same
analysis for one team or, vectorised, for every team at once.

One team's bad data never takes down another's chart: a damaged stored row or a period with no
number is left out and named in that team's reading, and a series the engine refuses is said to
be so in its reading while every other team's chart is drawn.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..base.clock import view_day
from ..base.language import N_, _, n_
from ..base.language import day as show_day
from ..model import SIGNAL_RULES, ChartMark, Measure, PdsaCycle, Phase, Team, aimed_at
from ..spc import qic
from ..spc.columns import by_facet
from ..spc.rebase import rebase
from ..spc.signals import judge
from ..store import Store
from .measure_data import Marks, chart_direction, frame, latest_event, marks_by_team, series_data, usable
from .reading import Cycle, Reading, read_chart

CHART_CHOICES: dict[str, list[tuple[str, str]]] = {   # measure kind -> (chart, what a coach calls it)
    "proportion": [("run", N_("Run chart (median)")), ("p", N_("Control chart: P chart")),
                   ("pp", N_("Control chart: P′ chart (Laney), for large denominators")),
                   ("ip", N_("Control chart: I′ chart (individuals weighted by denominator)"))],
    "rate": [("run", N_("Run chart (median)")), ("u", N_("Control chart: U chart")),
             ("up", N_("Control chart: U′ chart (Laney), for large denominators")),
             ("ip", N_("Control chart: I′ chart (individuals weighted by denominator)"))],
    "count": [("run", N_("Run chart (median)")), ("c", N_("Control chart: C chart"))],
    "value": [("run", N_("Run chart (median)")), ("i", N_("Control chart: I chart with its moving ranges (XmR)"))],
    "events": [("g", N_("G chart: days between events")), ("t", N_("T chart: time between days with events")),
               ("run", N_("Run chart of the days between"))],
    "subgroups": [("xbar", N_("Xbar chart: the mean each period")), ("s", N_("S chart: how much the values differ")),
                  ("run", N_("Run chart of the means"))],
}


def chart_and_rules(store: Store, measure: Measure, chart: str | None = None, rules=None) -> tuple[str, tuple]:
    """The chart and rules a view uses unless it asks for others: the collaborative's choice of rules
    (Making Data Count draws values as XmR charts), and never Making Data Count on a run chart.
    Rare events are drawn as days between (G), several values a period as their means (Xbar)."""
    collab = store.collaborative()
    chosen = collab.signal_rules if collab else "anhoej_ihi"
    if chart is None:
        chart = {"events": "g", "subgroups": "xbar"}.get(measure.kind) or (
            "i" if chosen == "mdc" and measure.kind == "value" else "run")
    rules = SIGNAL_RULES[chosen] if rules is None else tuple(rules)
    if chart == "run" and "mdc" in rules:
        rules = tuple(r for r in rules if r != "mdc")
    return chart, rules


@dataclass
class MeasureAnalysis:
    """One team's measure: the engine's result, its reading, and what the chart is annotated with.

    ``direction`` and ``goal`` are the chart's own, not the measure's: on a G chart of a rare event where fewer
    is better, longer gaps are better, and the goal is not on days between. Views read them here, and each
    point's signal in ``result`` (the engine's ``signal`` column), and never work them out again."""

    team: Team
    measure: Measure
    result: pd.DataFrame
    reading: Reading
    cycles: list[PdsaCycle]                        # the team's cycles aimed at this measure (``aimed_at``)
    phases: list[Phase]
    chart: str = "run"
    notes: list[ChartMark] = field(default_factory=list)
    moving_ranges: pd.DataFrame | None = None      # beside an I chart, its MR chart
    rules: tuple[str, ...] = ("anhoej",)            # the rules that read it (and colour its points)
    direction: str = "neutral"                     # which way is better on this chart
    goal: float | None = None                      # the goal on this chart's scale, if it has one
    other_cycles: list[PdsaCycle] = field(default_factory=list)   # the team's others, for "show every cycle"


def _left_out(reading: Reading, left_out: list[str] | None) -> Reading:
    if not left_out:
        return reading
    n = len(left_out)
    shown = "; ".join(left_out[:6])
    if n > 6:
        shown = n_("%(shown)s; and %(n)s more", "%(shown)s; and %(n)s more", n - 6, shown=shown)
    return reading.noted(n_("%(n)s period is not shown: %(periods)s.", "%(n)s periods are not shown: %(periods)s.",
                            n, periods=shown))


def _refused(measure: Measure, why: Exception) -> Reading:
    return Reading("too_few", _("%(measure)s: this chart cannot be drawn from the data as it is: %(why)s Correct "
                                "the data in the measures workbook.", measure=measure.name, why=why))


def _settings(frame: pd.DataFrame, marks: dict[str, Marks], freeze, part):
    """Per-team freeze, part and exclude: a team's saved marks, else what the view asked for."""
    if not marks:
        return freeze, part, None
    teams = frame["team"].unique()
    out_freeze = dict(freeze) if isinstance(freeze, dict) else ({t: freeze for t in teams} if freeze else {})
    out_part = dict(part) if isinstance(part, dict) else ({t: part for t in teams} if part is not None else {})
    out_exclude = {}
    for team, rows in frame[frame["team"].isin(list(marks))].groupby("team", sort=False):
        fz, pt, ex = marks[team].settings(rows["x"])
        for target, saved in ((out_freeze, fz), (out_part, pt), (out_exclude, ex)):
            if saved is not None:
                target[team] = saved
    return out_freeze or None, out_part or None, out_exclude or None


def run_engine(frame: pd.DataFrame, measure: Measure, chart: str, rules, freeze=None, part=None,
               exclude=None) -> pd.DataFrame:
    """The engine on a measure's data for one or many teams (``frame`` from ``measure_data.frame``)."""
    return qic(frame["y"], x=frame["x"], n=frame["n"] if measure.uses_denominator else None, chart=chart,
               multiply=measure.multiplier, facets=frame[["team"]], rules=rules, freeze=freeze, part=part,
               exclude=exclude, direction=chart_direction(measure, chart), target=goal_on_chart(measure, chart))


def goal_on_chart(measure: Measure, chart: str) -> float | None:
    """The goal is on the measure's own scale: not on days between events, a spread, or moving ranges."""
    return None if measure.kind == "events" or chart in ("s", "mr") else measure.goal


def _read(result: pd.DataFrame, measure: Measure, chart: str, rules, cycles: list[PdsaCycle], events=None,
          day=None) -> Reading:
    events_chart = measure.kind == "events"
    reading = read_chart(result, measure.name, chart_direction(measure, chart), measure.multiplier == 100,
                         "events" if events_chart else measure.frequency,
                         [Cycle(c.title, c.start, c.end, c.decision) for c in cycles], goal_on_chart(measure, chart),
                         rules)
    if events_chart:
        reading = _since_latest(reading, events, day)
    return reading


def _since_latest(reading: Reading, latest: dt.date | None, day: dt.date | None) -> Reading:
    """For rare events, the open stretch since the latest one, which no point shows yet."""
    if latest is None:
        return reading
    if day is not None and day >= latest:
        return reading.noted(n_("The latest event was on %(latest)s, %(n)s day before %(day)s.",
                                "The latest event was on %(latest)s, %(n)s days before %(day)s.",
                                (day - latest).days, latest=show_day(latest), day=show_day(day)))
    return reading.noted(_("The latest event was on %(latest)s.", latest=show_day(latest)))



def analyse_measure(store: Store, team_id: str, measure_id: str, chart: str | None = None, rules=None, freeze=None,
                    part=None) -> MeasureAnalysis:
    """One team's measure, from what ``store`` holds (a ``Snapshot`` for a view as of a date).

    The team's saved marks (baseline, phases, points left out, notes) are used; ``freeze`` and
    ``part`` are what the view asks for where the team has saved none."""
    team = store.team(team_id)
    measure = store.require(Measure, measure_id)
    chart, rules = chart_and_rules(store, measure, chart, rules)
    records, left_out = usable(store, measure, team.id)
    every_cycle = store.list(PdsaCycle, team_id=team.id)
    cycles = aimed_at(every_cycle, measure.id)
    phases = store.list(Phase)
    marks = marks_by_team(store, measure.id, team.id)
    notes = marks[team.id].notes if team.id in marks else []
    latest = latest_event(records, team.id) if measure.kind == "events" else None
    made = dict(cycles=cycles, other_cycles=[c for c in every_cycle if c not in cycles], phases=phases, chart=chart, notes=notes, rules=rules,
                direction=chart_direction(measure, chart), goal=goal_on_chart(measure, chart))
    empty = pd.DataFrame(columns=["x", "y", "part"])
    data = frame(records, measure, chart) if records else None
    if data is None or data.empty:
        reading = _read(empty, measure, chart, rules, [], latest, view_day(store))
        return MeasureAnalysis(team, measure, empty, _left_out(reading, left_out.get(team.id)), **made)
    fz, pt, ex = _settings(data, marks, freeze, part)
    try:
        result = run_engine(data, measure, chart, rules, fz, pt, ex)
        moving = run_engine(data, measure, "mr", ("anhoej",), fz, pt, ex) if chart == "i" else None
    except ValueError as exc:  # the engine's checks are worded for people
        return MeasureAnalysis(team, measure, empty, _left_out(_refused(measure, exc), left_out.get(team.id)), **made)
    reading = _read(result, measure, chart, rules, cycles, latest, view_day(store))
    return MeasureAnalysis(team, measure, result, _left_out(reading, left_out.get(team.id)), moving_ranges=moving,
                           **made)


def analyse_across_teams(store: Store, measure_id: str, chart: str | None = None, rules=None, freeze=None,
                         part=None) -> tuple[pd.DataFrame, dict[str, Reading]]:
    """Every team on one measure in one vectorised call; per-team freeze/part may be dicts.

    Made once per snapshot: every part of a view that asks for the same analysis gets the same one.
    """
    measure = store.require(Measure, measure_id)
    chart, rules = chart_and_rules(store, measure, chart, rules)
    key = ("across teams", measure_id, chart, rules, repr(freeze), repr(part))
    return store.kept(key, lambda: _across_teams(store, measure, chart, rules, freeze, part))


def _across_teams(store: Store, measure: Measure, chart: str, rules, freeze, part):
    records, left_out, data = series_data(store, measure, chart)
    no_data = Reading("too_few", _("%(measure)s: there is no data yet.", measure=measure.name))
    readings = {t.id: no_data for t in store.list(Team)}
    empty = pd.DataFrame(columns=["facet1", "facet2", "x", "y", "part"])
    results = []
    marks = marks_by_team(store, measure.id)
    if data is not None and not data.empty:
        fz, pt, ex = _settings(data, marks, freeze, part)
        try:
            results.append(run_engine(data, measure, chart, rules, fz, pt, ex))
        except ValueError:  # one team's series is refused: analyse each alone, so the others are drawn
            for team, rows in data.groupby("team", sort=True):
                try:
                    results.append(run_engine(rows, measure, chart, rules, _one(fz, team), _one(pt, team),
                                              _one(ex, team)))
                except ValueError as exc:
                    readings[team] = _refused(measure, exc)
    result = pd.concat(results, ignore_index=True) if results else empty
    cycles: dict[str, list[PdsaCycle]] = {}
    for c in aimed_at(store.list(PdsaCycle), measure.id):
        cycles.setdefault(c.team_id, []).append(c)
    day = view_day(store)
    for team, rows in by_facet(result).items():       # arrays, split once: a reading of 20 points is cheap
        latest = latest_event(records, team) if measure.kind == "events" else None
        readings[team] = _read(rows, measure, chart, rules, cycles.get(team, []), latest, day)
    for team, lost in left_out.items():
        if team in readings:
            readings[team] = _left_out(readings[team], lost)
    return result, readings


REBASE_BASELINE = 10   # points for a baseline median: the rules are meant for 10 or more
REBASE_RUN = 8         # a sustained run: longer than Anhøj's longest-run limit (7) for 10 to 26 points


def rebased_across_teams(store: Store, measure_id: str, med_rows: int = REBASE_BASELINE,
                         runlength: int = REBASE_RUN) -> tuple[pd.DataFrame, pd.DataFrame]:
    """runcharter's re-based medians for every team on one measure: (points, medians), by team id, each with
    its ``signal``: a sustained run's median and points signal the way that median moved from the one before."""
    measure = store.require(Measure, measure_id)
    _, _, data = series_data(store, measure, "run")
    if data is None:
        data = frame([], measure, "run")
    data = data.copy()
    if measure.uses_denominator:
        data["y"] = data["y"] / data["n"] * measure.multiplier
    else:
        data["y"] = data["y"] * measure.multiplier
    better = chart_direction(measure)
    points, medians = rebase(data["y"].astype(float), data["x"], data["team"], med_rows, runlength,
                             {"up": "above", "down": "below"}.get(better, "both"))
    return _signalled(points, medians, better)


def _signalled(points: pd.DataFrame, medians: pd.DataFrame, direction: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    moved = medians.groupby("group", sort=False)["median"].diff().fillna(0).to_numpy()
    sustained = (medians["run_type"] == "sustained").to_numpy()
    medians = medians.assign(signal=np.where(sustained, judge(moved, direction), ""))
    signal = np.full(len(points), "", dtype=object)
    for team, own in medians.groupby("group", sort=False):    # a point takes the latest median begun by it
        mine = (points["group"] == team).to_numpy() & (points["run_type"] == "sustained").to_numpy()
        starts = own["start"].to_numpy()
        for i in np.flatnonzero(mine):
            began = np.flatnonzero(starts <= points["x"].iloc[i])
            if len(began):
                signal[i] = own["signal"].iloc[began[-1]]
    return points.assign(signal=signal), medians


def _one(setting, team: str):
    """A per-team setting (a dict) narrowed to one team, for analysing that team alone."""
    return {team: setting[team]} if isinstance(setting, dict) and team in setting else \
        (None if isinstance(setting, dict) else setting)
