"""The leaders' system assessment: place the state's PD offerings on the PD Matrix and see where it is thin.

For state and regional leaders, following the brief's "Conducting a system assessment": enter each
offering (name, funding stream, reach and hours), place it on the two axes, and read the four
quadrants, the gap in plain words, and where a BSC would sit. The same page exports an offline
HTML report made by the report machinery (passed in as ``report_html``, since reports sit above
forms in the house).
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..analysis.system_assessment import assess
from ..base.errors import BscError
from ..base.language import N_, _
from ..charts.pd_matrix import offerings_key_html, pd_matrix_svg
from ..model import PdOffering
from ..render import render
from ..services import Actor
from ..services.access import Access
from ..store import Store
from .download import download_link
from .fields import Field
from .messages import MessageArea
from .page import header, section
from .record_list import RecordEditor
from .words import Words

TITLE = N_("System assessment: the PD Matrix")


class SystemAssessmentPage(w.VBox):
    def __init__(self, store: Store, report_html: Callable[[Store], str] | None = None, access: Access | None = None):
        self.store, self.report_html = store, report_html
        self.message = MessageArea()
        self.matrix = Words()
        self.summary = Words()
        self.key = Words()
        self.export = Words()
        editor = RecordEditor(
            store, PdOffering, actor=lambda: Actor.collaborative(access=access), noun=_("PD offering"), records=lambda: store.list(PdOffering), label=lambda o: o.name,
            fields=lambda o: [Field(PdOffering, "name"), Field(PdOffering, "funding_stream"),
                              Field(PdOffering, "reach"), Field(PdOffering, "hours"),
                              Field(PdOffering, "audience", help=render("forms/system_assessment.html", "axes_help")), Field(PdOffering, "purpose"),
                              Field(PdOffering, "notes", kind="long", rows=2)],
            new=lambda: dict(id="new", name="", funding_stream=None, reach=0, hours=0.0, audience=0, purpose=0,
                             notes=None),
            on_change=self.refresh)
        self.refresh()
        head = header(TITLE, up="../", intro=_("For state and regional leaders: where do your professional-development "
                                               "offerings sit, where is the system thin, and where would a "
                                               "Breakthrough Series Collaborative fit?"))
        super().__init__([head, self.message, section(_("Your system on the matrix")), self.summary,
                          self.matrix, self.key, self.export,
                          section(_("Your offerings"), _("Add each offering; changes are saved as you go.")), editor],
                         layout=w.Layout(width="100%", max_width="64em"))
        self.add_class("bsc-page")

    def refresh(self) -> None:
        offerings = self.store.list(PdOffering)
        result = assess(offerings)
        self.summary.value = render("common.html", "sentences", items=result.sentences)
        self.matrix.value = render("common.html", "scroll", body=pd_matrix_svg(offerings, result), label=_("PD Matrix"))
        self.key.value = offerings_key_html(offerings, result) if offerings else ""
        if self.report_html is not None:
            try:
                page = self.report_html(self.store)
            except BscError as exc:
                self.message.show_error(exc)
                return
            self.export.value = render("common.html", "in_paragraph", body=download_link(
                page, "system-assessment.html", _("Download the report (HTML, works offline)"), mime="text/html"))

