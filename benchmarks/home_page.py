"""Time to interactive of the home workbook: from navigation until the team picker can be used.

    python benchmarks/home_page.py [--loads 5]

Starts `bsc serve` on a copy of the sample workspace, loads the page for a team N times in
Debian's Chromium (a new browser context each time, so nothing is cached between loads except
what the browser keeps on disk), and prints each time and the median.
"""
from __future__ import annotations

import argparse
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--team", default="sunrise-head-start")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp())
    db = tmp / "bsc.sqlite"
    subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "init", "--sample", "--db", str(db)], check=True,
                   capture_output=True)
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            time.sleep(0.05)
        print(f"server ready after {time.perf_counter() - t0:.2f} s")
        url = f"http://127.0.0.1:{port}/voila/render/00_home.ipynb?team={args.team}"
        times = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for i in range(args.loads):
                context = browser.new_context()
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url, wait_until="commit")
                page.get_by_label("Your team").wait_for(state="visible", timeout=120_000)
                times.append(time.perf_counter() - start)
                print(f"load {i + 1}: {times[-1]:.2f} s to interactive")
                context.close()
            browser.close()
        print(f"median time to interactive over {len(times)} loads: {statistics.median(times):.2f} s")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
