"""The one way the benchmarks time a call: the median of several runs, as users feel the typical one."""
from __future__ import annotations

import statistics
import time
from typing import Any, Callable


def median_time(fn: Callable[[], Any], runs: int, warm_up: bool = True) -> tuple[float, Any]:
    """The median seconds of ``runs`` calls (after one untimed call, when ``warm_up``), and what the last returned."""
    if warm_up:
        fn()
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
