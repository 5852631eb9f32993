"""Whether the gains held: the sustain phase, after the summative session, judged by the run-chart rules.

A team that improved ended the collaborative at a new level: the median of its data from the start of
its signal of improvement to the collaborative's end. The sustain phase's points are read against that
median with the Anhøj rules (an unusually long run, or too few crossings) for their own number of
points: no signal means the gains held; a signal on the worse side means they slipped; on the better
side, the team is still improving. Fewer than ``MIN_SUSTAIN`` points are too few to judge.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..base.language import N_, Labels
from ..spc.critical import crossings_min, longest_run_max

MIN_SUSTAIN = 6
HELD_WORDS = Labels({"held": N_("Held"), "slipped": N_("Slipped"), "improving": N_("Still improving"),
                     "changed": N_("Changed"), "too_few": N_("Too few points yet")})


def held(reference: np.ndarray, sustain: np.ndarray, direction: str) -> str:
    """The sustain points against the level reached (``reference``): held, slipped, improving, changed, too_few."""
    reference, sustain = reference[~np.isnan(reference)], sustain[~np.isnan(sustain)]
    if len(reference) == 0 or len(sustain) < MIN_SUSTAIN:
        return "too_few"
    signs = np.sign(sustain - np.median(reference))
    signs = signs[signs != 0]                       # a point on the median neither breaks nor extends a run
    n = len(signs)
    if n < MIN_SUSTAIN:
        return "too_few"
    runs = np.split(signs, np.flatnonzero(np.diff(signs)) + 1)
    longest = max(runs, key=len)
    crossings = len(runs) - 1
    if len(longest) <= longest_run_max(n) and crossings >= crossings_min(n):
        return "held"
    side = longest[0] if len(longest) > longest_run_max(n) else np.sign(signs.sum()) or longest[0]
    if direction == "neutral":
        return "changed"
    better = 1 if direction == "up" else -1
    return "improving" if side == better else "slipped"


def gains_held(result: pd.DataFrame, began: dt.date | None, end: dt.date, direction: str) -> str | None:
    """One team's series (the engine's ``x`` and ``y``): None unless it improved before ``end`` and has points
    after it; else how the sustain phase compares with the level it reached."""
    if began is None or result.empty:
        return None
    x = pd.to_datetime(result["x"]).dt.date.to_numpy()
    y = result["y"].to_numpy(dtype=float)
    after = x > end
    if not after.any():
        return None
    reference = y[(x >= began) & ~after]
    return held(reference, y[after], direction)
