"""How long the collaborative's own views take to build, for the sample and for a large network.

    python benchmarks/collaborative_views.py [--teams 8,100] [--runs 5] [--lang es]

Times, in-process and after one warm-up, the analyses and pages of issue 6: the equity view
(network and one team, with suppression), spread, the effectiveness summary and its HTML, the
system assessment, and each collaborative page's build, in ``--lang`` (English unless asked); and those of
"all teach, all learn": what other teams shared as a team's page reads it, the PDSA page with it, faculty's
page of shared cycles, the change package and its page, a session's storyboards and one poster. Prints the
median of ``--runs``, and each view's ratio to the spread page at the same size.
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

from bsc_widgets.analysis.effectiveness import effectiveness  # noqa: E402
from bsc_widgets.analysis.equity import group_view  # noqa: E402
from bsc_widgets.forms.equity import EquityPage  # noqa: E402
from bsc_widgets.forms.participation import ParticipationPage  # noqa: E402
from bsc_widgets.forms.setup import SetupPage  # noqa: E402
from bsc_widgets.forms.spread import SpreadPage  # noqa: E402
from bsc_widgets.forms.change_package import ChangePackagePage  # noqa: E402
from bsc_widgets.forms.pdsa import PdsaPage  # noqa: E402
from bsc_widgets.forms.shared_review import SharedReviewPage  # noqa: E402
from bsc_widgets.forms.sharing import seen_from_other_teams  # noqa: E402
from bsc_widgets.forms.storyboards import StoryboardsPage  # noqa: E402
from bsc_widgets.analysis.change_package import change_package  # noqa: E402
from bsc_widgets.reports.storyboard import storyboard_html  # noqa: E402
from bsc_widgets.reports.final import final_report_html  # noqa: E402
from bsc_widgets.reports.system import system_assessment_html  # noqa: E402
from bsc_widgets.analysis.spread import spread  # noqa: E402
from bsc_widgets.base.language import speak  # noqa: E402
from bsc_widgets.store import Store  # noqa: E402

TODAY = dt.date(2026, 11, 22)


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
        "from other teams (a team)": lambda s: seen_from_other_teams(s, None, s.team("maple-street-ehs"), TODAY),
        "page: PDSA (with them)": lambda s: PdsaPage(s, s.team("maple-street-ehs"), TODAY),
        "page: shared by teams": lambda s: SharedReviewPage(s, TODAY),
        "change package": lambda s: change_package(s, TODAY),
        "page: change package": lambda s: ChangePackagePage(s, TODAY),
        "page: storyboards (LS4)": lambda s: StoryboardsPage(s, TODAY),
        "storyboard poster HTML": lambda s: storyboard_html(s, "sunrise-head-start", "ls4"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'view':<26}" + "".join(f"{n + ' teams: s (÷ spread page)':>18}" for n in args.teams.split(",")))
        stores = [Store.open(str(collaborative_of(int(n), Path(tmp)))) for n in args.teams.split(",")]
        floor = [median_time(lambda: SpreadPage(s, TODAY), args.runs)[0] for s in stores]
        for name, fn in tasks.items():
            times = [median_time(lambda: fn(s), args.runs)[0] for s in stores]
            print(f"{name:<26}" + "".join(f"{t:>10.3f} ({t / f:4.1f}×)" for t, f in zip(times, floor)), flush=True)


if __name__ == "__main__":
    main()
