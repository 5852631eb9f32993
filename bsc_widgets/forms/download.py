"""A download made in the page itself (a data: link), so exports work offline and need no file on the server."""
from __future__ import annotations

import base64
from urllib.parse import quote

from ..render import render


def download_link(content: str, filename: str, label: str, mime: str = "text/csv") -> str:
    """A download link carrying ``content``, percent-encoded inside the link, so nothing typed can break out."""
    return render("common.html", "download", href=f"data:{mime};charset=utf-8,{quote(content, safe='')}",
                  filename=filename, label=label)


def data_url(content: bytes, mime: str) -> str:
    """Bytes inside the page itself (base64): no address another person could open."""
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def download_file(content: bytes, filename: str, label: str, mime: str) -> str:
    """A download link carrying a file made or kept on the server (a PDF, a shared photo), inside the link."""
    return render("common.html", "download", href=data_url(content, mime), filename=filename, label=label)
