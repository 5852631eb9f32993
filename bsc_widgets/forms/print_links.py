"""Links to a page's paper worksheets: the print-ready page (HTML), and a PDF made on request.

The HTML is made with the page (a few kilobytes, in the link itself); a PDF takes Chromium a second or two,
so it is made only when asked for, and only where the server has Chromium.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..language import _
from ..printing import chromium, pdf_bytes
from ..render import render
from .download import download_file, download_link
from .messages import MessageArea, guarded


class PrintLinks(w.VBox):
    """``sheets``: (label, file stem, a function making the sheet's HTML) for each worksheet offered."""

    def __init__(self):
        self.links = w.HTML()
        self.pdf_button = w.Button(description=_("Make PDFs"), layout=w.Layout(width="auto"))
        self.pdf_links = w.HTML()
        self.message = MessageArea()
        self.pdf_button.on_click(guarded(self.message)(lambda _b: self._make_pdfs()))
        self.sheets: list[tuple[str, str, Callable[[], str]]] = []
        can_pdf = chromium() is not None
        super().__init__([self.links] + ([self.pdf_button, self.pdf_links] if can_pdf else []) + [self.message],
                         layout=w.Layout(width="100%"))

    def show(self, sheets: list[tuple[str, str, Callable[[], str]]]) -> None:
        self.sheets = sheets
        self.pdf_links.value = ""
        self.links.value = render("common.html", "paragraph", kind="bsc-print", text=render(
            "common.html", "joined", items=[download_link(make(), f"{stem}.html", label, mime="text/html")
                                            for label, stem, make in sheets]))

    def _make_pdfs(self) -> None:
        self.pdf_links.value = render("common.html", "paragraph", kind="bsc-print", text=render(
            "common.html", "joined", items=[download_file(pdf_bytes(make(), stem), f"{stem}.pdf",
                                                          _("%(sheet)s (PDF)", sheet=label), "application/pdf")
                                            for label, stem, make in self.sheets]))
