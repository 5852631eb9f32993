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


def test_a_page_whose_messages_come_late_still_shows_them(sample_db, tmp_path):
    """The set-up page, blank one time in thirty on a busy server: its 1,500 widget messages came more than
    4 seconds after its cell had finished, and Voilà dropped the cell's output. Here every message of the
    page leaves its kernel 6 seconds late, and the page still shows what the cell displayed."""
    tests = Path(__file__).parents[1]
    shutil.copy(tests.parent / "workbooks" / "00_home.ipynb", tmp_path)      # what bsc serve looks for
    shutil.copy(tests / "fixtures" / "notebooks" / "messages_arrive_late.ipynb", tmp_path)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(sample_db), "--port",
                             str(port), "--workbooks", str(tmp_path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.time() + 90
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/render/messages_arrive_late.ipynb",
                                              timeout=120).read().decode()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        assert "Every message arrived." in page
    finally:
        stop(proc)
