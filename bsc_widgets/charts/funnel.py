"""The funnel plot: each team's figure against its denominator, inside limits that narrow as programs grow."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..base.language import _
from ..base.text import plotly_text
from .palette import COMMON, KIND_COLOURS, LINE, MUTED
from .spc_chart import BREAK


def funnel_figure(points, curve, names: dict[str, str], percent: bool = False, title: str = "",
                  denominator: str = "", height: int = 420) -> go.Figure:
    """``points`` and ``curve`` from ``spc.funnel.funnel`` (never analysed again here: a team outside its limits
    is drawn in the colour of its ``signal``)."""
    suffix = "%" if percent else ""
    outside = points["sigma_signal"].to_numpy(bool)
    hover = [plotly_text(_("%(team)s: %(value)s of %(n)s", team=names.get(str(x), str(x)), value=f"{y:.3g}{suffix}",
                           n=f"{n:g}")) + (BREAK + _("outside the limits for its size") if out else "")
             for x, y, n, out in zip(points["x"], points["y"], points["n"], outside)]
    fig = go.Figure()
    for k, dash, label in (("ucl", "dot", _("limits (3 sigma)")), ("lcl", "dot", None),
                           ("ucl_95", "dash", _("%(share)s limits", share="95%")), ("lcl_95", "dash", None)):
        fig.add_trace(go.Scatter(x=curve["n"], y=curve[k], mode="lines", line=dict(color=MUTED, dash=dash),
                                 name=label or k, showlegend=label is not None, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=curve["n"], y=curve["cl"], mode="lines", line=dict(color=LINE), name=_("network"),
                             hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=points["n"], y=points["y"], mode="markers", name=_("teams"), hovertext=hover,
                             hoverinfo="text", marker=dict(size=np.where(outside, 12, 9),
                                                           color=[KIND_COLOURS.get(s, COMMON) for s in points["signal"]])))
    fig.update_layout(title=plotly_text(title), height=height, template="plotly_white", hovermode="closest",
                      xaxis_title=plotly_text(denominator or _("denominator")), margin=dict(l=50, r=20, t=50, b=40),
                      legend=dict(orientation="h", y=-0.2))
    if percent:
        fig.update_yaxes(ticksuffix="%")
    return fig
