"""An analysed series as plain arrays: what the readings read.

A reading looks at twenty-odd points; pandas' per-call cost on frames that small is far more than the
reading's own work, and a dashboard reads a thousand series. A result is turned into arrays once,
and split by team once.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


class Columns(dict):
    """Column name -> numpy array, all of one length."""

    @classmethod
    def of(cls, frame) -> "Columns":
        if isinstance(frame, Columns):
            return frame
        return cls({c: frame[c].to_numpy() for c in frame.columns})

    @property
    def rows(self) -> int:
        return len(next(iter(self.values()))) if self else 0

    def where(self, mask: np.ndarray) -> "Columns":
        return Columns({k: v[mask] for k, v in self.items()})

    def floats(self, name: str) -> np.ndarray:
        return np.asarray(self[name], dtype=float)


def by_facet(frame: pd.DataFrame, column: str = "facet1") -> dict[object, Columns]:
    """Each series of a many-series result (one team's rows, in their order)."""
    if frame.empty:
        return {}
    cols = Columns.of(frame)
    keys = cols[column]
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    return {sorted_keys[s]: Columns({k: v[order[s:e]] for k, v in cols.items()}) for s, e in zip(starts, ends)}
