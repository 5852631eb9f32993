"""Shared by every layer of the suite, the notebook runs (nbval) included.

Before anything runs, a real sample workspace is created in a temporary folder and
BSC_DB points at it, so kernels started by nbval and papermill find real data.

Every process the suite starts (Voilà, its kernels, papermill's, Chromium, writers) inherits
BSC_TEST_SESSION. When the session ends, any such process still running is stopped and named,
and the session fails: no test may leave a server behind.
"""
import os
import shutil
import signal
import tempfile
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="bsc-tests-"))
PRISTINE = _SESSION_DIR / "pristine" / "bsc.sqlite"
TODAY = "2026-11-22"  # the sample collaborative is in Action Period 4 on this day


def _make_pristine() -> None:
    from bsc_widgets.portable import read_folder
    from bsc_widgets.store import Store

    store = Store.open(PRISTINE, create=True)
    store.load(read_folder(ROOT / "sample_data" / "collaborative"))
    store.close()


SESSION = f"bsc-tests-{uuid.uuid4().hex[:12]}"


def pytest_configure(config):
    os.environ["BSC_TEST_SESSION"] = SESSION
    _make_pristine()
    nb_ws = _SESSION_DIR / "notebooks" / "bsc.sqlite"
    nb_ws.parent.mkdir(parents=True)
    shutil.copy(PRISTINE, nb_ws)
    os.environ["BSC_DB"] = str(nb_ws)
    os.environ["BSC_TODAY"] = TODAY


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def _started_by_this_session() -> dict[int, str]:
    """Processes (other than pytest itself) that carry this session's marker: ones the suite started."""
    marker, found = f"BSC_TEST_SESSION={SESSION}".encode(), {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                if "multiprocessing.resource_tracker" not in command:  # pytest's own helper: ends with it
                    found[int(entry.name)] = command[:120]
        except OSError:
            continue  # ended meanwhile, or not ours to read
    return found


def pytest_sessionfinish(session, exitstatus):
    """Every fixture has been torn down by now: whatever the suite started must have ended."""
    if not Path("/proc/self/environ").exists():
        return
    deadline = time.time() + 15  # servers shutting down their kernels are given a moment
    left = _started_by_this_session()
    while left and time.time() < deadline:
        time.sleep(0.5)
        left = _started_by_this_session()
    if not left:
        return
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = "\n".join(f"  pid {pid}: {cmd}" for pid, cmd in sorted(left.items()))
    if reporter:
        reporter.write_line(f"These processes started by the tests were still running and were stopped:\n{lines}",
                            red=True)
    session.exitstatus = 1


def _chromium() -> str | None:
    from bsc_widgets.reports.printing import chromium

    return None if chromium() else "no system Chromium (apt-get install chromium)"


def _postgres() -> str | None:
    return None if os.environ.get("BSC_TEST_POSTGRES_URL") else \
        "no PostgreSQL test database (set BSC_TEST_POSTGRES_URL; tests/postgres_up.sh starts one)"


def _proxy() -> str | None:
    from bsc_widgets.base.errors import BscError
    from bsc_widgets.hub.run import proxy_command

    try:
        proxy_command()
    except BscError as exc:
        return exc.message
    return None


# What a marker (declared in pyproject.toml) needs of the machine: a test without it skips on a laptop, and fails
# under CI=true, where a skipped test is not a passed one. "browser" tests drive Chromium, so they need it too.
NEEDS = {"chromium": _chromium, "browser": _chromium, "postgres": _postgres, "hub": _proxy}


def pytest_runtest_setup(item):
    for marker, missing in NEEDS.items():
        if item.get_closest_marker(marker) and (why := missing()):
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(f"{why}: it is required under CI=true")
            pytest.skip(why)


@pytest.fixture
def sample_db(tmp_path) -> Path:
    """A private copy of the sample workspace (a real SQLite file)."""
    target = tmp_path / "ws" / "bsc.sqlite"
    target.parent.mkdir()
    shutil.copy(PRISTINE, target)
    return target


@pytest.fixture
def sample_store(sample_db):
    from bsc_widgets.store import Store

    store = Store.open(sample_db)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path):
    from bsc_widgets.store import Store

    store = Store.open(tmp_path / "empty" / "bsc.sqlite", create=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def pristine_db() -> Path:
    """The session's untouched sample workspace: copy it, never write to it."""
    return PRISTINE


@pytest.fixture(scope="session")
def today() -> str:
    return TODAY


@pytest.fixture
def sample_folder() -> Path:
    return ROOT / "sample_data" / "collaborative"

