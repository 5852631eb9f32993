"""Thirty people at once through the hub, against the same thirty page loads from `bsc serve` alone.

    python benchmarks/hub_load.py [--users 30] [--arrive-every 3] [--db URL]

Starts `bsc serve` and `bsc hub` (JupyterHub, configurable-http-proxy, the idle culler) on loopback,
each on its own copy of the sample workspace (SQLite, or the PostgreSQL URL given with --db, whose
schema is replaced). Debian's Chromium then plays the people, each in a browser context of their
own, arriving one every few seconds as a room does when told to open their workbooks, and all
staying on their pages until the last has saved (so all are open at once at the end). Through the
hub, a team member signs in on the hub's login form (their server starts) and lands on the home
page; alone, they open the home page. Then, both ways, they open the PDSA workbook and change a
cycle's objective. The
browser shares this machine's cores with the servers, so the figures are a bound from above.
Prints:

- time to interactive of the PDSA workbook at p50 and p95, through the hub and alone, and their ratio;
- arrival until the home page is usable (through the hub: sign-in and the person's server start), p50
  and p95, and its ratio;
- memory: the hub and proxy, each person's server with its kernels, and the total (RSS);
- saves: confirmed on the page, in the workspace's log under the person's name, refused as conflicts
  (two people on one cycle), and lost (confirmed but not stored), which must be 0.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support import postgres_schema  # noqa: E402 - the same fresh schema the tests use
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "a long enough password"
READY = "button:has-text('Plan the next cycle on this ramp')"
TIMEOUT = 600_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workspace(target: Path, url: str | None, schema: str) -> str:
    from bsc_widgets.portable import read_folder
    from bsc_widgets.store import Store

    db = postgres_schema(url, schema) if url else str(target)
    store = Store.open(db, create=True)
    store.load(read_folder(ROOT / "sample_data" / "collaborative"))
    store.close()
    return db


def people(db: str, count: int) -> list[dict]:
    """Team members with an e-mail address, each given an account and a password, and a cycle to change."""
    from bsc_widgets.model import Member, PdsaCycle
    from bsc_widgets.services import COMMAND_LINE
    from bsc_widgets.services.accounts import accept_invitation, invite, member_account
    from bsc_widgets.store import Store

    store = Store.open(db)
    members = [m for m in store.list(Member) if m.email][:count]
    if len(members) < count:
        raise SystemExit(f"the sample has {len(members)} members with an e-mail address; ask for fewer --users")
    out, rank = [], {}
    for m in members:
        accept_invitation(store, invite(store, COMMAND_LINE, member_account(m)).token, PASSWORD)
        cycles = store.list(PdsaCycle, team_id=m.team_id)
        n = rank[m.team_id] = rank.get(m.team_id, -1) + 1
        out.append({"username": m.email.lower(), "name": m.name, "team": m.team_id,
                    "cycle": cycles[n % len(cycles)].title})
    store.close()
    return out


def start(command: list[str], log: Path, ready) -> subprocess.Popen:
    env = dict(os.environ, BSC_TODAY="2026-11-22")
    proc = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    deadline = time.time() + 120
    while not ready():
        if proc.poll() is not None or time.time() > deadline:
            raise SystemExit(f"{command[3]} did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.3)
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, 9)
    except OSError:
        pass


def tree_rss(proc: subprocess.Popen) -> dict[str, float]:
    """RSS in MB of a server's whole tree: its own processes, and each person's server with its kernels."""
    root = psutil.Process(proc.pid)
    own, people_mb = 0.0, {}
    for p in [root, *root.children(recursive=True)]:
        try:
            rss = p.memory_info().rss / 2**20
            env_user = None
            if "jupyterhub.singleuser" in " ".join(p.cmdline()) or "ipykernel" in " ".join(p.cmdline()):
                env_user = p.environ().get("JUPYTERHUB_USER")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if env_user:
            people_mb[env_user] = people_mb.get(env_user, 0.0) + rss
        else:
            own += rss
    return {"own": own, "people": people_mb}


async def one(browser, person: dict, url: str, hub: bool, results: dict, delay: float) -> None:
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(TIMEOUT)
    context.set_default_navigation_timeout(TIMEOUT)
    page = await context.new_page()
    text = f"Objective set by {person['name']} ({'hub' if hub else 'alone'}) {time.time():.0f}"
    try:
        began = time.perf_counter()      # both ways, a person starts at the home page
        if hub:
            await page.goto(f"{url}/hub/login")
            await page.fill("#username_input", person["username"])
            await page.fill("#password_input", PASSWORD)
            await page.click("#login_submit")
            address = f"{url}/user/{person['username']}/voila/render/03_pdsa.ipynb?team={person['team']}"
        else:
            await page.goto(f"{url}/voila/render/00_home.ipynb?team={person['team']}", wait_until="commit")
            address = f"{url}/voila/render/03_pdsa.ipynb?team={person['team']}"
        await page.locator("select").first.wait_for(state="visible", timeout=TIMEOUT)
        results["sign_in"].append(time.perf_counter() - began)
        began = time.perf_counter()
        await page.goto(address, wait_until="commit")
        await page.locator(READY).first.wait_for(state="visible", timeout=TIMEOUT)
        results["tti"].append(time.perf_counter() - began)
        picker = page.get_by_label("Open a cycle")
        option = await picker.locator("option", has_text=f": {person['cycle']} (").first.text_content()
        await picker.select_option(label=option.strip())
        await page.get_by_role("heading", name=f"Cycle: {person['cycle']}").wait_for(timeout=TIMEOUT)
        field = page.get_by_label("Objective")
        await field.fill(text)
        await field.press("Tab")
        outcome = page.get_by_text(re.compile(r"Saved at \d\d:\d\d|changed by .* after you opened it")).first
        await outcome.wait_for(timeout=TIMEOUT)
        if "Saved at" in await outcome.inner_text():
            results["confirmed"].append((person, text))
        else:
            results["conflicts"] += 1
    except Exception as exc:  # noqa: BLE001 - a person who could not finish is counted, not fatal
        results["failed"].append(f"{person['username']}: {type(exc).__name__}: {str(exc)[:160]}")
    results["pages"].append(context)


def saves_check(db: str, confirmed: list, named: bool) -> tuple[int, int]:
    """(confirmed saves found in the workspace's log under the person's name, lost saves).

    Alone there are no accounts, so a save is lost only when no confirmed text reached its cycle."""
    from sqlalchemy import select

    from bsc_widgets.model import PdsaCycle
    from bsc_widgets.store import Store
    from bsc_widgets.store.schema import SAVES

    store = Store.open(db)
    with store.reading() as tx:
        logged = {row.by for row in tx.conn.execute(select(SAVES.c.by).where(SAVES.c.record_table == "pdsa_cycles"))}
    objectives = {c.objective for c in store.list(PdsaCycle)}
    found = sum(1 for p, _ in confirmed if p["name"] in logged)
    by_cycle: dict[str, list[str]] = {}
    for p, text in confirmed:
        by_cycle.setdefault(p["cycle"] + p["team"], []).append(text)
    lost = sum(1 for texts in by_cycle.values() if not any(t in objectives for t in texts))  # last writer kept
    if named:
        lost += len(confirmed) - found
    store.close()
    return found, lost


async def run(mode: str, url: str, crowd: list[dict], proc: subprocess.Popen, db: str, every: float) -> dict:
    from playwright.async_api import async_playwright

    results = {"tti": [], "sign_in": [], "confirmed": [], "conflicts": 0, "failed": [], "pages": []}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=ARGS)
        before = tree_rss(proc)
        await asyncio.gather(*(one(browser, person, url, mode == "hub", results, n * every)
                               for n, person in enumerate(crowd)))
        results["memory"] = (before, tree_rss(proc))  # every page still open
        for context in results["pages"]:
            await context.close()
        await browser.close()
    results["saves"] = saves_check(db, results["confirmed"], named=mode == "hub")
    return results


def pct(values: list[float], q: float) -> float:
    """The q-th percentile; nan when nobody got that far (the failures are printed below it)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--arrive-every", type=float, default=3.0,
                        help="seconds between one person's arrival and the next (a room told to open their "
                             "workbooks); everyone stays on their page until the last has saved")
    parser.add_argument("--db", default=os.environ.get("BSC_TEST_POSTGRES_URL"),
                        help="a PostgreSQL URL for both workspaces and the hub's database (default: SQLite files)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bsc-hub-load-"))
    out = {}
    for mode in ("alone", "hub"):
        db = workspace(tmp / mode / "bsc.sqlite", args.db, f"bsc_load_{mode}")
        crowd = people(db, args.users)
        port = free_port()
        ready = lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0  # noqa: E731
        if mode == "hub":
            log = tmp / "hub.log"
            hub_db = [] if not args.db else ["--hub-db", postgres_schema(args.db, "bsc_load_hubdb")]
            proc = start([sys.executable, "-m", "bsc_widgets.cli", "hub", "--db", db, "--port", str(port),
                          "--state", str(tmp / "hub-state"), *hub_db], log,
                         lambda: "JupyterHub is now running" in log.read_text(errors="replace"))
        else:
            proc = start([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", db, "--port", str(port)],
                         tmp / "serve.log", ready)
        try:
            out[mode] = asyncio.run(run(mode, f"http://127.0.0.1:{port}", crowd, proc, db, args.arrive_every))
        finally:
            stop(proc)
    print(f"{args.users} people at once on this machine ({os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB), {'PostgreSQL' if args.db else 'SQLite'}, "
          f"one arriving every {args.arrive_every:g} s, all staying on their pages")
    for mode in ("alone", "hub"):
        r = out[mode]
        before, after = r["memory"]
        per = list(after["people"].values())
        total = after["own"] + sum(per)
        print(f"\n{mode}: PDSA workbook time to interactive p50 {pct(r['tti'], 50):.1f} s, p95 {pct(r['tti'], 95):.1f} s "
              f"({len(r['tti'])} pages)")
        if r["sign_in"]:
            print(f"  arrival to a usable home page{' (sign-in, server started)' if mode == 'hub' else ''}: "
                  f"p50 {pct(r['sign_in'], 50):.1f} s, p95 {pct(r['sign_in'], 95):.1f} s")
        if per:
            print(f"  memory: hub and proxy {before['own']:.0f} MB; each person's server with its open pages "
                  f"median {statistics.median(per):.0f} MB (max {max(per):.0f}); total {total / 1024:.1f} GB")
        else:
            print(f"  memory: total {total / 1024:.1f} GB with every page open "
                  f"({(after['own'] - before['own']) / max(1, len(r['tti'])):.0f} MB per open page)")
        found, lost = r["saves"]
        named = f"{found} in the log under the person's name, " if mode == "hub" else ""
        print(f"  saves: {len(r['confirmed'])} confirmed, {named}"
              f"{r['conflicts']} refused as conflicts, {lost} lost; {len(r['failed'])} people did not finish")
        for problem in r["failed"][:5]:
            print(f"    {problem}")
    for what, key in (("PDSA workbook time to interactive", "tti"), ("arrival to a usable home page", "sign_in")):
        ratio = pct(out["hub"][key], 95) / pct(out["alone"][key], 95)
        print(f"\n{what}, p95 through the hub / alone: {ratio:.2f}× (goal: under 2×)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
