"""The assessment-scale history: the team's own scores beside faculty's, month by month."""
from __future__ import annotations

import plotly.graph_objects as go

from ..base.language import _, day
from ..base.text import plotly_text
from ..model import SCORE_SOURCE_LABELS, AssessmentScore

COLOURS = {"team": "#1f6f8b", "faculty": "#e07a1f"}
DASH = {"team": "solid", "faculty": "dash"}


def score_history_figure(scores: list[AssessmentScore], labels: dict[float, str], height: int = 320) -> go.Figure:
    fig = go.Figure()
    for source in ("team", "faculty"):
        mine = sorted((s for s in scores if s.source == source), key=lambda s: s.month)
        fig.add_trace(go.Scatter(
            x=[s.month for s in mine], y=[s.score for s in mine], mode="lines+markers",
            name=SCORE_SOURCE_LABELS[source], line=dict(color=COLOURS[source], dash=DASH[source]),
            marker=dict(symbol="circle" if source == "team" else "diamond", size=8),
            hovertext=[f"{day(s.month, 'month')}: {s.score:g} — {plotly_text(labels.get(s.score, ''))}" for s in mine],
            hoverinfo="text"))
    fig.update_layout(title=_("Assessment scale, month by month"), height=height, template="plotly_white",
                      margin=dict(l=50, r=20, t=50, b=40), legend=dict(orientation="h", y=-0.2),
                      yaxis=dict(range=[0.5, 5.2], dtick=0.5, title=_("Score")))
    return fig
