"""A place on a page for a plotly chart, drawn by the plotly extension Voilà already serves.

Figures go out as plotly's own MIME bundle: the JSON of the figure, a few kB. A
``FigureWidget`` would instead ship plotly.js (about 4.6 MB) inside every widget's
state, on every page load and redraw, which a phone on conference Wi-Fi cannot afford.
"""
from __future__ import annotations

import json

import ipywidgets as w
import plotly.graph_objects as go

MIME = "application/vnd.plotly.v1+json"
# No "share to the cloud" button: children's data never leaves the workspace from a chart.
CONFIG = {"displaylogo": False, "showSendToCloud": False, "showEditInChartStudio": False,
          "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio"]}


class PlotArea(w.Output):
    """Shows one figure at a time; ``figure`` keeps the last one drawn (for tests and reports)."""

    def __init__(self, height: int = 420, **kwargs):
        super().__init__(layout=w.Layout(width="100%", min_height=f"{height}px"), **kwargs)
        self.figure: go.Figure | None = None

    def draw(self, fig: go.Figure) -> None:
        self.figure = fig
        bundle = {MIME: json.loads(fig.to_json()) | {"config": CONFIG}}
        self.outputs = ()
        self.append_display_data(_Bundle(bundle))


    def clear(self) -> None:
        self.figure = None
        self.outputs = ()


class _Bundle:
    """An object whose only representation is the given MIME bundle."""

    def __init__(self, bundle: dict):
        self.bundle = bundle

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle
