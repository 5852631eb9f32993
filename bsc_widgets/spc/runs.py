"""The Anhøj runs analysis (longest run, crossings) for every segment at once, as qicharts2 does it.

Points on the centre line and missing values are dropped: they neither break nor extend a run.
"""
from __future__ import annotations

import numpy as np

from .critical import crossings_min, longest_run_max, runs_signal


def useful_signs(y, cl, include):
    with np.errstate(invalid="ignore"):
        sgn = np.sign(y - cl)
    return include & ~np.isnan(sgn) & (sgn != 0), sgn


def run_ids(sgn, seg, useful):
    """Run number of each useful point (-1 elsewhere): a run is consecutive useful points of one sign."""
    idx = np.flatnonzero(useful)
    s, sg = sgn[idx], seg[idx]
    new = np.r_[True, (s[1:] != s[:-1]) | (sg[1:] != sg[:-1])] if len(idx) else np.zeros(0, bool)
    ids = np.full(len(sgn), -1)
    ids[idx] = np.cumsum(new) - 1
    return ids, idx, new


def anhoej(y, cl, seg, include, nseg, method="anhoej") -> dict[str, np.ndarray]:
    useful, sgn = useful_signs(y, cl, include)
    ids, idx, new = run_ids(sgn, seg, useful)
    sg = seg[idx]
    n_useful = np.bincount(sg, minlength=nseg)
    run_len = np.bincount(ids[idx]) if len(idx) else np.zeros(0, int)
    run_seg = sg[new]
    n_runs = np.bincount(run_seg, minlength=nseg)
    longest = np.zeros(nseg)
    np.maximum.at(longest, run_seg, run_len)
    crossings = np.maximum(n_runs - 1, 0).astype(float)
    has = n_useful > 0
    lmax, cmin = longest_run_max(n_useful), crossings_min(n_useful)
    if method == "anhoej":
        signal = has & ((longest > lmax) | (crossings < cmin))
    else:
        signal = np.array([bool(h) and runs_signal(int(n), int(c), int(lg), method)
                           for h, n, c, lg in zip(has, n_useful, crossings, longest)], dtype=bool)
    nan = np.nan
    return dict(
        n_obs=np.bincount(seg[include], minlength=nseg),
        n_useful=n_useful,
        longest_run=np.where(has, longest, nan),
        longest_run_max=np.where(has, lmax, nan),
        n_crossings=np.where(has, crossings, nan),
        n_crossings_min=np.where(has, cmin, nan),
        runs_signal=signal,
    )
