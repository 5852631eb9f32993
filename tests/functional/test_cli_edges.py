"""Every edge of the command line gets a plain message and exit status 1 or 2, never a traceback."""
import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bsc_widgets.cli import main


def bsc(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    # an exception other than our own exit would mean a traceback for a person at a terminal
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _text_file(tmp_path, _pristine=None):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")
    return path


def _truncated(tmp_path, pristine_db):
    path = tmp_path / "cut.sqlite"
    path.write_bytes(pristine_db.read_bytes()[:6000])
    return path


def _newer(tmp_path, pristine_db):
    path = tmp_path / "newer.sqlite"
    shutil.copy(pristine_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = '0099'")
    return path


WORKSPACES = {
    "a text file": (_text_file, "is not a workspace, or it is damaged"),
    "a truncated workspace": (_truncated, "is not a workspace, or it is damaged"),
    "a newer workspace": (_newer, "made by a newer version of BSC Workbooks (its schema is “0099”"),
    "a MySQL URL": (lambda *_: "mysql://someone@somewhere/db", "is not a kind of database this tool works with"),
    "an unknown dialect": (lambda *_: "nosuchdb://x/y", "is not a kind of database this tool works with"),
    "a folder": (lambda tmp, _: tmp, "is a folder; the workspace is a file"),
    "nothing there": (lambda tmp, _: tmp / "none.sqlite", "There is no workspace at"),
}


@pytest.mark.parametrize("case", sorted(WORKSPACES))
@pytest.mark.parametrize("command", [["export", "out"], ["reports", "--period", "2026-10"], ["serve"],
                                     ["import", "sheet.csv", "--team", "x", "--measure", "y"]])
def test_a_workspace_that_cannot_be_used_is_said_plainly(case, command, tmp_path, pristine_db):
    make, says = WORKSPACES[case]
    db = make(tmp_path, pristine_db)
    if command[0] == "import":
        (tmp_path / "sheet.csv").write_text("Month,Value\n2026-10,1\n")
        command = ["import", tmp_path / "sheet.csv", *command[2:]]
    if command[0] == "export":
        command = ["export", tmp_path / "out"]
    result = bsc(*command, "--db", db)
    assert result.exit_code == 1, result.output
    assert says in result.output


def test_exporting_an_empty_file_says_so_and_leaves_it_empty(tmp_path):
    empty = tmp_path / "zero.sqlite"
    empty.touch()
    result = bsc("export", "--db", empty, tmp_path / "out")
    assert result.exit_code == 1 and "There is no workspace in" in result.output
    assert empty.stat().st_size == 0


def test_export_to_a_place_that_cannot_be_written_says_so(sample_db):
    result = bsc("export", "--db", sample_db, "/proc/newdir")
    assert result.exit_code == 1 and "The export cannot be written to /proc/newdir" in result.output


def _as_nobody_export(db: Path, out: Path, queue):
    os.setgid(65534)
    os.setuid(65534)
    result = CliRunner().invoke(main, ["export", "--db", str(db), str(out)])
    queue.put((result.exit_code, result.output, repr(result.exception)))


def test_a_read_only_workspace_exports_because_export_only_reads(pristine_db):
    """The workspace and its folder cannot be written; export reads it, and changes nothing in it."""
    import multiprocessing

    place = Path(tempfile.mkdtemp(prefix="bsc-ro-"))
    try:
        folder, out = place / "ws", place / "out"
        folder.mkdir()
        db = folder / "bsc.sqlite"
        shutil.copy(pristine_db, db)
        before = db.read_bytes()
        out.mkdir()
        os.chmod(place, 0o755)
        os.chmod(out, 0o777)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        if os.geteuid() == 0:  # root may write anywhere: export as an ordinary user instead
            ctx = multiprocessing.get_context("fork")
            queue = ctx.Queue()
            child = ctx.Process(target=_as_nobody_export, args=(db, out / "export", queue))
            child.start()
            code, output, exc = queue.get(timeout=120)
            child.join()
        else:
            result = CliRunner().invoke(main, ["export", "--db", str(db), str(out / "export")])
            code, output, exc = result.exit_code, result.output, repr(result.exception)
        assert code == 0, (output, exc)
        assert (out / "export" / "framework.yaml").exists()
        assert db.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["bsc.sqlite"]
    finally:
        for p in (place / "ws", place / "ws" / "bsc.sqlite"):
            if p.exists():
                os.chmod(p, stat.S_IRWXU)
        shutil.rmtree(place, ignore_errors=True)


@pytest.mark.parametrize("period,says", [
    ("9999-12", "December 9999 is outside the collaborative"),
    ("2026-02-30", "“2026-02-30” is not a month"),
    ("2026-13", "“2026-13” is not a month"),
    ("last month", "“last month” is not a month"),
    ("2024-01", "January 2024 is outside the collaborative"),
    ("2026-12", "December 2026 has not begun yet"),
])
def test_a_report_period_must_be_a_real_month_of_the_collaborative(sample_db, tmp_path, period, says):
    result = bsc("reports", "--db", sample_db, "--out", tmp_path / "r", "--period", period)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert not (tmp_path / "r").exists()


def test_an_unexpected_fault_is_one_plain_line(tmp_path, pristine_db):
    db = tmp_path / "hurt.sqlite"  # a real fault: a table has gone
    shutil.copy(pristine_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DROP TABLE pd_offerings")
    result = bsc("export", "--db", db, tmp_path / "out")
    assert result.exit_code == 1
    assert "bsc stopped on an unexpected problem (OperationalError" in result.output
    assert "BSC_DEBUG=1" in result.output


def test_bsc_serve_keeps_kernels_ready_only_where_the_machine_has_the_memory(tmp_path):
    """One kernel kept ready per team workbook (about 150 MB each) where twice that and 2 GB more are free, else
    none; never for the coaches' and leaders' pages."""
    from bsc_widgets.server.serve import KERNEL_MB, SPARE_MB, available_mb, preheat_for

    for name in ("00_home", "01_charter", "leaders/system_assessment"):
        (tmp_path / f"{name}.ipynb").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.ipynb").write_text("{}")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "00_home-checkpoint.ipynb").write_text("{}")
    enough = 2 * 2 * KERNEL_MB + SPARE_MB        # the leaders' page is not counted
    assert preheat_for(tmp_path, enough) == 1 and preheat_for(tmp_path, enough - 1) == 0
    assert available_mb() > 0


def test_the_address_is_asked_directly_wherever_the_server_listens(monkeypatch):
    """Whether the server answers is asked of this machine itself: an IPv6 address in brackets, all addresses as
    loopback, and never through a proxy named in the environment."""
    import http.server
    import threading

    from bsc_widgets.server.serve import answers, local

    assert local("0.0.0.0") == "127.0.0.1" and local("::1") == "[::1]" and local("10.0.0.5") == "10.0.0.5"
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")      # nothing listens there
        assert answers(f"http://127.0.0.1:{server.server_port}/voila/bsc/answering")   # a 501 is an answer
    finally:
        server.shutdown()
        server.server_close()
    assert not answers(f"http://127.0.0.1:{server.server_port}/")
