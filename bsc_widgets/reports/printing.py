"""Printing an HTML page to PDF with a headless Chromium (Debian's ``chromium``): reports and worksheets alike.

The page is printed as a browser prints it, charts drawn first, with nothing fetched from the network; so
a PDF says exactly what the offline HTML says.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..base.errors import BscError
from ..base.language import _


def chromium() -> str | None:
    return next((c for c in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if c and os.path.exists(c)), None)


def to_pdf(html: Path, timeout: int = 120) -> Path:
    """``page.html`` printed to ``page.pdf`` beside it."""
    browser = chromium()
    if browser is None:
        raise BscError(_("PDF needs Chromium (apt-get install chromium); the HTML reports were made."))
    pdf = html.with_suffix(".pdf")
    try:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--virtual-time-budget=10000", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", html.resolve().as_uri()], check=True, timeout=timeout,
                       capture_output=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise BscError(_("%(file)s could not be printed to PDF (%(why)s); its HTML is fine.", file=html.name,
                         why=type(exc).__name__)) from None
    return pdf


def pdf_bytes(html: str, name: str = "page") -> bytes:
    """An HTML page (text) as PDF bytes, made in a folder of its own that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="bsc-print-") as folder:
        page = Path(folder) / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        return to_pdf(page).read_bytes()
