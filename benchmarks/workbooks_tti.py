"""Time to interactive of every workbook in Voilà, cold and with preheated kernels, against the floor.

    python benchmarks/workbooks_tti.py [--loads 5] [--team sunrise-head-start]

For each mode (cold: a kernel started per visit; preheat: `bsc serve --preheat 1`), starts
`bsc serve` on a copy of the sample workspace and loads each workbook `--loads` times in
Debian's Chromium, each in a fresh browser context, timing navigation until the page's last
control is usable (for chart workbooks, until the chart is drawn). The floor is a notebook
that imports nothing and shows one labelled text box: what Voilà costs before any of our
code runs. Prints each median and its ratio to the floor's median in the same mode.

With preheating it also checks that ``?team=`` is honoured (the team's name must show).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# (row label, workbook, what must be on screen for the page to count as usable). For the chart
# workbooks, two figures: the controls usable, and the chart drawn (plotly.js parsed and run).
READY = [
    ("00_empty_floor", "00_empty_floor", "input"),
    ("00_home", "00_home", "select"),
    ("01_charter", "01_charter", "button:has-text('Add member')"),
    ("02_driver_diagram", "02_driver_diagram", "button:has-text('Add our change idea')"),
    ("03_pdsa", "03_pdsa", "button:has-text('Plan the next cycle on this ramp')"),
    ("04_measures", "04_measures", "button:has-text('Save pasted rows')"),
    ("04_measures (chart)", "04_measures", ".js-plotly-plot"),
    ("05_monthly_report", "05_monthly_report", "h2:has-text('Scores over time')"),
    ("05_monthly (chart)", "05_monthly_report", ".js-plotly-plot"),
    ("06_storyboard", "06_storyboard", "select"),
    ("coach_dashboard (chart)", "coach_dashboard", ".js-plotly-plot"),
    ("support_log", "support_log", "button:has-text('Save')"),
    ("storyboards", "storyboards", "select"),
    ("shared_by_teams", "shared_by_teams", "h1"),
    ("change_package", "change_package", "h1"),
    ("collaborative_setup", "collaborative_setup", "button:has-text('Add team')"),
    ("participation", "participation", "button:has-text('Save attendance')"),
    ("equity (chart)", "equity", ".js-plotly-plot"),
    ("spread", "spread", "a:has-text('Download the spread table')"),
    ("leaders/system_assessment", "leaders/system_assessment", "button:has-text('Add PD offering')"),
]
FLOOR = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "floor", "metadata": {}, "outputs": [],
               "source": ["import ipywidgets as w\n", "w.Text(description='Floor')"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path, db: Path, preheat: int):
    port = free_port()
    cmd = [sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(db), "--port", str(port),
           "--workbooks", str(folder), "--preheat", str(preheat)]
    env = dict(os.environ, BSC_TODAY="2026-11-22")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env=env)
    while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
        time.sleep(0.05)
    return proc, port


def workspace_with_floor() -> tuple[Path, Path, Path]:
    """(a temporary folder, the workbooks copied into it with the empty notebook, a sample workspace)."""
    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "workbooks"
    shutil.copytree(ROOT / "workbooks", folder)
    (folder / "00_empty_floor.ipynb").write_text(json.dumps(FLOOR))
    db = tmp / "bsc.sqlite"
    subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "init", "--sample", "--db", str(db)], check=True,
                   capture_output=True)
    return tmp, folder, db


def measure(browser, url: str, ready: str, team_name: str | None) -> float:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator(ready).first.wait_for(state="visible", timeout=120_000)
    took = time.perf_counter() - start
    if team_name is not None and team_name not in page.inner_text("body"):
        raise SystemExit(f"?team= was not honoured at {url}")
    context.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--team", default="sunrise-head-start")
    parser.add_argument("--modes", default="cold,preheat")
    parser.add_argument("--fill", type=float, default=40, help="seconds for the kernel pools to fill at start")
    parser.add_argument("--gap", type=float, default=8, help="seconds between preheated visits (pool refill)")
    parser.add_argument("--only", default="", help="comma-separated row labels to time (the floor always is)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp, folder, db = workspace_with_floor()
    team_name = "Sunrise Head Start" if args.team == "sunrise-head-start" else None
    results: dict[str, dict[str, float]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for mode in args.modes.split(","):
                proc, port = serve(folder, db, preheat=1 if mode == "preheat" else 0)
                try:
                    if mode == "preheat":
                        time.sleep(args.fill)  # let the pools fill
                    for name, notebook, ready in READY:
                        if args.only and name != "00_empty_floor" and name not in args.only.split(","):
                            continue
                        url = f"http://127.0.0.1:{port}/voila/render/{notebook}.ipynb?team={args.team}"
                        times = []
                        for _ in range(args.loads):
                            times.append(measure(browser, url, ready,
                                                 team_name if notebook[:2].isdigit() and notebook != "00_empty_floor" else None))
                            if mode == "preheat":
                                time.sleep(args.gap)  # the pool refills between visits, as between real visitors
                        results.setdefault(name, {})[mode] = statistics.median(times)
                        print(f"{mode:8s} {name:20s} median {statistics.median(times):5.2f} s  "
                              f"({', '.join(f'{t:.2f}' for t in times)})", flush=True)
                finally:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(30)
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\nmedian time to interactive (s), and ratio to the empty-notebook floor")
    modes = args.modes.split(",")
    print(f"{'workbook':20s} " + " ".join(f"{m:>8s} {'ratio':>6s}" for m in modes))
    for name, by_mode in results.items():
        cells = [f"{by_mode[m]:8.2f} {by_mode[m] / results['00_empty_floor'][m]:6.2f}" for m in modes]
        print(f"{name:20s} " + " ".join(cells))


if __name__ == "__main__":
    main()
