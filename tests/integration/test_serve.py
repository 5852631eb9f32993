"""``bsc serve`` as a service manager or a Ctrl+C stops it: Voilà and its kernels stop with it."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.support import stop

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _running(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _as_a_background_job() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGQUIT, signal.SIG_IGN)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_stopping_bsc_serve_stops_voila_and_its_kernels(sample_db, how):
    marker = f"BSC_SERVE_PROBE={uuid.uuid4().hex}"
    port = _free_port()
    env = dict(os.environ, BSC_SERVE_PROBE=marker.split("=", 1)[1])
    # started as a script's ``bsc serve &`` starts it: with SIGINT and SIGQUIT ignored, which a child inherits
    proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(sample_db), "--port",
                             str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, preexec_fn=_as_a_background_job)
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:  # a page opened: its kernel is one more process that must stop
                urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/render/00_home.ipynb", timeout=60).read()
                break
            except OSError:
                time.sleep(0.3)
        assert len(_running(marker)) >= 3, "bsc serve, Voilà and a kernel are running"
        proc.send_signal(how)
        proc.wait(30)
        deadline = time.time() + 20
        while _running(marker) and time.time() < deadline:
            time.sleep(0.3)
        assert _running(marker) == [], "nothing bsc serve started outlives it"
    finally:
        for pid in _running(marker):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("notebook", ["many_messages_at_once", "messages_arrive_late"])
def test_a_page_shows_its_output_however_its_messages_come(sample_db, tmp_path, notebook):
    """The set-up page was blank one time in thirty on a busy server: its 1,800 widget messages came in a burst
    the server read a little late, ZeroMQ dropped those past its 1,000 and Voilà never saw the cell's output.
    Here a page sends 20,000 messages at once, or every message leaves its kernel 6 seconds late (more than
    nbclient's 4), and the page still shows what its cell displayed."""
    tests = Path(__file__).parents[1]
    shutil.copy(tests.parent / "workbooks" / "00_home.ipynb", tmp_path)      # what bsc serve looks for
    shutil.copy(tests / "fixtures" / "notebooks" / f"{notebook}.ipynb", tmp_path)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(sample_db), "--port",
                             str(port), "--workbooks", str(tmp_path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 90
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/render/{notebook}.ipynb",
                                              timeout=120).read().decode()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        assert "Every message arrived." in page
    finally:
        stop(proc)
