"""A measure by group, side by side, and the gap between groups: from a ``GroupView`` only.

The view has already emptied every suppressed cell, so nothing here can show a suppressed
count; a suppressed period is a grey band across the group's panel, explained under the chart,
so it is never mistaken for zero or for missing data.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..analysis.equity import GroupView
from ..base.language import _
from .palette import MUTED
from .spc_chart import Panels, _add_series, _e, _label, _panel


def _bands(periods: list[pd.Timestamp], weekly: bool) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Consecutive suppressed periods merged into spans, each widened by half a period on either side."""
    half = pd.Timedelta(days=3.5 if weekly else 15)
    step = pd.Timedelta(days=7 if weekly else 32)
    spans: list[list[pd.Timestamp]] = []
    for p in sorted(periods):
        if spans and p - spans[-1][1] <= step:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return [(a - half, b + half) for a, b in spans]


def group_figure(view: GroupView, height: int = 260) -> Panels:
    """One run chart per group, on one y scale, each with its own median and signals.

    Suppressed periods are grey bands across the whole panel: no point, no height, nothing that
    could be read as a value.
    """
    groups = [s for s in view.strata if s.id in set(view.table["stratum_id"])]
    panels = Panels(_("%(measure)s by %(grouping)s", measure=view.measure.name, grouping=view.grouping.name.lower()),
                    note=_("Grey bands: suppressed (fewer than %(n)s in the group, or hidden so it cannot be worked "
                           "out from a total).", n=view.threshold))
    for s in groups:
        fig = _panel(height)
        seg = view.result[view.result["facet1"] == s.id].reset_index(drop=True) if not view.result.empty else None
        if seg is not None and not seg.empty:
            panels.kinds |= _add_series(fig, seg, percent=view.percent, show_legend=False)
        hidden = view.table[(view.table["stratum_id"] == s.id) & view.table["suppressed"].astype(bool)]
        shapes = [dict(type="rect", xref="x", yref="y domain", x0=x0, x1=x1, y0=0, y1=1, fillcolor=MUTED,
                       opacity=0.3, line=dict(width=0), layer="below")
                  for x0, x1 in _bands(list(hidden["period"]), view.measure.frequency == "weekly")]
        if seg is None or seg.empty:
            fig.add_trace(go.Scatter(x=list(hidden["period"][:1]), y=[None], mode="markers", showlegend=False,
                                     hoverinfo="skip"))
        fig.update_layout(shapes=shapes)
        if view.percent:
            fig.update_yaxes(ticksuffix="%", range=[0, view.measure.multiplier * 1.02])
        panels.items.append((s.label, fig))
    return panels


def gap_figure(view: GroupView, height: int = 260) -> go.Figure:
    """The gap between the highest and lowest shown group, period by period."""
    gap = view.gap if not view.gap.empty else pd.DataFrame(columns=["period", "gap", "high", "low"])
    def amount(value: float) -> str:
        return _("%(n)s points", n=f"{value:.0f}") if view.percent else f"{value:.0f}"

    hover = [_e(_("%(period)s: %(gap)s (%(high)s highest, %(low)s lowest)", period=_label(p), gap=amount(g), high=hi,
                  low=lo)) for p, g, hi, lo in zip(gap["period"], gap["gap"], gap["high"], gap["low"])]
    fig = go.Figure(go.Scatter(x=gap["period"], y=gap["gap"], mode="lines+markers", name=_("gap"),
                               line=dict(color="#6a4c93"), hovertext=hover, hoverinfo="text"))
    if len(gap):
        median = float(gap["gap"].median())
        fig.add_hline(y=median, line=dict(color=MUTED), annotation_text=_e(_("median %(value)s", value=amount(median))))
    fig.update_layout(title=_("Gap between the highest and lowest group"), height=height, template="plotly_white",
                      yaxis_title=_e(_("gap (points)") if view.percent else _("gap")), margin=dict(l=50, r=20, t=50, b=30), showlegend=False)
    return fig
