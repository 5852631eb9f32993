"""Critical values of the Anhøj rules, exactly as qicharts2 computes them.

longest run limit = round(log2(n)) + 3 (Schilling 2012); crossings limit =
qbinom(0.05, n - 1, 0.5) (Chen 2010): the smallest k with P(Binom(n-1, ½) ≤ k) ≥ 0.05.
The binomial quantile is exact (integer arithmetic) up to n = 4000 and uses a
log-space sum beyond, where no tie with 0.05 is possible at double precision.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

EXACT_UP_TO = 4000


def longest_run_max(n):
    """Vectorised over n (useful observations); NaN where n is 0."""
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.round(np.log2(n)) + 3
    return np.where(n > 0, out, np.nan)


@lru_cache(maxsize=None)
def _qbinom05(m: int) -> int:
    """qbinom(0.05, m, 0.5)."""
    if m <= 0:
        return 0
    if m <= EXACT_UP_TO:
        total, term, cum = 1 << m, 1, 0
        for k in range(m + 1):      # P(X <= k) >= 0.05  <=>  20 * sum C(m, i) >= 2^m
            cum += term
            if 20 * cum >= total:
                return k
            term = term * (m - k) // (k + 1)
        return m
    k = np.arange(m + 1, dtype=float)
    logpmf = m * math.log(0.5) + np.concatenate([[0.0], np.cumsum(np.log((m - k[:-1]) / (k[:-1] + 1)))])
    cdf = np.exp(np.logaddexp.accumulate(logpmf))
    return int(np.searchsorted(cdf, 0.05 * (1 - 64 * np.finfo(float).eps)))


def crossings_min(n):
    """Vectorised over n (useful observations); NaN where n is 0."""
    n = np.asarray(n)
    flat = [float(_qbinom05(int(v) - 1)) if v > 0 else math.nan for v in np.ravel(n)]
    return np.asarray(flat, dtype=float).reshape(np.shape(n))


# Anhøj & Wentzel-Larsen (2020) "best box" and "cut box" limits for n = 10..100, as tabulated in
# qicharts2's crsignal(): cb/lb are the crossings/longest-run limits, cbord/lbord the borderline ones.
_BOX_N0 = 10
CB = [2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7, 6, 6, 6, 6, 9, 9, 9, 10, 11, 11, 11, 11, 11, 12, 13, 14, 13, 15,
      15, 15, 14, 14, 17, 17, 17, 17, 19, 19, 19, 19, 19, 21, 21, 21, 21, 23, 23, 23, 23, 23, 25, 25, 26, 26,
      27, 27, 27, 28, 29, 29, 29, 30, 30, 31, 31, 31, 32, 33, 33, 33, 34, 33, 35, 35, 35, 35, 37, 37, 38, 37,
      39, 39, 39, 39, 39, 41, 41, 42, 41]
LB = [6, 7, 6, 6, 6, 7, 8, 7, 7, 7, 7, 8, 7, 7, 7, 7, 9, 8, 8, 8, 10, 9, 8, 8, 8, 8, 9, 10, 8, 11, 9, 9, 8,
      8, 10, 9, 9, 9, 12, 10, 9, 9, 9, 11, 10, 9, 9, 12, 10, 10, 9, 9, 11, 10, 11, 10, 12, 10, 10, 11, 14, 11,
      10, 11, 10, 12, 11, 10, 11, 13, 11, 10, 11, 10, 11, 11, 10, 10, 12, 11, 12, 10, 13, 11, 11, 10, 10, 12,
      11, 12, 10]
_ = None
CBORD = [3, 4, _, _, _, 6, 6, _, 6, 6, _, _, 7, 7, 7, _, 10, 10, 11, _, 12, 14, _, 12, 13, _, 15, _, _, _, _,
         17, _, _, _, _, 19, 20, 20, 21, _, 21, 21, 23, 23, _, 23, 25, 24, 26, _, 24, 27, 27, 27, 27, 29, _, 29,
         29, 30, 31, 30, 31, _, 32, 34, 33, 33, 37, 35, _, 36, 36, _, 38, 36, 38, 38, 39, _, 39, 41, 40, 42, _,
         41, 42, 44, 43, 42]
LBORD = [5, 6, _, _, _, 6, 7, _, 6, 5, _, _, 6, 6, 6, _, 7, 7, 7, _, 9, 8, _, 7, 7, _, 8, _, _, _, _, 8, _, _,
         _, _, 8, 7, 11, 9, _, 8, 7, 9, 8, _, 8, 11, 9, 8, _, 8, 9, 9, 10, 9, 10, _, 8, 8, 13, 9, 9, 10, _, 9, 8,
         9, 8, 11, 9, _, 10, 7, _, 8, 9, 8, 10, 9, _, 9, 12, 10, 8, _, 8, 9, 9, 10, 9]
assert len(CB) == len(LB) == len(CBORD) == len(LBORD) == 91


def runs_signal(n: int, crossings: int, longest: int, method: str = "anhoej") -> bool:
    """qicharts2's crsignal(): is the longest run too long, or are there too few crossings?"""
    if method != "anhoej" and not 10 <= n <= 100:
        method = "anhoej"  # the box tables cover n = 10..100 only, as in qicharts2
    if method == "anhoej":
        return not (crossings >= _qbinom05(n - 1) and longest <= round(math.log2(n)) + 3)
    i = n - _BOX_N0
    cb, lb, cbord, lbord = CB[i], LB[i], CBORD[i], LBORD[i]
    if method == "bestbox" or cbord is None:
        return not (crossings >= cb and longest <= lb)
    if crossings >= cb + 1 and longest <= lb - 1:
        return False
    if crossings == cb and longest <= lbord:
        return False
    if crossings >= cbord and longest <= lb:
        return False
    return True
