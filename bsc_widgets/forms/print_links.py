"""Links to a page's paper worksheets: the print-ready page (HTML), and a PDF made on request.

The HTML is made with the page (a few kilobytes, in the link itself); a PDF takes Chromium a second or two,
so it is made only when asked for, and only where the server has Chromium.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..base.language import _
from ..render import render
from ..reports.printing import chromium, pdf_bytes
from .download import download_file, download_link
from .messages import MessageArea, guarded
from .words import Words


class PrintLinks(w.VBox):
    """The worksheets offered (``show``), said in one paragraph; problems go to the page's ``message`` area."""

    def __init__(self, message: MessageArea):
        self.links = Words()
        self.sheets: list[tuple[str, str, Callable[[], str]]] = []
        children: list[w.Widget] = [self.links]
        if chromium() is not None:
            self.pdf_button = w.Button(description=_("Make PDFs"), layout=w.Layout(width="auto"))
            self.pdf_button.on_click(guarded(message)(lambda _b: self._make_pdfs()))
            children.append(self.pdf_button)
        super().__init__(children, layout=w.Layout(width="100%"))

    def show(self, sheets: list[tuple[str, str, Callable[[], str]]]) -> None:
        """``sheets``: (label, file stem, a function making the sheet's HTML) for each worksheet offered."""
        self.sheets = sheets
        self.links.value = self._paragraph([download_link(make(), f"{stem}.html", label, mime="text/html")
                                            for label, stem, make in sheets])

    def _make_pdfs(self) -> None:
        self.links.value += self._paragraph([download_file(pdf_bytes(make(), stem), f"{stem}.pdf",
                                                           _("%(sheet)s (PDF)", sheet=label), "application/pdf")
                                             for label, stem, make in self.sheets])

    @staticmethod
    def _paragraph(items: list[str]) -> str:
        return render("common.html", "paragraph", kind="bsc-print", text=render("common.html", "joined", items=items))
