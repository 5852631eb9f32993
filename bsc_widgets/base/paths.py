"""Where the product's own notebooks are on disk: in a checkout, or inside an installed wheel."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def workbooks_dir() -> Path:
    """The Voilà apps (workbooks/): beside the package in a checkout; else the current folder."""
    here = PACKAGE.parent / "workbooks"
    return here if here.is_dir() else Path.cwd()


def report_templates_dir() -> Path:
    """The report notebooks papermill runs: templates/ in a checkout, or the copy a wheel carries."""
    checkout = PACKAGE.parent / "templates"
    return checkout if (checkout / "team_report.ipynb").exists() else PACKAGE / "_templates"
