"""One stranger's flood of failed sign-ins, behind the site's proxy, and what it costs everyone else.

    python benchmarks/sign_in_flood.py [--failures 200] [--runs 5]

Starts `bsc hub` on a copy of the sample workspace twice (with `--trusted-proxy 127.0.0.1`, and without), each
behind a second configurable-http-proxy on loopback playing the site's TLS proxy (it adds X-Forwarded-For).
Visitors are told apart by their loopback source address (127.0.0.5 is the stranger, 127.0.0.6 a teacher).
For each: a good sign-in from 127.0.0.6 on the quiet hub (the floor, median of --runs), then --failures failed
sign-ins with made-up names from 127.0.0.5 (20 at a time), then a good sign-in from the stranger's own address,
the first from 127.0.0.6 (which meets whatever the flood left), and --runs more (median, and ratios to the
floor). Prints seconds and what each answered.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support import login, proxy_in_front_of, stop  # noqa: E402 - the same helpers the tests use

PASSWORD = "a long enough password"
TEACHER = "sunrise-2@example.org"
ANSWERS = {302: "signed in", 403: "refused", 429: "locked out"}


def start_hub(folder: Path, trusted: bool) -> tuple[subprocess.Popen, int]:
    from bsc_widgets.hub.run import free_port
    from bsc_widgets.model import Member
    from bsc_widgets.portable import read_folder
    from bsc_widgets.services import COMMAND_LINE
    from bsc_widgets.services.accounts import accept_invitation, invite, member_account
    from bsc_widgets.store import Store

    db = folder / "bsc.sqlite"
    store = Store.open(db, create=True)
    store.load(read_folder(ROOT / "sample_data" / "collaborative"))
    teacher = next(m for m in store.list(Member) if m.email == TEACHER)
    accept_invitation(store, invite(store, COMMAND_LINE, member_account(teacher)).token, PASSWORD)
    store.close()
    port = free_port()
    log = folder / "hub.log"
    flags = ["--trusted-proxy", "127.0.0.1"] if trusted else []
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "hub", "--db", str(db), "--port", str(port),
                                 "--state", str(folder / "hub"), *flags], stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    deadline = time.time() + 180
    while "JupyterHub is now running" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.time() > deadline:
            stop(proc)
            raise SystemExit("the hub did not start:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    return proc, port


def timed(port: int, source: str, password: str = PASSWORD) -> tuple[float, int]:
    start = time.perf_counter()
    status = login(port, TEACHER, password, source)
    return time.perf_counter() - start, status


def measure(trusted: bool, failures: int, runs: int) -> None:
    from bsc_widgets.hub.run import proxy_command

    with tempfile.TemporaryDirectory(prefix="bsc-flood-") as tmp:
        proc, port = start_hub(Path(tmp), trusted)
        try:
            with proxy_in_front_of(port, proxy_command()) as front:
                floor = [timed(front, "127.0.0.6") for _ in range(runs)]
                start = time.perf_counter()
                with ThreadPoolExecutor(20) as pool:
                    answers = list(pool.map(lambda i: login(front, f"made-up-{i}@example.org", "a guessed one",
                                                            "127.0.0.5"), range(failures)))
                flood_s = time.perf_counter() - start
                stranger = timed(front, "127.0.0.5")
                first = timed(front, "127.0.0.6")       # the first teacher after the flood meets all of it
                after = [timed(front, "127.0.0.6") for _ in range(runs)]
        finally:
            stop(proc, grace=40)
    base = statistics.median(t for t, _ in floor)
    then = statistics.median(t for t, _ in after)
    counts = ", ".join(f"{answers.count(code)} {word}" for code, word in ANSWERS.items() if answers.count(code))
    mode = "--trusted-proxy 127.0.0.1" if trusted else "no trusted proxy"
    print(f"\n{mode}")
    print(f"  good sign-in, quiet hub (floor):        {base:.2f} s  ({ANSWERS[floor[0][1]]})")
    print(f"  {failures} failed sign-ins from one address:  {flood_s:.1f} s in all; answered: {counts}")
    print(f"  then a good sign-in from its address:   {stranger[0]:.2f} s  ({ANSWERS[stranger[1]]})")
    print(f"  the first good sign-in from another:    {first[0]:.2f} s  ({first[0] / base:.1f}x the floor; "
          f"{ANSWERS[first[1]]})")
    print(f"  the next ones (median):                 {then:.2f} s  ({then / base:.1f}x the floor; "
          f"{', '.join(sorted({ANSWERS[s] for _, s in after}))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for trusted in (True, False):
        measure(trusted, args.failures, args.runs)


if __name__ == "__main__":
    main()
