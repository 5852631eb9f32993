"""Vectorised statistics per segment (one facet × part of one series), as R computes them per group.

Every function takes the values, the segment id of each row, a mask of the rows that
count, and the number of segments, and returns one value per segment.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def seg_sum(v, seg, mask, nseg):
    """sum(v, na.rm = TRUE): 0 for an empty segment."""
    m = mask & ~np.isnan(v)
    return np.bincount(seg[m], weights=v[m], minlength=nseg)


def seg_count(v, seg, mask, nseg):
    m = mask & ~np.isnan(v)
    return np.bincount(seg[m], minlength=nseg).astype(float)


def seg_mean(v, seg, mask, nseg):
    """mean(v, na.rm = TRUE): NaN for an empty segment."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return seg_sum(v, seg, mask, nseg) / seg_count(v, seg, mask, nseg)


def seg_median(v, seg, mask, nseg):
    m = mask & ~np.isnan(v)
    med = pd.Series(v[m]).groupby(seg[m]).median()
    out = np.full(nseg, np.nan)
    out[med.index.to_numpy()] = med.to_numpy()
    return out


def seg_sd(v, seg, mask, nseg):
    """stats::sd(v) without na.rm: NaN if any value is missing or fewer than two."""
    m = mask
    s = pd.Series(v[m]).groupby(seg[m])
    sd = s.std(ddof=1)
    has_na = s.apply(lambda g: g.isna().any()) if len(sd) else sd
    out = np.full(nseg, np.nan)
    vals = sd.to_numpy().copy()
    if len(sd):
        vals[has_na.to_numpy().astype(bool)] = np.nan
    out[sd.index.to_numpy()] = vals
    return out


def seg_diffs(v, seg, mask):
    """abs(diff(v[mask])) within each segment: (differences, their segment ids)."""
    idx = np.flatnonzero(mask)
    vals, s = v[idx], seg[idx]
    same = s[1:] == s[:-1]
    return np.abs(np.diff(vals))[same], s[1:][same]


def seg_nunique(v, seg, nseg):
    frame = pd.DataFrame({"s": seg, "v": v})
    counts = frame.groupby("s")["v"].nunique(dropna=False)
    out = np.zeros(nseg, dtype=int)
    out[counts.index.to_numpy()] = counts.to_numpy()
    return out
