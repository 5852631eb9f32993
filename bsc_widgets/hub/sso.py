"""Single sign-on (``bsc hub --sso oidc``): a state's or program's own accounts (Microsoft Entra ID, Google Workspace,
Okta, Login.gov) through OpenID Connect, by JupyterHub's ``oauthenticator``.

The provider says who the person is; the workspace still says what they may do. The provider's e-mail address is
matched to the accounts and rosters by the same rules as a password's sign-in, with the same roles, and only when
the provider vouches for it (``email_verified``, or an address in a domain the provider owns, for Entra ID, which
does not send that claim). Someone the collaborative has not invited gets a page that says to ask their coach, not
an account. The password form stays on the sign-in page for the people the provider does not know (a family
member from a printed card).

Settings come from the environment, so no secret is on a command line: ``BSC_SSO_ISSUER`` (the provider's address,
whose ``/.well-known/openid-configuration`` names the rest), ``BSC_SSO_CLIENT_ID``, ``BSC_SSO_CLIENT_SECRET``,
``BSC_SSO_NAME`` (the button's "Sign in with …") and ``BSC_SSO_VERIFIED_DOMAINS``.
"""
from __future__ import annotations

import json
import os
import urllib.request
from urllib.parse import urlsplit

from oauthenticator.generic import GenericOAuthenticator
from tornado import web
from traitlets import List, Unicode

from ..base.errors import BscError
from ..base.language import N_, _
from ..services.access import access_of
from .authenticator import WorkspaceSignIn
from .pages import said

SETTINGS = ("BSC_SSO_ISSUER", "BSC_SSO_CLIENT_ID", "BSC_SSO_CLIENT_SECRET")
NOT_VERIFIED = N_("Your account there did not confirm your e-mail address, so it cannot be matched to an invitation. "
                  "Sign in with your e-mail address and password instead, or ask your coach or improvement advisor.")
NOT_INVITED = N_("You are signed in there as %(email)s, but that address has not been invited to this collaborative. "
                 "Ask your coach or improvement advisor for an invitation, sent to this address.")


class WorkspaceOIDCAuthenticator(WorkspaceSignIn, GenericOAuthenticator):
    """OpenID Connect for who the person is; the workspace's accounts for whether they may come in, and as what."""

    verified_domains = List(Unicode(), help="E-mail domains the provider owns (its directory's own addresses), taken "
                            "as verified without an email_verified claim.", config=True)

    def get_handlers(self, app):
        return super().get_handlers(app) + self.bsc_handlers()

    def user_info_to_username(self, user_info):
        return str(user_info.get("email") or "-").strip().lower()

    def vouched(self, info: dict, email: str) -> bool:
        domain = email.rpartition("@")[2]
        return "@" in email and (info.get("email_verified") is True or domain in self.verified_domains)

    async def authenticate(self, handler, data=None, **kwargs):
        if data and "password" in data:        # the sign-in page's own form, for people the provider does not know
            return await self.password_sign_in(handler, data)
        model = await super().authenticate(handler, data, **kwargs)
        info = (model.get("auth_state") or {}).get(self.user_auth_state_key) or {}
        email = model["name"]
        if not self.vouched(info, email):
            self.log.warning("single sign-on refused: the provider did not verify %r", email)
            raise refusal(handler, NOT_VERIFIED)
        access = access_of(self.store, email)
        if access is None or not access.active:
            self.log.warning("single sign-on refused: %r is not invited", email)
            raise refusal(handler, NOT_INVITED, email=email)
        return {"name": access.username, "admin": access.allows("accounts")}


def refusal(handler, message: str, **values) -> web.HTTPError:
    error = web.HTTPError(403)
    error.jupyterhub_html_message = said(handler, message, **values)
    return error


def provider_settings(environ=None) -> dict[str, str]:
    """The provider's endpoints (from its discovery document) and this hub's client, from the environment; a plain
    message when something is missing or the provider cannot be reached."""
    environ = os.environ if environ is None else environ
    missing = [name for name in SETTINGS if not environ.get(name)]
    if missing:
        raise BscError(_("--sso oidc needs %(names)s in the environment (the provider's address, and this hub's client "
                         "as registered there). See the README, “Single sign-on”.", names=", ".join(missing)))
    issuer = environ["BSC_SSO_ISSUER"].rstrip("/")
    if urlsplit(issuer).scheme not in ("https", "http"):
        raise BscError(_("BSC_SSO_ISSUER must be the provider's https:// address, not “%(given)s”.", given=issuer[:80]))
    try:
        with urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=20) as answer:
            found = json.load(answer)
        endpoints = {k: found[k] for k in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint")}
    except (OSError, ValueError, KeyError) as exc:
        raise BscError(_("Cannot read the provider's settings at %(url)s: %(why)s.",
                         url=issuer + "/.well-known/openid-configuration", why=str(exc)[:200])) from None
    return {**endpoints, "client_id": environ["BSC_SSO_CLIENT_ID"], "name": environ.get("BSC_SSO_NAME", ""),
            "domains": environ.get("BSC_SSO_VERIFIED_DOMAINS", "")}


def configure_sso(c, public_url: str, provider: dict[str, str]) -> None:
    """Use the provider for sign-in (the client secret is read from ``BSC_SSO_CLIENT_SECRET`` by oauthenticator)."""
    c.JupyterHub.authenticator_class = "bsc_widgets.hub.sso.WorkspaceOIDCAuthenticator"
    c.GenericOAuthenticator.client_id = provider["client_id"]
    c.GenericOAuthenticator.client_secret = os.environ.get("BSC_SSO_CLIENT_SECRET", "")
    c.GenericOAuthenticator.authorize_url = provider["authorization_endpoint"]
    c.GenericOAuthenticator.token_url = provider["token_endpoint"]
    c.GenericOAuthenticator.userdata_url = provider["userinfo_endpoint"]
    c.GenericOAuthenticator.oauth_callback_url = f"{public_url.rstrip('/')}/hub/oauth_callback"
    c.GenericOAuthenticator.scope = ["openid", "email", "profile"]
    c.GenericOAuthenticator.login_service = provider["name"] or "-"   # "-": the page says "your organization's account"
    c.GenericOAuthenticator.allow_all = False
    c.WorkspaceOIDCAuthenticator.verified_domains = [d.strip().lower() for d in provider["domains"].split(",")
                                                     if d.strip()]
