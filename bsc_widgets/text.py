"""Text helpers: shortening for messages, and making text inert for plotly (HTML is the templates' job)."""
from __future__ import annotations

import html


def plotly_text(value: object) -> str:
    """Text for a plotly title, label or hover: its markup (``<b>``, ``<br>``) made inert, and nothing else.

    Plotly reads ``&lt;``, ``&gt;`` and ``&amp;`` but shows ``&quot;`` as it is, so quotes are left
    alone (outside a tag, which can no longer be formed, they are plain text)."""
    return html.escape("" if value is None else str(value), quote=False)


def shorten(value: str, limit: int = 80) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def capitalised(text: str) -> str:
    """A description ("the numbers for October") opening a sentence; the rest left as it is, names included."""
    return text[:1].upper() + text[1:]
