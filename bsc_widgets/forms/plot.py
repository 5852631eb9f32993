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
from ..charts.palette import KIND_COLOURS, KIND_NAMES
from ..charts.spc_chart import Panels, chart_key, title_of
from ..render import render

MIME = "application/vnd.plotly.v1+json"
# No "share to the cloud" button: children's data never leaves the workspace from a chart.
CONFIG = {"displaylogo": False, "responsive": True, "showSendToCloud": False, "showEditInChartStudio": False,
          "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio"]}


def _figure_json(fig: go.Figure, title: bool = True) -> dict:
    """The figure as plotly.js takes it; without its title, which the page shows as text above it."""
    figure = json.loads(plotly_js.readable(fig).to_json()) | {"config": plotly_js.chart_config(CONFIG)}
    if not title:
        figure["layout"].pop("title", None)
    return figure


class PlotArea(w.Output):
    """Shows one figure (or one set of small charts) at a time; ``figure`` keeps the last one drawn."""

    def __init__(self, height: int = 420, **kwargs):
        super().__init__(layout=w.Layout(width="100%", min_height=f"{height}px"), **kwargs)
        self._height = height
        self.figure: go.Figure | None = None
        self.panels: Panels | None = None

    def draw(self, fig: go.Figure) -> None:
        self.figure, self.panels = fig, None
        self.remove_class("bsc-panels")
        page = render("forms/plot.html", "chart", div_id=f"bsc-chart-{uuid.uuid4().hex}",
                      figure=_figure_json(fig, title=False), script=plotly_js.bundle()[1], height=self._height,
                      title=title_of(fig), items=chart_key(fig))
        self._show([{MIME: _figure_json(fig), "text/html": str(page)}])

    def draw_panels(self, panels: Panels) -> None:
        """Small charts side by side (one to a row on a phone), their shared legend under them: one output
        each, so that JupyterLab draws each from its plotly data as Voilà does from its HTML."""
        self.figure, self.panels = None, panels
        self.add_class("bsc-panels")
        script = plotly_js.bundle()[1]
        outputs = [{"text/html": str(render("forms/plot.html", "panels_title", title=panels.title))}]
        for name, fig in panels.items:
            page = render("forms/plot.html", "panel", div_id=f"bsc-chart-{uuid.uuid4().hex}", name=name,
                          figure=_figure_json(fig), script=script)
            outputs.append({MIME: _figure_json(go.Figure(fig).update_layout(title=name)), "text/html": str(page)})
        outputs.append({"text/html": str(render("forms/plot.html", "panels_legend", kinds=sorted(panels.kinds),
                                                names=KIND_NAMES, colours=KIND_COLOURS, note=panels.note))})
        self._show(outputs)

    def _show(self, bundles: list[dict]) -> None:
        self.outputs = ()
        for bundle in bundles:
            self.append_display_data(_Bundle(bundle))

    def clear(self) -> None:
        self.figure = self.panels = None
        self.outputs = ()


class _Bundle:
    """An object whose only representation is the given MIME bundle."""

    def __init__(self, bundle: dict):
        self.bundle = bundle

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle
