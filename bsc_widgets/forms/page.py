"""What every team workbook shows on top: a way home, the team's name, and where we are in the calendar."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import ipywidgets as w

from ..errors import BscError
from ..model import PROGRAM_TYPE_LABELS, Collaborative, Phase, Team
from ..services import Actor
from ..store import Store
from ..text import esc
from ..timeline import Position, position
from .messages import MessageArea
from .style import CSS


def home_link(team: Team | None) -> str:
    query = f"?team={quote(team.id)}" if team else ""
    return f'<a class="bsc-link" href="00_home.ipynb{query}" target="_self">← Home</a>'


def header_html(collab: Collaborative, team: Team | None, where: Position, title: str) -> str:
    team_line = (f'<p class="bsc-team-line"><strong class="bsc-team-name">{esc(team.name)}</strong> · '
                 f'{esc(PROGRAM_TYPE_LABELS[team.program_type])} · {esc(collab.name)}</p>') if team else ""
    return (CSS + f'<div class="bsc-page"><nav class="bsc-crumbs" aria-label="Back">{home_link(team)}</nav>'
            f'<h1>{esc(title)}</h1>{team_line}<p class="bsc-where" role="status">{esc(where.sentence())}</p></div>')


def section(title: str, intro: str = "") -> w.HTML:
    """A heading (and a line of our own help text) between widgets."""
    return w.HTML(f'<div class="bsc-page"><h2>{esc(title)}</h2>'
                  + (f'<p class="bsc-help">{esc(intro)}</p>' if intro else "") + "</div>")


class WorkbookPage(w.VBox):
    """A team workbook: the common header, then ``build_body()``'s widgets. Subclasses set TITLE."""

    TITLE = "Workbook"

    def __init__(self, store: Store, team: Team, today: dt.date):
        collab = store.collaborative()
        if collab is None:
            raise BscError("This workspace has no collaborative yet. Load one with “bsc init --sample”.")
        self.store, self.team, self.today, self.collab = store, team, today, collab
        self.actor = Actor.for_team(team.id)  # a team's page writes only this team's records
        self.phases = store.list(Phase)
        self.where = position(collab, self.phases, today)
        self.message = MessageArea()
        header = w.HTML(header_html(collab, team, self.where, self.TITLE))
        super().__init__([header, self.message, *self.build_body()],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-page")

    def build_body(self) -> list[w.Widget]:
        raise NotImplementedError


class CollaborativePage(w.VBox):
    """A page for the whole collaborative (coaches, faculty, the advisor): the header, then ``build_body()``."""

    TITLE = "Collaborative"

    def __init__(self, store: Store, today: dt.date):
        collab = store.collaborative()
        if collab is None:
            raise BscError("This workspace has no collaborative yet. Load one with “bsc init --sample”.")
        self.store, self.today, self.collab = store, today, collab
        self.actor = Actor.collaborative()
        self.phases = store.list(Phase)
        self.where = position(collab, self.phases, today)
        self.message = MessageArea()
        self.header = w.HTML(CSS + f'<div class="bsc-page"><nav class="bsc-crumbs" aria-label="Back">'
                             f'{home_link(None)}</nav><h1>{esc(self.TITLE)}</h1><p class="bsc-team-line">'
                             f'{esc(collab.name)}</p><p class="bsc-where" role="status">{esc(self.where.sentence())}'
                             "</p></div>")
        super().__init__([self.header, self.message, *self.build_body()],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-page")

    def build_body(self) -> list[w.Widget]:
        raise NotImplementedError


class NoTeamPage(w.VBox):
    """A team workbook opened without a (valid) team: say so, and lead back home to choose one."""

    def __init__(self, title: str, problem: BscError | None = None):
        message = MessageArea()
        message.show_error(problem or "This workbook belongs to a team. Choose your team on the home page.")
        super().__init__([w.HTML(CSS + f'<div class="bsc-page"><nav class="bsc-crumbs" aria-label="Back">'
                                 f'{home_link(None)}</nav><h1>{esc(title)}</h1></div>'), message,
                          w.HTML('<p class="bsc-page"><a class="bsc-link" href="00_home.ipynb" target="_self">'
                                 'Choose your team on the home page</a></p>')])
