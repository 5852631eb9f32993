"""Voilà as ``bsc serve`` runs it: responses compressed, extension files cached while they last, and a
closed page's kernel shut down.

- A first visit to a workbook moves several megabytes of JavaScript; gzip makes that about a quarter.
  Tornado compresses only when the application is built with ``compress_response`` (setting it later
  adds nothing), so the setting goes in where Voilà builds its application. The websocket to the
  kernel is compressed too (``SETTINGS``).
- plotly's extension (4.8 MB, 1.45 MB compressed) is not loaded: a page fetches the plotly.js our charts
  need when it draws its first chart (``forms/plot.py``), from ``/voila/bsc/plotly.<hash>.js``.
- Where the browser accepts it, files go brotli-compressed (``brotli_files.py``), 15% smaller than gzip.
- Voilà's own scripts (``/voila/static/7155.voila.js``) carry no version, so a repeat visit asked again
  for each. Our template asks for them under a path naming Voilà's version
  (``/voila/static/v0.5.13/…``), which can be kept for good: an upgrade changes the path.
- Voilà marks every lab-extension file "no-cache", so a repeat visit asks again for each of about a
  hundred files: a round trip each, slow on a phone. A file whose name carries its content hash
  (``remoteEntry.1dda3c8f6e5cd2a3.js``) can never change, so it is kept for a year; the others are
  still asked for again.

- While a page's kernel starts and runs, the loading screen names the page and the team
  (``opening``, Voilà's pre-launch hook), instead of "Running 03_pdsa...".

``bsc serve`` runs ``BscVoila``; under the hub, where Voilà is an extension of each person's server,
this module is a server extension too and makes the same changes there.
"""
from __future__ import annotations

import re

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.utils import url_path_join
from jupyterlab_server.themes_handler import ThemesHandler
from tornado.routing import PathMatches, Rule
from tornado.web import HTTPError, RedirectHandler, RequestHandler, StaticFileHandler
from voila import __version__ as VOILA_VERSION
from voila.app import Voila
from voila.static_file_handler import AllowListFileHandler, MultiStaticFileHandler, TemplateStaticFileHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from ..base.ids import is_slug
from ..base.kernels import keep_every_message
from ..base.language import LANGUAGES, _, first_known, known, remember_language, remembered_language, speaking
from ..base.log import server_log
from ..base.pages import COACH_PAGES, WORKBOOKS
from ..charts import plotly_js
from ..portable.limits import UPLOAD_WIRE_BYTES
from ..render import render, stylesheet
from .brotli_files import BrotliFiles
from .preload import preloaded

HASHED = re.compile(r"\.[0-9a-f]{16,}\.(js|css|woff2?)$")
YEAR = "public, max-age=31536000, immutable"
# lab extensions no workbook uses: plotly's (the pages load plotly.js themselves) and code highlighting
UNUSED_EXTENSIONS = ["jupyterlab-plotly", "jupyterlab_pygments"]


TITLES = {file: title for file, title, _ in WORKBOOKS + COACH_PAGES}
_STORE = []   # the server's own read of the workspace, opened once, for the loading screen's team names


def _opening_for(team_id: str, asked: str | None) -> tuple[str | None, str]:
    """The team's name, when the person may open it (under the hub: one of their teams), and the language the
    page will speak (as ``notebooks.speak_for`` chooses it)."""
    from ..model import Team
    from ..services.access import access_of, hub_user
    from ..services.read_gate import may_see_team
    from ..store import Store

    if not _STORE:
        _STORE.append(Store.open(None, read_only=True))
    store = _STORE[0]
    user = hub_user()
    access = access_of(store, user) if user is not None else None
    team = store.get(Team, team_id) if is_slug(team_id) else None
    if team is not None and user is not None and (access is None or not may_see_team(access, team_id)):
        team = None
    return (team.name if team else None,
            first_known(asked, access.language if access else None, team.language if team else None))


def opening_words(page_path: str, team_name: str | None) -> str:
    """The loading screen's words: which page is opening, and for which team."""
    file = next((f for f in TITLES if page_path.endswith("/" + f)), None)
    return str(render("common.html", "opening", page=_(TITLES[file]) if file else _("the workbook"), team=team_name))


def page_words() -> dict[str, dict]:
    """What the page's own script says (while it opens, saves, or opens again), in every language: a page made ahead
    of its visitor (a preheated kernel's) does not know its language, nor which page and team it is for, until it
    is shown, and chooses then (each page's title is here, and "Opening {page}", "for {team}" to fill in)."""
    words = {}
    for code in LANGUAGES:
        with speaking(code):
            words[code] = {"wait": _("Getting your page ready. On a slow connection this can take half a minute."),
                           "page": _("Opening %(page)s", page="{page}"), "team": _("for %(team)s", team="{team}"),
                           "workbook": _("the workbook"), "titles": {file: _(title) for file, title in TITLES.items()},
                           "connection": str(render("common.html", "connection_words")), "saving": _("Saving…"),
                           "again": _("Opening again…"), "missing": _("This part of the page did not open."),
                           "button": _("Open the page again")}
    return words


def team_names() -> dict[str, str]:
    """Every team's name by its id, for a page made ahead of its visitor under ``bsc serve`` (one trusted person,
    no accounts: the home page lists them all). Never under the hub, where a page is made for its visitor."""
    from ..model import Team
    from ..store import Store

    if not _STORE:
        _STORE.append(Store.open(None, read_only=True))
    return {t.id: t.name for t in _STORE[0].list(Team)}


def opening(handler, notebook, cwd) -> None:
    """Voilà's pre-launch hook: put the page's words in the notebook the template renders. With a request, the
    loading screen names the page and the team in the page's language; without one (a kernel kept ready, before
    anyone asks), the page's script chooses each language's words when it is shown. A failure here costs only the
    words (the template's English ones are shown), never the page."""
    try:
        notebook.metadata["bsc_words"] = page_words()
        notebook.metadata["bsc_preload"] = list(preloaded())
        if handler is None:
            notebook.metadata["bsc_teams"] = team_names()
            return
        team, code = _opening_for(handler.get_argument("team", ""), handler.get_argument("lang", None))
        with speaking(code):
            notebook.metadata["bsc_lang"] = code
            notebook.metadata["bsc_opening_html"] = opening_words(handler.request.path, team)
    except Exception:  # noqa: BLE001 - the page opens with the template's plain words instead
        server_log().exception("could not name the page while it opens")


class PlainErrors:
    """An error answered with a plain page of ours (in both languages, a way home, nothing from the internet) instead
    of Voilà's, which links a stylesheet on a CDN and says nothing a team member can act on."""

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        home = url_path_join(self.settings.get("base_url", "/"), "voila/render/00_home.ipynb")
        self.finish(str(render("common.html", "error_page", status=status_code, home=home, style=stylesheet())))


class ExtensionFiles(PlainErrors, BrotliFiles, FileFindHandler):
    def set_headers(self) -> None:
        super().set_headers()
        if HASHED.search(self.request.path):
            self.set_header("Cache-Control", YEAR)


class TemplateFiles(PlainErrors, BrotliFiles, TemplateStaticFileHandler):
    """Our template's files (its stylesheet, as a script and as CSS), brotli-compressed too."""


class KeptAYear(PlainErrors, BrotliFiles):
    """Files whose address changes whenever they do, so a browser may keep them for a year."""

    def set_extra_headers(self, path: str) -> None:
        super().set_extra_headers(path)
        self.set_header("Cache-Control", YEAR)


class PlotlyFile(KeptAYear, StaticFileHandler):
    """The one plotly.js the charts use, under its content-hashed name."""

    def initialize(self) -> None:
        path, self.served_as = plotly_js.bundle()
        super().initialize(path=str(path.parent))

    async def get(self, name: str, include_body: bool = True) -> None:
        if name != self.served_as:
            raise HTTPError(404)
        await super().get(plotly_js.bundle()[0].name, include_body)


class VoilaFiles(KeptAYear, MultiStaticFileHandler):
    """Voilà's own scripts under ``/voila/static/v<Voilà's version>/``."""

    async def get(self, version: str, path: str, include_body: bool = True) -> None:
        if version != VOILA_VERSION:
            raise HTTPError(404)
        await super().get(path, include_body)


def versioned(pattern: str) -> str:
    """Voilà's static route, with the version in front of the file: ``…/voila/static/v([^/]+)/(.*)``."""
    return pattern.replace("/voila/static/(.*)", "/voila/static/v([^/]+)/(.*)")


def plotly_route(base_url: str) -> tuple:
    return url_path_join(base_url, r"/voila/bsc/(plotly\.[0-9a-f]{16}\.js)"), PlotlyFile


class NotAPage(PlainErrors, RequestHandler):
    """Every Voilà page that is not a workbook (its file tree, its contents API, its file server): not found."""

    def initialize(self, *args, **kwargs) -> None:
        pass

    def prepare(self) -> None:
        raise HTTPError(404)


class WorkbookPage(PlainErrors, TornadoVoilaHandler):
    """A workbook page that sets its ``_xsrf`` cookie, and remembers the language chosen on it. Only a notebook is a
    page: any other file asked for is not found.

    Voilà's unload beacon sends the ``_xsrf`` cookie to shut the page's kernel down; without it every shutdown
    was refused (403), and each closed tab kept its kernel until the idle cull. A language chosen with
    ``?lang=`` is kept in a cookie, and a page opened without one gets it back (``carry_language``)."""

    async def prepare(self, *args, **kwargs):
        if not self.request.path.endswith(".ipynb"):
            raise HTTPError(404)
        await super().prepare(*args, **kwargs)
        self.xsrf_token  # noqa: B018 - reading it sets the cookie
        carry_language(self)


def carry_language(handler) -> None:
    """``?lang=es`` is remembered for this browser; a page asked for without ``lang`` gets the remembered one in
    its query (which Voilà hands to the page's kernel). Anything but a known language is ignored."""
    asked = known(handler.get_query_argument("lang", None))
    if asked:
        remember_language(handler, asked)
        return
    kept = remembered_language(handler)
    if kept:
        request = handler.request
        request.query = (request.query + "&" if request.query else "") + f"lang={kept}"
        request.query_arguments.setdefault("lang", []).append(kept.encode())
        request.arguments.setdefault("lang", []).append(kept.encode())


# compressed responses, and compressed websocket messages: a page's widgets arrive as one message of their
# state (300 kB on the PDSA page, 1.2 MB on set-up), which deflate makes about a tenth; on a slow network
# an uncompressed one took longer than the 4 s ipywidgets waits for it, and the page failed to show. A photo
# comes as one message too: one larger than the upload limit must still arrive, to be refused in words.
SETTINGS = {"compress_response": True, "websocket_compression_options": {},
            "websocket_max_message_size": UPLOAD_WIRE_BYTES}
class Themes(PlainErrors, ThemesHandler):
    """Voilà's theme files, answering a missing one with our plain page."""


SWAP = {FileFindHandler: ExtensionFiles, ThemesHandler: Themes, TornadoVoilaHandler: WorkbookPage, TemplateStaticFileHandler: TemplateFiles,
        TornadoVoilaTreeHandler: NotAPage, VoilaContentsHandler: NotAPage, AllowListFileHandler: NotAPage}


class BscVoila(Voila):
    def initialize(self, argv=None) -> None:
        super().initialize(argv)
        if not self.voila_configuration.extension_denylist:
            self.voila_configuration.extension_denylist = UNUSED_EXTENSIONS
        if self.voila_configuration.prelaunch_hook is None:
            self.voila_configuration.prelaunch_hook = opening

    def init_settings(self) -> dict:
        """Voilà refuses a pre-launch hook beside preheated kernels because, made ahead, a page cannot see its
        request; ours copes (``opening`` without a request), so it is given after Voilà's check."""
        hook, self.voila_configuration.prelaunch_hook = self.voila_configuration.prelaunch_hook, None
        try:
            settings = {**super().init_settings(), **SETTINGS}
        finally:
            self.voila_configuration.prelaunch_hook = hook
        keep_every_message(self.kernel_manager.context)     # the browsers' connections to the kernels
        return settings

    def init_handlers(self) -> list:
        handlers = [plotly_route(self.server_url),     # the bare address opens the home page
                    (self.server_url, RedirectHandler, {"url": url_path_join(self.server_url,
                                                                             "voila/render/00_home.ipynb")})]
        for pattern, handler, *rest in super().init_handlers():
            if handler is MultiStaticFileHandler:
                handlers.append((versioned(pattern), VoilaFiles, *rest))
            handlers.append((pattern, SWAP.get(handler, handler), *rest))
        return handlers + [(r".*", NotAPage)]


# ---- the same under the hub: a server extension, started once Voilà's own handlers are in place ----
def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "bsc_widgets.server.voila_server"}]


def _load_jupyter_server_extension(server_app) -> None:
    keep_every_message(server_app.kernel_manager.context)
    web_app = server_app.web_app
    web_app.add_handlers(".*$", [plotly_route(web_app.settings["base_url"])])


async def _start_jupyter_server_extension(server_app) -> None:
    for router in (server_app.web_app.default_router, server_app.web_app.wildcard_router):
        for host_rule in router.rules:
            rules = getattr(host_rule.target, "rules", [])
            for i, rule in reversed(list(enumerate(rules))):
                if rule.target is MultiStaticFileHandler:
                    rules.insert(i, Rule(PathMatches(versioned(rule.matcher.regex.pattern.rstrip("$"))), VoilaFiles,
                                         rule.target_kwargs))
                rule.target = SWAP.get(rule.target, rule.target)


main = BscVoila.launch_instance

if __name__ == "__main__":
    main()
