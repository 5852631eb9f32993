"""The hub's own pages (sign-in, a card's code, a server opening, errors, sign-out) in the product's look and the
person's language, from our templates (``templates/``, given to JupyterHub as ``template_paths``).

The language of a page: the one asked for (``?lang=``, remembered for the browser in the same cookie the workbook
pages use), else the one remembered, else the browser's (``Accept-Language``), else the signed-in account's (from
the roster), else English. JupyterHub has no hook for a page's language, so its handlers' template namespace is
wrapped, once, to carry it with the translating ``_`` our templates call. Only an administrator sees any of
JupyterHub's own chrome (its token and admin pages, which need its scripts).
"""
from __future__ import annotations

from urllib.parse import urlencode

from jupyterhub.handlers.base import BaseHandler
from markupsafe import Markup

from ..base.language import (
    LANGUAGES,
    _,
    first_known,
    from_browser,
    known,
    n_,
    remember_language,
    remembered_language,
    speaking,
)
from ..render import stylesheet
from ..services.access import access_of


def page_language(handler) -> str:
    """The language of this page, for this person (see the module's docstring)."""
    asked = known(handler.get_argument("lang", None))
    if asked:
        if not handler._finished:
            remember_language(handler, asked)
        return asked
    kept = remembered_language(handler) or from_browser(handler.request.headers.get("Accept-Language"))
    if kept:
        return kept
    user, store = handler.current_user, getattr(handler.authenticator, "store", None)
    access = access_of(store, user.name) if user is not None and store is not None else None
    return first_known(access.language if access else None)


def translator(code: str):
    """``_`` and ``n_`` for one page: the language is chosen per call, since pages of many people render at once."""
    def gettext(message: str, **values) -> str:
        with speaking(code):
            return _(message, **values)

    def ngettext(singular: str, plural: str, n: int, **values) -> str:
        with speaking(code):
            return n_(singular, plural, n, **values)

    return gettext, ngettext


def language_links(handler, code: str) -> list[tuple[str, str, str]]:
    """(code, name, address) of this page in each other language."""
    query = {k: v[-1].decode("utf-8", "replace") for k, v in handler.request.query_arguments.items() if k != "lang"}
    return [(other, name, handler.request.path + "?" + urlencode({**query, "lang": other}))
            for other, name in LANGUAGES.items() if other != code]


def our_namespace(handler, namespace: dict) -> dict:
    code = page_language(handler)
    gettext, ngettext = translator(code)
    user = namespace.get("user")
    return dict(namespace, lang=code, _=gettext, gettext=gettext, ngettext=ngettext, style=stylesheet(),
                language_links=language_links(handler, code), administrator=bool(user is not None and user.admin),
                card_url=handler.hub.base_url + "card")


def install() -> None:
    """Wrap JupyterHub's template namespace (once per process) with the page's language and our style."""
    original = BaseHandler.template_namespace
    if getattr(original.fget, "bsc", False):
        return

    def template_namespace(self):
        return our_namespace(self, original.fget(self))

    template_namespace.bsc = True
    BaseHandler.template_namespace = property(template_namespace)


def said(handler, message: str, **values) -> Markup:
    """An error's words in the page's language, as JupyterHub's error page shows them (``message_html``)."""
    from ..render import render

    with speaking(page_language(handler)):
        return render("common.html", "paragraph", text=_(message, **values))
