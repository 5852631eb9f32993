"""Whatever is typed into any field of any workbook: a save or a plain message, never a failure.

Every text, number and long-text field of every form on every workbook page gets each
hostile value in turn (empty, 100 kB, emoji and non-Latin text, script and HTML, a
spreadsheet formula, impossible numbers), on a real store.
"""
import datetime as dt

import ipywidgets as w
import pytest

from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.record_form import RecordForm
from tests.support import HOSTILE


def html_shown(widget) -> str:
    """The HTML the page renders (not the values inside inputs, which the browser never parses)."""
    out, stack = [], [widget]
    while stack:
        wdg = stack.pop()
        if isinstance(wdg, w.HTML):
            out.append(wdg.value)
        stack.extend(getattr(wdg, "children", ()) or ())
    return "\n".join(out)

TODAY = dt.date(2026, 11, 22)
VALUES = {**HOSTILE, "negative": "-12", "not a number": "twelve", "impossible date": "2026-02-30"}
PAGES = {
    "charter": (CharterPage, lambda p: [p.team_form, p.member_form]),
    "pdsa": (PdsaPage, lambda p: [p.form]),
    "measures": (MeasuresPage, lambda p: [p.entry_form]),
    "monthly report": (MonthlyReportPage, lambda p: [p.report_form, p.team_score, p.faculty_score]),
}


@pytest.mark.parametrize("page_name", list(PAGES))
@pytest.mark.parametrize("value_name", list(VALUES))
def test_every_field_takes_any_input_without_failing(sample_store, page_name, value_name):
    page_class, forms_of = PAGES[page_name]
    page = page_class(sample_store, sample_store.team("little-acorns"), TODAY)
    if page_name == "monthly report":      # a month with nothing in it yet (the page opens on October, all in)
        page.month_picker.value = dt.date(2026, 11, 1)
    value = VALUES[value_name]
    for form in forms_of(page):
        assert isinstance(form, RecordForm)
        for field in form.fields.values():
            if field.kind in ("text", "long", "number"):
                field.input.value = value
                if not form.autosave:
                    form.save_button.click()
                shown = html_shown(page)
                assert "Something went wrong" not in shown, (page_name, field.name)
                assert "<script>" not in shown and "<img src=x" not in shown
                assert "Saved at" in form.status.value or "Not saved" in form.status.value
