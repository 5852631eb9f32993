"""Every template, rendered with hostile text in every text field of the workspace, shows it only as text.

The sample workspace gets markup in every free-text column of every table. Then every page and
every report is built, and every macro of every template must have been rendered at least once.
No output may contain the markup itself; the escaped form must be there (so the text was shown).
"""
import datetime as dt

import ipywidgets as w
import pytest
from sqlalchemy import text

from bsc_widgets.base.paths import workbooks_dir
from bsc_widgets.forms.change_package import ChangePackagePage
from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.dashboard import DashboardPage
from bsc_widgets.forms.driver_diagram import DriverDiagramPage
from bsc_widgets.forms.equity import EquityPage
from bsc_widgets.forms.fields import _unwrap
from bsc_widgets.forms.home import HomePage
from bsc_widgets.forms.invitations import SignInCards, TeamInvitations
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.messages import MessageArea
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.forms.page import NoTeamPage, root
from bsc_widgets.forms.participation import ParticipationPage
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.forms.shared_review import SharedReviewPage
from bsc_widgets.forms.spread import SpreadPage
from bsc_widgets.forms.storyboard import StoryboardPage
from bsc_widgets.forms.storyboards import StoryboardsPage
from bsc_widgets.forms.support import SupportLogPage
from bsc_widgets.forms.system_assessment import SystemAssessmentPage
from bsc_widgets.model import ORDER, Team
from bsc_widgets.render import USED, macros, render
from bsc_widgets.reports.batch import Outcome, error_page, index_html
from bsc_widgets.reports.collaborative import collaborative_report_html
from bsc_widgets.reports.dashboard import dashboard_html
from bsc_widgets.reports.final import final_report_html
from bsc_widgets.reports.storyboard import every_poster_html, storyboard_html
from bsc_widgets.reports.system import system_assessment_html
from bsc_widgets.reports.team import team_report_html
from bsc_widgets.server.voila_server import opening_words
from bsc_widgets.services import COMMAND_LINE
from bsc_widgets.services.access import access_of
from bsc_widgets.services.accounts import first_admin
from bsc_widgets.store.schema import TABLES
from tests.support import walk

TODAY = dt.date(2026, 11, 22)
MARK = "<blink>pw</blink>"                   # what must never reach a page as markup
SHOWN = "&lt;blink&gt;pw&lt;/blink&gt;"      # what it must become
TEAM = "maple-street-ehs"


def _free_text_columns(model):
    for name, info in model.model_fields.items():
        tp, _ = _unwrap(info.annotation)
        described = repr(info) + str(info.annotation)
        if tp is str and name not in ("email", "username") and "_slug" not in described and "pattern=" not in described:
            yield name


@pytest.fixture
def hostile(sample_store):
    """Every free-text column of every table prefixed with markup (within each field's length)."""
    with sample_store.transaction() as tx:
        for model in ORDER:
            for column in _free_text_columns(model):
                table = TABLES[model].name
                tx.conn.execute(text(f"update {table} set {column} = :mark || coalesce({column}, '') "
                                     f"where {column} is not null or :required"),
                                {"mark": MARK, "required": model.model_fields[column].is_required()})
                limit = next((m.max_length for m in model.model_fields[column].metadata
                              if hasattr(m, "max_length")), None)
                if limit:
                    tx.conn.execute(text(f"update {table} set {column} = substr({column}, 1, :n)"), {"n": limit})
    return sample_store


def _html_of(widget) -> list[str]:
    out, stack = [], [widget]
    while stack:
        wdg = stack.pop()
        if isinstance(wdg, w.HTML):
            out.append(str(wdg.value))
        if isinstance(wdg, w.Output):          # a chart: its title, key and legend are HTML too
            out += [str(o.get("data", {}).get("text/html", "")) for o in wdg.outputs]
        stack.extend(getattr(wdg, "children", ()) or ())
    return out


def test_every_template_shows_hostile_text_as_text(hostile):
    store = hostile
    team = store.team(TEAM)
    shown: list[str] = []
    for page_class in (CharterPage, DriverDiagramPage, PdsaPage, MeasuresPage, MonthlyReportPage, StoryboardPage):
        shown += _html_of(page_class(store, team, TODAY))
    sunrise = PdsaPage(store, store.team("sunrise-head-start"), TODAY)    # new comments; a shared file to save
    sunrise.picker.value = "sunrise-visual-schedules-3"
    sunrise.files._get()
    shown += _html_of(sunrise) + [str(sunrise.news.value)]
    hearth = DriverDiagramPage(store, store.team("maple-street-ehs"), TODAY)
    others = next(e for e in walk(hearth) if type(e).__name__ == "FromOtherTeams")
    others.file_pick.value = others.file_pick.options[0][1]
    others._get_file()
    shown += _html_of(hearth)
    for page_class in (ParticipationPage, SpreadPage, EquityPage, SharedReviewPage, ChangePackagePage,
                       StoryboardsPage, SupportLogPage):
        shown += _html_of(page_class(store, TODAY))
    setup = SetupPage(store, TODAY)
    teams = next(e for e in walk(setup) if type(e).__name__ == "RecordEditor" and e.model is Team)
    teams.picker.value = TEAM  # a team's invitation
    shown += _html_of(setup)
    first_admin(store, COMMAND_LINE)
    signed_in = SetupPage(store, TODAY, access_of(store, "admin"))  # under the hub: sign-in links
    teams = next(e for e in walk(signed_in) if type(e).__name__ == "RecordEditor" and e.model is Team)
    teams.picker.value = TEAM
    next(e for e in walk(signed_in) if isinstance(e, TeamInvitations))._make()
    next(e for e in walk(signed_in) if isinstance(e, SignInCards))._print()    # a family member without an address
    shown += _html_of(signed_in)
    shown += _html_of(HomePage(store, TODAY, team, None, workbooks_dir(), access_of(store, "admin")))
    shown += _html_of(HomePage(store, TODAY, team, None, workbooks_dir()))
    shown += _html_of(HomePage(store, TODAY, None, None, workbooks_dir()))
    shown += _html_of(DashboardPage(store, TODAY))
    network = DashboardPage(store, TODAY)       # the funnel plot, the network's total, and what they refuse
    network.measure.value = "positive-feedback"
    network.period.value = dt.date(2026, 10, 1)     # a month every team has reported
    for view in ("funnel", "network"):
        network.view.value = view
        shown += _html_of(network) + [str(t.hovertext) for t in network.chart.figure.data]
    network.period.value = network.period.options[-1][1]    # the first month: too few teams to compare
    network.view.value = "funnel"
    shown += _html_of(network)
    network.measure.value = "staff-stress"
    shown += _html_of(network)
    network.measure.value = "positive-feedback"
    network.period.value = network.period.options[0][1]     # this month: not reported yet, so no funnel
    shown += _html_of(network)
    shown += _html_of(SystemAssessmentPage(store, lambda s: system_assessment_html(s, TODAY)))
    equity = EquityPage(store, TODAY)
    equity.team.value = TEAM
    shown += _html_of(equity)
    measures = MeasuresPage(store, team, TODAY)  # a period with figures by group
    measures.measure_picker.value = next(v for _, v in measures.measure_picker.options if v == "family-notes")
    shown += _html_of(measures)
    marked = MeasuresPage(store, store.team("sunrise-head-start"), TODAY)   # marks on a chart, and their history
    for measure in ("classroom-interactions", "send-home-days"):
        marked.measure_picker.value = measure
        shown += _html_of(marked)
    marked.day_picker.value = ""
    shown += _html_of(marked)
    shown += [str(a.hovertext) for a in marked.chart.figure.data]
    report = MonthlyReportPage(store, team, TODAY)
    report.faculty_toggle.value = True
    report.faculty_score.fields["rationale"].input.value = MARK + " faculty"
    report.faculty_score.fields["score"].input.value = 3.0
    shown += _html_of(report)
    shown.append(opening_words("/voila/render/03_pdsa.ipynb", store.team(TEAM).name))   # the loading screen
    message = MessageArea()
    message.show_error(MARK)
    shown += [message.value, *_html_of(NoTeamPage(MARK)), *_html_of(root(MessageArea(), f"team={MARK}&lang=es"))]
    shown.append(render("common.html", "connection_words"))     # the Voilà page's words while it connects
    shown += [team_report_html(store, TEAM, dt.date(2026, 10, 1), TODAY),
              collaborative_report_html(store, dt.date(2026, 10, 1), TODAY),
              final_report_html(store, TODAY), system_assessment_html(store, TODAY),
              dashboard_html(store, TODAY, [t.id for t in store.teams()], "positive-feedback"),
              storyboard_html(store, TEAM, "ls4", "a3"), every_poster_html(store, "ls4"),
              error_page(MARK, MARK), index_html(MARK, [Outcome("x", MARK, False, 1.0, MARK),
                                                       Outcome("collaborative", MARK, True, 1.0)])]
    with store.transaction() as tx:     # the same pages under Making Data Count, with its icons
        tx.conn.execute(text("update collaborative set signal_rules = 'mdc'"))
    dashboard = DashboardPage(store, TODAY)
    dashboard.measure.value = "staff-stress"
    shown += _html_of(dashboard)
    shown += [team_report_html(store, TEAM, dt.date(2026, 10, 1), TODAY),
              collaborative_report_html(store, dt.date(2026, 10, 1), TODAY)]
    assert "bsc-mdc-icon" in "".join(shown)
    # pieces the sample never needs: given hostile text directly
    shown += [render("forms/widgets.html", "kept", items=[(MARK, MARK)]),
              render("forms/widgets.html", "removal", what=MARK, by=MARK, at=dt.datetime(2026, 11, 2, 9, 30),
                     today=TODAY),
              render("common.html", "error_page", status=404, home=MARK, style=""),
              render("common.html", "error_page", status=MARK, home=MARK, style=""),
              render("forms/invitations.html", "reset_warning", name=MARK, email=MARK),
              render("forms/invitations.html", "left_alone", items=[(MARK, MARK)]),
              render("forms/widgets.html", "clash", label=MARK, theirs=MARK, mine=MARK),
              render("forms/equity.html", "no_measure"), render("forms/support.html", "none_yet"), render("reports/collaborative.html", "no_equity"),
              render("reports/collaborative.html", "no_cycles"), render("reports/collaborative.html", "no_scores")]
    everything = "\n".join(shown)
    assert MARK not in everything
    assert SHOWN in everything
    missing = {m for m in macros() - USED if not _called_by_a_rendered_template(*m)}
    assert not missing, f"not rendered by any page or report: {sorted(missing)}"


def _called_by_a_rendered_template(template: str, macro: str) -> bool:
    """A macro another template calls (``page.section(…)``), from a template that was rendered."""
    from bsc_widgets.render import TEMPLATES

    for caller in {t for t, _ in USED}:
        source = (TEMPLATES / caller).read_text()
        if f'import "{template}" as ' in source:
            alias = source.split(f'import "{template}" as ', 1)[1].split()[0]
            if f"{alias}.{macro}(" in source:
                return True
        elif caller == template and f" {macro}(" in source.split(f"macro {macro}(", 1)[0] + source.split(
                f"macro {macro}(", 1)[1].split("endmacro", 1)[1]:
            return True
    return False

