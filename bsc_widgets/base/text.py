"""Text helpers: shortening for messages, and making text inert for plotly (HTML is the templates' job)."""
from __future__ import annotations

import html


def plotly_text(value: object) -> str:
    """Text for a plotly title, label or hover: its markup (``<b>``, ``<br>``) made inert, and nothing else.

    Plotly reads ``&lt;``, ``&gt;`` and ``&amp;`` but shows ``&quot;`` as it is, so quotes are left
    alone (outside a tag, which can no longer be formed, they are plain text)."""
    return html.escape("" if value is None else str(value), quote=False)


def plotly_lines(value: object, width: int = 16) -> str:
    """A long axis label as plotly text on lines of about ``width`` characters: a team's name beside a bar stays
    whole on a phone instead of reaching past the screen's edge."""
    import textwrap

    return "<br>".join(plotly_text(line) for line in textwrap.wrap(" ".join(str(value or "").split()), width)
                       or [""])


def shorten(value: str, limit: int = 80) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def capitalised(text: str) -> str:
    """A description ("the numbers for October") opening a sentence; the rest left as it is, names included."""
    return text[:1].upper() + text[1:]


def unstorable(text: str) -> bool:
    """Whether text holds what no workspace can store: a NUL character (PostgreSQL refuses it, and it hides the
    rest of a line in many programs) or half of a character cut in two (a lone surrogate, which no UTF-8 file
    or database can hold)."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def storable(text: str) -> tuple[str, int]:
    """The text without what ``unstorable`` finds, and how many characters were taken out (for imports)."""
    if not unstorable(text):
        return text, 0
    kept = "".join(c for c in text if c != "\x00" and not 0xD800 <= ord(c) <= 0xDFFF)
    return kept, len(text) - len(kept)
