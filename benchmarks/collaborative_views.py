"""How long the collaborative's own views take to build, for the sample and for a large network.

    python benchmarks/collaborative_views.py [--teams 8,100] [--runs 5] [--lang es]

Times, in-process and after one warm-up, the analyses and pages of issue 6: the equity view
(network and one team, with suppression), spread, the effectiveness summary and its HTML, the
system assessment, and each collaborative page's build, in ``--lang`` (English unless asked). Prints the
median of ``--runs``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reports import collaborative_of  # noqa: E402

from bsc_widgets.analysis.effectiveness import effectiveness  # noqa: E402
from bsc_widgets.analysis.equity import group_view  # noqa: E402
from bsc_widgets.forms.equity import EquityPage  # noqa: E402
from bsc_widgets.forms.participation import ParticipationPage  # noqa: E402
from bsc_widgets.forms.setup import SetupPage  # noqa: E402
from bsc_widgets.forms.spread import SpreadPage  # noqa: E402
from bsc_widgets.reports.final import final_report_html  # noqa: E402
from bsc_widgets.reports.system import system_assessment_html  # noqa: E402
from bsc_widgets.analysis.spread import spread  # noqa: E402
from bsc_widgets.base.language import speak  # noqa: E402
from bsc_widgets.store import Store  # noqa: E402

TODAY = dt.date(2026, 11, 22)


def median_of(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", default="8,100")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="en", help="the language the views and pages are built in")
    args = parser.parse_args()
    speak(args.lang)
    tasks = {
        "equity view, network": lambda s: group_view(s, "family-notes"),
        "equity view, one team": lambda s: group_view(s, "family-notes", "sunrise-head-start"),
        "spread": lambda s: spread(s, TODAY),
        "effectiveness": lambda s: effectiveness(s, TODAY),
        "final report HTML": lambda s: final_report_html(s, TODAY),
        "system assessment HTML": lambda s: system_assessment_html(s, TODAY),
        "page: set-up": lambda s: SetupPage(s, TODAY),
        "page: participation": lambda s: ParticipationPage(s, TODAY),
        "page: equity": lambda s: EquityPage(s, TODAY),
        "page: spread": lambda s: SpreadPage(s, TODAY),
    }
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'view':<26}" + "".join(f"{n + ' teams (s)':>16}" for n in args.teams.split(",")))
        stores = [Store.open(str(collaborative_of(int(n), Path(tmp)))) for n in args.teams.split(",")]
        for name, fn in tasks.items():
            print(f"{name:<26}" + "".join(f"{median_of(lambda: fn(s), args.runs):>16.3f}" for s in stores),
                  flush=True)


if __name__ == "__main__":
    main()
