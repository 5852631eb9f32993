"""Run and control charts as plotly figures: centre line and limits per phase, signals highlighted,
the goal, PDSA cycles and learning sessions at their dates, and hover text naming the rule that fired."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..measure_analysis import goal_on_chart
from ..measure_data import chart_direction
from ..model import DECISION_WORDS
from ..spc.mdc import SHORT
from ..spc.runs import long_run_points
from ..text import plotly_text
from .mdc_icons import POINT_COLOURS, data_uri, latest_icons

BREAK = "<br>"     # a line break in plotly's hover text (the one piece of markup plotly takes)
LINE, SIGNAL, GOOD, BAD, GOAL, MUTED = "#2f6f8f", "#e07a1f", "#1f77b4", "#d1495b", "#2e7d32", "#9e9e9e"


@dataclass(frozen=True)
class Marker:
    """A dated annotation: a PDSA cycle or a learning session."""

    when: dt.date
    label: str
    kind: str = "pdsa"   # pdsa | session


_e = plotly_text


def rules_fired(result: pd.DataFrame) -> list[list[str]]:
    """For each point, the rules it is part of, in words."""
    runs = long_run_points(result)
    parts = result["part"].to_numpy()
    long_in_part = {p: runs[parts == p].any() for p in np.unique(parts)}
    out = []
    for i, row in enumerate(result.itertuples(index=False)):
        why = []
        if runs[i] and row.runs_signal:
            why.append(f"run longer than {int(row.longest_run_max)} points (Anhøj)")
        if row.runs_signal and not long_in_part[row.part]:
            why.append("too few crossings of the centre line (Anhøj)")
        if row.sigma_signal:
            why.append("outside the control limits")
        if getattr(row, "ihi_shift", False):
            why.append("shift: 6+ on one side of the median (IHI)")
        if getattr(row, "ihi_trend", False):
            why.append("trend: 5+ rising or falling (IHI)")
        point = getattr(row, "mdc_point_type", "common_cause")
        if point and point != "common_cause":
            why.append(point.replace("_", " ") + " (Making Data Count)")
        out.append(why)
    return out


def _label(x) -> str:
    if isinstance(x, (pd.Timestamp, dt.date)):
        d = pd.Timestamp(x)
        return d.strftime("%b %Y") if d.day == 1 else d.strftime("%-d %b %Y")
    return str(x)


def _add_series(fig, result, row=None, col=None, percent=False, show_legend=True):
    x = result["x"]
    fmt = ".0f" if percent else ".3g"
    suffix = "%" if percent else ""
    fired = rules_fired(result)
    hover = [f"{_e(_label(xv))}: "
             f"{format(yv, fmt) if pd.notna(yv) else '–'}{suffix}" + ("<br>" + "<br>".join(map(_e, why)) if why else "")
             for xv, yv, why in zip(x, result["y"], fired)]
    flagged = np.array([bool(w) for w in fired])
    colours = np.where(flagged, SIGNAL, LINE)
    if "mdc_point_type" in result:      # Making Data Count colours each point by what it shows
        kinds = result["mdc_point_type"].to_numpy()
        colours = np.array([POINT_COLOURS[k] for k in kinds])
        flagged = kinds != "common_cause"
    kw = dict(row=row, col=col) if row else {}
    left_out = ~result["include"].astype(bool).to_numpy() if "include" in result else np.zeros(len(result), bool)
    hover = [h + ("<br>left out of the centre line and limits" if out else "") for h, out in zip(hover, left_out)]
    fig.add_trace(go.Scatter(x=x, y=result["y"], mode="lines+markers", name="data", line=dict(color=LINE),
                             marker=dict(color=colours, size=np.where(flagged, 9, 6),
                                         symbol=np.where(left_out, "circle-open", "circle")),
                             hovertext=hover, hoverinfo="text", showlegend=show_legend), **kw)
    for part, seg in result.groupby("part", sort=True):
        signal = bool(seg["runs_signal"].iloc[0])
        fig.add_trace(go.Scatter(x=seg["x"], y=seg["cl"], mode="lines", name="centre line",
                                 line=dict(color=SIGNAL if signal else MUTED, dash="dash" if signal else "solid"),
                                 hoverinfo="skip", showlegend=show_legend and part == 1), **kw)
        if seg["ucl"].notna().any():
            for k in ("ucl", "lcl"):
                fig.add_trace(go.Scatter(x=seg["x"], y=seg[k], mode="lines", name="limits",
                                         line=dict(color=MUTED, dash="dot", shape="hv"), hoverinfo="skip",
                                         showlegend=show_legend and part == 1 and k == "ucl"), **kw)


def _icon_images(result: pd.DataFrame, direction: str) -> list[dict]:
    """Making Data Count's variation and assurance icons, top right, as images drawn here."""
    icons = latest_icons(result, direction)
    if icons is None:
        return []
    return [dict(source=data_uri(svg), xref="paper", yref="paper", x=1 - 0.07 * k, y=1.02, sizex=0.07, sizey=0.14,
                 xanchor="right", yanchor="bottom", layer="above") for k, svg in enumerate(i for i in icons if i)]


@dataclass(frozen=True)
class PointNote:
    """A note pinned to a point (a saved ``ChartMark``), drawn as a star on the point; a red cross if astronomical."""

    when: dt.date
    text: str
    astronomical: bool = False


def _add_notes(fig, result: pd.DataFrame, notes: list[PointNote], **kw) -> None:
    if not notes or result.empty or isinstance(result["x"].dtype, pd.CategoricalDtype):
        return
    days = pd.to_datetime(result["x"]).dt.normalize().to_numpy()
    for flagged in (False, True):
        at = [(n, np.flatnonzero(days == pd.Timestamp(n.when).to_datetime64())) for n in notes
              if n.astronomical == flagged]
        at = [(n, where[-1]) for n, where in at if len(where)]
        if at:
            fig.add_trace(go.Scatter(
                x=[result["x"].iloc[i] for _, i in at], y=[result["y"].iloc[i] for _, i in at], mode="markers",
                name="astronomical point" if flagged else "note",
                marker=dict(symbol="x" if flagged else "star", size=14, color=BAD if flagged else GOAL,
                            line=dict(width=1, color="white")),
                hovertext=[_e(("Astronomical point: " if flagged else "Note: ") + n.text) for n, _ in at],
                hoverinfo="text"), **kw)


def spc_figure(result: pd.DataFrame, title: str = "", percent: bool = False, goal: float | None = None,
               markers: list[Marker] | None = None, height: int = 420, ylabel: str = "",
               direction: str = "neutral", notes: list[PointNote] | None = None,
               moving_ranges: pd.DataFrame | None = None) -> go.Figure:
    """One team's chart; with ``moving_ranges`` (an I chart's), its MR chart below on the same dates."""
    with_mr = moving_ranges is not None and not moving_ranges.empty and not result.empty
    if with_mr:
        fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.06,
                            subplot_titles=["", _e("Moving ranges (MR chart)")])
        height += 160
    else:
        fig = go.Figure()
    if not result.empty:
        kw = dict(row=1, col=1) if with_mr else {}
        _add_series(fig, result, percent=percent, **kw)
        _add_notes(fig, result, notes or [], **kw)
    if with_mr:
        _add_series(fig, moving_ranges, row=2, col=1, show_legend=False)
    # Shapes and annotations are given in one go: plotly's add_vline re-processes every shape
    # already there, which made a chart with a dozen PDSA cycles take a second to build.
    shapes, notes = [], []
    if goal is not None and not pd.isna(goal):
        shapes.append(dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=goal, y1=goal,
                           line=dict(color=GOAL, dash="dashdot")))
        notes.append(dict(xref="paper", x=0, yref="y", y=goal, text=_e(f"goal {goal:g}{'%' if percent else ''}"),
                          showarrow=False, xanchor="left", yanchor="bottom"))
    if "mdc_provisional" in result and len(result) and result["mdc_provisional"].iloc[-1]:
        notes.append(dict(xref="paper", x=0, yref="paper", y=1.02, showarrow=False, xanchor="left", yanchor="bottom",
                          text=_e(f"Provisional limits: fewer than {SHORT} points"), font=dict(size=11, color=MUTED)))
    for m in markers or []:
        when = pd.Timestamp(m.when)
        shapes.append(dict(type="line", xref="x", x0=when, x1=when, yref="paper", y0=0, y1=1,
                           line=dict(color=GOAL if m.kind == "session" else SIGNAL, width=1, dash="dot")))
        short = m.label if len(m.label) <= 48 else m.label[:47] + "…"
        notes.append(dict(x=when, y=1, yref="paper", text=_e(short), hovertext=_e(m.label), showarrow=False,
                          textangle=-90, xanchor="left", yanchor="top", font=dict(size=10)))
    fig.update_layout(shapes=shapes, annotations=list(fig.layout.annotations) + notes, images=_icon_images(result, direction), title=_e(title),
                      height=height,
                      margin=dict(l=50, r=20, t=50, b=40), yaxis_title=_e(ylabel), hovermode="closest",
                      template="plotly_white", legend=dict(orientation="h", y=-0.15))
    if percent:
        fig.update_yaxes(ticksuffix="%")
    return fig


def small_multiples(result: pd.DataFrame, names: dict[str, str] | None = None, percent: bool = False,
                    columns: int = 3, title: str = "") -> go.Figure:
    """One panel per team (``facet1``), sharing the y axis, each with its own signals."""
    teams = list(dict.fromkeys(result["facet1"]))
    rows = max(1, -(-len(teams) // columns))
    fig = make_subplots(rows=rows, cols=columns, shared_yaxes=True, vertical_spacing=0.12 / max(1, rows / 3),
                        subplot_titles=[_e((names or {}).get(t, t)) for t in teams])
    for i, team in enumerate(teams):
        seg = result[result["facet1"] == team].reset_index(drop=True)
        _add_series(fig, seg, row=i // columns + 1, col=i % columns + 1, percent=percent, show_legend=i == 0)
    fig.update_layout(title=_e(title), height=260 * rows + 80, showlegend=False, template="plotly_white",
                      margin=dict(l=40, r=20, t=70, b=30))
    return fig


def rebased_multiples(points: pd.DataFrame, medians: pd.DataFrame, names: dict[str, str] | None = None,
                      percent: bool = False, columns: int = 3, title: str = "") -> go.Figure:
    """runcharter's picture: one panel per team, each median solid over the points it was taken
    from and dashed on to the next, the points of each sustained run highlighted."""
    teams = list(dict.fromkeys(medians["group"]))
    rows = max(1, -(-len(teams) // columns))
    fig = make_subplots(rows=rows, cols=columns, shared_yaxes=True, vertical_spacing=0.12 / max(1, rows / 3),
                        subplot_titles=[_e((names or {}).get(t, t)) for t in teams])
    for i, team in enumerate(teams):
        kw = dict(row=i // columns + 1, col=i % columns + 1)
        mine = points[points["group"] == team]
        sustained = mine["run_type"] == "sustained"
        fig.add_trace(go.Scatter(x=mine["x"], y=mine["y"], mode="lines+markers", line=dict(color=LINE),
                                 marker=dict(color=np.where(sustained, SIGNAL, LINE), size=np.where(sustained, 8, 5)),
                                 hoverinfo="x+y", showlegend=False), **kw)
        for m in medians[medians["group"] == team].itertuples(index=False):
            for x0, x1, dash in ((m.start, m.end, "solid"), (m.end, m.extend_to, "dash")):
                fig.add_trace(go.Scatter(x=[x0, x1], y=[m.median, m.median], mode="lines", hoverinfo="skip",
                                         line=dict(color=GOAL if m.run_type == "sustained" else MUTED, dash=dash),
                                         showlegend=False), **kw)
    fig.update_layout(title=_e(title), height=260 * rows + 80, template="plotly_white",
                      margin=dict(l=40, r=20, t=70, b=30))
    if percent:
        fig.update_yaxes(ticksuffix="%")
    return fig


def chart_markers(cycles, phases) -> list[Marker]:
    """PDSA cycles (at their start) and learning sessions, as chart annotations."""
    out = [Marker(c.start, f"PDSA: {c.title if len(c.title) <= 24 else c.title[:23] + '…'}"
                  + (f" ({DECISION_WORDS[c.decision]})" if c.decision else ""), "pdsa") for c in cycles]
    out += [Marker(p.start, p.name, "session") for p in phases if p.kind == "learning_session"]
    return out


Y_LABELS = {"g": "days between", "t": "days between days with events", "s": "spread (standard deviation)"}


def figure_for(analysis, height: int = 420) -> go.Figure:
    """The chart of a team's measure (a ``bsc_widgets.measure_analysis.MeasureAnalysis``), annotated from the store."""
    m = analysis.measure
    events = m.kind == "events"
    ylabel = Y_LABELS.get(analysis.chart) or ("days between" if events else
                                              ("mean " if analysis.chart == "xbar" else "") + (m.unit or ""))
    notes = [PointNote(n.at, n.reason, n.astronomical) for n in analysis.notes]
    return spc_figure(analysis.result, f"{m.name} — {analysis.team.name}", percent=m.multiplier == 100,
                      goal=goal_on_chart(m, analysis.chart),
                      markers=chart_markers(analysis.cycles, analysis.phases), height=height, ylabel=ylabel,
                      direction=chart_direction(m, analysis.chart), notes=notes, moving_ranges=analysis.moving_ranges)
