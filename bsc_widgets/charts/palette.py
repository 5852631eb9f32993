"""The colours and marks every chart uses, with one meaning each.

Making Data Count's meanings: grey for everyday variation, blue for a signal of improvement, orange
for a signal of concern, purple for a change in a measure with no better direction. The shades keep
at least 3:1 against white and stay apart for readers with colour-blindness (blue and orange are the
pair the eye tells apart best); each kind also has its own marker shape, for print in grey.
"""
from __future__ import annotations

from ..base.language import N_, Labels
from ..spc.signals import CHANGE as CHANGE_SIGNAL
from ..spc.signals import CONCERN as CONCERN_SIGNAL
from ..spc.signals import IMPROVEMENT as IMPROVEMENT_SIGNAL

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

# each signal (spc.signals) in its colour, marker and name
KIND_COLOURS = {IMPROVEMENT_SIGNAL: IMPROVEMENT, CONCERN_SIGNAL: CONCERN, CHANGE_SIGNAL: NEUTRAL}
KIND_SYMBOLS = {IMPROVEMENT_SIGNAL: "circle", CONCERN_SIGNAL: "diamond", CHANGE_SIGNAL: "square"}
KIND_NAMES = Labels({IMPROVEMENT_SIGNAL: N_("signal of improvement"), CONCERN_SIGNAL: N_("signal of concern"),
                    CHANGE_SIGNAL: N_("signal of change")})
