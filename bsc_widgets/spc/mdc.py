"""NHS England's Making Data Count, as NHSRplotthedots 0.2.x's ``ptd_spc()`` computes it.

Limits (XmR): mean ± 2.66 × the mean moving range, the near-limit band at ± 2/3 of that; moving
ranges of 3.267 × their mean or more are screened out once. ``freeze`` (``fix_after_n_points``)
counts inside each re-based part, and a part of fewer than 12 points has provisional limits.

Each point is read by the first rule that matches, within its part: beyond a process limit; a
trend of 7 points each higher (or lower) than the one before; 2 of 3 consecutive points in the
band next to a limit, all three on that side of the mean (only the band points are flagged); 7
points in a row on one side of the mean. A tie breaks a trend, a point on the mean breaks a
shift, and a missing (or excluded) period breaks both, as a missing row does in NHSRplotthedots.
A trend's points take the trend's own direction (a point takes the step after it when the next
point is in a trend too, else the step before it). The last point of a part gives its variation
icon; a target against the last part's limits gives the series' assurance icon.
"""
from __future__ import annotations

import numpy as np

from ..base.language import N_
from .limits import Segments, seg_mean
from .signals import CONCERN, IMPROVEMENT, judge

LIMIT = 2.66
NEAR = 2 * LIMIT / 3
RUN = 7
TREND = 7
SHORT = 12          # ptd_add_short_group_warnings: fewer points than this and the limits are provisional
VARIATION_WORDS = {"common_cause": N_("common-cause variation (no signal)"),
                   "special_cause_improvement": N_("special-cause improvement"),
                   "special_cause_concern": N_("special-cause concern"),
                   "special_cause_neutral_high": N_("a special cause, higher than usual"),
                   "special_cause_neutral_low": N_("a special cause, lower than usual")}
ASSURANCE_WORDS = {"consistent_pass": N_("The process will consistently meet the goal."),
                   "consistent_fail": N_("The process will not meet the goal without a change to the system."),
                   "inconsistent": N_("The process will sometimes meet the goal and sometimes miss it.")}


def xmr_limits(S: Segments) -> dict:
    """ptd_spc_standard's mean, process limits and near-limit band, for every part at once."""
    y = S.t["y"]
    cl = S.centre(seg_mean(y, S.seg, S.base, S.nseg))
    amr = S.per_row(S.amr(y, S.base))
    with np.errstate(invalid="ignore"):
        return dict(y=y, cl=cl, lcl=cl - LIMIT * amr, ucl=cl + LIMIT * amr, lcl_95=cl - NEAR * amr,
                    ucl_95=cl + NEAR * amr)


def _runs_of(values: np.ndarray, seg: np.ndarray, minimum: int) -> np.ndarray:
    """Rows in a stretch of `minimum`+ equal, non-zero values in consecutive rows of one part."""
    new = np.r_[True, (values[1:] != values[:-1]) | (seg[1:] != seg[:-1])]
    run = np.cumsum(new) - 1
    return (values != 0) & (np.bincount(run)[run] >= minimum)


def _trend(y, seg, valid):
    """(in a trend, the trend's direction) for each row: 7 points, 6 steps of one sign, no gap."""
    n = len(y)
    with np.errstate(invalid="ignore"):
        step = np.sign(np.diff(y))
    step = np.where((seg[1:] == seg[:-1]) & valid[1:] & valid[:-1], step, 0)
    in_step = _runs_of(step, seg[1:], TREND - 1) if n > 1 else np.zeros(0, bool)
    flags = np.zeros(n, bool)
    flags[:-1] |= in_step
    flags[1:] |= in_step
    same_next = np.r_[seg[1:] == seg[:-1], False]
    next_in = np.r_[flags[1:], False] & same_next
    after, before = np.r_[step, 0], np.r_[0, step]
    return flags, np.where(flags, np.where(next_in, after, before), 0)


def _two_in_three(y, cl, lo2, hi2, lo3, hi3, seg, include):
    """Windows of 3 consecutive points (one part, all included): 2+ in one near-limit band, all on its side."""
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


def _last_rows(keys: np.ndarray) -> np.ndarray:
    """For each row, the position of the last row with its key (rows are grouped by key)."""
    last = np.zeros(int(keys.max()) + 1, int)
    np.maximum.at(last, keys, np.arange(len(keys)))
    return last[keys]


def mdc_rules(y, cl, lcl, ucl, lcl_95, ucl_95, seg, series, include, direction="neutral", target=None):
    valid = include & ~np.isnan(y)
    with np.errstate(invalid="ignore"):
        astro_high, astro_low = valid & (y > ucl), valid & (y < lcl)
        side = np.where(valid, np.sign(y - cl), 0)
    trend, trend_way = _trend(y, seg, valid)
    two3 = _two_in_three(y, cl, lcl_95, ucl_95, lcl, ucl, seg, valid)
    shift = _runs_of(side, seg, RUN)
    astro = astro_high | astro_low
    way = np.where(astro, side, np.where(trend, trend_way, np.where(two3 | shift, side, 0)))
    special = astro | trend | two3 | shift
    verdict = judge(way, direction)
    kind = np.where(verdict == IMPROVEMENT, "special_cause_improvement", np.where(
        verdict == CONCERN, "special_cause_concern",
        np.where(way > 0, "special_cause_neutral_high", "special_cause_neutral_low")))
    point_type = np.where(special, kind, "common_cause")
    last_of_part = _last_rows(seg)
    variation = point_type[last_of_part]
    high = (way > 0)[last_of_part]          # the latest special cause is high (H) or low (L), whichever is better
    size = np.bincount(seg)
    provisional = size[seg] < SHORT
    assurance = np.full(len(y), None, dtype=object)
    if target is not None and direction in ("up", "down"):
        last = _last_rows(series)
        tgt = np.broadcast_to(np.asarray(target, dtype=float), y.shape)
        t_last, u_last, l_last = tgt[last], ucl[last], lcl[last]
        with np.errstate(invalid="ignore"):
            above_all, below_all = t_last > u_last, t_last < l_last
        passing = below_all if direction == "up" else above_all
        failing = above_all if direction == "up" else below_all
        found = np.where(passing, "consistent_pass", np.where(failing, "consistent_fail", "inconsistent"))
        in_last_part = seg == seg[last]
        assurance = np.where(np.isnan(t_last) | np.isnan(u_last) | ~in_last_part, None, found)
    return dict(mdc_astronomical=astro, mdc_trend=trend, mdc_two_in_three=two3, mdc_shift=shift,
                mdc_point_type=point_type, mdc_variation=variation, mdc_high=high, mdc_assurance=assurance,
                mdc_provisional=provisional)
