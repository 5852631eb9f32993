"""The home workbook: the collaborative, its calendar, the team picker and the team's workbooks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import ipywidgets as w

from ..analysis.charter import missing_roles, roles_sentence
from ..analysis.readiness import readiness
from ..analysis.timeline import Position, position
from ..base.errors import BscError, NotAllowed
from ..base.language import _, day
from ..base.pages import COACH_PAGES, HOME, WORKBOOKS
from ..model import (
    ACCESS_LABELS,
    PHASE_KIND_LABELS,
    PROGRAM_TYPE_LABELS,
    ROLE_LABELS,
    TICKED_ITEMS,
    Member,
    Phase,
    Team,
)
from ..render import render
from ..reports.calendar import calendar_ics
from ..services import Actor
from ..services.access import Access, hub_path
from ..services.read_gate import may_open_page, may_see_team
from ..services.readiness import tick
from ..store import Store
from .download import download_file
from .messages import MessageArea, guarded
from .words import BOX, Words


def calendar_html(phases: list[Phase], where: Position) -> str:
    return render("forms/home.html", "calendar", phases=sorted(phases, key=lambda p: p.start),
                  current_id=where.current.id if where.current else None, kinds=PHASE_KIND_LABELS)


def team_html(team: Team, members: list[Member], collab_start: dt.date) -> str:
    joined = (_("Joined on %(day)s, after the collaborative began.", day=day(team.joined))
              if team.joined > collab_start else _("A member since the collaborative began."))
    roster = [(m.name, ROLE_LABELS[m.role], m.title)
              for m in sorted(members, key=lambda m: (list(ROLE_LABELS).index(m.role), m.name))]
    return render("forms/home.html", "team", team=team, program=PROGRAM_TYPE_LABELS[team.program_type],
                  count=len(members), present=roles_sentence(members), joined=joined, missing=missing_roles(members),
                  roster=roster)


def links_html(team: Team | None, available: set[str], access: Access | None = None) -> str:
    workbooks = [(file, _(title), _(blurb), "open" if file in available and team is not None else
                  "choose" if file in available else "soon")
                 for file, title, blurb in WORKBOOKS if file != HOME and may_open_page(access, file)]
    return render("forms/home.html", "links", team=team, workbooks=workbooks,
                  coach_pages=[(f, _(t), _(b)) for f, t, b in COACH_PAGES if f in available
                               and may_open_page(access, f)])


class HomePage(w.VBox):
    """The page, with its team picker wired to the team panel and links. On a phone the page is one column,
    so the order is the order of use: the team chooser first, the aim and calendar last."""

    def __init__(self, store: Store, today: dt.date, team: Team | None = None, problem: BscError | None = None,
                 workbooks_dir: Path | None = None, access: Access | None = None):
        store = store.translated()
        collab = store.collaborative()
        if collab is None:
            raise BscError(_("This workspace has no collaborative yet. Load one with “bsc init --sample” "
                             "or “bsc import FOLDER”."))
        self.store, self.access, self.today = store, access, today
        self.collab_start = collab.start
        self.available = {f for f in [*(f for f, *_rest in WORKBOOKS), *(f for f, *_rest in COACH_PAGES)]
                          if workbooks_dir and (workbooks_dir / f).exists()}
        teams = [t for t in store.teams() if may_see_team(access, t.id)]  # signed in: only yours
        phases = store.list(Phase)
        where = position(collab, phases, today)
        header = Words(render("forms/home.html", "header", collab=collab, where=where.sentence()))
        about = Words(render("forms/home.html", "about", collab=collab, calendar=calendar_html(phases, where)))
        self.message = MessageArea()
        self.picker = w.Dropdown(options=[(_("Choose your team…"), "")] + [(t.name, t.id) for t in teams],
                                 value=team.id if team else "", description=_("Your team"),
                                 style={"description_width": "initial"}, layout=w.Layout(width="min(30em, 100%)"))
        self.team_panel = Words()
        self.readiness = Words()
        self.tick = w.Checkbox(description=_(TICKED_ITEMS["spreading"]), indent=False, style=BOX,
                               layout=w.Layout(width="auto", display="none"))
        self._ticking = False          # True while the page shows the stored tick: that is not a person's tick
        self.tick.observe(guarded(self.message)(lambda change: self._ticked(change["new"])), names="value")
        self.links = Words()
        self.data_button = w.Button(description=_("Download our data (.xlsx)"), layout=w.Layout(width="auto"))
        self.data_link = Words()
        self.calendar_link = Words()
        self.data_button.on_click(guarded(self.message)(lambda _b: self._prepare_data()))
        self.picker.observe(guarded(self.message)(self._on_pick), names="value")
        if problem is not None:
            self.message.show_error(problem)
        self._render(team)
        who = ([Words(render("forms/home.html", "signed_in", name=access.name, role=ACCESS_LABELS[access.role].lower(),
                              sign_out=hub_path("logout")))] if access else [])
        super().__init__([header, *who, Words(render("forms/home.html", "your_team")), self.message,
                          self.picker, self.team_panel, self.links, self.data_button, self.data_link,
                          self.calendar_link,
                          self.readiness, self.tick, about],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-home")

    def _on_pick(self, change) -> None:
        try:
            team = self.store.team(change["new"]) if change["new"] else None
            if team is not None and not may_see_team(self.access, team.id):   # a crafted widget message
                raise NotAllowed(_("This is not one of your teams."))
            self.message.clear()
        except BscError as exc:
            team = None
            self.message.show_error(exc)
        self._render(team)

    def _render(self, team: Team | None) -> None:
        if team is None:
            self.team_panel.value = render("forms/home.html", "no_team")
        else:
            self.team_panel.value = team_html(team, [m for m in self.store.list(Member, team_id=team.id)
                                                     if m.belonged_on(self.today)], self.collab_start)
        self.links.value = links_html(team, self.available, self.access)
        self.team = team
        self._show_readiness()
        self._show_calendar()
        self.data_button.layout.display = None if team else "none"
        self.data_link.value = ""

    def _show_calendar(self) -> None:
        """The team's calendar as a file for a calendar app; with no team, the collaborative's, for faculty."""
        if self.team is None and not (self.access is None or self.access.allows("faculty")):
            self.calendar_link.value = ""
            return
        stem = self.team.id if self.team else "collaborative"
        self.calendar_link.value = render("common.html", "paragraph", text=download_file(
            calendar_ics(self.store, self.team.id if self.team else None), f"{stem}-calendar.ics",
            _("Add our calendar to yours (.ics): learning sessions, report days, calls and visits"), "text/calendar"))

    def _show_readiness(self) -> None:
        """The team's checklist; a coach (or the one person at the machine) ticks what the data cannot show."""
        if self.team is None:
            self.readiness.value, self.tick.layout.display = "", "none"
            return
        r = readiness(self.store, self.today, [self.team.id])[self.team.id]
        self.readiness.value = render("forms/home.html", "readiness", r=r)
        tickable = any(c.tickable for _p, c in r.periods) and (self.access is None or self.access.allows("faculty"))
        self.tick.layout.display = None if tickable else "none"
        self._ticking = True
        self.tick.value = any(c.tickable and c.met for _p, c in r.periods)
        self._ticking = False

    def _ticked(self, on: bool) -> None:
        if self._ticking or self.team is None:
            return
        tick(self.store, Actor.for_team(self.team.id, access=self.access), self.team.id, "spreading", self.today, on)
        self._show_readiness()

    def _prepare_data(self) -> None:
        """The chosen team's own data as one .xlsx (made when asked: nothing of other teams in it)."""
        from ..portable.team_workbook import team_workbook

        if self.team is None:
            return
        self.data_link.value = render("common.html", "paragraph", text=download_file(
            team_workbook(self.store, self.team.id), f"{self.team.id}-data.xlsx",
            _("Save %(team)s’s data (.xlsx)", team=self.team.name),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
