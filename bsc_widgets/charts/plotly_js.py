"""Which plotly.js a workbook page loads to draw its charts, and the name it is served under.

The charts use only scatter and bar traces, which plotly's own "basic" bundle draws at a quarter of
the full bundle's weight (395 kB compressed against 1.45 MB), so a phone on a slow network waits
seconds less for a chart. It comes from npm with the proxy (``package.json``), or from where ``BSC_PLOTLY_JS`` points
(the server image copies it there). Where neither is, the full bundle inside the plotly package serves
instead, so a chart is always drawn, offline.
The file is named by its content, so a browser keeps it for good and asks again only after an upgrade.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import os
from functools import lru_cache
from pathlib import Path

import plotly

from ..base.language import BABEL_LOCALES, ENGLISH, language

BASIC = Path(__file__).resolve().parents[2] / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
FULL = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
BASIC_TRACES = frozenset({"scatter", "bar", "pie"})   # what the basic bundle can draw


@lru_cache(maxsize=1)
def bundle() -> tuple[Path, str]:
    """(the file, the name it is served under: ``plotly.<content hash>.js``)."""
    chosen = Path(os.environ.get("BSC_PLOTLY_JS") or BASIC)
    path = chosen if chosen.is_file() else FULL
    return path, f"plotly.{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}.js"


OFFLINE_ONLY = ("https://cdn.jsdelivr.net/npm/@mapbox/maki@8.2.0/icons/", "https://cdn.plot.ly/un/")


@lru_cache(maxsize=1)
def offline_text() -> str:
    """The bundle's text with the addresses inside it for map tiles and icons we never draw made harmless:
    nothing in a report may point online."""
    text = bundle()[0].read_text(encoding="utf-8")
    for url in OFFLINE_ONLY:
        text = text.replace(url, "offline:")
    return text


@lru_cache(maxsize=1)
def packed() -> str:
    """The bundle gzip-compressed and in base64, for a report that carries its own charting library: a third of
    the bundle's weight (the browser unpacks it), so a team's report fits in an e-mail. The same bytes every time
    (no time stamp), so the same report of the same data is the same file."""
    return base64.b64encode(gzip.compress(offline_text().encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


BODY_TEXT = 16   # px: the page's body text (style.css), the least a chart's words are drawn at


def readable(fig):
    """The figure as a page or a report draws it: checked against the bundle (``check_traces``), and with no word
    smaller than the page's body text (axes, legend, marks, notes), so a chart on a phone is read without zooming.
    Every chart passes here on its way to a page or a report."""
    check_traces({trace.type for trace in fig.data})
    fig = type(fig)(fig)
    fig.update_layout(font_size=max(fig.layout.font.size or 0, BODY_TEXT))
    for note in fig.layout.annotations:
        if note.font.size is not None and note.font.size < BODY_TEXT:
            note.font.size = BODY_TEXT
    if fig.layout.title.font.size is not None and fig.layout.title.font.size < BODY_TEXT:
        fig.layout.title.font.size = BODY_TEXT
    return fig


def check_traces(types: set[str]) -> None:
    """A chart with a trace the basic bundle cannot draw is a mistake in our code, found by the tests."""
    if types - BASIC_TRACES:
        raise ValueError(f"plotly's basic bundle cannot draw {sorted(types - BASIC_TRACES)}: use "
                         f"{sorted(BASIC_TRACES)}, or serve another bundle (bsc_widgets/charts/plotly_js.py)")


@lru_cache(maxsize=4)
def _locale(code: str) -> dict:
    """plotly.js's locale for ``code``, from Babel's calendar data: axis months and number marks."""
    from babel import Locale

    where = Locale.parse(BABEL_LOCALES[code])
    months, days = where.months["format"], where.days["format"]
    return {code: {"dictionary": {}, "format": {
        "months": [months["wide"][k] for k in range(1, 13)],
        "shortMonths": [months["abbreviated"][k].rstrip(".") for k in range(1, 13)],
        "days": [days["wide"][k] for k in (6, 0, 1, 2, 3, 4, 5)],
        "shortDays": [days["abbreviated"][k].rstrip(".") for k in (6, 0, 1, 2, 3, 4, 5)],
        "decimal": where.number_symbols["latn"]["decimal"], "thousands": where.number_symbols["latn"]["group"]}}}


def chart_config(config: dict) -> dict:
    """``config`` for a chart drawn in the page's language: axis months as the reader says them."""
    code = language()
    if code == ENGLISH:
        return config
    return config | {"locale": code, "locales": _locale(code)}
