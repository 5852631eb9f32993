"""IHI run-chart rules (Perla, Provost & Murray 2011): shift, trend, too few / too many runs.

Conventions (the Perla, Provost & Murray rules as taught to teams):
- shift: 6 or more consecutive points on one side of the median; a point on the median is
  skipped (it neither adds to nor breaks the shift);
- trend: 5 or more consecutive points all going up or all going down; equal neighbours count
  once (a tie neither adds to nor breaks a trend);
- runs: a run is one or more consecutive points on one side of the median, points on the
  median ignored; the number of runs is compared with a runs table for the number of useful
  points (those not on the median).

The runs table. Perla et al. (2011), Table 1, could not be retrieved from a primary source
while this was written, so the values here are DERIVED, not transcribed. They come from the
exact Swed–Eisenhart distribution of the number of runs with n1 = ⌊n/2⌋ and n2 = ⌈n/2⌉ points
on either side, at 5% in each tail, for n = 10..60 useful points:
  low  = the largest r with P(R ≤ r) ≤ 0.05
  high = the smallest r with P(R ≥ r) ≤ 0.05
and they are read as Perla, Provost and Murray state the rule: too few runs when the number of
runs is FEWER than low, too many when it is MORE than high. Two secondary accounts of their
Table 1 read it this way, and agree with these values at 20 points (6 and 16) and with the low
value at 16 points (5). Balestracci (2008) gives 5–12 runs for 16 points, where the derived high
value is 13: that value, and every value not in CONFIRMED, is unconfirmed, and the reading says
so. tests/fixtures/runs_table_swed_eisenhart.csv records the table; replace it with a hand
transcription of the published one when one is available.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import comb

import numpy as np

from .runs import run_ids, useful_signs

SHIFT = 6
TREND = 5
TABLE_RANGE = (10, 60)
CONFIRMED = {20: (6.0, 16.0)}      # values two secondary accounts of Table 1 agree on


def _runs_pmf(n1: int, n2: int) -> dict[int, Fraction]:
    total = comb(n1 + n2, n1)
    pmf = {}
    for r in range(2, n1 + n2 + 1):
        k = r // 2
        if r % 2 == 0:
            ways = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            ways = comb(n1 - 1, k - 1) * comb(n2 - 1, k) + comb(n1 - 1, k) * comb(n2 - 1, k - 1)
        if ways:
            pmf[r] = Fraction(ways, total)
    return pmf


@lru_cache(maxsize=None)
def runs_limits(n: int) -> tuple[float, float]:
    """(low, high) for n useful points: a signal below low or above high; NaN outside 10..60 points."""
    if not TABLE_RANGE[0] <= n <= TABLE_RANGE[1]:
        return (np.nan, np.nan)
    pmf = _runs_pmf(n // 2, n - n // 2)
    rs = sorted(pmf)
    low, cum = 0, Fraction(0)
    for r in rs:
        cum += pmf[r]
        if cum <= Fraction(5, 100):
            low = r
    high, cum = rs[-1] + 1, Fraction(0)
    for r in reversed(rs):
        cum += pmf[r]
        if cum <= Fraction(5, 100):
            high = r
    return (float(low), float(high))


def _flag_long_runs(ids: np.ndarray, minimum: int) -> np.ndarray:
    valid = ids >= 0
    lengths = np.bincount(ids[valid]) if valid.any() else np.zeros(0, int)
    flags = np.zeros(len(ids), bool)
    flags[valid] = lengths[ids[valid]] >= minimum
    return flags


def trends(y, seg, include, minimum: int = TREND) -> np.ndarray:
    """Points in a run of `minimum`+ points all rising or all falling, within each segment.

    Equal neighbours count once, and missing points are skipped.
    """
    idx = np.flatnonzero(include & ~np.isnan(y))
    v, s = y[idx], seg[idx]
    flags = np.zeros(len(y), bool)
    if len(idx) < 2:
        return flags
    same_seg = s[1:] == s[:-1]
    keep = np.r_[True, ~(same_seg & (v[1:] == v[:-1]))]         # the first of each group of equal neighbours
    distinct = np.cumsum(keep) - 1                              # each point's distinct position
    dv, ds = v[keep], s[keep]
    d = np.sign(np.diff(dv)) * (ds[1:] == ds[:-1])              # 0 across segments
    if len(d) == 0:
        return flags
    new = np.r_[True, d[1:] != d[:-1]]
    run = np.cumsum(new) - 1
    length = np.bincount(run)
    in_trend = (d != 0) & (length[run] + 1 >= minimum)
    point = np.zeros(len(dv), bool)
    point[:-1] |= in_trend
    point[1:] |= in_trend
    flags[idx] = point[distinct]
    return flags


def ihi_rules(y, cl, seg, include, nseg) -> dict[str, np.ndarray]:
    useful, sgn = useful_signs(y, cl, include)
    ids, idx, new = run_ids(sgn, seg, useful)
    shift = _flag_long_runs(ids, SHIFT)
    trend = trends(y, seg, include, TREND)
    n_useful = np.bincount(seg[useful], minlength=nseg)
    n_runs = np.bincount(seg[idx][new], minlength=nseg) if len(idx) else np.zeros(nseg, int)
    limits = np.array([runs_limits(int(n)) for n in n_useful]).reshape(nseg, 2)
    few = n_runs < limits[:, 0]
    many = n_runs > limits[:, 1]
    row = lambda a: a[seg]  # noqa: E731
    return dict(
        ihi_shift=shift, ihi_trend=trend,
        ihi_runs=row(np.where(n_useful > 0, n_runs, np.nan)),
        ihi_runs_low=row(limits[:, 0]), ihi_runs_high=row(limits[:, 1]),
        ihi_too_few_runs=row(few), ihi_too_many_runs=row(many),
        ihi_signal=shift | trend | row(few | many),
    )
