"""``bsc hub``: JupyterHub and its proxy in front of the workbooks, for one workspace."""
from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..base.errors import BscError
from ..base.language import N_, _, day
from ..server.serve import local, port_free, port_in_use, run_until_stopped
from ..services import Actor
from ..services.accounts import first_admin
from ..store import Store, sqlite_path
from .config import HUB_CONFIG, HubSettings
from .throttle import trusted_list

PROJECT = Path(__file__).resolve().parents[2]
TLS = N_("It serves plain HTTP on %(ip)s. To serve people on other machines, put a TLS proxy in front (Caddy, or nginx "
         "with a certificate) that forwards to this address, start with --public-url https://your.site, and keep "
         "--ip 127.0.0.1.")


def proxy_command() -> str:
    """configurable-http-proxy: the project's own copy (npm), else one on the PATH."""
    for found in (PROJECT / "node_modules" / ".bin" / "configurable-http-proxy",
                  shutil.which("configurable-http-proxy")):
        if found and Path(found).exists():
            return str(found)
    raise BscError(_("configurable-http-proxy is not installed. Run “make install” (it runs npm install in the "
                     "project), or “npm install -g configurable-http-proxy”."))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_settings(workspace: str, ip: str, port: int, state: Path | None, hub_db: str | None,
                 public_url: str | None, idle_timeout: int, trusted: tuple[str, ...] = (),
                 sso: str = "") -> HubSettings:
    if not port_free(ip, port):
        raise BscError(port_in_use(ip, port))
    if sso:
        from .sso import provider_settings

        provider_settings()   # here, in words, if a setting is missing or the provider cannot be reached
    try:
        proxies = trusted_list(",".join(trusted))
    except ValueError:
        raise BscError(_("--trusted-proxy takes an address (such as 127.0.0.1) or a network (such as 10.0.0.0/8), "
                         "not “%(given)s”.", given=", ".join(trusted)[:60])) from None
    if public_url and urlsplit(public_url).scheme not in ("http", "https"):
        raise BscError(_("--public-url must start with https:// (or http://), not “%(url)s”.", url=public_url[:60]))
    where = sqlite_path(workspace)
    state = (state or ((where.parent / "hub") if where else Path("hub-state"))).resolve()
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BscError(_("Cannot create the hub's folder %(folder)s: %(why)s.", folder=state, why=exc.strerror)) from None
    bind = f"http://{ip}:{port}"
    return HubSettings(workspace=workspace, state=str(state), hub_db=hub_db or f"sqlite:///{state / 'jupyterhub.sqlite'}",
                       bind_url=bind, public_url=(public_url or bind).rstrip("/"), hub_port=free_port(),
                       proxy_api_port=free_port(), proxy=proxy_command(), idle_timeout=idle_timeout,
                       trusted_proxies=",".join(proxies), sso=sso)


def run_hub(settings: HubSettings) -> int:
    store = Store.open(settings.workspace)
    invitation = first_admin(store, Actor(name="bsc hub"))
    store.close()
    ip = urlsplit(settings.bind_url).hostname

    def ready() -> None:
        print(_("Serving the workbooks with sign-in on %(address)s  (Ctrl+C to stop)",
                address=f"{settings.public_url}/"), flush=True)
        if invitation is not None:
            print(_("First administrator: open this link once to choose a password (it works until %(day)s):",
                    day=day(invitation.expires)) + f"\n  {settings.public_url}{invitation.path()}", flush=True)
        print(_(TLS, ip=ip), flush=True)

    print(_("Starting the workbooks (this can take a minute)…"), flush=True)
    env = dict(os.environ, **settings.environment())
    health = f"http://{local(ip)}:{urlsplit(settings.bind_url).port}/hub/health"
    return run_until_stopped([sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)], env, cwd=settings.state,
                             answering=(health, ready))
