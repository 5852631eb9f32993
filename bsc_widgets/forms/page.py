"""What every team workbook shows on top: a way home, the team's name, and where we are in the calendar."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, quote, urlencode

import ipywidgets as w

from ..analysis.timeline import Position, position
from ..base.errors import BscError
from ..base.language import LANGUAGES, _, language
from ..model import PROGRAM_TYPE_LABELS, Collaborative, Phase, Team
from ..render import render, stylesheet
from ..services import Actor
from ..services.access import Access
from ..store import Store
from .messages import MessageArea
from .save_state import save_bar
from .words import Words


def root(page: w.Widget, query: str = "") -> w.VBox:
    """What a notebook shows of any page: the one stylesheet, the way to the other language, the page, and the
    bar that says what is saved."""
    box = w.VBox([Words(stylesheet() + language_switch(query)), page, save_bar()], layout=w.Layout(width="100%"))
    box.add_class("bsc-root")
    box.add_class(f"bsc-lang-{language()}")     # the page's language, for the words its script says (Voilà's template)
    return box


def language_switch(query: str) -> str:
    """Links to this same page in each other language (``?lang=``, which the server then remembers)."""
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "lang"]
    others = [(code, name, "?" + urlencode(params + [("lang", code)]))
              for code, name in LANGUAGES.items() if code != language()]
    return render("common.html", "language_switch", others=others)


def home_href(team: Team | None, up: str = "") -> str:
    return f"{up}00_home.ipynb" + (f"?team={quote(team.id)}" if team else "")


def header(title: str, team: Team | None = None, collab: Collaborative | None = None, where: Position | None = None,
           lines: tuple[str, ...] = (), intro: str | None = None, up: str = "", box: str = "bsc-page") -> w.HTML:
    """The one page header every page has: the way home, the title (translated here: the page titles are in the
    catalogue), whose page it is, where we are."""
    return Words(render("common.html", "page_header", title=_(title), home_href=home_href(team, up),
                         team_name=team.name if team else None,
                         team_line=f"{PROGRAM_TYPE_LABELS[team.program_type]} · {collab.name}" if team else None,
                         lines=lines, intro=intro, where=where.sentence() if where else None, box=box))


def section(title: str, intro: str = "") -> w.HTML:
    """A heading (and a line of our own help text) between widgets."""
    return Words(render("common.html", "section", title=title, intro=intro))


def heading(text: str, level: int = 3, badge: str | None = None) -> w.HTML:
    return Words(render("common.html", "heading", text=text, level=level, badge=badge))


class WorkbookPage(w.VBox):
    """A team workbook: the common header, then ``build_body()``'s widgets. Subclasses set TITLE."""

    TITLE = "Workbook"

    def __init__(self, store: Store, team: Team, today: dt.date, access: Access | None = None):
        store = store.translated()          # the shared framework in the page's language
        collab = store.collaborative()
        if collab is None:
            raise BscError(_("This workspace has no collaborative yet. Load one with “bsc init --sample”."))
        self.store, self.team, self.today, self.collab, self.access = store, team, today, collab, access
        self.actor = Actor.for_team(team.id, access=access)  # a team's page writes only this team's records
        self.phases = store.list(Phase)
        self.where = position(collab, self.phases, today)
        self.message = MessageArea()
        super().__init__([header(self.TITLE, team, collab, self.where), self.message, *self.build_body()],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-page")

    def build_body(self) -> list[w.Widget]:
        raise NotImplementedError


class CollaborativePage(w.VBox):
    """A page for the whole collaborative (coaches, faculty, the advisor): the header, then ``build_body()``."""

    TITLE = "Collaborative"

    EDITS_FRAMEWORK = False     # set-up edits the framework in both languages, so it reads it as stored

    def __init__(self, store: Store, today: dt.date, access: Access | None = None):
        store = store if self.EDITS_FRAMEWORK else store.translated()
        collab = store.collaborative()
        if collab is None:
            raise BscError(_("This workspace has no collaborative yet. Load one with “bsc init --sample”."))
        self.store, self.today, self.collab, self.access = store, today, collab, access
        self.actor = Actor.collaborative(access=access)
        self.phases = store.list(Phase)
        self.where = position(collab, self.phases, today)
        self.message = MessageArea()
        self.header = header(self.TITLE, where=self.where, lines=(collab.name,))
        super().__init__([self.header, self.message, *self.build_body()],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-page")

    def build_body(self) -> list[w.Widget]:
        raise NotImplementedError


class NoTeamPage(w.VBox):
    """A team workbook opened without a (valid) team: say so, and lead back home to choose one."""

    def __init__(self, title: str, problem: BscError | None = None):
        message = MessageArea()
        message.show_error(problem or _("This workbook belongs to a team. Choose your team on the home page."))
        super().__init__([header(title), message, Words(render("common.html", "home_link_paragraph"))])
