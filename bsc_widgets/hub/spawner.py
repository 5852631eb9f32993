"""Each person's own server, started by the hub on this machine.

Every server runs as the hub's own system user, in a folder of its own. People are kept apart by
the workbooks themselves, not by system accounts: a server runs Voilà only and no one can run code
in it (``lockdown``), and every page and every save checks the signed-in account against the
workspace. For separation by the system as well, use the Kubernetes deployment (a pod per person).
"""
from __future__ import annotations

import os
import re
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

    def user_env(self, env):
        env["USER"] = self.user.name
        env["HOME"] = self._home()
        return env
