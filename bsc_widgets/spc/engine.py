"""``qic()``: one engine behind every chart type, returning the data as well as the picture's numbers.

Arguments mean what they mean in the R package qicharts2 0.8.1. Many
series (teams, measures) are analysed at once through ``facets``; ``freeze``, ``part`` and
``exclude`` may then be dicts keyed by facet value, so each team keeps its own baseline.
Everything is vectorised over series: a dashboard of 500 teams × 6 measures is one call.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import mdc
from .ihi import ihi_rules
from .limits import CHART_FUNCTIONS, Segments
from .runs import anhoej
from .signals import DIRECTIONS, mark_signals

CHARTS = tuple(CHART_FUNCTIONS)
NEEDS_N = {"p", "pp", "u", "up"}
COUNTS = {"c", "u", "up", "p", "pp", "g"}
AGG_FUNS = ("mean", "median", "sum", "sd")
METHODS = ("anhoej", "bestbox", "cutbox")
LIMIT_COLUMNS = ("cl", "lcl", "ucl", "lcl_95", "ucl_95")
OUTPUT = ["x", "y", "n", "cl", "lcl", "ucl", "lcl_95", "ucl_95", "part", "baseline", "include", "n_obs",
          "n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min", "runs_signal",
          "sigma_signal"]


def _numeric(values, name: str) -> np.ndarray:
    series = pd.Series(values)
    if series.dtype == object or pd.api.types.is_string_dtype(series.dtype) or pd.api.types.is_bool_dtype(series):
        converted = pd.to_numeric(series, errors="coerce")
        bad = series.notna() & converted.isna()
        if bad.any():
            pos = int(np.flatnonzero(bad.to_numpy())[0])
            raise ValueError(f"{name} must be numbers; position {pos + 1} holds {series.iloc[pos]!r}.")
        series = converted
    if not pd.api.types.is_numeric_dtype(series):
        raise ValueError(f"{name} must be numbers, not {series.dtype}.")
    return series.to_numpy(dtype=float, na_value=np.nan)


def _check(chart, y, n, agg_fun, method):
    if chart not in CHART_FUNCTIONS:
        raise ValueError(f"Unknown chart type {chart!r}; choose one of: {', '.join(CHARTS)}.")
    if agg_fun not in AGG_FUNS:
        raise ValueError(f"agg_fun must be one of {', '.join(AGG_FUNS)}, not {agg_fun!r}.")
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}.")
    if chart in NEEDS_N and n is None:
        raise ValueError(f"A {chart} chart needs denominators (n).")
    finite_y = y[~np.isnan(y)]
    if len(finite_y) == 0:
        raise ValueError("y holds no numbers: every value is missing.")
    for name, values in (("y", y), ("n", n)):
        if values is not None and np.isinf(values).any():
            pos = int(np.flatnonzero(np.isinf(values))[0])
            raise ValueError(f"{name} holds an infinite value at position {pos + 1}: every value must be an "
                             "ordinary number (or missing).")
    if chart in COUNTS and (finite_y < 0).any():
        pos = int(np.flatnonzero(y < 0)[0])
        raise ValueError(f"A count cannot be negative: position {pos + 1} holds {y[pos]:g}.")
    if chart == "t" and (finite_y <= 0).any():
        pos = int(np.flatnonzero(y <= 0)[0])
        raise ValueError(f"Time between events must be more than zero: position {pos + 1} holds {y[pos]:g}.")
    if n is not None:
        if (n[~np.isnan(n)] < 0).any():
            pos = int(np.flatnonzero(n < 0)[0])
            raise ValueError(f"A denominator cannot be negative: position {pos + 1} holds {n[pos]:g}.")
        if (n == 0).any():
            pos = int(np.flatnonzero(n == 0)[0])
            raise ValueError(f"A denominator of zero at position {pos + 1}: a rate or proportion needs a "
                             "denominator above zero (leave the period empty instead).")
        if chart in ("p", "pp"):
            over = ~np.isnan(y) & ~np.isnan(n) & (y > n)
            if over.any():
                pos = int(np.flatnonzero(over)[0])
                raise ValueError(f"The numerator ({y[pos]:g}) is larger than the denominator ({n[pos]:g}) "
                                 f"at position {pos + 1}; a proportion cannot be more than 1.")


def _x_column(x, length):
    if x is None:
        return pd.Series(np.arange(1, length + 1)), False
    xs = pd.Series(x).reset_index(drop=True)
    if len(xs) != length:
        raise ValueError(f"x has {len(xs)} values but y has {length}.")
    if isinstance(xs.dtype, pd.CategoricalDtype):
        return xs, True
    if pd.api.types.is_numeric_dtype(xs) and not pd.api.types.is_bool_dtype(xs):
        return xs, False
    if pd.api.types.is_datetime64_any_dtype(xs):
        return xs, False
    converted = pd.to_datetime(xs, errors="coerce") if xs.map(lambda v: hasattr(v, "year")).all() else None
    if converted is not None and converted.notna().sum() == xs.notna().sum():
        return converted, False
    return pd.Series(pd.Categorical(xs.astype("string"))), True   # a funnel plot: no runs analysis


def _per_series(setting, key):
    if isinstance(setting, Mapping):
        return setting.get(key, setting.get(key[0]) if isinstance(key, tuple) else None)
    return setting


def _check_series_keys(keys, **settings) -> None:
    """A per-series setting (a dict) must only name series that are in the data."""
    known = {k[0] for k in keys} | set(keys)
    for name, setting in settings.items():
        if isinstance(setting, Mapping):
            unknown = [k for k in setting if k not in known]
            if unknown:
                raise ValueError(f"{name} names {unknown[0]!r}, which is not one of the series in the data.")


def _parts(part, labels, size):
    """Part number (1-based) of each subgroup: from last positions, or from a label per subgroup."""
    if labels is not None:
        change = np.r_[False, labels[1:] != labels[:-1]]
        return np.cumsum(change) + 1
    if part is None:
        return np.ones(size, dtype=int)
    points = np.atleast_1d(np.asarray(part))
    if not np.issubdtype(points.dtype, np.number) or (points != np.round(points)).any():
        raise ValueError("part must be whole positions (the last subgroup of each part but the last), "
                         "or one label per value.")
    if ((points < 1) | (points >= size)).any():
        raise ValueError(f"part positions must be between 1 and {size - 1} (there are {size} subgroups).")
    bounds = np.unique(np.r_[0, points.astype(int)])
    return np.repeat(np.arange(1, len(bounds) + 1), np.diff(np.r_[bounds, size]))


def _position_in_part(p: np.ndarray) -> np.ndarray:
    """1, 2, 3… counting again from 1 at the start of each part."""
    starts = np.r_[True, p[1:] != p[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(p)), 0))
    return np.arange(len(p)) - first + 1


def _aggregate(frame: pd.DataFrame, got_n: bool, agg_fun: str) -> pd.DataFrame:
    """One row per subgroup (facet × x), with qicharts2's y.sum, y.length, y.mean, y.sd, n and y."""
    keys = ["facet1", "facet2", "x"]
    if not frame.duplicated(keys).any():
        out = frame.copy()
        y = out["y"].to_numpy()
        out["y_sum"] = y
        out["y_length"] = (~np.isnan(y)).astype(float)
        out["y_mean"] = y
        out["y_sd"] = np.nan
        if got_n:
            n = out["n"].to_numpy()
            with np.errstate(invalid="ignore", divide="ignore"):
                out["y"] = np.nan_to_num(y, nan=0.0) / np.nan_to_num(n, nan=0.0)
            out["n"] = np.nan_to_num(n, nan=0.0)
        elif agg_fun == "sum":
            out["y"] = np.nan_to_num(y, nan=0.0)
        elif agg_fun == "sd":
            out["y"] = np.nan
        return out
    g = frame.groupby(keys, sort=False, observed=True, dropna=False)
    size = g["y"].size()
    out = pd.DataFrame({
        "y_sum": g["y"].sum(min_count=0).where(~((size == 1) & g["y"].first().isna()), np.nan),
        "y_length": g["y"].count().astype(float),
        "y_mean": g["y"].mean(),
        "y_sd": g["y"].std(ddof=1),
        "n": g["n"].sum(min_count=0) if got_n else np.nan,
        "cl": g["cl"].first(),
        "target": g["target"].first(),
        "part_label": g["part_label"].first(),
    })
    if got_n:
        with np.errstate(invalid="ignore", divide="ignore"):
            out["y"] = g["y"].sum(min_count=0) / out["n"]
    else:
        out["y"] = {"mean": g["y"].mean, "median": g["y"].median, "sum": lambda: g["y"].sum(min_count=0),
                    "sd": lambda: g["y"].std(ddof=1)}[agg_fun]()
    return out.reset_index()


def qic(y, x=None, n=None, chart: str = "run", freeze=None, part=None, exclude=None, multiply: float = 1,
        agg_fun: str = "mean", method: str = "anhoej", cl=None, target=None, y_neg: bool = True,
        screened_mr: bool = True, facets=None, rules=("anhoej",), direction: str = "neutral") -> pd.DataFrame:
    """Analyse one series (or many, through ``facets``) as qicharts2's ``qic(..., return.data = TRUE)``.

    Returns one row per subgroup with the columns of ``OUTPUT`` (plus ``facet1``/``facet2`` when
    ``facets`` is given, and qicharts2's ``y_sum``, ``y_length``, ``y_mean``, ``y_sd``, ``xx``, ``target``).
    The Anhøj runs analysis is always there; ``rules`` may add "ihi" and "mdc" columns, with
    ``direction`` ("up", "down" or "neutral") telling improvement from concern. Every point's signal under
    ``rules`` is in the columns of ``signals`` (``signal``, ``signal_rules``, ``anhoej_signal``, ``direction``).
    """
    rules = (rules,) if isinstance(rules, str) else tuple(rules or ())
    unknown = set(rules) - {"anhoej", "ihi", "mdc"}
    if unknown:
        raise ValueError(f"Unknown rule set {sorted(unknown)[0]!r}; choose from anhoej, ihi, mdc.")
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be up, down or neutral, not {direction!r}.")
    if "mdc" in rules and chart == "run":
        raise ValueError("Making Data Count reads control limits, and a run chart has none: choose an I (XmR) chart "
                         "or another control chart for it.")
    yv = _numeric(y, "y")
    if len(yv) == 0:
        raise ValueError("y is empty: there is nothing to chart.")
    nv = None if n is None else _numeric(n, "n")
    if nv is not None and len(nv) != len(yv):
        raise ValueError(f"n has {len(nv)} values but y has {len(yv)}.")
    _check(chart, yv, nv, agg_fun, method)
    xs, categorical = _x_column(x, len(yv))
    frame = pd.DataFrame({"x": xs, "y": yv, "n": nv if nv is not None else np.nan})
    if nv is not None:
        incomplete = np.isnan(yv) | np.isnan(nv)
        frame.loc[incomplete, ["y", "n"]] = np.nan
    frame["facet1"], frame["facet2"] = _facet_columns(facets, len(yv))
    frame["cl"] = _broadcast(cl, len(yv), "cl")
    frame["target"] = _broadcast(target, len(yv), "target")
    part_labels = part is not None and not isinstance(part, Mapping) and np.ndim(part) == 1 \
        and len(part) == len(yv) and len(yv) > 1 and not np.issubdtype(np.asarray(part).dtype, np.number)
    frame["part_label"] = pd.Series(part).astype(str).to_numpy() if part_labels else ""
    frame = frame[frame["x"].notna()]
    t = _aggregate(frame, nv is not None, agg_fun)
    t = t.sort_values(["facet1", "facet2", "x"], kind="stable").reset_index(drop=True)

    # parts, positions, baseline and exclusions, per series
    series = t.groupby(["facet1", "facet2"], sort=False, observed=True).ngroup().to_numpy()
    sizes = np.bincount(series)
    keys = list(t[["facet1", "facet2"]].drop_duplicates().itertuples(index=False, name=None))
    _check_series_keys(keys, freeze=freeze, part=part, exclude=exclude)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]   # rows are sorted by series: each one is a slice
    all_labels = t["part_label"].to_numpy()
    part_col, base_col, incl_col, xx_col = [], [], [], []
    for s_id, key in enumerate(keys):
        size = sizes[s_id]
        label = key[0] if key[1] == 1 else key
        if part_labels:
            p, has_parts = _parts(None, all_labels[starts[s_id]:starts[s_id] + size], size), True
        else:
            own = _per_series(part, label)
            p, has_parts = _parts(own, None, size), own is not None
        within_parts = "mdc" in rules       # NHSRplotthedots fixes after n points in each part
        fz = None if has_parts and not within_parts else _per_series(freeze, label)  # qicharts2: part overrides
        where = f" for {label}" if facets is not None else ""
        if fz is not None and not (1 <= fz <= size):
            raise ValueError(f"freeze must be between 1 and {size} (the number of subgroups{where}); it was {fz}.")
        ex = _per_series(exclude, label)
        ex = np.atleast_1d(ex) if ex is not None else np.zeros(0)
        if len(ex) and ((ex < 1) | (ex > size)).any():
            raise ValueError(f"exclude positions must be between 1 and {size}{where}.")
        xx = np.arange(1, size + 1)
        part_col.append(p)
        xx_col.append(xx)
        base_col.append((_position_in_part(p) if within_parts else xx) <= (fz if fz is not None else np.inf))
        incl_col.append(~np.isin(xx, ex))
    t["part"] = np.concatenate(part_col)
    t["xx"] = np.concatenate(xx_col)
    t["baseline"] = np.concatenate(base_col)
    t["include"] = np.concatenate(incl_col)
    seg = pd.MultiIndex.from_arrays([series, t["part"].to_numpy()]).factorize()[0]
    nseg = int(seg.max()) + 1
    arrays = {c: t[c].to_numpy(dtype=float) for c in ("y", "n", "y_sum", "y_length", "y_mean", "y_sd", "cl")}
    arrays.update(baseline=t["baseline"].to_numpy(), include=t["include"].to_numpy())
    S = Segments(arrays, seg, nseg, screened_mr, categorical)
    out = mdc.xmr_limits(S) if chart == "i" and "mdc" in rules else CHART_FUNCTIONS[chart](S)

    runs = anhoej(out["y"], out["cl"], seg, arrays["include"], nseg, method)
    for k, v in runs.items():
        t[k] = v[seg]
    if "n" in out:
        t["n"] = out["n"]
    t["y"] = out["y"] * multiply
    for k in LIMIT_COLUMNS:
        v = out[k] * multiply
        t[k] = v if k == "cl" else np.where(np.isfinite(v), v, np.nan)
    with np.errstate(invalid="ignore"):
        t["sigma_signal"] = (t["y"] > t["ucl"]) | (t["y"] < t["lcl"])
    if categorical or chart == "mr":
        t["runs_signal"] = False
    if not y_neg and np.nanmin(t["y"]) >= 0:
        for k in ("lcl", "lcl_95"):
            t[k] = np.where(t[k] < 0, 0.0, t[k])
    cols = {k: t[k].to_numpy(dtype=float) for k in ("y",) + LIMIT_COLUMNS}
    include = arrays["include"]
    if "ihi" in rules:
        for k, v in ihi_rules(cols["y"], cols["cl"], seg, include, nseg).items():
            t[k] = v
    if "mdc" in rules:
        target_v = t["target"].to_numpy(dtype=float)
        found = mdc.mdc_rules(cols["y"], cols["cl"], cols["lcl"], cols["ucl"], cols["lcl_95"], cols["ucl_95"], seg,
                              series, include, direction, None if np.isnan(target_v).all() else target_v)
        for k, v in found.items():
            t[k] = v
    mark_signals(t, rules, direction, seg)
    t = t.drop(columns=["part_label"])
    if facets is None:
        t = t.drop(columns=["facet1", "facet2"])
    front = [c for c in ("facet1", "facet2") if c in t] + OUTPUT
    return t[front + [c for c in t.columns if c not in front]]


def _broadcast(value, length: int, name: str) -> np.ndarray:
    if value is None:
        return np.full(length, np.nan)
    arr = np.atleast_1d(_numeric(np.atleast_1d(value), name))
    if len(arr) == 1:
        return np.full(length, arr[0])
    if len(arr) != length:
        raise ValueError(f"{name} must be one value or one per value of y.")
    return arr


def _facet_columns(facets: Any, length: int):
    if facets is None:
        return np.ones(length, dtype=int), np.ones(length, dtype=int)
    f = pd.DataFrame(facets) if not isinstance(facets, pd.DataFrame) else facets
    if len(f) != length:
        raise ValueError(f"facets has {len(f)} rows but y has {length}.")
    cols = [f.iloc[:, i].reset_index(drop=True) for i in range(min(2, f.shape[1]))]
    return cols[0].to_numpy(), (cols[1].to_numpy() if len(cols) > 1 else np.ones(length, dtype=int))
