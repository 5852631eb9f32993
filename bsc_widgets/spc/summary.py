"""``summary()`` of a qic result: one row per facet × part, as qicharts2's ``summary.qic``."""
from __future__ import annotations

import pandas as pd


def summary(result: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("facet1", "facet2") if c in result] + ["part"]
    g = result.groupby(keys, sort=True)
    first = g[["n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min"]].first()
    out = first.assign(
        runs_signal=g["runs_signal"].max().astype(int),
        aLCL=g["lcl"].mean(), aLCL_95=g["lcl_95"].mean(), CL=g["cl"].mean(),
        aUCL_95=g["ucl_95"].mean(), aUCL=g["ucl"].mean(),
        sigma_signal=g["sigma_signal"].sum().astype(int),
    )
    return out.reset_index()
