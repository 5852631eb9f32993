"""One rule for the month due now (issue "Trust", cases 3 and 4), in every page that offers a month, the
reminders and the reports: the earliest month that has ended and is not yet in; when all are in, the last
month that has ended. A month still running is never the default. Day by day around a due day, in both
languages, on a real sample workspace (reports due on the 5th)."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bsc_widgets import services
from bsc_widgets.cli import main
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.base.language import speaking
from bsc_widgets.mail import plan_reminders
from bsc_widgets.model import Measure, MonthlyReport, Observation, Phase
from bsc_widgets.analysis.report_calendar import due_now, month_due_now
from bsc_widgets.services import Actor

OCT, NOV, DEC = dt.date(2026, 10, 1), dt.date(2026, 11, 1), dt.date(2026, 12, 1)
JAN = dt.date(2026, 1, 1)
# Sunrise has every report through October; Eastside lacks January and July
AROUND_THE_DUE_DAY = [(dt.date(2026, 11, 30), OCT), (dt.date(2026, 12, 1), NOV), (dt.date(2026, 12, 4), NOV),
                      (dt.date(2026, 12, 5), NOV), (dt.date(2026, 12, 6), NOV), (dt.date(2026, 12, 7), NOV)]


def test_the_rule_itself():
    assert due_now([OCT, NOV], {OCT}) == NOV
    assert due_now([OCT, NOV], {OCT, NOV}) == NOV       # all in: the last one owed
    assert due_now([JAN, OCT, NOV], {OCT}) == JAN        # the earliest not in
    assert due_now([], set()) is None


@pytest.mark.parametrize("today,month", AROUND_THE_DUE_DAY)
def test_the_monthly_report_opens_on_the_month_due_never_one_still_running(sample_store, today, month):
    page = MonthlyReportPage(sample_store, sample_store.team("sunrise-head-start"), today)
    assert page.month_picker.value == month
    assert "December 2026" not in page.report_area.children[0].value


@pytest.mark.parametrize("today,month", AROUND_THE_DUE_DAY)
def test_in_spanish_too(sample_store, today, month):
    with speaking("es"):
        page = MonthlyReportPage(sample_store, sample_store.team("nuestra-casa-fcc"), today)
        labels = dict((v, label) for label, v in page.month_picker.options)
    assert page.month_picker.value == month
    if today.month == 12:
        assert labels[NOV].startswith("noviembre de 2026 — ")
        assert labels[NOV].endswith("falta (vencía el 5 de diciembre de 2026)" if today.day > 5 else
                                    "vence el 5 de diciembre de 2026")
        assert labels[DEC].endswith("todavía no vence (vence el 5 de enero de 2027)")


def test_a_team_with_an_old_gap_is_offered_its_earliest_missing_month(sample_store):
    page = MonthlyReportPage(sample_store, sample_store.team("eastside-community"), dt.date(2026, 12, 7))
    assert page.month_picker.value == JAN


def test_once_every_month_is_in_the_last_month_due_is_offered_not_the_running_one(sample_store):
    actor = Actor.for_team("sunrise-head-start")
    services.add(sample_store, actor, MonthlyReport(team_id="sunrise-head-start", month=NOV, highlights="In."))
    page = MonthlyReportPage(sample_store, sample_store.team("sunrise-head-start"), dt.date(2026, 12, 7))
    assert page.month_picker.value == NOV


def test_the_measures_data_form_offers_the_period_due_not_the_one_running(sample_store):
    """On 7 December November's numbers are due; a teacher who types what she sees files them under November."""
    team = sample_store.team("sunrise-head-start")
    measure = next(m for m in sample_store.list(Measure) if m.frequency == "monthly" and m.kind == "proportion")
    assert sample_store.get(Observation, team.id, measure.id, NOV) is None
    page = MeasuresPage(sample_store, team, dt.date(2026, 12, 7))
    page.measure_picker.value = measure.id
    assert page.period_picker.value == NOV
    page = MeasuresPage(sample_store, team, dt.date(2026, 11, 30))
    page.measure_picker.value = measure.id
    assert page.period_picker.value == OCT


def test_the_dashboard_and_the_reports_cover_the_last_month_that_has_ended(sample_store):
    collab, phases = sample_store.collaborative(), sample_store.list(Phase)
    assert [month_due_now(collab, phases, d) for d in (dt.date(2026, 11, 30), dt.date(2026, 12, 1),
                                                      dt.date(2026, 12, 7))] == [OCT, NOV, NOV]


def test_reminders_after_the_due_day_name_the_overdue_month_and_say_so(sample_store):
    reminders = plan_reminders(sample_store, dt.date(2026, 12, 7))
    by_team = {o.team_id: o for o in reminders}
    assert "eastside-community" in by_team and by_team["eastside-community"].month == JAN
    assert "The reports for July 2026 and November 2026 are not in yet either." in by_team["eastside-community"].body
    sunrise = by_team["sunrise-head-start"]
    assert sunrise.month == NOV
    assert sunrise.subject == "Sunrise Head Start: the monthly report for November 2026 is overdue (it was due on " \
                              "5 December 2026)"
    assert "is overdue: it was due on 5 December 2026." in sunrise.body
    spanish = by_team["nuestra-casa-fcc"]
    assert spanish.subject.startswith("Nuestra Casa") and "noviembre de 2026" in spanish.subject
    assert "venció" in spanish.subject or "vencía" in spanish.subject
    before = {o.team_id: o for o in plan_reminders(sample_store, dt.date(2026, 12, 2))}
    assert before["sunrise-head-start"].subject.endswith("is due on 5 December 2026")
    assert all(o.month != DEC for o in reminders + list(before.values()))


def test_bsc_remind_on_the_7th_names_november_as_overdue(sample_db):
    result = CliRunner().invoke(main, ["remind", "--db", str(sample_db)],
                                env={"BSC_TODAY": "2026-12-07", "LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": ""})
    assert result.exit_code == 0, result.output
    assert "November 2026: 8 teams have not sent their report, which is overdue (it was due on 5 December 2026)." \
        in result.output
    assert "January 2026: 1 team has not sent its report, which is overdue" in result.output
    assert "December 2026:" not in result.output
