"""The coach's dashboard: the collaborative report, live, for learning sessions and coaching calls.

Filters by measure, team, program type and period; who needs attention (the same rules as
the reports' questions); each measure across teams; every team one click from its workbooks.
Analyses run once per measure for all teams (vectorised) and are kept, so filtering is
cheap with hundreds of teams; at most ``MAX_PANELS`` charts are drawn at once.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import ipywidgets as w
import pandas as pd

from ..attention import coaching_questions
from ..catalogue import WORKBOOKS
from ..charts import small_multiples
from ..errors import BscError
from ..model import PROGRAM_TYPE_LABELS, Measure, Phase, current
from ..report_calendar import next_month
from ..store import Store
from ..measure_analysis import analyse_across_teams
from ..text import esc
from ..timeline import position
from .fields import on_pick
from .messages import MessageArea, guarded
from .page import section
from .plot import PlotArea
from .style import CSS

MAX_PANELS = 24
ALL = ""


def team_links(team_id: str) -> str:
    return " · ".join(f'<a class="bsc-link" href="{esc(f)}?team={quote(team_id)}" target="_self">{esc(t)}</a>'
                      for f, t, _ in WORKBOOKS if f != "00_home.ipynb")


class DashboardPage(w.VBox):
    def __init__(self, store: Store, today: dt.date):
        collab = store.collaborative()
        if collab is None:
            raise BscError("This workspace has no collaborative yet.")
        self.store, self.today = store, today
        self.teams = store.teams()
        self.measures = {m.id: m for m in current(store.list(Measure), today)}
        self.questions = coaching_questions(store, today)
        self._analyses: dict[str, tuple] = {}
        where = position(collab, store.list(Phase), today)
        style, narrow = {"description_width": "initial"}, w.Layout(width="min(24em, 100%)")
        self.message = MessageArea()
        self.measure = w.Dropdown(description="Measure", options=[(m.name, m.id) for m in self.measures.values()],
                                  style=style, layout=narrow)
        self.team = w.Dropdown(description="Team", options=[("All teams", ALL)] + [(t.name, t.id) for t in self.teams],
                               style=style, layout=narrow)
        kinds = sorted({t.program_type for t in self.teams})
        self.program = w.Dropdown(description="Program type", options=[("All types", ALL)] +
                                  [(PROGRAM_TYPE_LABELS[k], k) for k in kinds], style=style, layout=narrow)
        first, last = collab.earliest_data().replace(day=1), min(today, collab.end).replace(day=1)
        months, m = [], last
        while m >= first:
            months.append(m)
            m = (m - dt.timedelta(days=1)).replace(day=1)
        self.period = w.Dropdown(description="Data up to", options=[(f"{x:%B %Y}", x) for x in months],
                                 style=style, layout=narrow)
        self.attention = w.HTML()
        self.chart = PlotArea(300)
        self.readings = w.HTML()
        self.team_table = w.HTML()
        for control in (self.measure, self.team, self.program, self.period):
            on_pick(control, guarded(self.message)(lambda _: self._render()))
        header = w.HTML(CSS + f'<div class="bsc-page"><nav class="bsc-crumbs" aria-label="Back"><a class="bsc-link" '
                        f'href="00_home.ipynb" target="_self">← Home</a></nav><h1>Coach dashboard</h1>'
                        f"<p>{esc(collab.name)} · {len(self.teams)} teams</p>"
                        f'<p role="status">{esc(where.sentence())}</p></div>')
        self._render()
        super().__init__([header, self.message,
                          w.HBox([self.measure, self.team, self.program, self.period],
                                 layout=w.Layout(flex_flow="row wrap")),
                          section("Who needs attention", "The same rules as the reports’ questions for the "
                                  "coaching call."), self.attention,
                          section("The measure across teams"), self.chart, self.readings,
                          section("Teams and their workbooks"), self.team_table],
                         layout=w.Layout(width="100%", max_width="80em"))
        self.add_class("bsc-page")

    def _chosen_teams(self) -> list:
        return [t for t in self.teams if (self.team.value in (ALL, t.id))
                and (self.program.value in (ALL, t.program_type))]

    def _analysis(self, measure_id: str):
        if measure_id not in self._analyses:
            self._analyses[measure_id] = analyse_across_teams(self.store, measure_id)
        return self._analyses[measure_id]

    def _render(self) -> None:
        teams = self._chosen_teams()
        ids = {t.id for t in teams}
        names = {t.id: t.name for t in self.teams}
        flagged = [(t, self.questions.get(t.id, [])) for t in teams if self.questions.get(t.id)]
        rows = "".join(f'<tr><td><a class="bsc-link" href="00_home.ipynb?team={quote(t.id)}" target="_self">'
                       f"{esc(t.name)}</a></td><td>{esc(', '.join(q.label for q in qs))}</td>"
                       f"<td>{esc(qs[0].text)}</td></tr>" for t, qs in flagged)
        self.attention.value = (
            f'<p role="status">{len(flagged)} of {len(teams)} teams need attention.</p><div class="bsc-scroll">'
            '<table class="bsc-table" aria-label="Who needs attention"><thead><tr><th>Team</th><th>Why</th>'
            f"<th>First question</th></tr></thead><tbody>{rows}</tbody></table></div>" if flagged else
            f'<p role="status">None of these {len(teams)} teams is flagged.</p>')
        result, readings = self._analysis(self.measure.value)
        m = self.measures[self.measure.value]
        if not result.empty:
            result = result[result["facet1"].isin(ids) & (result["x"] < pd.Timestamp(next_month(self.period.value)))]
        shown = list(dict.fromkeys(result["facet1"]))[:MAX_PANELS] if not result.empty else []
        if shown:
            self.chart.layout.min_height = f"{260 * -(-len(shown) // 3) + 80}px"
            self.chart.draw(small_multiples(result[result["facet1"].isin(shown)], names,
                                            percent=m.multiplier == 100, title=m.name))
        else:
            self.chart.outputs = ()
        more = (f"<p>Showing {len(shown)} of {result['facet1'].nunique()} teams: narrow the filters to see others."
                "</p>" if not result.empty and result["facet1"].nunique() > len(shown) else "")
        said = "".join(f"<li><strong>{esc(names[t])}:</strong> {esc(readings[t].text)}</li>" for t in shown)
        self.readings.value = more + (f'<ul class="bsc-reading" aria-label="Readings">{said}</ul>' if said else
                                      "<p>No data for these teams.</p>")
        table = "".join(f"<tr><td>{esc(t.name)}</td><td>{esc(PROGRAM_TYPE_LABELS[t.program_type])}</td>"
                        f"<td>{team_links(t.id)}</td></tr>" for t in teams)
        self.team_table.value = ('<div class="bsc-scroll"><table class="bsc-table" aria-label="Teams"><thead><tr>'
                                 "<th>Team</th><th>Program type</th><th>Workbooks</th></tr></thead>"
                                 f"<tbody>{table}</tbody></table></div>")

