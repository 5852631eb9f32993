"""Each workbook as a phone on conference Wi-Fi meets it: bytes, requests and time to interactive,
first visit and repeat visit, under DevTools network and CPU emulation, against the empty notebook.

    python benchmarks/field_conditions.py [--runs 3] [--profiles desktop,slow4g,3g] [--only 00_home,04_measures]
                                          [--preheat 1]

Starts ``bsc serve`` on a copy of the sample workspace. For each profile and workbook, a fresh
browser context (an empty cache) loads the page (first visit), then loads it again in the same
context (repeat visit). Bytes are what crossed the network (``encodedDataLength``: compressed
sizes, nothing served from the cache); the time runs from navigation to the page's last control
usable (for the chart workbooks, the chart drawn) and the network idle. Prints the medians of
``--runs`` and each one's ratio to the empty notebook's under the same profile. With ``--preheat N``
the server keeps N kernels per workbook ready (``bsc serve --preheat``); the pools fill before the
first visit and refill between visits, as between real visitors.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workbooks_tti import ARGS, READY, serve, workspace_with_floor  # noqa: E402

# DevTools' own presets: latency in ms, throughput in bytes per second; CPU slowdown factor
PROFILES = {
    "desktop": None,
    "slow4g": dict(latency=150, downloadThroughput=1.6e6 / 8, uploadThroughput=750e3 / 8, cpu=4),
    "3g": dict(latency=300, downloadThroughput=780e3 / 8, uploadThroughput=330e3 / 8, cpu=4),
}
TIMEOUT = 300_000


def visit(page, cdp, url: str, ready: str, gap: float = 0) -> tuple[float, int, int]:
    """(seconds to interactive and idle, bytes over the network, requests) for one load of ``url``."""
    sizes: dict[str, float] = {}
    requests = []
    on_request = lambda e: requests.append(e["requestId"])  # noqa: E731
    on_finished = lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"])  # noqa: E731
    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.loadingFinished", on_finished)
    time.sleep(gap)
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT)
    page.locator(ready).first.wait_for(state="visible", timeout=TIMEOUT)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT)
    took = time.perf_counter() - start
    cdp.remove_listener("Network.requestWillBeSent", on_request)
    cdp.remove_listener("Network.loadingFinished", on_finished)
    return took, int(sum(sizes.values())), len(requests)


def one_run(browser, url: str, ready: str, profile: dict | None, gap: float) -> dict[str, tuple[float, int, int]]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if profile:
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **{k: v for k, v in profile.items()
                                                                          if k != "cpu"}})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile["cpu"]})
    try:
        return {"first": visit(page, cdp, url, ready, gap), "repeat": visit(page, cdp, url, ready, gap)}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profiles", default="desktop,slow4g,3g")
    parser.add_argument("--only", default="", help="comma-separated row labels (the floor is always measured)")
    parser.add_argument("--team", default="sunrise-head-start")
    parser.add_argument("--preheat", type=int, default=0, help="kernels kept ready per workbook")
    parser.add_argument("--fill", type=float, default=60, help="seconds for the pools to fill at start")
    parser.add_argument("--gap", type=float, default=6, help="seconds for a pool to refill between visits")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp, folder, db = workspace_with_floor()
    rows = [r for r in READY if r[0] == "00_empty_floor" or not args.only or r[0] in args.only.split(",")]
    profiles = args.profiles.split(",")
    found: dict[tuple[str, str, str], list[tuple[float, int, int]]] = {}
    proc, port = serve(folder, db, preheat=args.preheat)
    gap = args.gap if args.preheat else 0
    if args.preheat:
        time.sleep(args.fill)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for profile in profiles:
                for name, notebook, ready in rows:
                    url = f"http://127.0.0.1:{port}/voila/render/{notebook}.ipynb?team={args.team}"
                    for _ in range(args.runs):
                        for visit_kind, figures in one_run(browser, url, ready, PROFILES[profile], gap).items():
                            found.setdefault((profile, name, visit_kind), []).append(figures)
                    first = found[(profile, name, "first")][-1]
                    print(f"{profile:8s} {name:22s} first {first[0]:6.1f} s {first[1] / 1e6:6.2f} MB "
                          f"{first[2]:4d} requests", flush=True)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)

    def med(key, i):
        return statistics.median(f[i] for f in found[key])

    pools = f", {args.preheat} kernel(s) preheated per workbook" if args.preheat else ""
    print(f"\nmedians of {args.runs} run(s){pools}; ratio = time / the empty notebook's under the same profile")
    print(f"{'profile':8s} {'workbook':22s} {'first s':>8s} {'ratio':>6s} {'MB':>6s} {'req':>4s} "
          f"{'repeat s':>9s} {'ratio':>6s} {'MB':>6s} {'req':>4s}")
    for profile in profiles:
        floor = {v: med((profile, "00_empty_floor", v), 0) for v in ("first", "repeat")}
        for name, _, _ in rows:
            cells = []
            for v in ("first", "repeat"):
                key = (profile, name, v)
                cells.append(f"{med(key, 0):8.1f} {med(key, 0) / floor[v]:6.2f} {med(key, 1) / 1e6:6.2f} "
                             f"{med(key, 2):4.0f}")
            print(f"{profile:8s} {name:22s} " + " ".join(cells))


if __name__ == "__main__":
    main()
