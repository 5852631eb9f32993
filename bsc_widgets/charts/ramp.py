"""A PDSA ramp drawn as a ramp: each cycle one step up, from a small test towards adoption.

Plain SVG with every piece of text escaped; a text list beside it carries the same
information for screen readers and narrow phones.
"""
from __future__ import annotations

from ..model import DECISION_LABELS, Ramp
from ..text import esc, shorten

FILL = {"adopt": "#2e7d32", "adapt": "#1f6f8b", "abandon": "#8d6e63", None: "#b0bec5"}
STEP_W, STEP_H, BASE_H = 150, 26, 30


def stage_words(cycle) -> str:
    if cycle.decision:
        return DECISION_LABELS[cycle.decision] + "ed" if cycle.decision != "adopt" else "Adopted"
    return {"Plan": "Planned", "Do": "Doing", "Study": "Studying"}.get(cycle.stage, cycle.stage)


def ramp_svg(ramp: Ramp, idea_title: str) -> str:
    n = len(ramp.cycles)
    width = max(1, n) * STEP_W + 10
    height = BASE_H + n * STEP_H + 36
    parts = []
    for i, c in enumerate(ramp.cycles):
        x = 5 + i * STEP_W
        top = height - BASE_H - (i + 1) * STEP_H
        h = BASE_H + (i + 1) * STEP_H
        colour = FILL.get(c.decision, FILL[None])
        parts.append(f'<rect x="{x}" y="{top}" width="{STEP_W - 4}" height="{h}" rx="3" fill="{colour}" '
                     f'fill-opacity="0.85"><title>{esc(c.title)}</title></rect>'
                     f'<text x="{x + 6}" y="{top + 15}" font-size="12" fill="#fff" font-weight="bold">'
                     f'Cycle {i + 1}: {esc(stage_words(c))}</text>'
                     f'<text x="{x + 6}" y="{top + 31}" font-size="11" fill="#fff">{esc(shorten(c.title, 22))}</text>'
                     f'<text x="{x + 6}" y="{height - 8}" font-size="10" fill="#fff">{c.start:%-d %b %Y}</text>')
    label = f"Ramp of {n} PDSA cycle{'s' if n != 1 else ''} on “{idea_title}”"
    return (f'<svg role="img" aria-label="{esc(label)}" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" style="max-width:100%;height:auto">{"".join(parts)}</svg>')


def ramp_list_html(ramp: Ramp) -> str:
    items = "".join(f"<li>Cycle {i}: {esc(c.title)} — {esc(stage_words(c))}, from {c.start:%-d %b %Y}"
                    + (f" to {c.end:%-d %b %Y}" if c.end else "") + "</li>"
                    for i, c in enumerate(ramp.cycles, start=1))
    return f"<ol class='bsc-ramp-list'>{items}</ol>"
