"""Shared by every layer of the suite, the notebook runs (nbval) included.

Before anything runs, a real sample workspace is created in a temporary folder and
BSC_DB points at it, so kernels started by nbval and papermill find real data.
"""
import os
import shutil
import tempfile
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


def pytest_configure(config):
    _make_pristine()
    nb_ws = _SESSION_DIR / "notebooks" / "bsc.sqlite"
    nb_ws.parent.mkdir(parents=True)
    shutil.copy(PRISTINE, nb_ws)
    os.environ["BSC_DB"] = str(nb_ws)
    os.environ["BSC_TODAY"] = TODAY


def pytest_unconfigure(config):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


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

