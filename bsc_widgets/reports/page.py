"""The pieces every offline report is made of: its look, charts that carry their own plotly.js, sections.

Reports are plain HTML (no widgets: an executed widget's state would pull its renderer from
a CDN). The first chart of a report carries plotly.js inline, so the file opens from an
email attachment with no network; later charts reuse it.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..text import esc

CSS = """<style>
.bsc-report {font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  max-width: 64em; margin: 0 auto; line-height: 1.45}
.bsc-report h1 {font-size: 1.7em; margin: .2em 0} .bsc-report h2 {font-size: 1.3em; margin: 1.2em 0 .3em;
  border-bottom: 2px solid #1f6f8b; padding-bottom: .1em} .bsc-report h3 {font-size: 1.05em; margin: .8em 0 .2em}
.bsc-report table {border-collapse: collapse; width: 100%; font-size: .92em}
.bsc-report th, .bsc-report td {text-align: left; padding: .25em .5em; border-bottom: 1px solid #ddd; vertical-align: top}
.bsc-report .bsc-side {display: grid; grid-template-columns: 1fr 1fr; gap: .6em}
.bsc-report .bsc-side > div {background: #f5f7f8; padding: .4em .6em; border-radius: 4px}
.bsc-report .bsc-questions li {margin: .3em 0} .bsc-report .bsc-warn {color: #8a4b00}
.bsc-report .bsc-scroll {overflow-x: auto} .bsc-report .bsc-reading li {margin: .15em 0}
.bsc-report svg {max-width: 100%; height: auto}
@media print {.bsc-report h2 {break-after: avoid} .bsc-chart {break-inside: avoid}}
</style>"""


CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud"]}
OFFLINE_ONLY = ("https://cdn.jsdelivr.net/npm/@mapbox/maki@8.2.0/icons/", "https://cdn.plot.ly/un/")


PLOTLY_FILE = "plotly.min.js"


class Charts:
    """Turns figures into HTML, putting plotly.js into the first one only.

    With ``shared``, no report carries plotly.js: the first chart loads ``plotly.min.js`` from
    the report's own folder (smaller files, for a folder kept together rather than emailed).
    """

    def __init__(self, shared: bool = False):
        self.count = 0
        self.shared = shared

    def html(self, fig: go.Figure, label: str) -> str:
        first = self.count == 0
        self.count += 1
        if self.shared:
            lead = f'<script src="{PLOTLY_FILE}"></script>' if first else ""
            div = lead + fig.to_html(full_html=False, include_plotlyjs=False, config=CONFIG)
            return f'<figure class="bsc-chart" aria-label="{esc(label)}">{div}</figure>'
        div = fig.to_html(full_html=False, include_plotlyjs=True if first else False,
                          config=CONFIG)
        if first:  # URLs inside plotly.js for map tiles and icons we never use: nothing may point online
            for url in OFFLINE_ONLY:
                div = div.replace(url, "offline:")
        return f'<figure class="bsc-chart" aria-label="{esc(label)}">{div}</figure>'


def section(title: str, body: str) -> str:
    return f"<section><h2>{esc(title)}</h2>{body}</section>"


def wrap(body: str) -> str:
    return f'{CSS}<div class="bsc-report">{body}</div>'
