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


def cycles_for(cycles: list[PdsaCycle]) -> list[Cycle]:
    return [Cycle(c.title, c.start, c.end, c.decision) for c in cycles]


def study(store: Store, team_id: str, measure_id: str, chart: str = "run", rules=DEFAULT_RULES, freeze=None,
          part=None) -> Study:
    team = store.team(team_id)
    measure = store.require(Measure, measure_id)
    observations = store.list(Observation, team_id=team.id, measure_id=measure.id)
    cycles = store.list(PdsaCycle, team_id=team.id)
    phases = store.list(Phase)
    if not observations:
        empty = pd.DataFrame(columns=["x", "y", "part"])
        return Study(team, measure, empty, Reading("too_few", [f"{measure.name}: there is no data yet."]),
                     cycles, phases)
    result = analyse(_frame(observations, measure), measure, chart, rules, freeze, part)
    reading = read_chart(result, measure.name, measure.direction, measure.multiplier == 100, measure.frequency,
                         cycles_for(cycles), measure.goal)
    return Study(team, measure, result, reading, cycles, phases)


def study_all(store: Store, measure_id: str, chart: str = "run", rules=DEFAULT_RULES, freeze=None,
              part=None) -> tuple[pd.DataFrame, dict[str, Reading]]:
    """Every team on one measure in one vectorised call; per-team freeze/part may be dicts."""
    measure = store.require(Measure, measure_id)
    observations = store.list(Observation, measure_id=measure.id)
    result = analyse(_frame(observations, measure), measure, chart, rules, freeze, part)
    cycles: dict[str, list[PdsaCycle]] = {}
    for c in store.list(PdsaCycle):
        cycles.setdefault(c.team_id, []).append(c)
    readings = {team: read_chart(group.drop(columns=["facet1", "facet2"]).reset_index(drop=True), measure.name,
                                 measure.direction, measure.multiplier == 100, measure.frequency,
                                 cycles_for(cycles.get(team, [])), measure.goal)
                for team, group in result.groupby("facet1", sort=True)}
    return result, readings
