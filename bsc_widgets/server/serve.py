"""Start Voilà on the workbooks, against one workspace, bound to loopback by default."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from ..base.errors import BscError
from ..base.kernels import KERNELS
from ..base.language import _
from ..store import resolve_db

SHARE = Path(__file__).resolve().parents[1] / "share" / "jupyter"   # holds our Voilà template "bsc"


def port_free(ip: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((ip, port))
        except OSError:
            return False
    return True


def voila_command(workbooks: Path, ip: str, port: int, show_tracebacks: bool = False,
                  preheat: int = 0) -> list[str]:
    pool = ["--preheat_kernel=True", f"--pool_size={preheat}"] if preheat > 0 else []
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


def serve(workbooks: Path, db: str | None, ip: str = "127.0.0.1", port: int = 8866, preheat: int = 0) -> int:
    if not (workbooks / "00_home.ipynb").exists():
        raise BscError(_("No workbooks found in %(folder)s (00_home.ipynb is missing).", folder=workbooks))
    if not port_free(ip, port):
        raise BscError(port_in_use(ip, port))
    print(_("Serving the workbooks on %(address)s  (Ctrl+C to stop)",
            address=f"http://{ip}:{port}/voila/render/00_home.ipynb"), flush=True)
    return run_until_stopped(voila_command(workbooks, ip, port, preheat=preheat), voila_env(db))


def port_in_use(ip: str, port: int) -> str:
    return _("Port %(port)s on %(ip)s is already in use. Stop the other server, or choose another port with --port.",
             port=port, ip=ip)


def run_until_stopped(command: list[str], env: dict[str, str], cwd: str | None = None) -> int:
    """Run the server as our child and pass on any request to stop, so that stopping ``bsc serve`` (Ctrl+C,
    a service manager's SIGTERM) stops Voilà and its kernels too, never leaving them running without us."""
    started: list[subprocess.Popen] = []

    def forward(signum, _frame):
        if started and started[0].poll() is None:
            started[0].send_signal(signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)

    # handled here before the child starts, so the child starts with the default actions: a shell script that
    # runs ``bsc serve &`` has SIGINT ignored, and an ignored signal would be inherited (Ctrl+C would not stop it)
    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    child = subprocess.Popen(command, env=env, cwd=cwd)
    started.append(child)
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
