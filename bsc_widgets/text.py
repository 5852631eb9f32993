"""Showing what people typed: always escaped, never interpreted."""
from __future__ import annotations

import html


def esc(value: object) -> str:
    """HTML-escape any value for display (quotes included, so it is safe in attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def shorten(value: str, limit: int = 80) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
