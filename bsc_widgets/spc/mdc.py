"""NHS England's Making Data Count rules for XmR charts, as NHSRplotthedots 0.2.2 applies them.

In order, the first rule that matches labels a point: a point beyond a process limit; a trend
of 7 points each higher (or lower) than the one before (a tie breaks it); 2 of 3 consecutive
points in the band between 2σ and 3σ, all three on the same side of the mean (only the band
points are flagged); a shift of 7 points on one side of the mean (a point on the mean breaks
it). The improvement direction turns signals into improvement or concern; the last point gives
the variation icon, and a target against the last limits gives the assurance icon.

Limits are the engine's (mean ± 3·MR̄/1.128, with moving ranges screened once), so the rules
apply to any chart with limits. NHSRplotthedots writes 2.66·MR̄ (= 3/1.128 to four digits).
"""
from __future__ import annotations

import numpy as np

from .ihi import trends

RUN = 7
TREND = 7


def _side_runs(y, cl, seg, include, minimum):
    with np.errstate(invalid="ignore"):
        side = np.sign(y - cl)
    ok = include & ~np.isnan(side)
    idx = np.flatnonzero(ok)
    s, sg = side[idx], seg[idx]
    flags = np.zeros(len(y), bool)
    if not len(idx):
        return flags
    new = np.r_[True, (s[1:] != s[:-1]) | (sg[1:] != sg[:-1])]   # a point on the mean (0) starts its own run
    run = np.cumsum(new) - 1
    length = np.bincount(run)
    flags[idx] = (s != 0) & (length[run] >= minimum)
    return flags


def _two_in_three(y, cl, lo2, hi2, lo3, hi3, seg, include):
    """Windows of 3 consecutive points (one segment, all included): 2+ in one 2σ–3σ band, all on its side."""
    n = len(y)
    flags = np.zeros(n, bool)
    if n < 3:
        return flags
    with np.errstate(invalid="ignore"):
        bands = {1: include & (y > hi2) & (y <= hi3), -1: include & (y < lo2) & (y >= lo3)}
        side = np.where(include, np.sign(y - cl), 0)
    ok = (seg[:-2] == seg[2:]) & include[:-2] & include[1:-1] & include[2:]
    for sign, band in bands.items():
        count = band[:-2].astype(int) + band[1:-1] + band[2:]
        same = (side[:-2] == sign) & (side[1:-1] == sign) & (side[2:] == sign)
        hit = ok & (count >= 2) & same
        for offset in range(3):
            flags[offset:n - 2 + offset] |= hit & band[offset:n - 2 + offset]
    return flags


def mdc_rules(y, cl, lcl, ucl, lcl_95, ucl_95, seg, include, nseg, direction="neutral", target=None):
    with np.errstate(invalid="ignore"):
        astro_high, astro_low = include & (y > ucl), include & (y < lcl)
        above = y > cl
    trend = trends(y, seg, include, TREND, ties_break=True)
    two3 = _two_in_three(y, cl, lcl_95, ucl_95, lcl, ucl, seg, include)
    shift = _side_runs(y, cl, seg, include, RUN)
    with np.errstate(invalid="ignore"):
        up = np.diff(y) > 0                 # a trend point is high when it rises from, or to, a neighbour
    rising = np.r_[up, False] | np.r_[False, up]
    high = np.where(astro_high | astro_low, astro_high,
                    np.where(trend, rising, np.where(two3 | shift, above, False)))
    special = astro_high | astro_low | trend | two3 | shift
    if direction == "up":
        kind = np.where(high, "special_cause_improvement", "special_cause_concern")
    elif direction == "down":
        kind = np.where(high, "special_cause_concern", "special_cause_improvement")
    else:
        kind = np.where(high, "special_cause_neutral_high", "special_cause_neutral_low")
    point_type = np.where(special, kind, "common_cause")
    last = np.zeros(nseg, int)
    np.maximum.at(last, seg, np.arange(len(seg)))
    variation = point_type[last][seg]
    assurance = np.full(len(y), None, dtype=object)
    if target is not None and direction in ("up", "down"):
        tgt = np.broadcast_to(np.asarray(target, dtype=float), y.shape)
        t_last, u_last, l_last = tgt[last][seg], ucl[last][seg], lcl[last][seg]
        with np.errstate(invalid="ignore"):
            above_all, below_all = t_last > u_last, t_last < l_last
        passing = below_all if direction == "up" else above_all
        failing = above_all if direction == "up" else below_all
        assurance = np.where(np.isnan(t_last) | np.isnan(u_last), None,
                             np.where(passing, "consistent_pass", np.where(failing, "consistent_fail", "inconsistent")))
    return dict(mdc_astronomical=astro_high | astro_low, mdc_trend=trend, mdc_two_in_three=two3, mdc_shift=shift,
                mdc_point_type=point_type, mdc_variation=variation, mdc_assurance=assurance)
