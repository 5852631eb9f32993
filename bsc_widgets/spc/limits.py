"""Centre lines and limits for every chart type: qicharts2 0.8.1's formulas, vectorised over segments.

Each function gets the subgroup table ``t`` (numpy arrays) and returns the chart's
``y``, ``cl``, ``lcl``, ``ucl``, ``lcl_95``, ``ucl_95`` per row. ``base`` marks the rows
that define the centre line and limits (baseline and not excluded).
"""
from __future__ import annotations

import math

import numpy as np

from .segments import seg_diffs, seg_mean, seg_median, seg_nunique, seg_sd, seg_sum

SCREEN = 3.267      # Nelson's upper limit for moving ranges, × average moving range
D2 = 1.128          # d2 for moving ranges of two


class Segments:
    """The subgroup table of all series at once, with the segment of each row."""

    def __init__(self, t: dict, seg: np.ndarray, nseg: int, screened_mr: bool, categorical: bool):
        self.t, self.seg, self.nseg = t, seg, nseg
        self.screened, self.categorical = screened_mr, categorical
        self.base = t["baseline"] & t["include"]

    def per_row(self, per_seg):
        return np.asarray(per_seg, dtype=float)[self.seg]

    def centre(self, computed_per_seg):
        """The given centre line where a segment has one everywhere, else the computed one (anyNA rule)."""
        given = self.t["cl"]
        missing = np.bincount(self.seg[np.isnan(given)], minlength=self.nseg) > 0
        return np.where(missing[self.seg], self.per_row(computed_per_seg), given)

    def amr(self, v, mask):
        """Average moving range of v over the masked rows, screened once when asked (Nelson 1982)."""
        mr, s = seg_diffs(v, self.seg, mask)
        ok = ~np.isnan(mr)
        amr = seg_mean(mr[ok], s[ok], np.ones(ok.sum(), bool), self.nseg)
        if self.screened:
            keep = ok & (mr < SCREEN * amr[s])
            amr = seg_mean(mr[keep], s[keep], np.ones(keep.sum(), bool), self.nseg)
        return amr


def _limits(cl, sd):
    with np.errstate(invalid="ignore"):
        return dict(cl=cl, lcl=cl - 3 * sd, ucl=cl + 3 * sd, lcl_95=cl - 2 * sd, ucl_95=cl + 2 * sd)


def _clip(out, low=("lcl", "lcl_95"), high=()):
    for k in low:
        v = out[k]
        out[k] = np.where(np.isfinite(v) & (v < 0), 0.0, v)
    for k in high:
        v = out[k]
        out[k] = np.where(np.isfinite(v) & (v > 1), 1.0, v)
    return out


def run(S: Segments):
    t = S.t
    cl = S.centre(seg_median(t["y"], S.seg, S.base, S.nseg))
    nan = np.full_like(cl, np.nan)
    return dict(y=t["y"], cl=cl, lcl=nan, ucl=nan, lcl_95=nan, ucl_95=nan)


def i(S: Segments, y=None):
    y = S.t["y"] if y is None else y
    cl = S.centre(seg_mean(y, S.seg, S.base, S.nseg))
    amr = S.amr(y - cl, S.base)
    return dict(y=y, **_limits(cl, S.per_row(amr / D2)))


def mr(S: Segments):
    t = S.t
    y = np.full_like(t["y"], np.nan)
    first = np.r_[True, S.seg[1:] != S.seg[:-1]]
    d = np.abs(np.diff(t["y"], prepend=np.nan))
    y[~first] = d[~first]
    cl = S.centre(seg_mean(y, S.seg, S.base, S.nseg))
    zero = np.zeros_like(cl)
    return dict(y=y, cl=cl, lcl=zero, lcl_95=zero, ucl=SCREEN * cl, ucl_95=SCREEN / 3 * 2 * cl)


def ip(S: Segments):
    t = S.t
    n = t["y_length"] if np.isnan(t["n"]).all() else t["n"]
    y = t["y"]
    cl = S.centre(_ip_centre(S, y, n))
    same = np.r_[False, S.seg[1:] == S.seg[:-1]]
    with np.errstate(invalid="ignore", divide="ignore"):
        d1 = np.abs(np.diff(y, prepend=np.nan))
        d2 = np.sqrt(1 / np.r_[np.nan, n[:-1]] + 1 / n)
        s = math.sqrt(math.pi / 2) * d1 / d2
    s, sseg = s[same], S.seg[same]
    ok = ~np.isnan(s)
    mean_s = seg_mean(s[ok], sseg[ok], np.ones(ok.sum(), bool), S.nseg)
    if S.screened:
        keep = ok & (s < mean_s[sseg] * 3.2665)
        mean_s = seg_mean(s[keep], sseg[keep], np.ones(keep.sum(), bool), S.nseg)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = S.per_row(mean_s) * np.sqrt(1 / n)
    return dict(y=y, n=n, **_limits(cl, sd))


def _ip_centre(S: Segments, y, n):
    """sum(y * n) / sum(n) over the base rows, each sum dropping its own missing values (as R does)."""
    with np.errstate(invalid="ignore"):
        return seg_sum(y * n, S.seg, S.base, S.nseg) / seg_sum(n, S.seg, S.base, S.nseg)


def _c4(n):
    n = np.asarray(n, dtype=float)
    out = np.full(n.shape, np.nan)
    ok = n > 1
    lg = np.vectorize(math.lgamma, otypes=[float])
    out[ok] = np.sqrt(2 / (n[ok] - 1)) * np.exp(lg(n[ok] / 2) - lg((n[ok] - 1) / 2))
    return out


def _pooled_sd(S: Segments):
    t = S.t
    var_n = seg_nunique(t["y_length"], S.seg, S.nseg) > 1
    w = t["y_length"] - 1
    with np.errstate(invalid="ignore"):
        num = seg_sum(w * t["y_sd"] ** 2, S.seg, S.base, S.nseg)
        den = seg_sum(np.where(np.isnan(w), np.nan, w), S.seg, S.base, S.nseg)
        pooled = np.sqrt(num / den)
    return np.where(var_n, pooled, seg_mean(t["y_sd"], S.seg, S.base, S.nseg))


def xbar(S: Segments):
    t = S.t
    with np.errstate(invalid="ignore"):
        cl = S.centre(seg_sum(t["y_length"] * t["y_mean"], S.seg, S.base, S.nseg)
                      / seg_sum(np.where(np.isnan(t["y_length"] * t["y_mean"]), np.nan, t["y_length"]),
                                S.seg, S.base, S.nseg))
    sd = S.per_row(_pooled_sd(S))
    c4n = _c4(t["y_length"])
    with np.errstate(invalid="ignore", divide="ignore"):
        a3, a3_95 = 3 / (c4n * np.sqrt(t["y_length"])), 2 / (c4n * np.sqrt(t["y_length"]))
    return dict(y=t["y"], cl=cl, ucl=cl + a3 * sd, ucl_95=cl + a3_95 * sd, lcl=cl - a3 * sd, lcl_95=cl - a3_95 * sd)


def s(S: Segments):
    t = S.t
    cl = S.centre(_pooled_sd(S))
    c4n = _c4(t["y_length"])
    with np.errstate(invalid="ignore"):
        ratio = np.sqrt(1 - c4n ** 2) / c4n   # c5 / c4
        return dict(y=t["y_sd"], cl=cl, ucl=(1 + 3 * ratio) * cl, ucl_95=(1 + 2 * ratio) * cl,
                    lcl=np.maximum(0, 1 - 3 * ratio) * cl, lcl_95=np.maximum(0, 1 - 2 * ratio) * cl)


def t(S: Segments):
    y = S.t["y"]
    with np.errstate(invalid="ignore"):
        out = i(S, y ** (1 / 3.6))
        for k in ("y", "cl", "ucl", "ucl_95", "lcl", "lcl_95"):
            out[k] = np.power(out[k], 3.6)
    out["lcl"] = np.where(np.isnan(out["lcl"]) | (out["lcl"] < 0), 0.0, out["lcl"])
    return out


def _ratio_centre(S: Segments):
    t = S.t
    with np.errstate(invalid="ignore", divide="ignore"):
        return S.centre(seg_sum(t["y_sum"], S.seg, S.base, S.nseg) / seg_sum(t["n"], S.seg, S.base, S.nseg))


def _laney(S: Segments, cl, sd):
    """Laney's prime charts: scale sigma by the variation of the z-scores between subgroups."""
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (S.t["y"] - cl) / sd
    if S.categorical:
        sigma_z = seg_sd(z, S.seg, S.base, S.nseg)
    else:
        sigma_z = S.amr(z, S.base) / D2
    return sd * S.per_row(sigma_z)


def p(S: Segments, prime=False):
    cl = _ratio_centre(S)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(cl * (1 - cl) / S.t["n"])
    if prime:
        sd = _laney(S, cl, sd)
    return _clip(dict(y=S.t["y"], **_limits(cl, sd)), high=("ucl", "ucl_95"))


def pp(S: Segments):
    return p(S, prime=True)


def c(S: Segments):
    y = S.t["y_sum"]
    cl = S.centre(seg_mean(y, S.seg, S.base, S.nseg))
    with np.errstate(invalid="ignore"):
        return _clip(dict(y=y, **_limits(cl, np.sqrt(cl))))


def u(S: Segments, prime=False):
    cl = _ratio_centre(S)
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.sqrt(cl / S.t["n"])
    if prime:
        sd = _laney(S, cl, sd)
    return _clip(dict(y=S.t["y"], **_limits(cl, sd)))


def up(S: Segments):
    return u(S, prime=True)


def g(S: Segments):
    y = S.t["y"]
    given = ~np.isnan(S.centre(np.full(S.nseg, np.nan)))
    mean = S.centre(seg_mean(y, S.seg, S.base, S.nseg))
    with np.errstate(invalid="ignore"):
        out = _limits(mean, np.sqrt(mean * (mean + 1)))
    for k in ("lcl", "lcl_95"):
        out[k] = np.where(out[k] < 0, 0.0, out[k])
    out["cl"] = np.where(given, 0.693 * mean, S.per_row(seg_median(y, S.seg, S.base, S.nseg)))
    return dict(y=y, **out)


CHART_FUNCTIONS = {"run": run, "i": i, "mr": mr, "xbar": xbar, "s": s, "t": t, "p": p, "pp": pp,
                   "c": c, "u": u, "up": up, "g": g, "ip": ip}
