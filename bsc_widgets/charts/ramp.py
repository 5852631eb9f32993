"""A PDSA ramp drawn as a ramp: each cycle one step up, from a small test towards adoption.

Plain SVG (``charts/ramp.html``); a text list beside it carries the same information for
screen readers and narrow phones.
"""
from __future__ import annotations

from ..base.language import N_, Labels, n_
from ..base.text import shorten
from ..model import Ramp
from ..render import render

FILL = {"adopt": "#2e7d32", "adapt": "#1f6f8b", "abandon": "#8d6e63", None: "#b0bec5"}
STEP_W, STEP_H, BASE_H = 150, 26, 30


STAGE_WORDS = Labels({"adopt": N_("Adopted"), "adapt": N_("Adapted"), "abandon": N_("Abandoned"),
                      "Plan": N_("Planned"), "Do": N_("Doing"), "Study": N_("Studying")})


def stage_words(cycle) -> str:
    """Where a cycle stands, in a word: its decision once it has one, else the step it is at."""
    return STAGE_WORDS.get(cycle.decision or cycle.stage, cycle.stage)


def ramp_svg(ramp: Ramp, idea_title: str) -> str:
    n = len(ramp.cycles)
    width = max(1, n) * STEP_W + 10
    height = BASE_H + n * STEP_H + 36
    steps = [dict(n=i + 1, x=5 + i * STEP_W, top=height - BASE_H - (i + 1) * STEP_H, w=STEP_W - 4,
                  h=BASE_H + (i + 1) * STEP_H, colour=FILL.get(c.decision, FILL[None]), title=c.title,
                  stage=stage_words(c), short=shorten(c.title, 22), start=c.start) for i, c in enumerate(ramp.cycles)]
    label = n_("Ramp of %(n)s PDSA cycle on “%(idea)s”", "Ramp of %(n)s PDSA cycles on “%(idea)s”", n, idea=idea_title)
    return render("charts/ramp.html", "svg", steps=steps, width=width, height=height, label=label)


def ramp_list_html(ramp: Ramp) -> str:
    return render("charts/ramp.html", "steps_list",
                  cycles=[(i, c, stage_words(c)) for i, c in enumerate(ramp.cycles, start=1)])
