"""The home workbook: the collaborative, its calendar, the team picker and the team's workbooks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w

from ..catalogue import COACH_PAGES, WORKBOOKS
from ..charter import missing_roles, roles_sentence
from ..errors import BscError
from ..model import PHASE_KIND_LABELS, PROGRAM_TYPE_LABELS, ROLE_LABELS, Member, Phase, Team
from ..store import Store
from ..text import esc
from ..timeline import Position, position
from .messages import MessageArea, guarded
from .style import CSS

def calendar_html(phases: list[Phase], where: Position) -> str:
    phases = sorted(phases, key=lambda p: p.start)
    segs = "".join(
        f'<div class="bsc-seg {p.kind}{" now" if where.current and p.id == where.current.id else ""}" '
        f'style="flex: {(p.end - p.start).days + 1} 1 0" title="{esc(p.name)}"></div>' for p in phases)
    rows = []
    for p in phases:
        now = where.current is not None and p.id == where.current.id
        tag = ' <span class="bsc-now-tag">we are here</span>' if now else ""
        when = f"{p.start:%-d %b %Y}" + (f" – {p.end:%-d %b %Y}" if p.end != p.start else "")
        rows.append(f'<tr class="{"now" if now else ""}"><td>{esc(p.name)}{tag}</td>'
                    f'<td>{esc(PHASE_KIND_LABELS[p.kind])}</td><td>{esc(when)}</td></tr>')
    return (f'<p class="bsc-where" role="status">{esc(where.sentence())}</p>'
            f'<div class="bsc-timeline" aria-hidden="true">{segs}</div>'
            f'<table class="bsc-phases" aria-label="Collaborative calendar"><thead><tr><th>Phase</th><th>Kind</th>'
            f'<th>Dates</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def team_html(team: Team, members: list[Member], collab_start: dt.date) -> str:
    present = roles_sentence(members)
    missing = missing_roles(members)
    joined = (f"Joined on {team.joined:%-d %B %Y}, after the collaborative began."
              if team.joined > collab_start else "A member since the collaborative began.")
    gap = (f'<p role="note">This team does not yet have {esc(" or ".join(missing))}: a BSC team brings '
           "administrators, teaching staff and families together.</p>" if missing else "")
    aim = f'<p><strong>Team aim:</strong> {esc(team.aim)}</p>' if team.aim else ""
    roster = "".join(f"<li>{esc(m.name)} — {esc(ROLE_LABELS[m.role])}" + (f" ({esc(m.title)})" if m.title else "")
                     + "</li>" for m in sorted(members, key=lambda m: (list(ROLE_LABELS).index(m.role), m.name)))
    return (f'<div class="bsc-home"><h2 class="bsc-team-name">{esc(team.name)}</h2>'
            f'<p>{esc(PROGRAM_TYPE_LABELS[team.program_type])} · {len(members)} members ({esc(present)}). '
            f'{esc(joined)}</p>{aim}{gap}<ul class="bsc-roster" aria-label="Team members">{roster}</ul></div>')


def links_html(team: Team | None, available: set[str]) -> str:
    items = []
    for file, title, blurb in WORKBOOKS:
        if file == "00_home.ipynb":
            continue
        if file in available and team is not None:
            items.append(f'<li><a class="bsc-link" href="{esc(file)}?team={quote(team.id)}" target="_self">'
                         f'{esc(title)}</a> — {esc(blurb)}</li>')
        else:
            why = "choose your team first" if file in available else "coming soon"
            items.append(f'<li><span class="bsc-soon">{esc(title)} ({why})</span> — {esc(blurb)}</li>')
    share = (f'<p>Bookmark this page for your team: <a class="bsc-permalink" href="00_home.ipynb?team='
             f'{quote(team.id)}" target="_self">home of {esc(team.name)}</a></p>') if team else ""
    shown = [(f, t, b) for f, t, b in COACH_PAGES if f in available]
    coach = ('<h2>For coaches, faculty and leaders</h2><ul class="bsc-workbooks">' + "".join(
        f'<li><a class="bsc-link" href="{esc(f)}" target="_self">{esc(t)}</a> — {esc(b)}</li>' for f, t, b in shown)
        + "</ul>") if shown else ""
    return (f'<div class="bsc-home"><h2>Your workbooks</h2>{share}<ul class="bsc-workbooks">{"".join(items)}</ul>'
            f"{coach}</div>")


class HomePage(w.VBox):
    """The page, with its team picker wired to the team panel and links."""

    def __init__(self, store: Store, today: dt.date, team: Team | None = None, problem: BscError | None = None,
                 workbooks_dir: Path | None = None):
        collab = store.collaborative()
        if collab is None:
            raise BscError("This workspace has no collaborative yet. Load one with “bsc init --sample” "
                           "or “bsc import FOLDER”.")
        self.store = store
        self.collab_start = collab.start
        self.available = {f for f in [*(f for f, _, _ in WORKBOOKS), *(f for f, _, _ in COACH_PAGES)]
                          if workbooks_dir and (workbooks_dir / f).exists()}
        teams = store.teams()
        phases = store.list(Phase)
        where = position(collab, phases, today)
        header = w.HTML(CSS + f'<div class="bsc-home"><h1>{esc(collab.name)}</h1><p>{esc(collab.topic)}</p>'
                        f'<h2>Our aim</h2><div class="bsc-aim">{esc(collab.aim)}</div>'
                        f'<h2>Where we are</h2>{calendar_html(phases, where)}</div>')
        self.message = MessageArea()
        self.picker = w.Dropdown(options=[("Choose your team…", "")] + [(t.name, t.id) for t in teams],
                                 value=team.id if team else "", description="Your team",
                                 style={"description_width": "initial"}, layout=w.Layout(width="min(30em, 100%)"))
        self.team_panel = w.HTML()
        self.links = w.HTML()
        self.picker.observe(guarded(self.message)(self._on_pick), names="value")
        if problem is not None:
            self.message.show_error(problem)
        self._render(team)
        super().__init__([header, w.HTML('<div class="bsc-home"><h2>Your team</h2></div>'), self.message,
                          self.picker, self.team_panel, self.links],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-home")

    def _on_pick(self, change) -> None:
        try:
            team = self.store.team(change["new"]) if change["new"] else None
            self.message.clear()
        except BscError as exc:
            team = None
            self.message.show_error(exc)
        self._render(team)

    def _render(self, team: Team | None) -> None:
        if team is None:
            self.team_panel.value = '<p class="bsc-soon">Choose your team to see its members and workbooks.</p>'
        else:
            self.team_panel.value = team_html(team, self.store.list(Member, team_id=team.id), self.collab_start)
        self.links.value = links_html(team, self.available)
