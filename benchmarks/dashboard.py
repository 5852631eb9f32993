"""How long the coach dashboard takes to open, for the sample and a large network, ranked and by caseload.

    python benchmarks/dashboard.py [--teams 8,300] [--runs 3]

Times, in-process and after one warm-up, opening the dashboard as the advisor (every team, with the caseloads),
as a coach (her own teams: the sample's two coaches' teams and their copies), and switching a coach's page from her
teams to all of them; then "Download as PDF" for every team on letter (Chromium), and opening the support log.
Prints the median of ``--runs`` and each figure's ratio to opening the dashboard as the advisor.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reports import collaborative_of  # noqa: E402
from timing import median_time  # noqa: E402

from bsc_widgets.forms.dashboard import ALL, DashboardPage  # noqa: E402
from bsc_widgets.forms.support import SupportLogPage  # noqa: E402
from bsc_widgets.services.access import access_of  # noqa: E402
from bsc_widgets.store import Store  # noqa: E402

TODAY = dt.date(2026, 11, 22)
COACH = "marcus.bell@example.org"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", default="8,300")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.teams.split(",")):
            store = Store.open(str(collaborative_of(n, Path(tmp))))
            coach = access_of(store, COACH)
            advisor, _ = median_time(lambda: DashboardPage(store, TODAY), args.runs)
            mine, page = median_time(lambda: DashboardPage(store, TODAY, coach), args.runs)

            def switch():
                page.caseload.value = ALL if page.caseload.value != ALL else "mine"

            switched, _ = median_time(switch, args.runs)
            page.caseload.value = ALL
            pdf, made = median_time(page.make_pdf, 1, warm_up=False)
            log, _ = median_time(lambda: SupportLogPage(store, TODAY, coach), args.runs)
            print(f"{n} teams (the coach has {len(page.mine)}): open as the advisor {advisor:.2f} s; "
                  f"open as a coach {mine:.2f} s ({mine / advisor:.2f}x); switch her teams and all "
                  f"{switched:.2f} s ({switched / advisor:.2f}x); PDF of all {pdf:.2f} s ({pdf / advisor:.2f}x, "
                  f"{len(made) / 1e6:.2f} MB); support log {log:.2f} s ({log / advisor:.2f}x)")
            store.close()


if __name__ == "__main__":
    main()
