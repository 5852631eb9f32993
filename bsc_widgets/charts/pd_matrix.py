"""The Professional Development Matrix as plain SVG: four quadrants, each offering a numbered dot.

Left ↔ right: individuals ↔ whole organizations or teams; bottom ↔ top: knowledge gain ↔
transfer to practice (the brief's Figure 1). A dot's area follows the offering's participant-
hours; the numbers key into the list beside it, so long names never overlap. Each quadrant is
shaded by its share of participant-hours and says it in words.
"""
from __future__ import annotations

import math
import textwrap

from ..analysis.system_assessment import QUADRANTS, Assessment, quadrant_weights
from ..base.language import _, listing, n_, number
from ..model import PdOffering
from ..render import render

LEFT, TOP, CELL = 70, 16, 220
SIZE_W, SIZE_H = LEFT + 2 * CELL + 16, TOP + 2 * CELL + 40
HEAD = 64             # room at the top of each cell for its title, kept clear of dots
# quadrant -> (column, row) with row 0 at the top
PLACE = {"Q2": (0, 0), "Q3": (1, 0), "Q1": (0, 1), "Q4": (1, 1)}


def _along(value: int) -> tuple[int, float]:
    """Which half of an axis (0 or 1) and how far into it (0–1)."""
    half = 1 if value >= 50 else 0
    return half, (value - 50 * half) / 50


def _xy(o: PdOffering) -> tuple[float, float]:
    col, fx = _along(o.audience)
    up, fy = _along(o.purpose)
    row = 1 - up
    x = LEFT + col * CELL + 14 + fx * (CELL - 28)
    y = TOP + row * CELL + HEAD + (1 - fy) * (CELL - HEAD - 14)
    return x, y


def _apart(dots: list[dict], rounds: int = 60) -> None:
    """Nudge dots that overlap until each number can be read, each staying inside its own quadrant."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(dots):
            for b in dots[i + 1:]:
                dx, dy = b["x"] - a["x"], b["y"] - a["y"]
                gap = math.hypot(dx, dy)
                need = a["r"] + b["r"] + 2
                if gap >= need:
                    continue
                if gap < 1e-6:                       # the same place: part them sideways
                    dx, dy, gap = 1.0, 0.3, math.hypot(1.0, 0.3)
                push = (need - gap) / 2
                for dot, sign in ((a, -1), (b, 1)):
                    dot["x"] += sign * push * dx / gap
                    dot["y"] += sign * push * dy / gap
                moved = True
        for d in dots:                               # inside the quadrant, below its title
            x0, y0 = d["cell"]
            d["x"] = min(max(d["x"], x0 + d["r"] + 2), x0 + CELL - d["r"] - 2)
            d["y"] = min(max(d["y"], y0 + HEAD + d["r"] - 10), y0 + CELL - d["r"] - 2)
        if not moved:
            return


def pd_matrix_svg(offerings: list[PdOffering], assessment: Assessment) -> str:
    thin = assessment.thin()
    cells = []
    for key, (col, row) in PLACE.items():
        q = assessment.quadrants[key]
        cells.append(dict(x=LEFT + col * CELL, y=TOP + row * CELL, shade=0.08 + 0.5 * q.share,
                          lines=textwrap.wrap(f"{key}: {q.name}", 30), share=number(round(q.share * 100)), thin=q in thin))
    biggest = max((o.reach * o.hours for o in offerings), default=1) or 1
    dots = []
    for n, o in enumerate(offerings, start=1):
        x, y = _xy(o)
        dots.append(dict(n=n, name=o.name, x=x, y=y, r=7 + 12 * math.sqrt(o.reach * o.hours / biggest),
                         cell=(LEFT + _along(o.audience)[0] * CELL, TOP + (1 - _along(o.purpose)[0]) * CELL)))
    _apart(dots)
    title = "; ".join(n_("%(quadrant)s %(share)s%% of participant-hours, %(n)s offering",
                         "%(quadrant)s %(share)s%% of participant-hours, %(n)s offerings", len(q.offerings),
                         quadrant=q.title, share=number(round(q.share * 100)))
                      for q in assessment.quadrants.values())
    return render("charts/pd_matrix.html", "svg", width=SIZE_W, height=SIZE_H, title=title, cells=cells, dots=dots,
                  left=LEFT, top=TOP, cell=CELL)


def quadrant_words(o: PdOffering) -> str:
    """The offering's quadrant, or the two it sits between when it is on a middle line."""
    weights = quadrant_weights(o)
    top = max(weights.values())
    keys = [k for k, v in weights.items() if v == top]
    named = [f"{k}: {_(QUADRANTS[k][0])}" for k in keys]
    return named[0] if len(named) == 1 else _("Between %(quadrants)s", quadrants=listing(named))


def offerings_key_html(offerings: list[PdOffering], assessment: Assessment) -> str:
    """The numbered list the dots key into, with each offering's quadrant, reach and hours."""
    return render("charts/pd_matrix.html", "key", rows=[
        dict(n=n, name=o.name, funding=o.funding_stream or "", quadrant=quadrant_words(o), reach=o.reach,
             hours=o.hours, person_hours=o.reach * o.hours) for n, o in enumerate(offerings, start=1)])
