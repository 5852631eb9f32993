"""Making Data Count's icons, in its colours: what the latest point says (variation) and whether
the goal will be met (assurance). One drawing serves the chart, the dashboard and the reports."""
from __future__ import annotations

import base64

import pandas as pd

from ..base.language import _
from ..render import render
from ..spc.mdc import ASSURANCE_WORDS, VARIATION_WORDS
from ..spc.signals import MDC_SIGNALS
from .palette import COMMON, CONCERN, IMPROVEMENT, KIND_COLOURS

POINT_COLOURS = {kind: KIND_COLOURS.get(ours, COMMON) for kind, ours in MDC_SIGNALS.items()}
ASSURANCE = {"consistent_pass": (IMPROVEMENT, "P"), "consistent_fail": (CONCERN, "F"), "inconsistent": (COMMON, "?")}


def variation_icon(variation: str, high: bool, size: int = 36) -> str:
    """The variation icon for the latest point's type: a grey wave, or H or L (the engine's ``mdc_high``) in the
    colour of what it signals."""
    common = variation == "common_cause"
    return render("charts/mdc_icons.html", "icon", colour=POINT_COLOURS[variation], size=size, wave=common,
                  letter="" if common else "H" if high else "L",
                  label=_("Variation: %(words)s", words=_(VARIATION_WORDS[variation])))


def assurance_icon(assurance: str | None, size: int = 36) -> str:
    if not assurance:
        return ""
    colour, letter = ASSURANCE[assurance]
    return render("charts/mdc_icons.html", "icon", colour=colour, letter=letter, size=size,
                  label=_("Assurance: %(words)s", words=_(ASSURANCE_WORDS[assurance])), wave=False)


def latest_icons(result: pd.DataFrame, size: int = 36) -> tuple[str, str] | None:
    """(variation, assurance) SVGs for a series' latest point, or None without Making Data Count: what the engine
    says of it, drawn (a long gap between rare events where fewer is better is a blue H)."""
    if "mdc_variation" not in result or result.empty:
        return None
    last = result.iloc[-1]
    return variation_icon(last["mdc_variation"], bool(last["mdc_high"]), size), assurance_icon(last["mdc_assurance"], size)


def icons_html(result: pd.DataFrame, size: int = 36) -> str:
    icons = latest_icons(result, size)
    return "" if icons is None else render("charts/mdc_icons.html", "pair", variation=icons[0], assurance=icons[1])


def data_uri(svg: str) -> str:
    """An SVG as a data: address, for a plotly layout image (nothing is fetched)."""
    return "data:image/svg+xml;base64," + base64.b64encode(str(svg).encode()).decode()
