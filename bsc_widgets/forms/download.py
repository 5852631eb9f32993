"""A download made in the page itself (a data: link), so exports work offline and need no file on the server."""
from __future__ import annotations

from urllib.parse import quote

from ..text import esc


def download_link(content: str, filename: str, label: str, mime: str = "text/csv") -> str:
    """An <a download> carrying ``content``; everything in it is percent-encoded, so nothing typed can break out."""
    return (f'<a class="bsc-link bsc-download" download="{esc(filename)}" '
            f'href="data:{mime};charset=utf-8,{quote(content, safe="")}">{esc(label)}</a>')
