"""How long faculty wait for every team's storyboard poster as one PDF, the night before a learning session.

    python benchmarks/storyboard_pdf.py [--teams 8,100] [--runs 3]

``bsc print storyboard --session 4 --pdf`` without ``--team``: every team's poster, one to a page, analysed once
for all teams and printed by one Chromium. Prints, for each size of network, the median of ``--runs`` (HTML and
PDF together), the time per team, the PDF's pages and size, and the ratio to the floor: one team's poster printed
alone (``--team``), which is what a team waits for.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reports import collaborative_of  # noqa: E402
from timing import median_time  # noqa: E402

from bsc_widgets.reports.printing import chromium  # noqa: E402
from bsc_widgets.reports.storyboard import write_storyboard  # noqa: E402
from bsc_widgets.store import Store  # noqa: E402

SESSION = 4


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", default="8,100")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if chromium() is None:
        raise SystemExit("needs Chromium (apt-get install chromium)")
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'teams':>6} {'all posters, s':>15} {'s per team':>11} {'pages':>6} {'PDF MB':>7} "
              f"{'one team, s':>12} {'÷ one team':>11}")
        for n in (int(x) for x in args.teams.split(",")):
            store = Store.open(str(collaborative_of(n, folder)))
            one, _ = median_time(lambda: write_storyboard(store, "sunrise-head-start", SESSION, folder / "one", "letter",
                                                    True), args.runs, warm_up=False)
            every, written = median_time(lambda: write_storyboard(store, None, SESSION, folder / "all", "letter",
                                                                  True), args.runs, warm_up=False)
            pdf = written[-1]
            pages = len(PdfReader(pdf).pages)
            print(f"{n:>6} {every:>15.1f} {every / n:>11.2f} {pages:>6} {pdf.stat().st_size / 1e6:>7.1f} "
                  f"{one:>12.2f} {every / one:>10.1f}×", flush=True)
            store.close()


if __name__ == "__main__":
    main()
