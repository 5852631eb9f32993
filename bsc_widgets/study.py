"""A team's measure, studied: its data from the store, the engine's analysis, and the reading.

This is what the run-chart workbook, the reports and the coach dashboard call; the same
analysis for one team or, vectorised, for every team at once.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .model import Measure, Observation, PdsaCycle, Phase, Team
from .spc import qic
from .spc.reading import Cycle, Reading, read_chart
from .store import Store

DEFAULT_RULES = ("anhoej", "ihi")


@dataclass
class Study:
    team: Team
    measure: Measure
    result: pd.DataFrame
    reading: Reading
    cycles: list[PdsaCycle]
    phases: list[Phase]


def _frame(observations: list[Observation], measure: Measure) -> pd.DataFrame:
    rows = [(o.team_id, pd.Timestamp(o.period), o.numerator, o.denominator, o.value) for o in observations]
    frame = pd.DataFrame(rows, columns=["team", "x", "numerator", "denominator", "value"]).sort_values(["team", "x"])
    if measure.uses_denominator:
        frame["y"], frame["n"] = frame["numerator"].astype(float), frame["denominator"].astype(float)
    else:
        frame["y"], frame["n"] = frame["value"].astype(float), np.nan
    return frame


def analyse(frame: pd.DataFrame, measure: Measure, chart: str = "run", rules=DEFAULT_RULES, freeze=None,
            part=None) -> pd.DataFrame:
    """The engine on a measure's data for one or many teams (``frame`` from ``_frame``)."""
    return qic(frame["y"], x=frame["x"], n=frame["n"] if measure.uses_denominator else None, chart=chart,
               multiply=measure.multiplier, facets=frame[["team"]], rules=rules, freeze=freeze, part=part,
               direction=measure.direction, target=measure.goal)


def _read(result: pd.DataFrame, measure: Measure, cycles: list[PdsaCycle]) -> Reading:
    return read_chart(result, measure.name, measure.direction, measure.multiplier == 100, measure.frequency,
                      [Cycle(c.title, c.start, c.end, c.decision) for c in cycles], measure.goal)


def study(store: Store, team_id: str, measure_id: str, chart: str = "run", rules=DEFAULT_RULES, freeze=None,
          part=None) -> Study:
    team = store.team(team_id)
    measure = store.require(Measure, measure_id)
    observations = store.list(Observation, team_id=team.id, measure_id=measure.id)
    cycles = store.list(PdsaCycle, team_id=team.id)
    phases = store.list(Phase)
    if not observations:
        empty = pd.DataFrame(columns=["x", "y", "part"])
        return Study(team, measure, empty, _read(empty, measure, []), cycles, phases)
    result = analyse(_frame(observations, measure), measure, chart, rules, freeze, part)
    return Study(team, measure, result, _read(result, measure, cycles), cycles, phases)


def study_all(store: Store, measure_id: str, chart: str = "run", rules=DEFAULT_RULES, freeze=None,
              part=None) -> tuple[pd.DataFrame, dict[str, Reading]]:
    """Every team on one measure in one vectorised call; per-team freeze/part may be dicts."""
    measure = store.require(Measure, measure_id)
    observations = store.list(Observation, measure_id=measure.id)
    no_data = Reading("too_few", [f"{measure.name}: there is no data yet."])
    readings = {t.id: no_data for t in store.list(Team)}
    if not observations:
        return pd.DataFrame(columns=["facet1", "facet2", "x", "y", "part"]), readings
    result = analyse(_frame(observations, measure), measure, chart, rules, freeze, part)
    cycles: dict[str, list[PdsaCycle]] = {}
    for c in store.list(PdsaCycle):
        cycles.setdefault(c.team_id, []).append(c)
    for team, group in result.groupby("facet1", sort=True):
        readings[team] = _read(group.drop(columns=["facet1", "facet2"]).reset_index(drop=True), measure,
                               cycles.get(team, []))
    return result, readings
