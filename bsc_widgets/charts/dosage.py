"""Learning-session hours per member, by team and role, against the dose expected by now: a chart.

Each role has its own bar colour; a role whose members have had under half the expected hours says
"low" beside its bar, in words, so it is never told by colour alone.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..analysis.dosage import RoleDose, expected_by_now, low_dose
from ..base.language import _
from ..base.text import plotly_lines, plotly_text
from ..model import ROLE_LABELS, Team
from .palette import FONT, GOAL

ROLE_COLOURS = {"administrator": "#4f5b62", "teacher": "#0072b2", "staff": "#009e73", "family": "#cc79a7"}


def dosage_figure(doses: list[RoleDose], teams: list[Team], years: float) -> go.Figure:
    low, high = expected_by_now("learning_session", years)
    names = [t.name for t in teams]
    fig = go.Figure()
    for role, label in ROLE_LABELS.items():
        mine = {d.team_id: d for d in doses if d.role == role}
        if not mine:
            continue
        rows = [(t.name, mine[t.id]) for t in teams if t.id in mine]
        fig.add_trace(go.Bar(
            y=[plotly_lines(n) for n, _ in rows], x=[d.learning_hours for _, d in rows], orientation="h",
            name=plotly_text(label), marker=dict(color=ROLE_COLOURS[role]),
            text=[_("%(hours)s h · low", hours=f"{d.learning_hours:.0f}") if low_dose(d, years) else
                  f"{d.learning_hours:.0f} h" for _n, d in rows],
            textposition="outside", cliponaxis=False,
            hovertext=[plotly_text(_("%(team)s: %(role)s, %(hours)s h of learning sessions each (%(attending)s of "
                                     "%(members)s took part)", team=n, role=d.plural, hours=f"{d.learning_hours:.0f}",
                                     attending=d.attending, members=d.members)) for n, d in rows],
            hoverinfo="text"))
    if high >= 1:
        fig.add_vrect(x0=low, x1=high, fillcolor=GOAL, opacity=0.12, line_width=0, layer="below")
    fig.update_layout(barmode="group", height=max(320, 90 * len(names) + 80), template="plotly_white",
                      title=plotly_text(_("Learning-session hours per member, by role (expected by now: "
                                          "%(low)s–%(high)s h, the green band)", low=f"{low:.0f}", high=f"{high:.0f}")),
                      font=dict(family=FONT, size=12, color="#1a1a1a"), margin=dict(l=10, r=50, t=50, b=40),
                      xaxis_title=_("hours per member"), yaxis=dict(autorange="reversed", automargin=True),
                      legend=dict(orientation="h", y=-0.08, x=0), bargap=0.25)
    return fig
