"""How long each team workbook takes to build on the server, and the first month's everyday pieces.

    python benchmarks/team_pages.py [--runs 7] [--team eastside-community] [--lang en]

In-process, after one warm-up: each team page's build (what a Voilà kernel does before the page is
shown), then, where this version has them, what a team or advisor asks for on demand: the PDSA and
data-collection worksheets (HTML, and one PDF when Chromium is here), the team's own .xlsx, the
de-identified export, and planning a month's report e-mails and reminders. Prints medians of ``--runs``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from collaborative_views import median_of  # noqa: E402  (the one way the in-process benchmarks time a task)


def tasks(team_id: str) -> dict:
    from bsc_widgets.forms.charter import CharterPage
    from bsc_widgets.forms.home import HomePage
    from bsc_widgets.forms.measures import MeasuresPage
    from bsc_widgets.forms.monthly_report import MonthlyReportPage
    from bsc_widgets.forms.pdsa import PdsaPage

    out = {
        "page: home": lambda s: HomePage(s, TODAY, s.team(team_id)),
        "page: charter": lambda s: CharterPage(s, s.team(team_id), TODAY),
        "page: PDSA": lambda s: PdsaPage(s, s.team(team_id), TODAY),
        "page: measures": lambda s: MeasuresPage(s, s.team(team_id), TODAY),
        "page: monthly report": lambda s: MonthlyReportPage(s, s.team(team_id), TODAY),
    }
    try:                                   # the first month's pieces, where this version has them
        from bsc_widgets.analysis.deidentified import deidentified_tables
        from bsc_widgets.mail import plan_reminders
        from bsc_widgets.model import PdsaCycle
        from bsc_widgets.portable.team_workbook import team_workbook
        from bsc_widgets.reports.printing import chromium, pdf_bytes
        from bsc_widgets.reports.worksheets import data_sheet_html, pdsa_worksheet_html
    except ImportError:
        return out

    def cycle(s):
        return s.list(PdsaCycle, team_id=team_id)[0].id

    out |= {
        "PDSA worksheet (HTML)": lambda s: pdsa_worksheet_html(s, team_id, cycle(s)),
        "data sheet (HTML)": lambda s: data_sheet_html(s, team_id, "positive-feedback", TODAY),
        "team's own data (.xlsx)": lambda s: team_workbook(s, team_id),
        "de-identified export": lambda s: deidentified_tables(s),
        "plan the month's reminders": lambda s: plan_reminders(s, TODAY),
    }
    if chromium():
        out["PDSA worksheet (PDF)"] = lambda s: pdf_bytes(pdsa_worksheet_html(s, team_id, cycle(s)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--team", default="eastside-community")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    from bsc_widgets.base.language import speak
    from bsc_widgets.store import Store

    speak(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bsc.sqlite"
        subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "init", "--sample", "--db", str(db)], check=True,
                       capture_output=True, cwd=tmp)     # the version on the path makes its own sample
        store = Store.open(str(db))
        print(f"{'what':<30}{'median (s)':>12}")
        for name, fn in tasks(args.team).items():
            print(f"{name:<30}{median_of(lambda: fn(store), args.runs):>12.3f}", flush=True)
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
