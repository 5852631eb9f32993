"""A funnel plot: one period's proportion or rate for each program, against its denominator.

qicharts2 draws it as a P or U chart with a categorical x (``qic(x = unit, chart = "p")``): one centre
line over all units, and limits for each from its own denominator. The funnel's curve is the same
engine's limits for a range of denominators, with the centre line given: the one definition of a
limit serves the points and the curve.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .engine import qic

CURVE_POINTS = 80


def funnel(y, n, units, chart: str = "p", multiply: float = 1,
           direction: str = "neutral") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(points, curve): ``points`` one row per unit (x the unit, n its denominator, y, cl and limits, and its
    ``signal`` when outside them); ``curve`` the limits over denominators from half the smallest to a fifth past
    the largest."""
    if chart not in ("p", "u"):
        raise ValueError(f"A funnel plot is a P or U chart by denominator, not {chart!r}.")
    n = np.asarray(n, dtype=float)
    labels = pd.Series(units).astype(str)
    if labels.duplicated().any():
        raise ValueError(f"Each unit appears once in a funnel plot; {labels[labels.duplicated()].iloc[0]!r} repeats.")
    points = qic(y, n=n, x=pd.Categorical(labels, categories=list(labels)), chart=chart, multiply=multiply,
                 direction=direction)
    cl = float(points["cl"].iloc[0]) / multiply
    low, high = max(np.nanmin(n) / 2, 1.0), np.nanmax(n) * 1.2
    grid = np.unique(np.round(np.geomspace(low, max(high, low + 1), CURVE_POINTS), 1))
    curve = qic(cl * grid, n=grid, x=pd.Categorical(np.arange(len(grid))), chart=chart, cl=cl, multiply=multiply)
    curve = curve.assign(n=grid)[["n", "cl", "lcl", "ucl", "lcl_95", "ucl_95"]]
    return points, curve
