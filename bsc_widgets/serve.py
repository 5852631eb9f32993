"""Start Voilà on the workbooks, against one workspace, bound to loopback by default."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from .errors import BscError
from .store import resolve_db

SHARE = Path(__file__).resolve().parent / "share" / "jupyter"   # holds our Voilà template "bsc"


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
        sys.executable, "-m", "voila", str(workbooks), "--no-browser",
        f"--port={port}", f"--Voila.ip={ip}", "--template=bsc",
        f"--show_tracebacks={show_tracebacks}",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        # closed tabs leave kernels behind (voila#1458): cull idle ones
        "--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60",
    ] + pool


def voila_env(db: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["BSC_DB"] = resolve_db(db)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(SHARE), env.get("JUPYTER_PATH")]))
    env.update(extra or {})
    return env


def serve(workbooks: Path, db: str | None, ip: str = "127.0.0.1", port: int = 8866, preheat: int = 0) -> int:
    if not (workbooks / "00_home.ipynb").exists():
        raise BscError(f"No workbooks found in {workbooks} (00_home.ipynb is missing).")
    if not port_free(ip, port):
        raise BscError(f"Port {port} on {ip} is already in use. Stop the other server, or choose another "
                       f"port with --port.")
    print(f"Serving the workbooks on http://{ip}:{port}/voila/render/00_home.ipynb  (Ctrl+C to stop)",
          flush=True)
    try:
        return subprocess.call(voila_command(workbooks, ip, port, preheat=preheat), env=voila_env(db))
    except KeyboardInterrupt:
        return 0
