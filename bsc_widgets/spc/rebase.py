"""Automatic re-basing across many teams, in the style of runcharter.

For each group: a baseline median from the first ``med_rows`` points; then, after the baseline,
each sustained run of ``runlength`` points on one side of the current median (points on the
median skipped) sets a new median: the median of those ``runlength`` points. The search starts
again after the run, against the new median, until no run is found.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

DIRECTIONS = ("above", "below", "both")


def _first_run(values: np.ndarray, median: float, runlength: int, direction: str) -> tuple[int, int] | None:
    """(start, end) positions in `values` of the first sustained run, or None."""
    with np.errstate(invalid="ignore"):
        sign = np.sign(values - median)
    idx = np.flatnonzero(~np.isnan(sign) & (sign != 0))
    if len(idx) < runlength:
        return None
    s = sign[idx]
    new = np.r_[True, s[1:] != s[:-1]]
    run = np.cumsum(new) - 1
    start_of = np.flatnonzero(new)
    count = np.arange(len(s)) - start_of[run] + 1
    wanted = {"above": s > 0, "below": s < 0, "both": np.ones(len(s), bool)}[direction]
    hits = np.flatnonzero((count == runlength) & wanted)
    if not len(hits):
        return None
    end = hits[0]
    return int(idx[start_of[run[end]]]), int(idx[end])


def rebase(y, x=None, group=None, med_rows: int = 13, runlength: int = 9, direction: str = "both"):
    """Medians per group, re-based after each sustained run.

    Returns (points, medians): ``points`` has one row per input point with its ``median`` and
    ``run_type`` (baseline, sustained or extended); ``medians`` has one row per median:
    ``group, median, start, end, extend_to, run_type``.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}.")
    if med_rows < 1 or runlength < 1:
        raise ValueError("med_rows and runlength must be at least 1.")
    y = pd.to_numeric(pd.Series(y).reset_index(drop=True), errors="raise").to_numpy(dtype=float)
    x = pd.Series(np.arange(1, len(y) + 1) if x is None else x).reset_index(drop=True)
    group = pd.Series(np.zeros(len(y), int) if group is None else group).reset_index(drop=True)
    if not (len(x) == len(group) == len(y)):
        raise ValueError("y, x and group must have the same length.")
    frame = pd.DataFrame({"group": group, "x": x, "y": y}).sort_values(["group", "x"], kind="stable")
    medians, point_median, point_type = [], np.full(len(frame), np.nan), np.full(len(frame), None, dtype=object)
    offset = 0
    for key, part in frame.groupby("group", sort=False):
        values, xs, size = part["y"].to_numpy(), part["x"].to_numpy(), len(part)
        if size < med_rows + runlength:     # as runcharter: too short to analyse
            offset += size
            continue
        median = float(np.nanmedian(values[:med_rows]))
        medians.append(dict(group=key, median=median, start=xs[0], end=xs[med_rows - 1], extend_to=xs[-1],
                            run_type="baseline"))
        point_median[offset:offset + size] = median
        point_type[offset:offset + med_rows] = "baseline"
        point_type[offset + med_rows:offset + size] = "extended"
        pos = med_rows
        while size - pos >= runlength:
            found = _first_run(values[pos:], median, runlength, direction)
            if found is None:
                break
            start, end = pos + found[0], pos + found[1]
            median = float(np.nanmedian(values[end - runlength + 1:end + 1]))
            medians[-1]["extend_to"] = xs[start - 1] if start > 0 else xs[0]
            medians.append(dict(group=key, median=median, start=xs[start], end=xs[end], extend_to=xs[-1],
                                run_type="sustained"))
            point_median[offset + start:offset + size] = median
            point_type[offset + start:offset + end + 1] = "sustained"
            point_type[offset + end + 1:offset + size] = "extended"
            pos = end + 1
        offset += size
    points = frame.assign(median=point_median, run_type=point_type).reset_index(drop=True)
    return points, pd.DataFrame(medians, columns=["group", "median", "start", "end", "extend_to", "run_type"])
