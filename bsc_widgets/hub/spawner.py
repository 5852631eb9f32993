"""Each person's own server, started by the hub on this machine.

Every server runs as the hub's own system user, in a folder of its own. People are kept apart by
the workbooks themselves, not by system accounts: a server runs Voilà only and no one can run code
in it (``lockdown``), and every page and every save checks the signed-in account against the
workspace. For separation by the system as well, use the Kubernetes deployment (a pod per person).
"""
from __future__ import annotations

import asyncio
import os
import re
import socket
import time
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Unicode


class WorkbookSpawner(LocalProcessSpawner):
    homes = Unicode(help="The folder that holds each person's server folder.", config=True)

    def _home(self) -> str:
        return str(Path(self.homes) / re.sub(r"[^a-z0-9._-]", "_", self.user.name.lower()))

    def make_preexec_fn(self, name):
        home = self._home()

        def preexec():  # no change of system user: see the module's docstring
            os.makedirs(home, mode=0o700, exist_ok=True)
            os.chdir(home)

        return preexec

    async def start(self):
        """Start the server, and return once it answers: JupyterHub's own check backs off exponentially (0.2 s, 0.4…
        up to 5 s), which found a server that had been ready for 1.8 s. A look every 50 ms costs nothing."""
        ip, port = await super().start()
        deadline = time.monotonic() + self.start_timeout
        while self.proc.poll() is None and time.monotonic() < deadline and not _listening(ip, port):
            await asyncio.sleep(0.05)
        return ip, port

    def user_env(self, env):
        env["USER"] = self.user.name
        env["HOME"] = self._home()
        return env


def _listening(ip: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex((ip, port)) == 0
