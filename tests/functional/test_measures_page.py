"""Workbook 4 (measures and run charts) as widgets on a real store: entry, paste, upload, chart options."""
import datetime as dt

import pytest

from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.model import Observation
from tests.support import widget_text, xlsx_bytes

TODAY = dt.date(2026, 11, 22)
TEAM = "riverbend-prek"


def open_page(store, team=TEAM):
    return MeasuresPage(store, store.team(team), TODAY)


def obs(store, period, measure="positive-feedback", team=TEAM):
    return store.get(Observation, team, measure, period)


def test_page_shows_definition_chart_and_reading(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    text = widget_text(page)
    assert "Operational definition" in text and "What the chart says" in text
    fig = page.chart.figure
    assert fig.data and fig.data[0].hovertext
    assert any("PDSA" in (a.text or "") for a in fig.layout.annotations)


def test_entering_a_period_saves_it_and_redraws(sample_store):
    page = open_page(sample_store)
    page.period_picker.value = dt.date(2026, 11, 1)
    form = page.entry_form
    form.fields["numerator"].input.value = "30"
    form.fields["denominator"].input.value = "40"
    saved = obs(sample_store, dt.date(2026, 11, 1))
    assert (saved.numerator, saved.denominator) == (30, 40)
    assert "Saved at" in form.status.value
    assert "November 2026 — 30 of 40" in [label for label, _ in page.period_picker.options]
    assert page.chart.figure.data[0].y[-1] == pytest.approx(75)


@pytest.mark.parametrize("numerator,denominator,says", [
    ("abc", "40", "Numerator must be a number"),
    ("-2", "40", "Numerator must be at least 0"),
    ("50", "40", "larger than the denominator"),
    ("5", "0", "Denominator must be more than 0"),
    ("", "40", "Numerator"),
])
def test_bad_numbers_are_named_and_not_saved(sample_store, numerator, denominator, says):
    page = open_page(sample_store)
    page.period_picker.value = dt.date(2026, 11, 1)
    form = page.entry_form
    form.fields["denominator"].input.value = denominator
    form.fields["numerator"].input.value = numerator
    assert says in widget_text(form)
    assert obs(sample_store, dt.date(2026, 11, 1)) is None


def test_pasted_rows_are_saved_together(sample_store):
    page = open_page(sample_store)
    page.paste.value = "Month\tNumerator\tDenominator\n2026-11\t33\t44\n"
    page.paste_button.click()
    assert "Saved from pasted rows: 1 new period" in page.import_message.value
    assert obs(sample_store, dt.date(2026, 11, 1)).numerator == 33


@pytest.mark.parametrize("text,says", [
    ("Month\tNumerator\tDenominator\n2026-02-30\t3\t4\n", "is not a date"),
    ("Month\tNumerator\tDenominator\n2026-11\t3\t4\n2026-12\tx\t4\n", "Numerator must be a number"),
    ("Month\tNumerator\tDenominator\n2026-11\t-3\t4\n", "at least 0"),
    ("Team\tMonth\tNumerator\tDenominator\nsunrise-head-start\t2026-11\t3\t4\n", "other teams"),
    ("just some words", "No period column"),
    ("<script>alert(1)</script>\tx\n1\t2", "No period column"),
])
def test_bad_pasted_rows_write_nothing(sample_store, text, says):
    page = open_page(sample_store)
    before = sample_store.list(Observation)
    page.paste.value = text
    page.paste_button.click()
    assert says in page.import_message.value and 'role="alert"' in page.import_message.value
    assert "<script>" not in page.import_message.value
    assert sample_store.list(Observation) == before


def test_uploaded_xlsx_is_imported(sample_store):
    page = open_page(sample_store)
    content = xlsx_bytes([["Month", "Numerator", "Denominator"], ["2026-11", 12, 20]])
    page.upload.value = ({"name": "our data.xlsx", "type": "", "size": len(content), "content": memoryview(content),
                          "last_modified": dt.datetime(2026, 11, 20)},)
    assert "Saved from our data.xlsx: 1 new period" in page.import_message.value
    assert obs(sample_store, dt.date(2026, 11, 1)).numerator == 12


@pytest.mark.parametrize("name,content,says", [
    ("data.xlsx", b"not a zip at all", "cannot be opened"),
    ("data.csv", b"\x00\x01\x02binary", "This is not a text file"),
    ("data.pdf", b"%PDF-1.4", "neither a .csv nor an .xlsx"),
    ("data.csv", "Month,Numerator,Denominator\n2026-11,5,4\n".encode(), "larger than the denominator"),
])
def test_rejected_upload_changes_nothing(sample_store, name, content, says):
    page = open_page(sample_store)
    before = sample_store.list(Observation)
    page.upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                          "last_modified": dt.datetime(2026, 11, 20)},)
    assert says in page.import_message.value
    assert sample_store.list(Observation) == before


def test_chart_options_baseline_phase_rules_and_control_chart(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    page.chart_kind.value = "p"
    assert any(t.name == "limits" for t in page.chart.figure.data)
    page.baseline.value = page.baseline.options[6][1]
    page.rules.value = "mdc"
    page.phase.value = page.phase.options[8][1]
    assert "What the chart says" in page.reading.value
    assert page.message.value == ""


def test_weekly_measure_lists_weeks(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    page.measure_picker.value = "family-notes"
    label = page.period_picker.options[0][0]
    assert label.startswith("week of 16 Nov 2026")
