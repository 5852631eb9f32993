"""The pieces every offline report is made of: its look, charts that carry their own plotly.js, sections.

Reports are plain HTML made by the templates in ``render`` (no widgets: an executed widget's state would pull its
renderer from a CDN). A report carries the plotly.js the workbooks draw with (plotly's basic bundle), packed
(``plotly_js.packed``), so the file opens from an e-mail attachment with no network and weighs a fifth of the full
bundle: the browser unpacks it, then draws every chart of the page, in order.
"""
from __future__ import annotations

import re

import plotly.graph_objects as go

from ..charts.palette import KIND_COLOURS, KIND_NAMES
from ..charts import plotly_js
from ..charts.plotly_js import chart_config
from ..charts.spc_chart import Panels, chart_key, title_of
from ..render import plotly_html, render

CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud"]}
PLOTLY_FILE = "plotly.min.js"
DEFERRED = "text/x-bsc-chart"   # a chart's drawing, run once the packed plotly.js is unpacked
PLOTLY_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>')   # how plotly opens a chart's drawing


class Charts:
    """Turns figures into HTML, putting plotly.js (packed) into the first one only.

    Each chart's drawing waits for the library (``DEFERRED``). With ``shared``, no report carries plotly.js: the first
    chart loads ``plotly.min.js`` from the report's own folder (smaller files, for a folder kept together rather than
    e-mailed).
    """

    def __init__(self, shared: bool = False):
        self.count = 0
        self.shared = shared

    def _div(self, fig: go.Figure) -> tuple[str, str | None]:
        """The figure's HTML (the first carrying plotly.js, or naming the shared file), and the script to load."""
        first = self.count == 0
        self.count += 1
        div_id = f"bsc-chart-{self.count}"   # the same report of the same data is the same file, byte for byte
        div = plotly_js.readable(fig).to_html(full_html=False, include_plotlyjs=False, config=chart_config(CONFIG),
                                              div_id=div_id)
        if self.shared:
            return plotly_html(div), PLOTLY_FILE if first else None
        div = PLOTLY_SCRIPT.sub(f'<script type="{DEFERRED}">', div)
        if first:
            div = str(render("reports/page.html", "plotly_unpacked", packed=plotly_js.packed(), kind=DEFERRED)) + div
        return plotly_html(div), None

    def html(self, fig: go.Figure, label: str) -> str:
        """A chart, its title as text above it and the key of its marks under it."""
        title = title_of(fig)
        fig = go.Figure(fig).update_layout(title=None)
        div, script = self._div(fig)
        return render("reports/page.html", "figure", label=label, div=div, script=script, title=title,
                      items=chart_key(fig))

    def panels(self, panels: Panels, label: str) -> str:
        """Small charts side by side, one to a row on a phone, with their shared legend."""
        items = []
        for name, fig in panels.items:
            div, script = self._div(fig)
            items.append((name, div, script))
        return render("reports/page.html", "panels", label=label, title=panels.title, items=items,
                      kinds=sorted(panels.kinds), names=KIND_NAMES, colours=KIND_COLOURS, note=panels.note)
