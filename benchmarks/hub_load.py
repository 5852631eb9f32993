"""A room signing in at once, through the hub (and, to compare, the same people on `bsc serve` alone).

    python benchmarks/hub_load.py [--users 30] [--arrive-every 10 | --within 120 | --burst] [--db URL]
                                  [--no-alone] [--time-limit 900]

Starts `bsc hub` (JupyterHub, configurable-http-proxy, the idle culler) and, unless --no-alone, `bsc serve`,
each on its own copy of the sample workspace (SQLite, or the PostgreSQL URL given with --db, whose schema is
replaced). Debian's Chromium then plays the people, each in a browser context of their own, arriving as a room
does: one every few seconds (--arrive-every), at random within a window (--within: a learning session's
opening), or all at once (--burst); everyone stays on their pages until the last has saved. Through the hub, a
person submits the hub's login form (their server starts) and lands on their home page; alone, they open the home
page. Then, both ways, they open the PDSA workbook and change a cycle's objective.

Each person's figures are printed as they finish. At the end (or at the time limit, or on Ctrl+C or SIGTERM,
after which everything the benchmark started is stopped, the people's servers and kernels included):

- from submitting the login form to a usable home page, p50 and p95, and where the seconds went: the person's
  server starting (the hub's log), the home page's notebook run on it (the server's log), the rest in the browser;
- the PDSA workbook's time to interactive, p50 and p95;
- memory: the hub and proxy, each person's server with its kernels, and the total (RSS); a person is not let in
  while the machine has less than --memory-floor MB free, and the report says what the room would need;
- saves: confirmed on the page, in the workspace's log under the person's name, refused as conflicts (two
  people on one cycle), and lost (confirmed but not stored), which must be 0.

The browser shares this machine's cores with the servers, so the figures are a bound from above.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
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
TIMEOUT = 600_000        # ms: signing in and the first page, in a room that arrives at once
STEP = 180_000           # ms: each step after that
STARTED: list[subprocess.Popen] = []      # everything this run started, stopped whatever happens


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
    """Team members on a roster today, each given an account and a password, and a cycle to change; members without
    an e-mail address sign in with their card's sign-in name."""
    from bsc_widgets.base.clock import today
    from bsc_widgets.model import Member, PdsaCycle
    from bsc_widgets.services import COMMAND_LINE
    from bsc_widgets.services.accounts import accept_invitation, card_account, invite, member_account
    from bsc_widgets.store import Store

    store = Store.open(db)
    members = [m for m in store.list(Member) if m.belonged_on(today())]
    teams = sorted({m.team_id for m in members})
    with store.transaction() as tx:      # a room larger than the sample's rosters: more teachers on its teams
        for n in range(len(members), count):
            team = teams[n % len(teams)]
            members.append(tx.save(Member.build(id=f"{team}-visitor-{n}", team_id=team, role="teacher",
                                                name=f"Visiting teacher {n}", email=f"visitor-{n}@example.org")))
    members = sorted(members, key=lambda m: (not m.email, m.id))[:count]   # those with an address first
    out, rank = [], {}
    for m in members:
        account = member_account(m) if m.email else card_account(m)
        accept_invitation(store, invite(store, COMMAND_LINE, account).token, PASSWORD)
        cycles = store.list(PdsaCycle, team_id=m.team_id)
        n = rank[m.team_id] = rank.get(m.team_id, -1) + 1
        out.append({"username": account.username, "name": m.name, "team": m.team_id,
                    "cycle": cycles[n % len(cycles)].title})
    store.close()
    return out


def start(command: list[str], log: Path, ready) -> subprocess.Popen:
    env = dict(os.environ, BSC_TODAY="2026-11-22")
    proc = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    STARTED.append(proc)
    deadline = time.time() + 120
    while not ready():
        if proc.poll() is not None or time.time() > deadline:
            raise SystemExit(f"{command[3]} did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.3)
    return proc


def stop(proc: subprocess.Popen) -> None:
    """Stop a server and everything under it: the hub's people's servers run in sessions of their own, so their
    processes (and kernels) are found first, and stopped after the hub had its chance to stop them itself."""
    try:
        under = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        under = []
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
    for p in [*under]:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    try:
        os.killpg(proc.pid, 9)
    except OSError:
        pass
    proc.wait()


def stop_everything(*_signal) -> None:
    while STARTED:
        stop(STARTED.pop())
    if _signal:
        print("\nstopped: everything the benchmark started has ended", flush=True)
        os._exit(130)


def tree_rss(proc: subprocess.Popen) -> dict:
    """RSS in MB of a server's whole tree: its own processes, and each person's server with its kernels; and the CPU
    seconds each person's server and kernels have used."""
    root = psutil.Process(proc.pid)
    own, people_mb, cpu = 0.0, {}, {}
    for p in [root, *root.children(recursive=True)]:
        try:
            rss = p.memory_info().rss / 2**20
            used = sum(p.cpu_times()[:2])
            line = " ".join(p.cmdline())
            user = p.environ().get("JUPYTERHUB_USER") if ("singleuser" in line or "ipykernel" in line) else None
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if user:
            people_mb[user] = people_mb.get(user, 0.0) + rss
            cpu[user] = cpu.get(user, 0.0) + used
        else:
            own += rss
    return {"own": own, "people": people_mb, "cpu": cpu}


async def one(browser, person: dict, url: str, hub: bool, results: dict, delay: float, floor_mb: int) -> None:
    await asyncio.sleep(delay)
    if psutil.virtual_memory().available / 2**20 < floor_mb:
        results["not_admitted"].append(person["username"])
        print(f"  {person['username']}: not let in, {psutil.virtual_memory().available / 2**20:.0f} MB free",
              flush=True)
        return
    context = await browser.new_context(viewport={"width": 1100, "height": 900})
    results["pages"].append(context)
    context.set_default_timeout(TIMEOUT)
    context.set_default_navigation_timeout(TIMEOUT)
    page = await context.new_page()
    text = f"Objective set by {person['name']} ({'hub' if hub else 'alone'}) {time.time():.0f}"
    step = "signing in"
    try:
        if hub:
            await page.goto(f"{url}/hub/login")
            await page.fill("#username_input", person["username"])
            await page.fill("#password_input", PASSWORD)
            began = time.perf_counter()      # from submitting the login form
            await page.click("#login_submit")
            address = f"{url}/user/{person['username']}/voila/render/03_pdsa.ipynb?team={person['team']}&lang=en"
        else:
            began = time.perf_counter()      # from asking for the home page
            await page.goto(f"{url}/voila/render/00_home.ipynb?team={person['team']}", wait_until="commit")
            address = f"{url}/voila/render/03_pdsa.ipynb?team={person['team']}&lang=en"   # the words looked for
        await page.locator("select").first.wait_for(state="visible", timeout=TIMEOUT)
        usable = time.perf_counter() - began
        results["sign_in"].append(usable)
        context.set_default_timeout(STEP)
        step = "opening the PDSA workbook"
        began = time.perf_counter()
        await page.goto(address, wait_until="commit")
        await page.locator(READY).first.wait_for(state="visible")
        tti = time.perf_counter() - began
        results["tti"].append(tti)
        step = "opening a cycle"
        picker = page.get_by_label("Open a cycle")
        option = await picker.locator("option", has_text=f": {person['cycle']} (").first.text_content()
        await picker.select_option(label=option.strip())
        await page.get_by_role("heading", name=f"Cycle: {person['cycle']}", exact=True).wait_for()
        step = "saving"
        field = page.get_by_label("Objective")
        await field.fill(text)
        await field.press("Tab")
        outcome = page.get_by_text(re.compile(r"Saved at \d\d:\d\d|changed by .* after you opened it")).first
        await outcome.wait_for()
        saved = "Saved at" in await outcome.inner_text()
        if saved:
            results["confirmed"].append((person, text))
        else:
            results["conflicts"] += 1

        results["finished"] += 1
        print(f"  {results['finished']:3d}. {person['username']}: home page usable {usable:.1f} s, "
              f"PDSA workbook {tti:.1f} s, {'saved' if saved else 'refused as a conflict'}", flush=True)
    except Exception as exc:  # noqa: BLE001 - a person who could not finish is counted, not fatal
        results["failed"].append(f"{person['username']}, {step}: {type(exc).__name__}: {str(exc)[:160]}")
        print(f"  {person['username']}: did not finish ({step}): {type(exc).__name__}", flush=True)


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


def arrivals(count: int, every: float, within: float | None, burst: bool) -> list[float]:
    if burst:
        return [0.0] * count
    if within is not None:
        rng = random.Random(2026)
        return sorted(rng.uniform(0, within) for _ in range(count))
    return [n * every for n in range(count)]


async def run(mode: str, url: str, crowd: list[dict], proc: subprocess.Popen, db: str, args) -> dict:
    from playwright.async_api import async_playwright

    results = {"tti": [], "sign_in": [], "confirmed": [], "conflicts": 0, "failed": [], "pages": [],
               "not_admitted": [], "finished": 0}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=ARGS)
        before = tree_rss(proc)
        delays = arrivals(len(crowd), args.arrive_every, args.within, args.burst)
        people_done = asyncio.gather(*(one(browser, person, url, mode == "hub", results, delay, args.memory_floor)
                                       for person, delay in zip(crowd, delays)))
        try:
            await asyncio.wait_for(people_done, timeout=args.time_limit)
        except asyncio.TimeoutError:
            print(f"  time limit ({args.time_limit} s): stopping; the people still waiting are counted as not "
                  "finished", flush=True)
        results["memory"] = (before, tree_rss(proc))  # every page still open
        for context in results["pages"]:
            await context.close()
        await browser.close()
    results["saves"] = saves_check(db, results["confirmed"], named=mode == "hub")
    return results


def pct(values: list[float], q: int) -> float:
    """The q-th percentile; nan when nobody got that far (the failures are printed below it)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def where_the_seconds_went(log: Path) -> dict[str, list[float]]:
    """From the hub's log: each person's server start, and their home page's run on it (the notebook in a kernel)."""
    text = log.read_text(errors="replace")
    spawn = [float(s) for s in re.findall(r"User \S+ took ([\d.]+) seconds to start", text)]
    home = [float(ms) / 1000 for ms in re.findall(r"200 GET /user/[^/]+/voila/render/00_home\.ipynb\S* .*?\) "
                                                  r"([\d.]+)ms", text)]
    return {"spawn": spawn, "home": home}


def report(mode: str, r: dict, args, seconds: dict | None) -> None:
    before, after = r["memory"]
    per = list(after["people"].values())
    total = after["own"] + sum(per)
    print(f"\n{mode}: arrival to a usable home page{' (from the login form)' if mode == 'hub' else ''}: "
          f"p50 {pct(r['sign_in'], 50):.1f} s, p95 {pct(r['sign_in'], 95):.1f} s ({len(r['sign_in'])} people)")
    if seconds and seconds["spawn"]:
        print(f"  where the seconds went: their server starting p50 {pct(seconds['spawn'], 50):.1f} s "
              f"(p95 {pct(seconds['spawn'], 95):.1f}); the home page's notebook run p50 "
              f"{pct(seconds['home'], 50):.1f} s (p95 {pct(seconds['home'], 95):.1f}); the rest is sign-in, "
              "redirects and the browser drawing the page")
    print(f"  PDSA workbook time to interactive p50 {pct(r['tti'], 50):.1f} s, p95 {pct(r['tti'], 95):.1f} s")
    if per:
        print(f"  memory: hub and proxy {before['own']:.0f} MB; each person's server with its open pages "
              f"median {statistics.median(per):.0f} MB (max {max(per):.0f}); total {total / 1024:.1f} GB")
    else:
        print(f"  memory: total {total / 1024:.1f} GB with every page open "
              f"({(after['own'] - before['own']) / max(1, len(r['tti'])):.0f} MB per open page)")
    found, lost = r["saves"]
    named = f"{found} in the log under the person's name, " if mode == "hub" else ""
    print(f"  saves: {len(r['confirmed'])} confirmed, {named}{r['conflicts']} refused as conflicts, {lost} lost; "
          f"{len(r['failed'])} people did not finish, {len(r['not_admitted'])} not let in (memory)")
    for problem in r["failed"][:5]:
        print(f"    {problem}")
    done = [after["cpu"][u] for u in after["cpu"] if u in {p["username"] for p, _ in r["confirmed"]}]
    if done:
        window = 0 if args.burst else args.within if args.within is not None else args.arrive_every * args.users
        print(f"  CPU per person who finished (their server and kernels): median {statistics.median(done):.1f} s; "
              f"{args.users} people arriving within {window:g} s ask for about "
              f"{statistics.median(done) * args.users / max(window, 60):.1f} cores for the servers alone")
    if per and (r["not_admitted"] or r["failed"] or len(r["sign_in"]) < args.users):
        each = max(statistics.median(per), max(per))      # a server not yet loaded undercounts
        need = (each * args.users + before["own"]) / 1024
        print(f"  this room needs about {need:.1f} GB of memory ({each:.0f} MB × {args.users} people + the hub); this "
              f"machine has {psutil.virtual_memory().total / 2**30:.0f} GB, shared with the benchmark's browsers")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=30)
    room = parser.add_mutually_exclusive_group()
    room.add_argument("--arrive-every", type=float, default=10.0,
                      help="seconds between one person's arrival and the next (default 10)")
    room.add_argument("--within", type=float, default=None,
                      help="everyone arrives at a random moment within this many seconds")
    room.add_argument("--burst", action="store_true", help="everyone arrives at once")
    parser.add_argument("--db", default=os.environ.get("BSC_TEST_POSTGRES_URL"),
                        help="a PostgreSQL URL for both workspaces and the hub's database (default: SQLite files)")
    parser.add_argument("--no-alone", action="store_true", help="only through the hub (no `bsc serve` to compare)")
    parser.add_argument("--time-limit", type=float, default=900, help="seconds per mode before stopping (default 900)")
    parser.add_argument("--memory-floor", type=int, default=1200,
                        help="MB the machine keeps free: nobody else is let in below it (default 1200)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_everything)
    signal.signal(signal.SIGINT, stop_everything)
    tmp = Path(tempfile.mkdtemp(prefix="bsc-hub-load-"))
    how = ("all at once" if args.burst else f"arriving within {args.within:g} s" if args.within is not None
           else f"one arriving every {args.arrive_every:g} s")
    print(f"{args.users} people on this machine ({os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} "
          f"GiB), {'PostgreSQL' if args.db else 'SQLite'}, {how}, all staying on their pages", flush=True)
    out = {}
    try:
        for mode in ("hub",) if args.no_alone else ("hub", "alone"):
            db = workspace(tmp / mode / "bsc.sqlite", args.db, f"bsc_load_{mode}")
            crowd = people(db, args.users)
            port = free_port()
            print(f"\n{mode}:", flush=True)
            if mode == "hub":
                log = tmp / "hub.log"
                hub_db = [] if not args.db else ["--hub-db", postgres_schema(args.db, "bsc_load_hubdb")]
                proc = start([sys.executable, "-m", "bsc_widgets.cli", "hub", "--db", db, "--port", str(port),
                              "--state", str(tmp / "hub-state"), *hub_db], log,
                             lambda: "JupyterHub is now running" in log.read_text(errors="replace"))
            else:
                ready = lambda: socket.socket().connect_ex(("127.0.0.1", port)) == 0  # noqa: E731
                proc = start([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", db, "--port", str(port)],
                             tmp / "serve.log", ready)
            try:
                out[mode] = asyncio.run(run(mode, f"http://127.0.0.1:{port}", crowd, proc, db, args))
            finally:
                stop(proc)
                STARTED.remove(proc)
            report(mode, out[mode], args, where_the_seconds_went(tmp / "hub.log") if mode == "hub" else None)
        if "alone" in out:
            for what, key in (("PDSA workbook time to interactive", "tti"), ("arrival to a usable home page",
                                                                              "sign_in")):
                ratio = pct(out["hub"][key], 95) / pct(out["alone"][key], 95)
                print(f"\n{what}, p95 through the hub / alone: {ratio:.2f}×")
    finally:
        stop_everything()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
