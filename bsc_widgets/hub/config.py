"""The hub's one configuration: ``bsc hub`` and the Kubernetes deployment both call ``configure``."""
from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from ..base.paths import workbooks_dir

HERE = Path(__file__).resolve().parent
SHARE = HERE.parent / "share" / "jupyter"  # our Voilà template "bsc"
SINGLEUSER_CONFIG = HERE / "singleuser_config.py"
HUB_CONFIG = HERE / "jupyterhub_config.py"
# what the hub passes on from its own environment to each person's server
PASSED_ON = ["BSC_TODAY", "BSC_TEST_SESSION", "PLOTLY_RENDERER", "TZ"]


@dataclass(frozen=True)
class HubSettings:
    workspace: str          # the workbooks' workspace (path or URL)
    state: str              # the hub's own folder: cookie secret, people's server folders, SQLite database
    hub_db: str             # the hub's database URL
    bind_url: str           # where the proxy listens, e.g. http://127.0.0.1:8000
    public_url: str         # the address people use (behind a TLS proxy, its https:// address)
    hub_port: int           # the hub's own API, on loopback
    proxy_api_port: int     # the proxy's API, on loopback
    proxy: str              # the configurable-http-proxy command
    idle_timeout: int = 3600  # seconds after which an idle person's server is stopped
    trusted_proxies: str = ""  # the TLS proxies whose X-Forwarded-For is believed, comma-separated
    sso: str = ""              # "oidc": sign-in through the provider named by BSC_SSO_* (hub.sso)

    def environment(self) -> dict[str, str]:
        return {f"BSC_HUB_{k.upper()}": str(v) for k, v in asdict(self).items()}

    @classmethod
    def from_environment(cls) -> "HubSettings":
        values = {k: os.environ[f"BSC_HUB_{k.upper()}"] for k in cls.__dataclass_fields__
                  if f"BSC_HUB_{k.upper()}" in os.environ}
        return cls(**{k: int(v) if k in ("hub_port", "proxy_api_port", "idle_timeout") else v
                      for k, v in values.items()})


def configure_workbooks(c, workspace: str, public_url: str, trusted_proxies: str = "") -> None:
    """What every deployment shares (this machine's ``bsc hub`` and Kubernetes): sign-in from the workspace's
    accounts, and each person's server running the workbooks in Voilà only."""
    from .authenticator import TEMPLATES
    from .pages import install

    install()
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.tornado_settings = {"compress_response": True}   # the pages carry our style sheet, for phones
    c.JupyterHub.authenticator_class = "bsc_widgets.hub.authenticator.WorkspaceAuthenticator"
    c.WorkspaceSignIn.workspace = workspace
    c.WorkspaceSignIn.trusted_proxies = [a for a in trusted_proxies.split(",") if a.strip()]
    c.Authenticator.auth_refresh_age = 60      # an ended account is signed out within a minute
    c.Authenticator.refresh_pre_spawn = True
    c.Authenticator.any_allow_config = True    # who may sign in is the workspace's accounts (check_allowed)
    c.Spawner.cmd = [sys.executable, "-m", "bsc_widgets.hub.singleuser"]
    c.Spawner.args = [f"--config={SINGLEUSER_CONFIG}"]
    c.Spawner.default_url = "/voila/render/00_home.ipynb"
    c.Spawner.environment = {"BSC_DB": workspace, "BSC_HUB_URL": public_url,
                             "JUPYTER_PATH": os.pathsep.join(filter(None, [str(SHARE), os.environ.get("JUPYTER_PATH")]))}
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 60
    # people open their own server and nothing else of the hub: JupyterHub's "self" without API tokens (which no
    # page needs, and which would let a signed-in person script the hub's API for themselves)
    c.JupyterHub.load_roles = [{"name": "user", "description": "Open one's own workbooks", "scopes": [
        "read:users!user", "users:activity!user", "servers!user", "access:servers!user"]}]


def configure(c, s: HubSettings) -> None:
    """Fill a JupyterHub config object ``c`` for one workspace served from this machine."""
    configure_workbooks(c, s.workspace, s.public_url, s.trusted_proxies)
    if s.sso == "oidc":
        from .sso import configure_sso, provider_settings

        configure_sso(c, s.public_url, provider_settings())
    state = Path(s.state)
    c.JupyterHub.bind_url = s.bind_url
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = s.hub_port
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.proxy_api_port}"
    c.ConfigurableHTTPProxy.command = [s.proxy]
    c.JupyterHub.db_url = s.hub_db
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True

    c.JupyterHub.spawner_class = "bsc_widgets.hub.spawner.WorkbookSpawner"
    c.WorkbookSpawner.homes = str(state / "people")
    c.Spawner.notebook_dir = str(workbooks_dir())
    c.Spawner.env_keep = ["PATH", "PYTHONPATH", "VIRTUAL_ENV", "LANG", "LC_ALL", *PASSED_ON]

    c.JupyterHub.services = [{"name": "idle-culler", "command": [
        sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s.idle_timeout}", "--cull-every=60"]}]
    c.JupyterHub.load_roles = c.JupyterHub.load_roles + [{
        "name": "idle-culler", "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
