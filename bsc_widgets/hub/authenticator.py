"""Sign-in against the workspace's accounts, through the hub's own login form.

Passwords are checked by ``services.accounts`` (argon2id); attempts are throttled per name and per
address, the visitor's own address as ``throttle.visitor`` reads it: locked out past 50 failures where a
trusted proxy says who the visitor is, only slowed down otherwise. An account's access is read from the
workspace again every minute (``refresh_user``), so an account that is ended, or a member taken off every
roster, has to sign in again and cannot. The hub's own administrators are the accounts whose role holds the
``accounts`` scope.
The one-time invitation link (``/hub/invite/<token>``) sets a password and signs the person in.
"""
from __future__ import annotations

import asyncio
import math
from functools import cached_property
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from jupyterhub.handlers.pages import TokenPageHandler
from tornado import web
from traitlets import List, Unicode

from ..base.errors import BscError
from ..services.access import ROLES, access_of
from ..services.accounts import PASSWORD_MIN, accept_invitation, invited, sign_in
from ..store import Store
from .throttle import AddressSlowdown, Throttle, visitor

TEMPLATES = Path(__file__).with_name("templates")


class WorkspaceAuthenticator(Authenticator):
    """Accounts and passwords from the workspace (``BSC_DB``)."""

    workspace = Unicode(help="The workspace: a SQLite path or SQLAlchemy URL.", config=True)
    trusted_proxies = List(Unicode(), help="Addresses or networks of the proxies in front of the hub whose "
                           "X-Forwarded-For is believed (bsc hub --trusted-proxy).", config=True)

    @cached_property
    def store(self) -> Store:
        return Store.open(self.workspace or None)

    @cached_property
    def throttles(self) -> dict[str, Throttle]:
        """Per name: a few tries. Per address: many more, since a whole center may share one address; and, where no
        proxy is trusted to say who the visitor is, a slowdown rather than a lockout (see ``throttle``)."""
        return {"name": Throttle(free=5),
                "address": Throttle(free=50) if self.trusted_proxies else AddressSlowdown(free=50)}

    def address(self, handler) -> str:
        request = handler.request
        peer = getattr(request.connection, "context", None)
        return visitor(request.headers.get_list("X-Forwarded-For"),
                       getattr(peer, "_orig_remote_ip", None) or request.remote_ip, self.trusted_proxies)

    def get_handlers(self, app):
        return super().get_handlers(app) + [(r"/invite/([^/]+)", InviteHandler), (r"/token", TokensForAdministrators)]

    async def authenticate(self, handler, data):
        username = str((data or {}).get("username", "")).strip().lower()[:254]
        password = str((data or {}).get("password", ""))
        address = self.address(handler)
        keys = {"name": username, "address": address}
        wait = max(self.throttles[kind].wait(key) for kind, key in keys.items())
        if wait > 0:
            self.log.warning("sign-in throttled for %r from %s", username, address)
            minutes = math.ceil(wait / 60)
            raise web.HTTPError(429, f"Too many sign-in attempts. Wait {minutes} minute{'s' * (minutes != 1)} "
                                     "and try again.")
        slow = self.throttles["address"]
        if isinstance(slow, AddressSlowdown) and (delay := slow.delay(address)) > 0:
            await asyncio.sleep(delay)
        access = await asyncio.get_running_loop().run_in_executor(None, sign_in, self.store, username, password)
        for kind, key in keys.items():
            throttle = self.throttles[kind]
            (throttle.succeeded if access else throttle.failed)(key)
        if access is None:
            self.log.info("failed sign-in for %r from %s", username, address)
            return None
        return {"name": access.username, "admin": access.allows("accounts")}

    def check_allowed(self, username, authentication=None):
        """Only the workspace's accounts (``authenticate`` has just read this one)."""
        return authentication is not None or access_of(self.store, username) is not None

    async def refresh_user(self, user, handler=None):
        access = access_of(self.store, user.name)
        return bool(access and access.active)


class TokensForAdministrators(TokenPageHandler):
    """JupyterHub's API-token page, for the site's administrators only: nobody else needs a token (and has no scope
    to make one, ``config.configure_workbooks``), so for them there is no such page."""

    @web.authenticated
    async def get(self):
        if not self.current_user.admin:
            raise web.HTTPError(404)
        return await super().get()


class InviteHandler(BaseHandler):
    """``/hub/invite/<token>``: choose a password once, then signed in."""

    @property
    def store(self) -> Store:
        return self.authenticator.store

    async def _page(self, token: str, problem: str | None = None, status: int = 200) -> None:
        account = invited(self.store, token)
        self.set_status(status if account else 404)
        self.finish(await self.render_template("bsc-invite.html", account=account, problem=problem,
                                               minimum=PASSWORD_MIN, login_url=self.settings["login_url"]))

    async def get(self, token: str) -> None:
        await self._page(token)

    async def post(self, token: str) -> None:
        password = self.get_body_argument("password", "")
        if password != self.get_body_argument("again", ""):
            return await self._page(token, "The two passwords are not the same. Type them again.", 400)
        try:
            account = accept_invitation(self.store, token, password)
        except BscError as exc:
            return await self._page(token, exc.message, 400)
        user = await self.auth_to_user({"name": account.username, "admin": "accounts" in ROLES[account.access]})
        self.set_login_cookie(user)
        self.log.info("%s set a password from an invitation", account.username)
        self.redirect(self.get_next_url(user))
