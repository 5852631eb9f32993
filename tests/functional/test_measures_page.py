"""Workbook 4 (measures and run charts) as widgets on a real store: entry, paste, upload, chart options."""
import datetime as dt

import pytest

from bsc_widgets.charts.spc_chart import chart_key
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.model import ChartMark, Event, Observation, Sample
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
    assert any(k.label.startswith("PDSA") and k.tag in [a.text for a in fig.layout.annotations] for k in chart_key(fig))


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
    assert page.paste.value == ""             # saved: the box is cleared for the next rows


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
    assert page.paste.value == text           # refused: what was pasted stays, to be corrected


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
    assert any(t.name == "control limits" for t in page.chart.figure.data)
    page.rules.value = "mdc"
    for chart in ("pp", "ip"):         # Laney's P′, for large denominators; Taylor's I′
        page.chart_kind.value = chart
        assert any(t.name == "control limits" for t in page.chart.figure.data), chart
    assert "What the chart says" in page.reading.value
    assert page.message.value == ""


def _mark(page, at, kind, reason, astronomical=False):
    page.marks.point.value = at
    page.marks.kind.value = kind
    page.marks.reason.value = reason
    page.marks.astronomical.value = astronomical
    page.marks.button.click()


def test_saved_marks_freeze_split_leave_out_and_note_the_chart_with_their_history(sample_store):
    page = open_page(sample_store, "maple-street-ehs")
    page.chart_kind.value = "p"
    _mark(page, dt.date(2025, 12, 1), "baseline", "Before our first learning session")
    assert "The mark is saved" in page.marks.message.value
    result = page.analysis.result
    assert result["baseline"].sum() == (result["x"] <= "2025-12-01").sum()
    _mark(page, dt.date(2026, 4, 1), "exclude", "Half the staff were out with flu")
    assert not result.empty and not page.analysis.result.set_index("x").loc["2026-04-01", "include"]
    _mark(page, dt.date(2026, 6, 1), "note", "Fire drill week <b>loud</b>", astronomical=True)
    assert any(t.name == "astronomical point" for t in page.chart.figure.data)
    _mark(page, dt.date(2026, 5, 1), "phase", "New routines from Learning Session 3")
    assert page.analysis.result["part"].max() == 2
    again = MeasuresPage(sample_store, sample_store.team("maple-street-ehs"), TODAY)  # saved, not what-ifs
    again.measure_picker.value = "positive-feedback"
    assert again.analysis.result["part"].max() == 2
    # a second baseline takes back the first; taking back keeps the history, with who and when
    _mark(page, dt.date(2026, 1, 1), "baseline", "A longer baseline")
    marks = sample_store.list(ChartMark, team_id="maple-street-ehs", measure_id="positive-feedback")
    assert sorted((m.kind, m.in_force) for m in marks if m.kind == "baseline") == [("baseline", False),
                                                                                  ("baseline", True)]
    assert all(m.set_by and m.set_on == TODAY for m in marks)
    phase = next(m for m in marks if m.kind == "phase")
    page.marks.take_back(phase)
    assert page.analysis.result["part"].max() == 1
    history = page.marks.history.value
    assert "taken back by" in history and "Before our first learning session" in history
    assert "<b>loud</b>" not in history and "&lt;b&gt;loud" in history


def test_a_mark_needs_a_reason_and_only_a_note_can_be_astronomical(sample_store):
    page = open_page(sample_store, "maple-street-ehs")
    _mark(page, dt.date(2026, 4, 1), "exclude", "   ")
    assert "Why cannot be empty" in page.marks.message.value
    _mark(page, dt.date(2026, 4, 1), "exclude", "Flu", astronomical=True)   # the flag is only a note's
    found = sample_store.list(ChartMark, team_id="maple-street-ehs", measure_id="positive-feedback")
    assert [(m.kind, m.astronomical) for m in found] == [("exclude", False)]
    _mark(page, dt.date(2026, 4, 1), "exclude", "Again")
    assert "already has that mark" in page.marks.message.value


def test_rare_events_are_entered_by_day_and_drawn_as_days_between(sample_store):
    page = open_page(sample_store, "maple-street-ehs")
    page.measure_picker.value = "send-home-days"
    assert [v for _, v in page.chart_kind.options] == ["g", "t", "run"] and page.chart_kind.value == "g"
    before = len(page.analysis.result)
    page.day_picker.value = "11/18/2026"
    page.entry_form.fields["count"].input.value = "2"
    assert sample_store.get(Event, "maple-street-ehs", "send-home-days", dt.date(2026, 11, 18)).count == 2
    assert len(page.analysis.result) == before + 2        # two events: a point each, the second 0 days after
    assert page.analysis.result["y"].iloc[-1] == 0
    assert "The latest event was on 18 November 2026" in page.reading.value
    page.entry_form.fields["count"].input.value = "-1"
    assert "at least 0" in widget_text(page.entry_form)
    page.chart_kind.value = "t"
    assert "T chart" in dict((v, k) for k, v in page.chart_kind.options)["t"]


def test_several_values_a_period_are_saved_together_and_drawn_as_xbar_and_s(sample_store):
    page = open_page(sample_store, "maple-street-ehs")
    page.measure_picker.value = "classroom-interactions"
    assert page.chart_kind.value == "xbar"
    page.period_picker.value = dt.date(2026, 11, 1)
    entry = page.entry.children[0]
    entry.box.value = "4.5, 5; 6 x"
    entry.button.click()
    assert "“x”, is not a number" in entry.message.value
    assert not sample_store.list(Sample, team_id="maple-street-ehs", period=dt.date(2026, 11, 1))
    entry.box.value = "4.5, 5 6"
    entry.button.click()
    saved = sample_store.list(Sample, team_id="maple-street-ehs", period=dt.date(2026, 11, 1))
    assert sorted(s.value for s in saved) == [4.5, 5, 6]
    last = page.analysis.result.iloc[-1]
    assert last["y"] == pytest.approx(5.1667, abs=1e-3) and last["y_length"] == 3
    page.chart_kind.value = "s"
    assert page.analysis.result.iloc[-1]["y"] == pytest.approx(0.7638, abs=1e-3)
    # someone else saves the period meanwhile: this page's save is refused, its values kept
    other = open_page(sample_store, "maple-street-ehs")
    other.measure_picker.value = "classroom-interactions"
    other.period_picker.value = dt.date(2026, 11, 1)
    other.entry.children[0].box.value = "3"
    other.entry.children[0].button.click()
    entry.box.value = "7, 7"
    entry.button.click()
    assert "changed" in entry.message.value and entry.box.value == "7, 7"
    assert [s.value for s in sample_store.list(Sample, team_id="maple-street-ehs", period=dt.date(2026, 11, 1))] \
        == [3]


def test_an_i_chart_has_its_moving_ranges_beside_it(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    page.measure_picker.value = "staff-stress"
    page.chart_kind.value = "i"
    assert page.analysis.moving_ranges is not None
    assert "Moving ranges" in " ".join(a.text or "" for a in page.chart.figure.layout.annotations)


def test_weekly_measure_lists_weeks(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    page.measure_picker.value = "family-notes"
    label = page.period_picker.options[0][0]
    assert label.startswith("week of 16 Nov 2026")
