"""Run and control charts as plotly figures: center line and limits per phase, signal points in the colour
of what they show, the goal, and the PDSA cycles and learning sessions as numbered marks with a key.

Points are coloured under the rules the chart is read by (the collaborative's choice), so the picture
and the reading never disagree: blue for a signal of improvement, orange for concern, purple for a
change in a measure with no better direction, grey for everyday variation, each named in the legend.
PDSA cycles and learning sessions are small numbered tags along the top, explained in a key under the
chart (``chart_key``), instead of vertical labels that smear into a band once there are a few.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..base.language import N_, Labels, _, day, number
from ..base.text import plotly_text
from ..model import DECISION_WORDS
from ..spc.mdc import SHORT
from ..spc.signals import SIGNALS
from .mdc_icons import data_uri, latest_icons
from .palette import COMMON, CONCERN, FONT, GOAL, KIND_COLOURS, KIND_NAMES, KIND_SYMBOLS, LINE, MUTED, PDSA, SESSION

BREAK = "<br>"     # a line break in plotly's hover text (the one piece of markup plotly takes)
_e = plotly_text


@dataclass(frozen=True)
class Marker:
    """A dated annotation: a PDSA cycle or a learning session."""

    when: dt.date
    label: str
    kind: str = "pdsa"   # pdsa | session


@dataclass(frozen=True)
class KeyItem:
    """One tag on a chart and what it stands for, as the key under the chart lists it."""

    tag: str             # "1", "2" for PDSA cycles; "LS1" for learning sessions
    kind: str
    label: str
    when: dt.date


def numbered(markers: list[Marker]) -> list[KeyItem]:
    """PDSA cycles numbered 1, 2… by their start; learning sessions LS1, LS2… by date."""
    out, counts = [], {"pdsa": 0, "session": 0}
    for m in sorted(markers, key=lambda m: (m.when, m.kind, m.label)):
        counts[m.kind] += 1
        out.append(KeyItem(f"{counts[m.kind]}" if m.kind == "pdsa" else f"LS{counts[m.kind]}", m.kind, m.label,
                           m.when))
    return out


def chart_key(fig: go.Figure) -> list[KeyItem]:
    """The key a figure was drawn with (kept in its layout, so a chart never needs its analysis again)."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    return [KeyItem(k["tag"], k["kind"], k["label"], dt.date.fromisoformat(k["when"])) for k in meta.get("bsc_key", [])]


def title_of(fig: go.Figure) -> str:
    """A figure's title as plain text (plotly's copy is escaped for plotly): pages show it above the chart."""
    return html.unescape(fig.layout.title.text or "") if fig.layout.title else ""


def point_words(result: pd.DataFrame) -> list[list[str]]:
    """For each point, the rules it is part of (the engine's ``signal_rules``), in words for its hover text."""
    n = len(result)
    if not n or "signal_rules" not in result:
        return [[] for _i in range(n)]
    limit = result["longest_run_max"].to_numpy(dtype=float)
    types = result["mdc_point_type"].to_numpy() if "mdc_point_type" in result else None
    words = {"limits": lambda i: _("outside the control limits"),
             "run": lambda i: _("part of a run longer than %(n)s points (Anhøj)", n=int(limit[i])),
             "shift": lambda i: _("shift: 6 or more on one side of the median (IHI)"),
             "trend": lambda i: _("trend: 5 or more rising or falling (IHI)"),
             "mdc": lambda i: MDC_WHY[types[i]]}
    return [[words[code](i) for code in codes.split()] for i, codes in enumerate(result["signal_rules"])]


def _label(x) -> str:
    if isinstance(x, (pd.Timestamp, dt.date)):
        d = pd.Timestamp(x)
        return day(d.date(), "short_month" if d.day == 1 else "short")
    return str(x)


def _add_series(fig, result, row=None, col=None, percent=False, show_legend=True) -> set[str]:
    """The data, its signal points in their colours (the engine's ``signal`` column), and each phase's center line
    and limits; returns the kinds of signal shown."""
    x = result["x"]
    fmt = ".0f" if percent else ".3g"
    suffix = "%" if percent else ""
    kinds, fired = result["signal"].to_numpy(), point_words(result)
    left_out = ~result["include"].astype(bool).to_numpy() if "include" in result else np.zeros(len(result), bool)
    hover = [f"{_e(_label(xv))}: {format(yv, fmt) if pd.notna(yv) else '–'}{suffix}"
             + "".join(BREAK + _e(w) for w in why) + (BREAK + _("left out of the center line and limits") if out else "")
             for xv, yv, why, out in zip(x, result["y"], fired, left_out)]
    kw = dict(row=row, col=col) if row else {}
    fig.add_trace(go.Scatter(x=x, y=result["y"], mode="lines+markers", name=_("data"), line=dict(color=LINE, width=2),
                             marker=dict(color=COMMON, size=7, symbol=np.where(left_out, "circle-open", "circle")),
                             hovertext=hover, hoverinfo="text", showlegend=show_legend), **kw)
    shown = set()
    for kind in SIGNALS:
        at = kinds == kind
        if at.any():
            shown.add(kind)
            fig.add_trace(go.Scatter(
                x=x[at], y=result["y"][at], mode="markers", name=KIND_NAMES[kind], hoverinfo="text",
                hovertext=[h for h, a in zip(hover, at) if a], showlegend=show_legend,
                marker=dict(color=KIND_COLOURS[kind], size=11, line=dict(width=1, color="white"),
                            symbol=[KIND_SYMBOLS[kind] + ("-open" if o else "") for o in left_out[at]])), **kw)
    if left_out.any() and show_legend:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=_("left out of the center line"),
                                 marker=dict(color=COMMON, size=7, symbol="circle-open"), hoverinfo="skip"), **kw)
    control = "ucl" in result and result["ucl"].notna().any()
    for part, seg in result.groupby("part", sort=True):
        crossings = bool(seg["anhoej_signal"].iloc[0])
        fig.add_trace(go.Scatter(x=seg["x"], y=seg["cl"], mode="lines", name=_("center line") if control else _("median"),
                                 line=dict(color=MUTED, width=2, dash="dash" if crossings else "solid"),
                                 hoverinfo="skip", showlegend=show_legend and part == 1), **kw)
        if control:
            for k in ("ucl", "lcl"):
                fig.add_trace(go.Scatter(x=seg["x"], y=seg[k], mode="lines", name=_("control limits"),
                                         line=dict(color=MUTED, dash="dot", shape="hv"), hoverinfo="skip",
                                         showlegend=show_legend and part == 1 and k == "ucl"), **kw)
    return shown


def _icon_images(result: pd.DataFrame) -> list[dict]:
    """Making Data Count's variation and assurance icons, top right, as images drawn here."""
    icons = latest_icons(result)
    if icons is None:
        return []
    return [dict(source=data_uri(svg), xref="paper", yref="paper", x=1 - 0.07 * k, y=1.02, sizex=0.07, sizey=0.14,
                 xanchor="right", yanchor="bottom", layer="above") for k, svg in enumerate(i for i in icons if i)]


@dataclass(frozen=True)
class PointNote:
    """A note pinned to a point (a saved ``ChartMark``), drawn as a star on the point; a cross if astronomical."""

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
                x=[result["x"].iloc[i] for _n, i in at], y=[result["y"].iloc[i] for _n, i in at], mode="markers",
                name=_("astronomical point") if flagged else _("note"),
                marker=dict(symbol="x" if flagged else "star", size=14, color=CONCERN if flagged else GOAL,
                            line=dict(width=1, color="white")),
                hovertext=[_e(_("Astronomical point: %(text)s", text=n.text) if flagged else _("Note: %(text)s", text=n.text))
                           for n, _i in at],
                hoverinfo="text"), **kw)


NARROW = 280              # the plot's width (px) on a phone: the narrowest a chart is drawn
TAG_CHAR, TAG_PAD, TAG_ROW = 10, 8, 28   # a tag's width per character at 16 px, its padding, a row of tags (px)


def _tags(items: list[KeyItem], span: tuple[pd.Timestamp, pd.Timestamp] | None) -> tuple[list[dict], list[dict], int]:
    """A dotted line at each tag's date and the tag above the plot, in as many rows as it takes for no two tags to
    overlap on a phone's chart (rows are placed in pixels, whatever the chart's height); returns the rows used too.
    Shapes and annotations are given in one go: plotly's add_vline re-processes every shape."""
    shapes, notes = [], []
    days = (span[1] - span[0]).days if span and span[1] > span[0] else 365
    rows: list[tuple[pd.Timestamp, str]] = []

    def width(tag: str) -> float:
        return TAG_CHAR * len(tag) + TAG_PAD

    for item in items:
        when = pd.Timestamp(item.when)
        colour = SESSION if item.kind == "session" else PDSA

        def clear(last) -> bool:   # the two tags' half widths, and a gap, fit between their dates
            return abs((when - last[0]).days) / days * NARROW > (width(last[1]) + width(item.tag)) / 2 + 2
        row = next((k for k, last in enumerate(rows) if clear(last)), len(rows))
        if row == len(rows):
            rows.append((when, item.tag))
        rows[row] = (when, item.tag)
        shapes.append(dict(type="line", xref="x", x0=when, x1=when, yref="paper", y0=0, y1=1,
                           line=dict(color=colour, width=1, dash="dot")))
        notes.append(dict(x=when, y=1, yref="paper", yanchor="bottom", yshift=4 + TAG_ROW * row, text=_e(item.tag),
                          hovertext=_e(item.label), showarrow=False, font=dict(size=16, color="#ffffff"),
                          bgcolor=colour, borderpad=2))
    return shapes, notes, len(rows)


def _style(fig: go.Figure, height: int, title: str, top: int) -> None:
    fig.update_layout(title=dict(text=_e(title), x=0, xanchor="left", font=dict(size=18)), height=height,
                      font=dict(family=FONT, size=16, color="#1a1a1a"), template="plotly_white", hovermode="closest",
                      margin=dict(l=50, r=16, t=top, b=40),
                      legend=dict(orientation="h", x=0, xanchor="left", yref="container", y=0, yanchor="bottom"))
    # month names over the year, never turned on their side nor cut, on a phone's narrow chart as on a desktop's
    fig.update_xaxes(automargin=True, tickformatstops=[dict(dtickrange=[None, "M1"], value="%e %b"),
                                                       dict(dtickrange=["M1", None], value="%b<br>%Y")])


def spc_figure(result: pd.DataFrame, title: str = "", percent: bool = False, goal: float | None = None,
               markers: list[Marker] | None = None, height: int = 420, ylabel: str = "",
               notes: list[PointNote] | None = None, moving_ranges: pd.DataFrame | None = None) -> go.Figure:
    """One series' chart, drawn from the engine's columns (signals, limits, Making Data Count's icons, the goal
    as its ``target`` unless ``goal`` is given); with ``moving_ranges`` (an I chart's), its MR chart below."""
    if goal is None and "target" in result and len(result):
        goal = result["target"].iloc[-1]
    with_mr = moving_ranges is not None and not moving_ranges.empty and not result.empty
    if with_mr:
        fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.06,
                            subplot_titles=["", _e(_("Moving ranges (MR chart)"))])
        height += 160
    else:
        fig = go.Figure()
    if not result.empty:
        kw = dict(row=1, col=1) if with_mr else {}
        _add_series(fig, result, percent=percent, **kw)
        _add_notes(fig, result, notes or [], **kw)
    if with_mr:
        _add_series(fig, moving_ranges, row=2, col=1, show_legend=False)
    shapes, labels = [], []
    if goal is not None and not pd.isna(goal):
        shapes.append(dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=goal, y1=goal,
                           line=dict(color=GOAL, dash="dashdot")))
        labels.append(dict(xref="paper", x=0, yref="y", y=goal, text=_e(_("goal %(goal)s", goal=number(goal) + ("%" if percent else ""))),
                           showarrow=False, xanchor="left", yanchor="bottom", font=dict(color=GOAL)))
    if "mdc_provisional" in result and len(result) and result["mdc_provisional"].iloc[-1]:
        labels.append(dict(xref="paper", x=0, yref="paper", y=-0.1, showarrow=False, xanchor="left", yanchor="top",
                           text=_e(_("Provisional limits: fewer than %(n)s points", n=SHORT)),
                           font=dict(size=16, color=LINE)))
    key = numbered(markers or [])
    dates = pd.to_datetime(result["x"]) if not result.empty and not isinstance(
        result["x"].dtype, pd.CategoricalDtype) else None
    span = None
    if dates is not None:   # the x axis reaches every tag's line as well as every point
        whens = [pd.Timestamp(k.when) for k in key]
        span = (min([dates.min(), *whens]), max([dates.max(), *whens]))
    tag_shapes, tags, tag_rows = _tags(key, span)
    top = 40 + TAG_ROW * tag_rows
    _style(fig, height, title, top)
    fig.update_layout(shapes=shapes + tag_shapes, annotations=list(fig.layout.annotations) + labels + tags,
                      images=_icon_images(result), yaxis_title=_e(ylabel),
                      meta={"bsc_key": [dict(tag=k.tag, kind=k.kind, label=k.label, when=k.when.isoformat())
                                        for k in key]})
    if percent:
        fig.update_yaxes(ticksuffix="%")
    return fig


@dataclass
class Panels:
    """Small charts that share a y axis, one per team or group: drawn side by side on a wide screen and one
    to a row on a phone, each with its name above it as text (never cut or overlapping)."""

    title: str
    items: list[tuple[str, go.Figure]] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)     # the kinds of signal shown, for the legend
    note: str = ""


def _y_range(values: list[np.ndarray], percent: bool) -> list[float] | None:
    finite = np.concatenate([v[np.isfinite(v)] for v in values]) if values else np.zeros(0)
    if not len(finite):
        return None
    low, high = float(finite.min()), float(finite.max())
    pad = (high - low) * 0.08 or 1.0
    return [min(low - pad, 0) if percent else low - pad, high + pad]


def _panel(height: int = 230) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(height=height, showlegend=False, template="plotly_white", hovermode="closest",
                      font=dict(family=FONT, size=12, color="#1a1a1a"), margin=dict(l=40, r=12, t=12, b=30))
    return fig


def small_multiples(result: pd.DataFrame, names: dict[str, str] | None = None, percent: bool = False,
                    title: str = "") -> Panels:
    """One small chart per team (``facet1``), on one y scale, each with its own signals."""
    panels = Panels(title)
    teams = list(dict.fromkeys(result["facet1"])) if not result.empty else []
    columns = [c for c in ("y", "ucl", "lcl", "cl") if c in result]
    yrange = _y_range([result[c].to_numpy(dtype=float) for c in columns], percent)
    for team in teams:
        seg = result[result["facet1"] == team].reset_index(drop=True)
        fig = _panel()
        panels.kinds |= _add_series(fig, seg, percent=percent, show_legend=False)
        fig.update_yaxes(range=yrange, ticksuffix="%" if percent else "")
        panels.items.append(((names or {}).get(team, team), fig))
    return panels


def rebased_multiples(points: pd.DataFrame, medians: pd.DataFrame, names: dict[str, str] | None = None,
                      percent: bool = False, title: str = "") -> Panels:
    """runcharter's picture: one panel per team, each median solid over the points it was taken from and
    dashed on to the next, the points of each sustained run in the colour of its ``signal`` (the analysis')."""
    panels = Panels(title)
    teams = list(dict.fromkeys(medians["group"]))
    yrange = _y_range([points["y"].to_numpy(dtype=float), medians["median"].to_numpy(dtype=float)], percent)
    for team in teams:
        fig = _panel()
        mine = points[points["group"] == team]
        own = medians[medians["group"] == team]
        panels.kinds |= set(own["signal"]) - {""}
        kinds = mine["signal"].to_numpy()
        fig.add_trace(go.Scatter(x=mine["x"], y=mine["y"], mode="lines+markers", line=dict(color=LINE),
                                 marker=dict(color=[KIND_COLOURS.get(k, COMMON) for k in kinds],
                                             symbol=[KIND_SYMBOLS.get(k, "circle") for k in kinds],
                                             size=[10 if k else 6 for k in kinds]), hoverinfo="x+y"))
        for m in own.itertuples(index=False):
            for x0, x1, dash in ((m.start, m.end, "solid"), (m.end, m.extend_to, "dash")):
                fig.add_trace(go.Scatter(x=[x0, x1], y=[m.median, m.median], mode="lines", hoverinfo="skip",
                                         line=dict(color=GOAL if m.run_type == "sustained" else MUTED, dash=dash)))
        fig.update_yaxes(range=yrange, ticksuffix="%" if percent else "")
        panels.items.append(((names or {}).get(team, team), fig))
    return panels


def chart_markers(cycles, phases, elsewhere=()) -> list[Marker]:
    """PDSA cycles (at their start) and learning sessions, as chart marks; the key names them in full. Cycles
    ``elsewhere`` (aimed at other measures, shown when asked) say so in the key."""
    out = [Marker(c.start, _("PDSA: %(title)s (%(decision)s)", title=c.title, decision=DECISION_WORDS[c.decision])
                  if c.decision else _("PDSA: %(title)s", title=c.title), "pdsa")
           for c in cycles]
    out += [Marker(c.start, _("PDSA: %(title)s (aimed at another measure)", title=c.title), "pdsa")
            for c in elsewhere]
    out += [Marker(p.start, p.name, "session") for p in phases if p.kind == "learning_session"]
    return out


Y_LABELS = Labels({"g": N_("days between"), "t": N_("days between days with events"),
                   "s": N_("spread (standard deviation)")})
MDC_WHY = Labels({"special_cause_improvement": N_("special cause: improvement (Making Data Count)"),
                  "special_cause_concern": N_("special cause: concern (Making Data Count)"),
                  "special_cause_neutral_high": N_("special cause: high (Making Data Count)"),
                  "special_cause_neutral_low": N_("special cause: low (Making Data Count)")})


def figure_for(analysis, height: int = 420, every_cycle: bool = False) -> go.Figure:
    """The chart of a team's measure (a ``bsc_widgets.analysis.measure_analysis.MeasureAnalysis``), annotated from the
    store: the cycles aimed at it, and with ``every_cycle`` the team's others too."""
    m = analysis.measure
    events = m.kind == "events"
    ylabel = Y_LABELS.get(analysis.chart) or (_("days between") if events else
                                              _("mean %(unit)s", unit=m.unit or "").strip() if analysis.chart == "xbar"
                                              else m.unit or "")
    notes = [PointNote(n.at, n.reason, n.astronomical) for n in analysis.notes]
    markers = chart_markers(analysis.cycles, analysis.phases, analysis.other_cycles if every_cycle else ())
    return spc_figure(analysis.result, f"{m.name} — {analysis.team.name}", percent=m.multiplier == 100,
                      goal=analysis.goal, markers=markers, height=height, ylabel=ylabel, notes=notes,
                      moving_ranges=analysis.moving_ranges)
