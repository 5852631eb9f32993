"""Automatic re-basing across many teams, as runcharter's ``runcharter()`` does it.

For each group (sorted by x): a group of fewer than ``med_rows`` points gets no median; otherwise
a baseline median of its first ``med_rows`` points (missing values skipped). A group of fewer than
``med_rows + runlength`` points keeps that baseline and is not searched. After the baseline, the
first run of ``runlength`` points on one side of the current median (points on the median and
missing points are skipped: they neither break nor extend the run) sets a new median, the median
of those ``runlength`` points. The search starts again after the run, against the new median.
Each median extends to the start of the next one; the last extends to the latest x in the data.
Points from a run's first to its last point are its sustained points (as runcharter highlights
them, points on the median between them included).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

DIRECTIONS = ("above", "below", "both")
COLUMNS = ["group", "median", "start", "end", "extend_to", "run_type"]


def _first_run(values: np.ndarray, median: float, runlength: int, direction: str) -> np.ndarray | None:
    """Positions in `values` of the `runlength` points of the first sustained run, or None."""
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
    return idx[end - runlength + 1:end + 1]


def _group_medians(values: np.ndarray, med_rows: int, runlength: int, direction: str) -> list[tuple[float, int, int, str]]:
    """(median, first position, last position, run type) of each median of one group."""
    if len(values) < med_rows:
        return []
    found = [(float(np.nanmedian(values[:med_rows])) if np.isfinite(values[:med_rows]).any() else np.nan,
              0, med_rows - 1, "baseline")]
    if len(values) < med_rows + runlength:
        return found
    pos = med_rows
    while len(values) - pos >= runlength:
        run = _first_run(values[pos:], found[-1][0], runlength, direction)
        if run is None:
            break
        points = pos + run
        found.append((float(np.median(values[points])), int(points[0]), int(points[-1]), "sustained"))
        pos = int(points[-1]) + 1
    return found


def rebase(y, x=None, group=None, med_rows: int = 13, runlength: int = 9, direction: str = "both"):
    """Medians per group, re-based after each sustained run.

    Returns (points, medians): ``points`` has one row per input point with its ``median`` and
    ``run_type`` (baseline, sustained or extended; empty for a group too short for a median);
    ``medians`` has one row per median, as runcharter's ``sustained`` table:
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
    latest = frame["x"].max() if len(frame) else None
    medians, point_median = [], np.full(len(frame), np.nan)
    point_type = np.full(len(frame), None, dtype=object)
    offset = 0
    for key, part in frame.groupby("group", sort=False):
        xs, size = part["x"].to_numpy(), len(part)
        found = _group_medians(part["y"].to_numpy(), med_rows, runlength, direction)
        for k, (median, first, last, kind) in enumerate(found):
            following = found[k + 1][1] if k + 1 < len(found) else size
            medians.append(dict(group=key, median=median, start=xs[first], end=xs[last],
                                extend_to=xs[following] if following < size else latest, run_type=kind))
            point_median[offset + first:offset + following] = median
            point_type[offset + first:offset + last + 1] = kind
            point_type[offset + last + 1:offset + following] = "extended"
        offset += size
    points = frame.assign(median=point_median, run_type=point_type).reset_index(drop=True)
    return points, pd.DataFrame(medians, columns=COLUMNS)
