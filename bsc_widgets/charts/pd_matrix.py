"""The Professional Development Matrix as plain SVG: four quadrants, each offering a numbered dot.

Left ↔ right: individuals ↔ whole organizations or teams; bottom ↔ top: knowledge gain ↔
transfer to practice (the brief's Figure 1). A dot's area follows the offering's participant-
hours; the numbers key into the list beside it, so long names never overlap. Each quadrant is
shaded by its share of participant-hours and says it in words.
"""
from __future__ import annotations

import math
import textwrap

from ..model import PdOffering
from ..system_assessment import QUADRANTS, Assessment, quadrant_weights
from ..text import esc

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


def pd_matrix_svg(offerings: list[PdOffering], assessment: Assessment) -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE_W} {SIZE_H}" width="{SIZE_W}" '
             f'height="{SIZE_H}" role="img" aria-labelledby="pdm-title" font-family="system-ui, sans-serif" '
             'font-size="12">',
             '<title id="pdm-title">Professional Development Matrix: '
             + esc("; ".join(f"{q.title} {q.share * 100:.0f}% of participant-hours, {len(q.offerings)} offerings"
                             for q in assessment.quadrants.values())) + "</title>"]
    thin = assessment.thin()
    for key, (col, row) in PLACE.items():
        q = assessment.quadrants[key]
        x, y = LEFT + col * CELL, TOP + row * CELL
        shade = 0.08 + 0.5 * q.share
        parts.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{CELL:.0f}" height="{CELL:.0f}" '
                     f'fill="#1f6f8b" fill-opacity="{shade:.2f}" stroke="#1f6f8b"/>')
        lines = textwrap.wrap(f"{key}: {q.name}", 30)
        parts += [f'<text x="{x + 6:.0f}" y="{y + 16 + 14 * i:.0f}" font-weight="bold">{esc(line)}</text>'
                  for i, line in enumerate(lines)]
        parts.append(f'<text x="{x + 6:.0f}" y="{y + 18 + 14 * len(lines):.0f}">{q.share * 100:.0f}% of '
                     f'participant-hours{" · thin" if q in thin else ""}</text>')
    biggest = max((o.reach * o.hours for o in offerings), default=1) or 1
    for n, o in enumerate(offerings, start=1):
        x, y = _xy(o)
        r = 7 + 12 * math.sqrt(o.reach * o.hours / biggest)
        parts.append(f'<g><title>{esc(o.name)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#e07a1f" '
                     f'fill-opacity="0.75" stroke="#7a3d00"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" '
                     f'font-weight="bold" fill="#1a1a1a">{n}</text></g>')
    bottom = TOP + 2 * CELL
    parts += [f'<text x="{LEFT}" y="{bottom + 20}">← Individuals</text>',
              f'<text x="{LEFT + 2 * CELL}" y="{bottom + 20}" text-anchor="end">Organizations / teams →</text>',
              f'<text transform="translate({LEFT - 12},{TOP + 1.5 * CELL}) rotate(-90)" text-anchor="middle">'
              "Knowledge gain</text>",
              f'<text transform="translate({LEFT - 12},{TOP + 0.5 * CELL}) rotate(-90)" text-anchor="middle">'
              "Transfer to practice ↑</text>", "</svg>"]
    return "".join(parts)


def quadrant_words(o: PdOffering) -> str:
    """The offering's quadrant, or the two it sits between when it is on a middle line."""
    weights = quadrant_weights(o)
    top = max(weights.values())
    keys = [k for k, v in weights.items() if v == top]
    return " and ".join(f"{k}: {QUADRANTS[k][0]}" for k in keys) if len(keys) == 1 else \
        "Between " + " and ".join(f"{k}: {QUADRANTS[k][0]}" for k in keys)


def offerings_key_html(offerings: list[PdOffering], assessment: Assessment) -> str:
    """The numbered list the dots key into, with each offering's quadrant, reach and hours."""
    rows = "".join(f"<tr><td>{n}</td><td>{esc(o.name)}</td><td>{esc(o.funding_stream or '')}</td>"
                   f"<td>{esc(quadrant_words(o))}</td><td>{o.reach:,}</td>"
                   f"<td>{o.hours:g}</td><td>{o.reach * o.hours:,.0f}</td></tr>"
                   for n, o in enumerate(offerings, start=1))
    return ("<div class='bsc-scroll'><table class='bsc-table' aria-label='PD offerings'><thead><tr><th>#</th>"
            "<th>Offering</th><th>Funding stream</th><th>Quadrant</th><th>Reach a year</th><th>Hours each</th>"
            f"<th>Participant-hours</th></tr></thead><tbody>{rows}</tbody></table></div>")
