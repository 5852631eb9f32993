"""Coaching a network: each coach's own teams, ranked with one reason each; the advisor shares out the caseloads."""
import datetime as dt
import re

import pytest

from bsc_widgets.base.errors import NotAllowed
from bsc_widgets.forms.dashboard import ALL, DashboardPage
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.model import CoachAssignment, Team
from bsc_widgets.services import Actor
from bsc_widgets.services.caseload import name_coach
from tests.functional.test_access import account
from tests.support import walk, widget_text

TODAY = dt.date(2026, 11, 22)
MARCUS, ANA, RENEE = "marcus.bell@example.org", "ana.torres@example.org", "renee.okafor@example.org"


def rows(html: str, caption: str) -> list[tuple[str, str]]:
    """(team, reason) of each row of the table with this caption, in order."""
    table = re.search(rf'aria-label="{caption}">(.*?)</table>', html, re.S).group(1)
    return re.findall(r'target="_self">([^<]+)</a></td>\s*<td data-label="Reason"><strong>([^<]+)</strong>', table)


def test_the_sample_ranks_teams_and_flags_only_the_reasons_the_collaborative_chose(sample_store):
    page = DashboardPage(sample_store, TODAY, account(sample_store, RENEE))
    html = page.attention.value
    assert "4 of 8 teams need attention." in html
    assert rows(html, "Who needs attention") == [
        ("Hearth Family Child Care Network", "Report overdue"), ("Eastside Community Child Care", "Report overdue"),
        ("Riverbend School District Pre-K", "Stalled: no new cycle"),
        ("Maple Street Early Head Start", "Signal of concern")]
    assert "Stalled: no new cycle: 1 team" in html and "Report overdue: 2 teams" in html
    watched = rows(html, "Teams to watch")
    assert len(watched) == 4 and {reason for _, reason in watched} == {"Signal without a PDSA"}
    assert "No new PDSA cycle for 21 weeks (the last began on 1 June 2026)." in html   # the first step, in words


def test_a_coach_opens_on_her_own_teams_and_may_see_all(sample_store):
    page = DashboardPage(sample_store, TODAY, account(sample_store, ANA))
    assert page.caseload.value == "mine" and page.caseload.options[0][0] == "My teams (3)"
    assert [t.id for t in page._chosen_teams()] == ["hearth-fcc", "lincoln-prek", "nuestra-casa-fcc"]
    assert "Sunrise Head Start" not in page.team_table.value and "1 of 3 teams need attention." in page.attention.value
    assert "Caseloads" not in str([getattr(c, "value", "") for c in walk(page)])         # that is the advisor's
    page.caseload.value = ALL
    assert "Sunrise Head Start" in page.team_table.value and "4 of 8 teams" in page.attention.value


def test_the_advisor_sees_each_caseload_and_the_teams_without_a_coach(sample_store):
    page = DashboardPage(sample_store, TODAY, account(sample_store, RENEE))
    assert page.caseload.layout.display == "none"                                         # no caseload of her own
    assert all(f.layout.display != "none" for f in (page.measure, page.team, page.program, page.period, page.view))
    caseloads = next(c.value for c in walk(page) if "aria-label=\"Caseloads\"" in str(getattr(c, "value", "")))
    assert re.findall(r"<td>([^<]+)</td><td>(\d+)</td>", caseloads) == [("Ana Lucía Torres", "3"), ("Marcus Bell", "4")]
    assert "1 team has no coach: Riverbend School District Pre-K." in caseloads


def test_set_up_names_a_coach_from_the_faculty_accounts_and_nobody_else_may(sample_store):
    advisor = account(sample_store, RENEE)
    setup = SetupPage(sample_store, TODAY, advisor)
    teams = next(e for e in walk(setup) if type(e).__name__ == "RecordEditor" and e.model is Team)
    teams.picker.value = "riverbend-prek"
    box = next(b for b in walk(setup) if getattr(b, "description", None) == "Ana Lucía Torres")
    box.value = True
    assert sample_store.get(CoachAssignment, "riverbend-prek", ANA) is not None
    assert "Coach saved." in widget_text(setup.message)
    assert DashboardPage(sample_store, TODAY, account(sample_store, ANA)).caseload.options[0][0] == "My teams (4)"
    box.value = False
    assert sample_store.get(CoachAssignment, "riverbend-prek", ANA) is None

    coach, member = account(sample_store, MARCUS), account(sample_store, "sunrise-2@example.org")
    for who in (coach, member):        # a coach does not share out caseloads; a team does not choose its coach
        with pytest.raises(NotAllowed, match="set-up"):
            name_coach(sample_store, Actor.collaborative(access=who), "sunrise-head-start", MARCUS, False)
        with pytest.raises(NotAllowed, match="set-up"):
            name_coach(sample_store, Actor.for_team("sunrise-head-start", access=who), "sunrise-head-start", ANA, True)
    with pytest.raises(NotAllowed, match="Only a faculty or advisor account"):
        name_coach(sample_store, Actor.collaborative(access=advisor), "riverbend-prek", "sunrise-2@example.org", True)
    with pytest.raises(NotAllowed, match="no team"):
        name_coach(sample_store, Actor.collaborative(access=advisor), "no-such-team", ANA, True)
    assert sample_store.get(CoachAssignment, "sunrise-head-start", ANA) is None
    assert {a.coach for a in sample_store.list(CoachAssignment, team_id="sunrise-head-start")} == {MARCUS}


# ---- support, counted ----------------------------------------------------------------------------------------------

def test_support_logged_is_the_dose_the_dashboard_and_the_reports_show(sample_store):
    from bsc_widgets.analysis.support import support_doses
    from bsc_widgets.forms.support import SupportLogPage
    from bsc_widgets.model import SupportContact
    from bsc_widgets.reports.final import final_report_html
    from bsc_widgets.reports.team import team_report_html

    coach = account(sample_store, ANA)
    page = SupportLogPage(sample_store, TODAY, coach)
    assert [v for _, v in page.team.options][:3] == ["hearth-fcc", "lincoln-prek", "nuestra-casa-fcc"]  # hers first
    before = support_doses(sample_store, TODAY)["lincoln-prek"]
    page.team.value, page.kind.value = "lincoln-prek", "ta"
    assert (page.minutes.value, page.mode.value) == (20, "email")             # the usual for technical assistance
    page.topic.value = "Reading run charts"
    page.roles["teacher"].value = True
    saved = page.save()
    assert saved.logged_by == "Ana Lucía Torres" and saved.topic == "Reading run charts"   # the server's name
    page.kind.value, page.host.value = "peer_visit", "sunrise-head-start"
    page.save()
    doses = support_doses(sample_store, TODAY)
    after, host = doses["lincoln-prek"], doses["sunrise-head-start"]
    assert after.contacts["ta"] == before.contacts["ta"] + 1 and after.minutes["ta"] == before.minutes["ta"] + 20
    assert after.contacts["peer_visit"] == before.contacts["peer_visit"] + 1 and host.contacts["peer_visit"] >= 1
    logged = sample_store.list(SupportContact, team_id="lincoln-prek")
    assert after.total == len(logged) + sum(1 for c in sample_store.list(SupportContact) if c.host_team_id ==
                                            "lincoln-prek")

    dashboard = DashboardPage(sample_store, dt.date(2026, 12, 7), coach)
    row = re.search(r"<td>Lincoln Elementary Pre-K</td>(.*?)</tr>", dashboard.support.value, re.S).group(1)
    kinds = ("on_site", "peer_visit", "call", "ta")
    assert re.findall(r">(\d+)</td>", row)[:4] == [str(after.contacts[k]) for k in kinds]
    report = team_report_html(sample_store, "lincoln-prek", dt.date(2026, 11, 1), dt.date(2026, 12, 7))
    assert "Support you received" in report and after.sentence() in report
    final = final_report_html(sample_store, dt.date(2026, 12, 7))
    table = final[final.index("Support each team received, beside its results"):]
    assert "Lincoln Elementary Pre-K" in table and "Measures with a signal of improvement" in table


def test_support_a_page_did_not_offer_is_refused_in_words_and_nothing_is_saved(sample_store):
    from bsc_widgets.base.errors import InvalidRecord
    from bsc_widgets.forms.support import SupportLogPage
    from bsc_widgets.model import SupportContact
    from bsc_widgets.services.support import log_support

    count = len(sample_store.list(SupportContact))
    page = SupportLogPage(sample_store, TODAY)
    page.kind.value = "peer_visit"                        # no team visited chosen
    page.save_button.click()
    assert "A peer-to-peer visit names the team visited" in widget_text(page.form_message)
    page.kind.value, page.minutes.value = "call", 1
    page.day.value = "31 February 2026"
    page.save_button.click()
    assert "February" in widget_text(page.form_message) and len(sample_store.list(SupportContact)) == count
    crafted = SupportContact(id="new", team_id="sunrise-head-start", kind="ta", day=TODAY, minutes=20,
                             topic="<script>not a topic</script>")
    with pytest.raises(InvalidRecord, match="cannot be saved"):
        log_support(sample_store, Actor.collaborative(), crafted)
    member = account(sample_store, "sunrise-2@example.org")
    with pytest.raises(NotAllowed, match="faculty"):
        log_support(sample_store, Actor.for_team("sunrise-head-start", access=member),
                    crafted.model_copy(update={"topic": None}))
    assert len(sample_store.list(SupportContact)) == count


# ---- readiness -------------------------------------------------------------------------------------------------

def test_readiness_is_read_from_the_data_and_the_coach_ticks_only_what_it_cannot_show(sample_store):
    from bsc_widgets.analysis.readiness import readiness
    from bsc_widgets.base.paths import workbooks_dir
    from bsc_widgets.forms.home import HomePage

    ready = readiness(sample_store, TODAY)
    lincoln, riverbend = ready["lincoln-prek"], ready["riverbend-prek"]
    met = {c.key: c.met for c in lincoln.pre_work}
    assert met == {"team_formed": True, "leads_named": True, "aim_written": True, "measures_defined": True,
                   "baseline": True, "storyboard_ready": False}
    assert {c.key: c.met for c in riverbend.pre_work}["leads_named"] is False          # its charter names nobody
    assert [c.tickable for c in lincoln.pre_work] == [False] * 6                        # every pre-work item is data
    periods = {p.number: c for p, c in lincoln.periods}
    assert periods[2].met is None and periods[2].tickable and not periods[1].tickable and not periods[3].tickable
    faculty = account(sample_store, MARCUS)
    home = HomePage(sample_store, TODAY, sample_store.team("lincoln-prek"), None, workbooks_dir(), faculty)
    assert home.tick.layout.display is None and home.tick.value is False
    home.tick.value = True
    assert {p.number: c for p, c in readiness(sample_store, TODAY)["lincoln-prek"].periods}[2].met is True
    assert "Ticked by Marcus Bell" in home.readiness.value
    member = account(sample_store, "lincoln-1@example.org")
    mine = HomePage(sample_store, TODAY, sample_store.team("lincoln-prek"), None, workbooks_dir(), member)
    assert mine.tick.layout.display == "none" and "Ticked by Marcus Bell" in mine.readiness.value   # seen, not ticked
    from bsc_widgets.services.readiness import tick
    with pytest.raises(NotAllowed, match="faculty"):
        tick(sample_store, Actor.for_team("lincoln-prek", access=member), "lincoln-prek", "spreading", TODAY, False)
    board = DashboardPage(sample_store, TODAY)
    assert "Pre-work: 5 of 6." in re.search(r"<td>Lincoln Elementary Pre-K</td>(.*?)</tr>",
                                             board.team_table.value, re.S).group(1)


# ---- the calendar feed ---------------------------------------------------------------------------------------------

def test_the_calendar_opens_in_the_librarys_reader_with_every_event_whole_days_in_the_teams_language(
        sample_store, sample_db, tmp_path):
    from click.testing import CliRunner
    from icalendar import Calendar

    from bsc_widgets.cli import main
    from bsc_widgets.model import Phase, SupportContact

    out = tmp_path / "nuestra.ics"
    db = str(sample_db)
    result = CliRunner().invoke(main, ["calendar", "--db", db, str(out), "--team", "nuestra-casa-fcc"])
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    sessions = [p for p in sample_store.list(Phase) if p.kind in ("learning_session", "summative")]
    support = [c for c in sample_store.list(SupportContact) if "nuestra-casa-fcc" in c.teams()
               and c.kind in ("on_site", "peer_visit", "call")]
    summaries = [str(e["summary"]) for e in events]
    assert sum(s.startswith("Sesión de aprendizaje") for s in summaries) == sum(
        p.kind == "learning_session" for p in sessions)                          # in the team's own language
    assert sum(s.startswith("Vence el informe mensual") for s in summaries) >= 12
    reports = sum(s.startswith("Vence el informe mensual") for s in summaries)
    assert len(events) == len(sessions) + reports + len(support)
    assert len({str(e["uid"]) for e in events}) == len(events)
    for e in events:                                                           # whole days: no clock, no zone
        assert type(e.decoded("dtstart")) is dt.date and e.decoded("dtend") > e.decoded("dtstart")
    everyone = tmp_path / "all.ics"
    assert CliRunner().invoke(main, ["calendar", "--db", db, str(everyone), "--lang", "en"]).exit_code == 0
    summaries = [str(e["summary"]) for e in Calendar.from_ical(everyone.read_bytes()).walk("VEVENT")]
    assert "Coaching call: Lincoln Elementary Pre-K" in summaries and "Learning Session 1" in summaries
    refused = CliRunner().invoke(main, ["calendar", "--db", db, str(tmp_path / "x.ics"), "--team", "no-such"])
    assert refused.exit_code != 0 and "no team" in refused.output and "Traceback" not in refused.output


def test_the_dashboard_on_paper_is_in_the_pages_language_and_as_of_its_month(sample_store):
    from bsc_widgets.base.language import speaking
    from bsc_widgets.reports.dashboard import dashboard_html

    with speaking("es"):
        html = dashboard_html(sample_store, dt.date(2026, 10, 31), ["riverbend-prek", "hearth-fcc"],
                              "positive-feedback", "a4")
    assert "Primer paso:" in html and "necesita atención" in html and "size: A4" in html
    assert html.index("Hearth Family Child Care Network") < html.index("Riverbend School District Pre-K")  # ranked
    assert "Sunrise Head Start" not in html                              # only the teams the page shows
    assert "November 2026" not in html and "noviembre de 2026" not in html      # nothing after its month
    from tests import builders
    builders.team(sample_store, "newcomer", name="Newcomer", joined=dt.date(2026, 10, 20))   # nothing to ask yet
    html = dashboard_html(sample_store, dt.date(2026, 10, 31), ["newcomer", "hearth-fcc"], None)
    assert html.index("Hearth Family Child Care Network") < html.index("Newcomer")          # after the ranked
    assert "Nothing stands out in the data" in html and "1 of 2 teams need attention." in html
