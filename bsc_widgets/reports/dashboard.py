"""The coach dashboard on paper: the teams ranked, one block each, for a learning session or a call.

What the page shows for its filters and its "data up to" month, as one HTML document that prints as it reads
(letter or A4, one team to a block, nothing cut at the edge) and is printed to PDF by the report pipeline. The small
charts are plain SVG drawn from the engine's columns, as the posters' are: no script, nothing fetched.
"""
from __future__ import annotations

import datetime as dt

from ..analysis.attention import KINDS, coaching_questions, ranked
from ..analysis.measure_analysis import analyse_across_teams
from ..analysis.support import support_doses
from ..base.language import _, day
from ..charts.print_chart import run_chart_svg
from ..model import Measure
from ..render import render, stylesheet
from ..store import Store

PAPER = {"letter": "letter", "a4": "A4"}


def dashboard_html(store: Store, as_of: dt.date, team_ids: list[str], measure_id: str | None,
                   paper: str = "letter") -> str:
    """The chosen teams as of ``as_of``, most urgent first, each with its reason, first step, chart and support."""
    store = store.translated().as_of(as_of)
    collab = store.collaborative()
    teams = [t for t in store.teams() if t.id in set(team_ids)]
    questions = coaching_questions(store, as_of)
    by_team = {r.team.id: r for r in ranked(teams, questions)}      # most urgent first; the rest after
    measure = store.get(Measure, measure_id) if measure_id else None
    result, readings = analyse_across_teams(store, measure.id) if measure else (None, {})
    doses = support_doses(store, as_of, [t.id for t in teams])
    blocks = []
    for team in [r.team for r in by_team.values()] + [t for t in teams if t.id not in by_team]:
        r = by_team.get(team.id)
        chart = ""
        if measure is not None and not result.empty:
            chart = run_chart_svg(result[result["facet1"] == team.id], measure.name,
                                  percent=measure.multiplier == 100)
        blocks.append(dict(team=team, reason=r.first.label if r else None,
                           also=[KINDS[k] for k in r.reasons[1:]] if r else [], step=r.first.text if r else None,
                           flagged=bool(r and r.flagged(collab)), chart=chart,
                           reading=readings.get(team.id), support=doses[team.id].sentence()))
    title = _("%(collaborative)s: coach dashboard, data up to %(day)s", collaborative=collab.name,
              day=day(as_of))
    body = render("reports/dashboard.html", "dashboard", title=title, blocks=blocks, measure=measure,
                  flagged=sum(1 for b in blocks if b["flagged"]), total=len(blocks), paper=PAPER[paper])
    return render("reports/page.html", "document", title=title,
                  body=render("reports/page.html", "report", style=stylesheet(), body=body))
