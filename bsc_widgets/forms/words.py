"""Widgets that share their layout and style, so a page sends fewer models.

Every ipywidget brings its own layout model, and most their own style: three models where the person sees one
thing. Each is created in the kernel, sent to the browser and built there, which a phone feels (a PDSA page
had 285 models, a third of them identical layouts). Text, help lines and messages never change their layout
or style, so they all share one of each. A widget whose layout is changed later (hidden, shown) is given its
own ``layout=``; never change a shared one.
"""
from __future__ import annotations

import ipywidgets as w
import traitlets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

PLAIN = w.Layout()
WIDE = w.Layout(width="100%")
SNUG = w.Layout(width="auto")            # buttons as wide as their words (never hidden: hide one with its own)
_WORDS = HTMLStyle()
LABEL_ABOVE = TextStyle(description_width="initial")         # text and text areas: the label in full
LABEL_ABOVE_LIST = DescriptionStyle(description_width="initial")   # lists
BOX = CheckboxStyle()                                        # every tick box of a "tick all that apply" field


class Words(w.HTML):
    """Markup made by our templates: headings, help, readings, messages."""

    @traitlets.default("layout")
    def _shared_layout(self):
        return PLAIN

    @traitlets.default("style")
    def _shared_style(self):
        return _WORDS
