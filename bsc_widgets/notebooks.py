"""The notebooks' entry points: one call per workbook and per report template, the same in Voilà, JupyterLab,
papermill and nbval. It sits above the forms and the reports, and nothing in the package imports it.

Team selection comes from ``?team=`` (Voilà puts the query string in the kernel's
environment) or from the papermill parameter. Both are untrusted and validated
against the store. Any failure becomes a plain message on the page; tracebacks go
to the server log only.
"""
from __future__ import annotations

import os
from urllib.parse import parse_qs

from .analysis.report_calendar import parse_month
from .base.clock import today
from .base.errors import BscError, NotYourTeam, UnknownTeam
from .base.language import _, first_known, speak, speaking
from .base.pages import HOME
from .base.paths import workbooks_dir
from .forms.messages import MessageArea, report_unexpected
from .forms.page import root
from .model import Team
from .services.access import Access
from .services.read_gate import Sight, gate, signed_in
from .store import Store


def request_ready() -> None:
    """With preheated kernels, the page's URL (?team=) arrives only when someone opens the page.

    Everything before this call (the imports) runs ahead of time; see jupyter-stack §1.4.
    Outside a preheated Voilà kernel it returns at once.
    """
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        wait_for_request()


def query_param(name: str) -> str | None:
    """A value from the page's URL (?name=…), or None outside Voilà."""
    values = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=True).get(name)
    return values[0] if values else None


def choose_team(store: Store, parameter: str | None,
                access: Access | None = None) -> tuple[Team | None, BscError | None]:
    """The team asked for: ?team= (first), else the parameter, else a signed-in person's one team; a bad value
    becomes a message, not a crash. Whether the person may see it is the read gate's to say."""
    wanted = query_param("team")
    if wanted is None:
        wanted = parameter or None
    if (wanted is None or wanted == "") and access is not None and len(access.own_teams) == 1:
        wanted = next(iter(access.own_teams))
    if wanted is None or wanted == "":
        return None, None
    try:
        return store.team(wanted), None
    except UnknownTeam as exc:
        return None, UnknownTeam(_("%(problem)s Choose your team from the list below.", problem=exc.message))


def open_page(store: Store, page: str, parameter: str | None = None,
              for_team: bool = False) -> tuple[Sight, BscError | None]:
    """Ask the read gate, once, what the signed-in person may see of ``page`` (and of the team asked for, on a page
    ``for_team``): a page not theirs is refused; a team not theirs becomes a message, with no team chosen."""
    access = signed_in(store)
    team, problem = choose_team(store, parameter, access) if for_team else (None, None)
    try:
        return gate(access, page, team), problem
    except NotYourTeam as exc:
        return Sight(page, access), exc


def speak_for(access: Access | None = None, team: Team | None = None) -> str:
    """The page's language: the one asked for (``?lang=``, which the server remembers for the browser), else the
    signed-in person's from the roster, else the team's, else English."""
    return speak(first_known(query_param("lang"), access.language if access else None,
                             team.language if team else None))


def show(build):
    """Run a page builder and display its widget, or a plain message if anything goes wrong."""
    from IPython.display import display

    try:
        request_ready()
        speak_for()
        page = build()
    except BscError as exc:
        page = MessageArea()
        page.show_error(exc)
    except Exception:  # noqa: BLE001 - the browser must never see a traceback
        page = MessageArea()
        report_unexpected(page)
    display(root(page, os.environ.get("QUERY_STRING", "")))
    return page


def home(team: str = "", db: str = "", today_: str = ""):
    """The home workbook."""
    from .forms.home import HomePage

    def build():
        store = Store.open(db or None)
        sight, problem = open_page(store, HOME, team, for_team=True)
        speak_for(sight.access, sight.team)
        return HomePage(store, today(today_), sight.team, problem, workbooks_dir(), sight.access)

    return show(build)


def _team_workbook(page_class, page: str, team: str, db: str, today_: str):
    from .forms.page import NoTeamPage

    def build():
        store = Store.open(db or None)
        sight, problem = open_page(store, page, team, for_team=True)
        speak_for(sight.access, sight.team)
        if sight.team is None:
            return NoTeamPage(page_class.TITLE, problem)
        return page_class(store, sight.team, today(today_), sight.access)

    return show(build)


def charter(team: str = "", db: str = "", today_: str = ""):
    """Workbook 1: the team charter and roster."""
    from .forms.charter import CharterPage

    return _team_workbook(CharterPage, "01_charter.ipynb", team, db, today_)


def pdsa(team: str = "", db: str = "", today_: str = ""):
    """Workbook 3: the PDSA planner and log."""
    from .forms.pdsa import PdsaPage

    return _team_workbook(PdsaPage, "03_pdsa.ipynb", team, db, today_)


def measures(team: str = "", db: str = "", today_: str = ""):
    """Workbook 4: measures, data entry and run charts."""
    from .forms.measures import MeasuresPage

    return _team_workbook(MeasuresPage, "04_measures.ipynb", team, db, today_)


def monthly_report(team: str = "", db: str = "", today_: str = ""):
    """Workbook 5: the monthly team report, with the team's and faculty's scores."""
    from .forms.monthly_report import MonthlyReportPage

    return _team_workbook(MonthlyReportPage, "05_monthly_report.ipynb", team, db, today_)


def driver_diagram(team: str = "", db: str = "", today_: str = ""):
    """Workbook 2: the driver diagram and the change ideas the team tests."""
    from .forms.driver_diagram import DriverDiagramPage

    return _team_workbook(DriverDiagramPage, "02_driver_diagram.ipynb", team, db, today_)


def storyboard(team: str = "", db: str = "", today_: str = ""):
    """Workbook 6: the team's storyboard for a learning session."""
    from .forms.storyboard import StoryboardPage

    return _team_workbook(StoryboardPage, "06_storyboard.ipynb", team, db, today_)


def storyboards(db: str = "", today_: str = ""):
    """Every team's storyboard for a session, for faculty."""
    return _collaborative_page("storyboards", "StoryboardsPage", "storyboards.ipynb", db, today_)


def coach_dashboard(db: str = "", today_: str = ""):
    """The coach's live dashboard across every team."""
    from .forms.dashboard import DashboardPage

    def build():
        store = Store.open(db or None)
        access = open_page(store, "coach_dashboard.ipynb")[0].access
        speak_for(access)
        return DashboardPage(store, today(today_), access)

    return show(build)


def _collaborative_page(module: str, name: str, page: str, db: str, today_: str):
    import importlib

    page_class = getattr(importlib.import_module(f"bsc_widgets.forms.{module}"), name)

    def build():
        store = Store.open(db or None)
        access = open_page(store, page)[0].access
        speak_for(access)
        return page_class(store, today(today_), access)

    return show(build)


def collaborative_setup(db: str = "", today_: str = ""):
    """The advisor's and faculty's set-up: calendar, change framework, scale, groups, teams."""
    return _collaborative_page("setup", "SetupPage", "collaborative_setup.ipynb", db, today_)


def participation(db: str = "", today_: str = ""):
    """Attendance and dosage by role."""
    return _collaborative_page("participation", "ParticipationPage", "participation.ipynb", db, today_)


def support_log(db: str = "", today_: str = ""):
    """The support a coach gave: visits, calls and technical assistance, and each team's dose of it."""
    return _collaborative_page("support", "SupportLogPage", "support_log.ipynb", db, today_)


def equity(db: str = "", today_: str = ""):
    """Measures by group, small groups suppressed."""
    return _collaborative_page("equity", "EquityPage", "equity.ipynb", db, today_)


def spread(db: str = "", today_: str = ""):
    """How change ideas spread across the network."""
    return _collaborative_page("spread", "SpreadPage", "spread.ipynb", db, today_)


def shared_by_teams(db: str = "", today_: str = ""):
    """The cycles teams shared, for faculty to feature or hide."""
    return _collaborative_page("shared_review", "SharedReviewPage", "shared_by_teams.ipynb", db, today_)


def change_package(db: str = "", today_: str = ""):
    """Every tested change idea with its evidence, and the lessons learned."""
    return _collaborative_page("change_package", "ChangePackagePage", "change_package.ipynb", db, today_)


def system_assessment(db: str = "", today_: str = ""):
    """The leaders' PD-matrix system assessment, with its offline report."""
    from .forms.system_assessment import SystemAssessmentPage
    from .reports.system import system_assessment_html

    def build():
        store = Store.open(db or None)
        access = open_page(store, "leaders/system_assessment.ipynb")[0].access
        speak_for(access)
        return SystemAssessmentPage(store, lambda store: system_assessment_html(store, today(today_)), access)

    return show(build)


# ---- the report templates (papermill): each displays one report as a single HTML output ----------

def _display_html(html: str) -> None:
    from IPython.display import HTML, display

    display(HTML(html))


def team_report(team: str, period: str, db: str = "", today_: str = "", shared_plotly: bool = False,
                lang: str = "") -> None:
    """templates/team_report.ipynb: one team's monthly report (in the team's language, unless ``lang`` says)."""
    from .reports.team import team_report_html

    _display_html(team_report_html(Store.open_to_read(db or None), team, parse_month(period), today(today_),
                                   shared_plotly, lang))


def collaborative_report(period: str, db: str = "", today_: str = "", shared_plotly: bool = False,
                         lang: str = "") -> None:
    """templates/collaborative_report.ipynb: the collaborative's monthly report."""
    from .reports.collaborative import collaborative_report_html

    with speaking(first_known(lang)):
        _display_html(collaborative_report_html(Store.open_to_read(db or None), parse_month(period), today(today_),
                                                shared_plotly))


def final_report(db: str = "", today_: str = "", shared_plotly: bool = False) -> None:
    """templates/final_report.ipynb: the effectiveness summary."""
    from .reports.final import final_report_html

    _display_html(final_report_html(Store.open_to_read(db or None), today(today_), shared_plotly))


def system_assessment_report(db: str = "", today_: str = "") -> None:
    """templates/system_assessment.ipynb: the leaders' PD-matrix report."""
    from .reports.system import system_assessment_html

    _display_html(system_assessment_html(Store.open_to_read(db or None), today(today_)))
