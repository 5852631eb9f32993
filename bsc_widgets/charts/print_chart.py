"""A run or control chart as plain SVG, for paper: a storyboard poster prints it with no script and no network.

It reads the engine's columns and nothing else (``x``, ``y``, ``cl``, the limits, ``target`` and ``signal``),
as the interactive chart does; each point of a signal has its colour and its own shape, for a grey printer.
"""
from __future__ import annotations

import math

import pandas as pd

from ..base.language import _, day
from ..render import render
from .palette import COMMON, GOAL, KIND_COLOURS, KIND_NAMES, KIND_SYMBOLS, LINE, MUTED

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 360, 170, 40, 10, 10, 24


def run_chart_svg(result: pd.DataFrame, title: str, percent: bool = False) -> str:
    """One team's analysed series (a ``qic()`` result) as a small printable chart."""
    rows = result.dropna(subset=["y"]).sort_values("x")
    if rows.empty:
        return ""
    values = [v for c in ("y", "cl", "lcl", "ucl", "target") if c in rows for v in rows[c].dropna()]
    low, high = min(values), max(values)
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    n = len(rows)

    def px(i: int) -> float:
        return PAD_L + (W - PAD_L - PAD_R) * (i / max(1, n - 1))

    def py(v: float) -> float:
        return PAD_T + (H - PAD_T - PAD_B) * (1 - (v - low) / (high - low))

    def path(column: str) -> str:
        if column not in rows or rows[column].isna().all():
            return ""
        return " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(rows[column]) if pd.notna(v))

    points = [dict(x=px(i), y=py(v), colour=KIND_COLOURS.get(s, COMMON), shape=KIND_SYMBOLS.get(s, "circle"),
                   label=f"{day(pd.Timestamp(x).date(), 'short_month')}: {v:.3g}{'%' if percent else ''}"
                   + (f" ({KIND_NAMES[s]})" if s in KIND_COLOURS else ""))
              for i, (x, v, s) in enumerate(zip(rows["x"], rows["y"], rows["signal"]))]
    first, last = (day(pd.Timestamp(rows["x"].iloc[k]).date(), "short_month") for k in (0, -1))
    return render("charts/print_chart.html", "svg", width=W, height=H, title=title, data=path("y"),
                  centre=path("cl"), lower=path("lcl"), upper=path("ucl"), goal=path("target"), points=points,
                  top=f"{high:.3g}", bottom=f"{low:.3g}", first=first, last=last, line=LINE, muted=MUTED,
                  goal_colour=GOAL, label=_("%(title)s: %(n)s points, %(first)s to %(last)s", title=title, n=n,
                                            first=first, last=last))
