"""Speed of the run-chart engine: many short series at once, and one long series.

    python benchmarks/spc_engine.py [--repeats 5]

Prints, for each workload, the median wall time over the repeats and series (or points) per
second. Every run does the full analysis with all three rule sets (Anhøj, IHI, Making Data
Count) on an I chart, so centre lines, limits and every rule are computed.
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from bsc_widgets.spc import qic

RULES = ("anhoej", "ihi", "mdc")


def many(series: int, points: int, rng) -> dict:
    y = rng.normal(50, 10, series * points).round(1)
    y[rng.random(len(y)) < 0.02] = np.nan
    x = np.tile(np.arange(points), series)
    team = np.repeat(np.arange(series), points)
    return dict(y=y, x=x, facets=pd.DataFrame({"team": team}))


def timed(label: str, kwargs: dict, repeats: int, count: int, unit: str) -> None:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        qic(chart="i", rules=RULES, direction="up", **kwargs)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label}: median {median:.3f} s over {repeats} runs -> {count / median:,.0f} {unit} per second")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(2026)
    timed("10,000 series x 24 points", many(10_000, 24, rng), args.repeats, 10_000, "series")
    timed("dashboard: 500 teams x 6 measures (3,000 series x 24 points)", many(3_000, 24, rng), args.repeats,
          3_000, "series")
    one = dict(y=rng.normal(50, 10, 100_000).round(1))
    timed("1 series x 100,000 points", one, args.repeats, 100_000, "points")


if __name__ == "__main__":
    main()
