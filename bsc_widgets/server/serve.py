"""Start Voilà on the workbooks, against one workspace, bound to loopback by default."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from ..base.errors import BscError
from ..base.kernels import KERNELS
from ..base.language import _
from ..base.pages import COACH_PAGES
from ..store import resolve_db

SHARE = Path(__file__).resolve().parents[1] / "share" / "jupyter"   # holds our Voilà template "bsc"


def port_free(ip: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((ip, port))
        except OSError:
            return False
    return True


def not_preheated() -> list[str]:
    """The pages whose kernels are never made ahead: the coaches', advisors' and leaders' (on a desktop, heavier, and
    the dashboard and equity pages, made ahead, lost their widget state on a slow phone and had to open again). The
    team workbooks, which people open on their phones, are."""
    return sorted(file for file, _title, _what in COACH_PAGES)


def voila_command(workbooks: Path, ip: str, port: int, show_tracebacks: bool = False,
                  preheat: int = 0) -> list[str]:
    pool = ["--preheat_kernel=True", f"--pool_size={preheat}",
            f"--VoilaKernelManager.preheat_denylist={not_preheated()!r}"] if preheat > 0 else []
    return [
        sys.executable, "-m", "bsc_widgets.server.voila_server", str(workbooks), "--no-browser",
        f"--port={port}", f"--Voila.ip={ip}", "--template=bsc",
        f"--show_tracebacks={show_tracebacks}",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
    ] + [f"--{part}.{name}={value}" for part, values in KERNELS.items() for name, value in values.items()] + pool


def voila_env(db: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["BSC_DB"] = resolve_db(db)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(SHARE), env.get("JUPYTER_PATH")]))
    env.update(extra or {})
    return env


KERNEL_MB = 150          # what one workbook's kernel holds, imports done
SPARE_MB = 2048          # left for the open pages' own kernels, the server and everything else on the machine


def available_mb() -> int:
    """The memory this machine can still give (``MemAvailable``), in MB; 0 where it cannot be read."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def preheat_for(workbooks: Path, free_mb: int) -> int:
    """Kernels kept ready per team workbook when none is asked for: one where the machine has room for them twice over
    (a visit takes the ready kernel and another starts behind it) and the spare, else none. A page then opens
    without waiting for its kernel's start and imports, the most of a repeat visit's wait."""
    skipped = set(not_preheated())
    count = sum(1 for path in workbooks.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts
                and path.relative_to(workbooks).as_posix() not in skipped)
    return 1 if free_mb >= 2 * count * KERNEL_MB + SPARE_MB else 0


def serve(workbooks: Path, db: str | None, ip: str = "127.0.0.1", port: int = 8866, preheat: int | None = None) -> int:
    if not (workbooks / "00_home.ipynb").exists():
        raise BscError(_("No workbooks found in %(folder)s (00_home.ipynb is missing).", folder=workbooks))
    if not port_free(ip, port):
        raise BscError(port_in_use(ip, port))
    if preheat is None:
        preheat = preheat_for(workbooks, available_mb())
        print(_("Keeping a kernel ready for each workbook, so pages open faster (--preheat 0 to save memory).")
              if preheat else _("Starting a kernel for each page as it opens (this machine has too little memory "
                                "free to keep kernels ready)."), flush=True)
    address = f"http://{ip}:{port}/voila/render/00_home.ipynb"
    print(_("Starting the workbooks (this can take a minute)…"), flush=True)
    return run_until_stopped(voila_command(workbooks, ip, port, preheat=preheat), voila_env(db),
                             answering=(f"http://{local(ip)}:{port}/voila/bsc/answering", lambda: print(
                                 _("Serving the workbooks on %(address)s  (Ctrl+C to stop)", address=address),
                                 flush=True)))


def port_in_use(ip: str, port: int) -> str:
    return _("Port %(port)s on %(ip)s is already in use. Stop the other server, or choose another port with --port.",
             port=port, ip=ip)


def local(ip: str) -> str:
    """Where this machine reaches a server bound to ``ip`` (all addresses: loopback), as a URL writes it."""
    if ip in ("0.0.0.0", "", "::"):
        return "127.0.0.1"
    return f"[{ip}]" if ":" in ip else ip


DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # never through an http_proxy


def answers(url: str) -> bool:
    """Whether a web server answers at ``url`` (any answer, an error page included), asked directly: a proxy set in
    the environment must not stand between this machine and itself."""
    try:
        DIRECT.open(url, timeout=5).close()
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def say_when_answering(child: subprocess.Popen, url: str, say: Callable[[], None]) -> threading.Thread:
    """Call ``say`` once ``url`` answers (not when the server is merely started: on a busy machine Voilà took 40 s
    more to listen, and a first click in that gap was refused); nothing if the server stops first."""
    def watch() -> None:
        while child.poll() is None:
            if answers(url):
                say()
                return
            time.sleep(0.2)

    thread = threading.Thread(target=watch, name="say-when-answering", daemon=True)
    thread.start()
    return thread


def run_until_stopped(command: list[str], env: dict[str, str], cwd: str | None = None,
                      answering: tuple[str, Callable[[], None]] | None = None) -> int:
    """Run the server as our child and pass on any request to stop, so that stopping ``bsc serve`` (Ctrl+C,
    a service manager's SIGTERM) stops Voilà and its kernels too, never leaving them running without us. With
    ``answering`` (an address, and what to say), say it once the address answers."""
    started: list[subprocess.Popen] = []

    def forward(signum, _frame):
        if started and started[0].poll() is None:
            started[0].send_signal(signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)

    # handled here before the child starts, so the child starts with the default actions: a shell script that
    # runs ``bsc serve &`` has SIGINT ignored, and an ignored signal would be inherited (Ctrl+C would not stop it)
    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    child = subprocess.Popen(command, env=env, cwd=cwd)
    started.append(child)
    if answering:
        say_when_answering(child, *answering)
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
