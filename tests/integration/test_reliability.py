"""Many writers, stale copies, and a killed import, against real SQLite files and real processes."""
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bsc_widgets.model import Attendance, Member
from bsc_widgets.store import Store

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow


def test_eight_processes_two_hundred_saves_each_lose_nothing(sample_db):
    members = [m.id for m in Store.open(sample_db).list(Member)][:8]
    team_before = Store.open(sample_db).team("maple-street-ehs")
    writers = [subprocess.Popen([sys.executable, str(HERE / "writer.py"), str(sample_db), m, "200"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for m in members]
    outputs = [w.communicate(timeout=600) for w in writers]
    for w, (out, err) in zip(writers, outputs):
        assert w.returncode == 0, err
        assert "locked" not in err
    store = Store.open(sample_db)
    calls = [a for a in store.list(Attendance) if a.event_kind == "coaching_call"]
    assert len(calls) == 8 * 100, "every insert landed"
    team = store.team("maple-street-ehs")
    assert team.meeting_rhythm == str(8 * 100), "every read-change-save landed exactly once"
    assert team.version == team_before.version + 800
    conflicts = sum(int(out) for out, _ in outputs)
    print(f"refused stale saves (then retried): {conflicts}")


def _content(db: Path) -> list:
    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
    data = [(t, sorted(con.execute(f'select * from "{t}"').fetchall(), key=repr)) for t in tables]
    con.close()
    return data


def test_a_process_killed_mid_import_leaves_the_workspace_intact_and_unchanged(sample_db, sample_folder, tmp_path):
    big = tmp_path / "big"
    shutil.copytree(sample_folder, big)
    width = len((big / "members.csv").read_text().splitlines()[0].split(","))
    with (big / "members.csv").open("a", newline="") as fh:
        w = csv.writer(fh)
        for i in range(1500):
            w.writerow([f"extra-{i}", "hearth-fcc", f"Extra {i}", "family", "", "family-voices"] + [""] * (width - 6))
    with (big / "attendance.csv").open("a", newline="") as fh:
        w = csv.writer(fh)
        for i in range(1500):
            for d in range(100):
                w.writerow([f"extra-{i}", "coaching_call", f"2026-0{1 + d // 28}-{1 + d % 28:02d}", "1", ""])
    before = _content(sample_db)
    wal = Path(str(sample_db) + "-wal")
    base = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "import", "--replace", "--db",
                             str(sample_db), str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > base + 4_000_000:  # well into the write transaction
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(60)
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed: make it bigger"
    con = sqlite3.connect(sample_db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert _content(sample_db) == before
    assert Store.open(sample_db).team("hearth-fcc").name == "Hearth Family Child Care Network"


def _adders(db, processes: int, adds: int) -> None:
    procs = [subprocess.Popen([sys.executable, str(HERE / "adder.py"), str(db), "hearth-fcc", str(adds), f"P{p}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in range(processes)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err


def test_people_adding_members_at_once_never_collide(sample_db):
    before = {m.id for m in Store.open(sample_db).list(Member, team_id="hearth-fcc")}
    _adders(sample_db, 4, 25)
    added = [m for m in Store.open(sample_db).list(Member, team_id="hearth-fcc") if m.id not in before]
    assert sorted(m.name for m in added) == sorted(f"P{p} {i}" for p in range(4) for i in range(25))
    assert all(m.id.startswith("hearth-fcc-member") for m in added)
