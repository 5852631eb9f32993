"""A team's measure analysed: its data from the store, the engine's result, and the reading in words.

(Named for what it does to a measure, so that it is never confused with the Study step of a PDSA cycle.)

This is what the run-chart workbook, the reports and the coach dashboard call; the same
analysis for one team or, vectorised, for every team at once.

One team's bad data never takes down another's chart: a damaged stored row or a period with no
number is left out and named in that team's reading, and a series the engine refuses is said to
be so in its reading while every other team's chart is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import DamagedRecord
from .model import SIGNAL_RULES, Measure, Observation, PdsaCycle, Phase, Team, period_label
from .spc import qic
from .spc.rebase import rebase
from .spc.reading import Cycle, Reading, read_chart
from .store import Store


def chart_and_rules(store: Store, measure: Measure, chart: str | None = None, rules=None) -> tuple[str, tuple]:
    """The chart and rules a view uses unless it asks for others: the collaborative's choice of rules
    (Making Data Count draws values as XmR charts), and never Making Data Count on a run chart."""
    collab = store.collaborative()
    chosen = collab.signal_rules if collab else "anhoej_ihi"
    if chart is None:
        chart = "i" if chosen == "mdc" and measure.kind == "value" else "run"
    rules = SIGNAL_RULES[chosen] if rules is None else tuple(rules)
    if chart == "run" and "mdc" in rules:
        rules = tuple(r for r in rules if r != "mdc")
    return chart, rules


@dataclass
class MeasureAnalysis:
    """One team's measure: the engine's result, its reading, and what the chart is annotated with."""

    team: Team
    measure: Measure
    result: pd.DataFrame
    reading: Reading
    cycles: list[PdsaCycle]
    phases: list[Phase]


def usable(store: Store, measure: Measure, team_id: str | None = None
           ) -> tuple[list[Observation], dict[str, list[str]]]:
    """A measure's readable observations, and per team the periods a chart cannot show, said in words."""
    damaged: list[DamagedRecord] = []
    where = {"measure_id": measure.id} | ({"team_id": team_id} if team_id else {})
    observations = store.list(Observation, damaged=damaged, **where)
    out: dict[str, list[str]] = {}
    for d in damaged:
        team, _, period = d.key
        out.setdefault(str(team), []).append(f"{_label(period, measure)} (its stored number is damaged: "
                                             f"{d.problems[0].message} Enter it again)")
    for o in observations:  # kept as a gap in the chart (so baselines and phases count the same periods)
        if o.plotted(measure) is None:
            out.setdefault(o.team_id, []).append(f"{_label(o.period, measure)} (it has no number)")
    return observations, out


def _label(period, measure: Measure) -> str:
    return period_label(period, measure.frequency) if hasattr(period, "year") else str(period)


def _left_out(reading: Reading, left_out: list[str] | None) -> Reading:
    if not left_out:
        return reading
    n = len(left_out)
    return Reading(reading.verdict, reading.sentences + [
        f"{n} period{'s are' if n != 1 else ' is'} not shown: {'; '.join(left_out[:6])}"
        + (f"; and {n - 6} more" if n > 6 else "") + "."])


def _refused(measure: Measure, why: Exception) -> Reading:
    return Reading("too_few", [f"{measure.name}: this chart cannot be drawn from the data as it is: {why} "
                               "Correct the data in the measures workbook."])


def _frame(observations: list[Observation], measure: Measure) -> pd.DataFrame:
    rows = [(o.team_id, pd.Timestamp(o.period), o.numerator, o.denominator, o.value) for o in observations]
    frame = pd.DataFrame(rows, columns=["team", "x", "numerator", "denominator", "value"]).sort_values(["team", "x"])
    if measure.uses_denominator:
        frame["y"], frame["n"] = frame["numerator"].astype(float), frame["denominator"].astype(float)
    else:
        frame["y"], frame["n"] = frame["value"].astype(float), np.nan
    return frame


def run_engine(frame: pd.DataFrame, measure: Measure, chart: str, rules, freeze=None, part=None) -> pd.DataFrame:
    """The engine on a measure's data for one or many teams (``frame`` from ``_frame``)."""
    return qic(frame["y"], x=frame["x"], n=frame["n"] if measure.uses_denominator else None, chart=chart,
               multiply=measure.multiplier, facets=frame[["team"]], rules=rules, freeze=freeze, part=part,
               direction=measure.direction, target=measure.goal)


def _read(result: pd.DataFrame, measure: Measure, cycles: list[PdsaCycle]) -> Reading:
    return read_chart(result, measure.name, measure.direction, measure.multiplier == 100, measure.frequency,
                      [Cycle(c.title, c.start, c.end, c.decision) for c in cycles], measure.goal)


def analyse_measure(store: Store, team_id: str, measure_id: str, chart: str | None = None, rules=None, freeze=None,
                    part=None) -> MeasureAnalysis:
    """One team's measure, from what ``store`` holds (a ``Snapshot`` for a view as of a date)."""
    team = store.team(team_id)
    measure = store.require(Measure, measure_id)
    chart, rules = chart_and_rules(store, measure, chart, rules)
    observations, left_out = usable(store, measure, team.id)
    cycles = store.list(PdsaCycle, team_id=team.id)
    phases = store.list(Phase)
    empty = pd.DataFrame(columns=["x", "y", "part"])
    if not observations:
        return MeasureAnalysis(team, measure, empty, _left_out(_read(empty, measure, []), left_out.get(team.id)), cycles,
                     phases)
    try:
        result = run_engine(_frame(observations, measure), measure, chart, rules, freeze, part)
    except ValueError as exc:  # the engine's checks are worded for people
        return MeasureAnalysis(team, measure, empty, _left_out(_refused(measure, exc), left_out.get(team.id)), cycles,
                     phases)
    return MeasureAnalysis(team, measure, result, _left_out(_read(result, measure, cycles), left_out.get(team.id)), cycles,
                 phases)


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
    observations, left_out = usable(store, measure)
    no_data = Reading("too_few", [f"{measure.name}: there is no data yet."])
    readings = {t.id: no_data for t in store.list(Team)}
    empty = pd.DataFrame(columns=["facet1", "facet2", "x", "y", "part"])
    results, frame = [], _frame(observations, measure) if observations else None
    if frame is not None:
        try:
            results.append(run_engine(frame, measure, chart, rules, freeze, part))
        except ValueError:  # one team's series is refused: analyse each alone, so the others are drawn
            for team, rows in frame.groupby("team", sort=True):
                try:
                    results.append(run_engine(rows, measure, chart, rules, _one(freeze, team), _one(part, team)))
                except ValueError as exc:
                    readings[team] = _refused(measure, exc)
    result = pd.concat(results, ignore_index=True) if results else empty
    cycles: dict[str, list[PdsaCycle]] = {}
    for c in store.list(PdsaCycle):
        cycles.setdefault(c.team_id, []).append(c)
    if not result.empty:
        for team, group in result.groupby("facet1", sort=True):
            readings[team] = _read(group.reset_index(drop=True), measure, cycles.get(team, []))
    for team, lost in left_out.items():
        if team in readings:
            readings[team] = _left_out(readings[team], lost)
    return result, readings


REBASE_BASELINE = 10   # points for a baseline median: the rules are meant for 10 or more
REBASE_RUN = 8         # a sustained run: longer than Anhøj's longest-run limit (7) for 10 to 26 points


def rebased_across_teams(store: Store, measure_id: str, med_rows: int = REBASE_BASELINE,
                         runlength: int = REBASE_RUN) -> tuple[pd.DataFrame, pd.DataFrame]:
    """runcharter's re-based medians for every team on one measure: (points, medians), by team id."""
    measure = store.require(Measure, measure_id)
    observations, _ = usable(store, measure)
    rows = [(o.team_id, pd.Timestamp(o.period), o.plotted(measure)) for o in observations]
    frame = pd.DataFrame(rows, columns=["team", "x", "y"])
    direction = {"up": "above", "down": "below"}.get(measure.direction, "both")
    return rebase(frame["y"].astype(float), frame["x"], frame["team"], med_rows, runlength, direction)


def _one(setting, team: str):
    """A per-team setting (a dict) narrowed to one team, for analysing that team alone."""
    return {team: setting[team]} if isinstance(setting, dict) and team in setting else \
        (None if isinstance(setting, dict) else setting)
