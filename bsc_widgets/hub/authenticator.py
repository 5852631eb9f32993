"""Sign-in against the workspace's accounts, through the hub's own login form.

Passwords are checked by ``services.accounts`` (argon2id); attempts are throttled per name and per
address, the visitor's own address as ``throttle.visitor`` reads it: locked out past 50 failures where a
trusted proxy says who the visitor is, only slowed down otherwise. An account's access is read from the
workspace again every minute (``refresh_user``), so an account that is ended, or a member taken off every
roster, has to sign in again and cannot. The hub's own administrators are the accounts whose role holds the
``accounts`` scope.
The one-time invitation link (``/hub/invite/<token>``) sets a password and signs the person in; a printed card's
code, typed at ``/hub/card`` (throttled like a password), leads to the same page.
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
from traitlets.config import LoggingConfigurable

from ..base.errors import BscError
from ..base.language import N_, _, speaking
from ..services.access import ROLES, access_of
from ..services.accounts import PASSWORD_MIN, accept_invitation, card_code, invited, sign_in
from ..store import Store
from .pages import page_language, said
from .throttle import AddressSlowdown, Throttle, visitor

TEMPLATES = Path(__file__).with_name("templates")


class WorkspaceSignIn(LoggingConfigurable):
    """What every way of signing in shares: the workspace's accounts, throttles, who may stay signed in, and the pages
    for an invitation link and a card's code. Mixed into an ``Authenticator`` (passwords) or an ``OAuthenticator``."""

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

    def bsc_handlers(self) -> list:
        return [(r"/invite/([^/]+)", InviteHandler), (r"/card", CardHandler), (r"/token", TokensForAdministrators)]

    async def throttled(self, handler, keys: dict[str, str]) -> None:
        """Refuse (429, in the page's language) while any of these keys is locked out; slow down a busy address."""
        wait = max(self.throttles[kind].wait(key) for kind, key in keys.items())
        if wait > 0:
            self.log.warning("sign-in throttled for %r from %s", keys.get("name"), keys["address"])
            minutes = math.ceil(wait / 60)
            error = web.HTTPError(429)
            error.jupyterhub_html_message = said(
                handler, N_("Too many sign-in attempts. Try again in %(minutes)s min."), minutes=minutes)
            raise error
        slow = self.throttles["address"]
        if isinstance(slow, AddressSlowdown) and (delay := slow.delay(keys["address"])) > 0:
            await asyncio.sleep(delay)

    def counted(self, keys: dict[str, str], ok: bool) -> None:
        for kind, key in keys.items():
            throttle = self.throttles[kind]
            (throttle.succeeded if ok else throttle.failed)(key)

    async def password_sign_in(self, handler, data):
        username = str((data or {}).get("username", "")).strip().lower()[:254]
        password = str((data or {}).get("password", ""))
        address = self.address(handler)
        keys = {"name": username, "address": address}
        await self.throttled(handler, keys)
        access = await asyncio.get_running_loop().run_in_executor(None, sign_in, self.store, username, password)
        self.counted(keys, access is not None)
        if access is None:
            self.log.info("failed sign-in for %r from %s", username, address)
            return None
        return {"name": access.username, "admin": access.allows("accounts")}

    def check_allowed(self, username, authentication=None):
        """Only the workspace's accounts."""
        return access_of(self.store, username) is not None

    async def refresh_user(self, user, handler=None):
        access = access_of(self.store, user.name)
        return bool(access and access.active)


class WorkspaceAuthenticator(WorkspaceSignIn, Authenticator):
    """Accounts and passwords from the workspace (``BSC_DB``)."""

    def get_handlers(self, app):
        return super().get_handlers(app) + self.bsc_handlers()

    async def authenticate(self, handler, data):
        return await self.password_sign_in(handler, data)


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
        with speaking(page_language(self)):
            if password != self.get_body_argument("again", ""):
                return await self._page(token, _("The two passwords are not the same. Type them again."), 400)
            try:
                account = accept_invitation(self.store, token, password)
            except BscError as exc:
                return await self._page(token, exc.message, 400)
        user = await self.auth_to_user({"name": account.username, "admin": "accounts" in ROLES[account.access]})
        self.set_login_cookie(user)
        self.log.info("%s set a password from an invitation", account.username)
        self.redirect(self.get_next_url(user))


class CardHandler(BaseHandler):
    """``/hub/card``: the code printed on a sign-in card, typed, leads to the card's invitation page. Wrong codes count
    against the visitor's address as wrong passwords do."""

    async def get(self) -> None:
        self.finish(await self.render_template("bsc-card.html", problem=False, code=""))

    async def post(self) -> None:
        authenticator = self.authenticator
        code = card_code(self.get_body_argument("code", ""))
        keys = {"address": authenticator.address(self)}
        await authenticator.throttled(self, keys)
        found = invited(authenticator.store, code) is not None      # which refuses a code of the wrong length
        authenticator.counted(keys, found)
        if found:
            return self.redirect(self.hub.base_url + "invite/" + code)
        self.set_status(400)
        self.finish(await self.render_template("bsc-card.html", problem=True,
                                               code=self.get_body_argument("code", "")[:40]))
