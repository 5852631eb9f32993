"""The colours and marks every chart uses, with one meaning each.

Making Data Count's meanings: grey for everyday variation, blue for a signal of improvement, orange
for a signal of concern, purple for a change in a measure with no better direction. The shades keep
at least 3:1 against white and stay apart for readers with colour-blindness (blue and orange are the
pair the eye tells apart best); each kind also has its own marker shape, for print in grey.
"""
from __future__ import annotations

from ..language import N_, Labels

COMMON = "#6e6e6e"
IMPROVEMENT = "#0072b2"
CONCERN = "#d55e00"
NEUTRAL = "#6a3d9a"
LINE = "#4f5b62"          # the data line
MUTED = "#9e9e9e"         # centre lines and limits
GOAL = "#2e7d32"
SESSION = "#2e7d32"       # learning sessions on a chart
PDSA = "#4f5b62"          # PDSA cycles on a chart
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'

KIND_COLOURS = {"improvement": IMPROVEMENT, "concern": CONCERN, "change": NEUTRAL}
KIND_SYMBOLS = {"improvement": "circle", "concern": "diamond", "change": "square"}
KIND_NAMES = Labels({"improvement": N_("signal of improvement"), "concern": N_("signal of concern"),
                    "change": N_("signal of change")})
MDC_KINDS = {"common_cause": "", "special_cause_improvement": "improvement", "special_cause_concern": "concern",
             "special_cause_neutral_high": "change", "special_cause_neutral_low": "change"}
