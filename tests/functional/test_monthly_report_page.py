"""Workbook 5 (monthly report) as widgets on a real store: missing months, the report, both scores."""
import datetime as dt

from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.model import AssessmentScore, MonthlyReport
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)
NOV = dt.date(2026, 11, 1)


def open_page(store, team="sunrise-head-start"):
    return MonthlyReportPage(store, store.team(team), TODAY)


def test_a_month_not_reported_is_obvious(sample_store):
    page = open_page(sample_store, "eastside-community")
    text = widget_text(page)
    assert "missing" in page.months.value and 'role="status"' in page.months.value
    assert any("missing (was due" in label for label, _ in page.month_picker.options)
    assert "November 2026 — not yet due (due 5 December 2026)" in [label for label, _ in page.month_picker.options]
    assert "What each score means" in text and "Outstanding sustainable results" in text


def test_the_month_offered_first_is_the_one_due_now(sample_store):
    """The earliest month that has ended without its report (Eastside lacks January and July); never December on
    the 6th, when November is missing (tests/functional/test_month_due.py has the days around a due day)."""
    for day, month in ((dt.date(2026, 12, 2), dt.date(2026, 1, 1)), (dt.date(2026, 12, 6), dt.date(2026, 1, 1))):
        page = MonthlyReportPage(sample_store, sample_store.team("eastside-community"), day)
        assert page.month_picker.value == month, day
    for day, month in ((dt.date(2026, 12, 2), NOV), (dt.date(2026, 12, 6), NOV), (dt.date(2026, 11, 22),
                                                                                  dt.date(2026, 10, 1))):
        page = MonthlyReportPage(sample_store, sample_store.team("sunrise-head-start"), day)
        assert page.month_picker.value == month, day


def test_writing_the_report_and_both_scores(sample_store):
    page = open_page(sample_store)
    page.month_picker.value = NOV
    page.report_form.fields["highlights"].input.value = "Families joined our <b>circle</b> 🎉"
    page.report_form.fields["submitted_by"].input.value = "Maria"
    saved = sample_store.get(MonthlyReport, "sunrise-head-start", NOV)
    assert saved.highlights == "Families joined our <b>circle</b> 🎉"
    assert "November 2026 — reported" in [label for label, _ in page.month_picker.options]
    page.team_score.fields["score"].input.value = 3.5
    page.faculty_toggle.value = True  # the faculty form is closed and read-only until faculty open it
    page.faculty_score.fields["score"].input.value = 3.0
    page.faculty_score.fields["rationale"].input.value = "Link the PDSA to the chart"
    team = sample_store.get(AssessmentScore, "sunrise-head-start", NOV, "team")
    faculty = sample_store.get(AssessmentScore, "sunrise-head-start", NOV, "faculty")
    assert (team.score, faculty.score, faculty.rationale) == (3.5, 3.0, "Link the PDSA to the chart")
    fig = page.history.figure
    assert [t.name for t in fig.data] == ["Team’s own score", "Faculty score"]
    assert fig.data[0].y[-1] == 3.5 and fig.data[1].y[-1] == 3.0


def test_the_measures_of_the_month_are_listed(sample_store):
    page = open_page(sample_store)
    page.month_picker.value = dt.date(2026, 10, 1)
    shown = widget_text(page.report_area)
    assert "Routines with positive descriptive feedback: " in shown and "Measures this month" in shown
    page.month_picker.value = NOV
    assert "no data entered" in widget_text(page.report_area)


def test_months_owed_start_with_the_first_action_period(sample_store):
    from bsc_widgets.model import Phase
    from bsc_widgets.analysis.report_calendar import report_months
    collab, team = sample_store.collaborative(), sample_store.team("sunrise-head-start")
    statuses = report_months(collab, team, sample_store.list(MonthlyReport), TODAY, sample_store.list(Phase))
    assert statuses[0].month == dt.date(2025, 11, 1) and statuses[-1].month == NOV
    assert [s.month for s in statuses if s.overdue] == []
    assert not statuses[-1].overdue and "due 5 December 2026" in statuses[-1].words
    late = report_months(collab, sample_store.team("eastside-community"), sample_store.list(MonthlyReport), TODAY,
                         sample_store.list(Phase))
    assert [s.month for s in late if s.overdue]


def test_the_faculty_score_is_read_only_on_the_teams_page_until_faculty_open_it(sample_store):
    page = open_page(sample_store)
    page.month_picker.value = NOV
    assert page.faculty_score.layout.display == "none" and page.faculty_score.fields["score"].disabled
    assert "faculty only" in widget_text(page.faculty_area)
    page.faculty_score.fields["score"].input.value = 4.0      # what a crafted widget message could send
    assert sample_store.get(AssessmentScore, "sunrise-head-start", NOV, "faculty") is None
    assert page.faculty_score.fields["score"].input.value == ""  # the stored value is put back
    page.faculty_toggle.value = True
    page.faculty_score.fields["score"].input.value = 4.0
    page.faculty_score.fields["rationale"].input.value = "Strong <b>ramp</b>"
    assert sample_store.get(AssessmentScore, "sunrise-head-start", NOV, "faculty").score == 4.0
    shown = widget_text(page.faculty_area)
    assert "Faculty score for November 2026: 4" in shown and "Strong &lt;b&gt;ramp&lt;/b&gt;" in shown


def test_not_yet_due_is_said_the_same_way_in_the_collaborative_report(sample_store):
    from bsc_widgets.reports.collaborative import collaborative_report_html
    from bsc_widgets.forms.dashboard import DashboardPage

    december_2 = dt.date(2026, 12, 2)
    html = collaborative_report_html(sample_store, NOV, december_2)
    who = html.split("Who reported", 1)[1].split("</table>", 1)[0]
    assert "not yet due" in who, "November's reports are not due until 5 December"
    november = [row for row in who.split("<tr>")[2:]]
    assert november and all(row.rsplit("<td>", 1)[1].startswith(("✓ reported", "not yet due")) for row in november)
    assert DashboardPage(sample_store, december_2).period.value == NOV
