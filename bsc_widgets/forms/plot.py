"""A place on a page for a plotly chart.

A figure goes out as the JSON of the figure, a few kB, in two forms. In Voilà it is a few lines of
HTML that draw it with plotly.js, fetched once, when the page's first chart is drawn: Voilà does not
load plotly's own extension (4.8 MB, 1.45 MB compressed, on every page, with or without a chart).
JupyterLab, which has that extension, draws plotly's MIME bundle instead. A ``FigureWidget``
would ship plotly.js inside every widget's state, on every load and redraw.
"""
from __future__ import annotations

import json
import uuid

import ipywidgets as w
import plotly.graph_objects as go

from ..charts import plotly_js
from ..render import render

MIME = "application/vnd.plotly.v1+json"
# No "share to the cloud" button: children's data never leaves the workspace from a chart.
CONFIG = {"displaylogo": False, "responsive": True, "showSendToCloud": False, "showEditInChartStudio": False,
          "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio"]}


class PlotArea(w.Output):
    """Shows one figure at a time; ``figure`` keeps the last one drawn (for tests and reports)."""

    def __init__(self, height: int = 420, **kwargs):
        super().__init__(layout=w.Layout(width="100%", min_height=f"{height}px"), **kwargs)
        self._height = height
        self.figure: go.Figure | None = None

    def draw(self, fig: go.Figure) -> None:
        plotly_js.check_traces({trace.type for trace in fig.data})
        self.figure = fig
        figure = json.loads(fig.to_json()) | {"config": CONFIG}
        html = render("forms/plot.html", "chart", div_id=f"bsc-chart-{uuid.uuid4().hex}", figure=figure,
                      script=plotly_js.bundle()[1], height=self._height)
        self.outputs = ()
        self.append_display_data(_Bundle({MIME: figure, "text/html": str(html)}))

    def clear(self) -> None:
        self.figure = None
        self.outputs = ()


class _Bundle:
    """An object whose only representation is the given MIME bundle."""

    def __init__(self, bundle: dict):
        self.bundle = bundle

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle
