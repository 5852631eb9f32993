"""What each point signals under the rules a chart is read by: the one place that says which side is improvement.

The engine writes these columns on every result, so a chart, an icon, a dashboard or a report only reads them:

- ``signal``: ``IMPROVEMENT``, ``CONCERN``, ``CHANGE`` (a move in a measure with no better direction) or "" for
  everyday variation; the first rule a point is part of decides it;
- ``signal_rules``: the rules the point is part of, as ``RULE_CODES`` separated by spaces (a chart puts them in words);
- ``anhoej_signal``: its part's runs analysis signals and the chart is read by Anhøj's rules (a dashed centre line);
- ``direction``: which way is better on this chart ("up", "down" or "neutral").
"""
from __future__ import annotations

import numpy as np

from .runs import run_ids, useful_signs

IMPROVEMENT, CONCERN, CHANGE = "improvement", "concern", "change"
SIGNALS = (IMPROVEMENT, CONCERN, CHANGE)      # the one spelling of the signal names
DIRECTIONS = ("up", "down", "neutral")
# Making Data Count's point types, as our signals
MDC_SIGNALS = {"common_cause": "", "special_cause_improvement": IMPROVEMENT, "special_cause_concern": CONCERN,
               "special_cause_neutral_high": CHANGE, "special_cause_neutral_low": CHANGE}
RULE_CODES = ("limits", "run", "shift", "trend", "mdc")


def judge(side, direction: str) -> np.ndarray:
    """The signal of a move to ``side`` (+1 above, -1 below, 0 neither) on a chart where ``direction`` is better."""
    side = np.sign(np.asarray(side))
    if direction == "neutral":
        return np.where(side != 0, CHANGE, "")
    better = side * (1 if direction == "up" else -1)
    return np.where(better > 0, IMPROVEMENT, np.where(better < 0, CONCERN, ""))


def trend_ways(y: np.ndarray, flags: np.ndarray, seg: np.ndarray) -> np.ndarray:
    """For each point in a trend, which way it goes: the step to the next point of the trend in its segment, or,
    for its last point, the step from the one before (a peak between a rise and a fall ends the rise)."""
    way = np.zeros(len(y), int)
    r = np.flatnonzero(flags & ~np.isnan(y))
    if not len(r):
        return way
    same_next = np.zeros(len(r), bool)
    same_next[:-1] = seg[r[1:]] == seg[r[:-1]]
    same_prev = np.r_[False, same_next[:-1]]
    step_next = np.zeros(len(r))
    step_next[:-1] = np.sign(y[r[1:]] - y[r[:-1]])
    step_prev = np.r_[0.0, step_next[:-1]]
    way[r] = np.where(same_next, step_next, np.where(same_prev, step_prev, 0)).astype(int)
    return way


def long_run_points(y: np.ndarray, cl: np.ndarray, seg: np.ndarray, include: np.ndarray,
                    limit: np.ndarray) -> np.ndarray:
    """Points that belong to a run longer than their segment's limit."""
    useful, sgn = useful_signs(y, cl, include)
    ids, idx, _new = run_ids(sgn, seg, useful)
    flags = np.zeros(len(y), bool)
    if len(idx):
        lengths = np.bincount(ids[idx])
        flags[idx] = lengths[ids[idx]] > limit[idx]
    return flags


def mark_signals(t, rules: tuple[str, ...], direction: str, seg: np.ndarray) -> None:
    """Add the signal columns to an engine result ``t`` (one row per point), read under ``rules``."""
    n = len(t)
    signal = np.full(n, "", dtype=object)
    codes = np.full(n, "", dtype=object)
    t["direction"] = direction
    runs = t["runs_signal"].to_numpy(bool)
    t["anhoej_signal"] = runs & ("anhoej" in rules) & ("mdc" not in rules)
    if "mdc" in rules and "mdc_point_type" in t:
        types = t["mdc_point_type"].to_numpy()
        signal = np.array([MDC_SIGNALS[p] for p in types], dtype=object)
        codes[signal != ""] = "mdc"
    else:
        y, cl = t["y"].to_numpy(dtype=float), t["cl"].to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            by_side = judge(np.nan_to_num(np.sign(y - cl)), direction)

        def mark(flags, kind_of, code):
            unset = flags & (signal == "")
            signal[unset] = kind_of[unset]
            codes[flags] = codes[flags] + " " + code

        mark(t["sigma_signal"].to_numpy(bool), by_side, "limits")
        if "anhoej" in rules:
            long = long_run_points(y, cl, seg, t["include"].to_numpy(bool), t["longest_run_max"].to_numpy(dtype=float))
            mark(long & runs, by_side, "run")
        if "ihi" in rules and "ihi_shift" in t:
            mark(t["ihi_shift"].to_numpy(bool), by_side, "shift")
            trend = t["ihi_trend"].to_numpy(bool)
            mark(trend, judge(trend_ways(y, trend, seg), direction), "trend")
        codes = np.array([c.strip() for c in codes], dtype=object)
    t["signal"] = signal
    t["signal_rules"] = codes
