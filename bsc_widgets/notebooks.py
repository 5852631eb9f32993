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

from .catalogue import PAGE_SCOPES
from .clock import today
from .errors import BscError, NotAllowed, UnknownTeam
from .forms.messages import MessageArea, report_unexpected
from .forms.page import root
from .language import _, first_known, speak, speaking
from .log import server_log
from .model import ACCESS_LABELS, Team
from .paths import workbooks_dir
from .report_calendar import parse_month
from .services.access import Access, access_of, hub_user
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


def signed_in(store: Store) -> Access | None:
    """The account the hub signed in for this page; None when served without the hub (``bsc serve``: the
    one trusted person at this machine). An account with nothing left to open is refused here."""
    user = hub_user()
    if user is None:
        return None
    access = access_of(store, user)
    if access is None or not access.active:
        server_log().warning("refused a page to %r: no account, or on no team's roster", user)
        raise NotAllowed(_("Your account no longer has access to this collaborative. Ask your improvement advisor "
                           "if this is a mistake."))
    return access


def choose_team(store: Store, parameter: str | None,
                access: Access | None = None) -> tuple[Team | None, BscError | None]:
    """The team from ?team= (first) or the parameter; a bad value becomes a message, not a crash.
    Signed in, only one of the account's teams (with just one, that one)."""
    wanted = query_param("team")
    if wanted is None:
        wanted = parameter or None
    if (wanted is None or wanted == "") and access is not None and len(access.own_teams) == 1:
        wanted = next(iter(access.own_teams))
    if wanted is None or wanted == "":
        return None, None
    try:
        team = store.team(wanted)
    except UnknownTeam as exc:
        return None, UnknownTeam(_("%(problem)s Choose your team from the list below.", problem=exc.message))
    if access is not None and not access.may_open(team.id):
        server_log().warning("refused team %r to %r (%s): not one of their teams", team.id, access.username,
                             access.role)
        return None, NotAllowed(_("This is not one of your teams. Choose one of yours on the home page."))
    return team, None


def _allowed(store: Store, page: str) -> Access | None:
    """The signed-in account, if its role opens this collaborative page (else refused, and logged)."""
    access = signed_in(store)
    if access is not None and not access.allows(PAGE_SCOPES[page]):
        server_log().warning("refused %s to %r (%s)", page, access.username, access.role)
        raise NotAllowed(_("This page is not open to your account (%(role)s). Go back to the home page for the "
                           "pages that are.", role=ACCESS_LABELS[access.role].lower()))
    return access


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
        access = signed_in(store)
        chosen, problem = choose_team(store, team, access)
        speak_for(access, chosen)
        return HomePage(store, today(today_), chosen, problem, workbooks_dir(), access)

    return show(build)


def _team_workbook(page_class, title: str, team: str, db: str, today_: str):
    from .forms.page import NoTeamPage

    def build():
        store = Store.open(db or None)
        access = signed_in(store)
        chosen, problem = choose_team(store, team, access)
        speak_for(access, chosen)
        if chosen is None:
            return NoTeamPage(title, problem)
        return page_class(store, chosen, today(today_), access)

    return show(build)


def charter(team: str = "", db: str = "", today_: str = ""):
    """Workbook 1: the team charter and roster."""
    from .forms.charter import CharterPage

    return _team_workbook(CharterPage, CharterPage.TITLE, team, db, today_)


def pdsa(team: str = "", db: str = "", today_: str = ""):
    """Workbook 3: the PDSA planner and log."""
    from .forms.pdsa import PdsaPage

    return _team_workbook(PdsaPage, PdsaPage.TITLE, team, db, today_)


def measures(team: str = "", db: str = "", today_: str = ""):
    """Workbook 4: measures, data entry and run charts."""
    from .forms.measures import MeasuresPage

    return _team_workbook(MeasuresPage, MeasuresPage.TITLE, team, db, today_)


def monthly_report(team: str = "", db: str = "", today_: str = ""):
    """Workbook 5: the monthly team report, with the team's and faculty's scores."""
    from .forms.monthly_report import MonthlyReportPage

    return _team_workbook(MonthlyReportPage, MonthlyReportPage.TITLE, team, db, today_)


def driver_diagram(team: str = "", db: str = "", today_: str = ""):
    """Workbook 2: the driver diagram and the change ideas the team tests."""
    from .forms.driver_diagram import DriverDiagramPage

    return _team_workbook(DriverDiagramPage, DriverDiagramPage.TITLE, team, db, today_)


def coach_dashboard(db: str = "", today_: str = ""):
    """The coach's live dashboard across every team."""
    from .forms.dashboard import DashboardPage

    def build():
        store = Store.open(db or None)
        speak_for(_allowed(store, "coach_dashboard.ipynb"))
        return DashboardPage(store, today(today_))

    return show(build)


def _collaborative_page(module: str, name: str, page: str, db: str, today_: str):
    import importlib

    page_class = getattr(importlib.import_module(f"bsc_widgets.forms.{module}"), name)

    def build():
        store = Store.open(db or None)
        access = _allowed(store, page)
        speak_for(access)
        return page_class(store, today(today_), access)

    return show(build)


def collaborative_setup(db: str = "", today_: str = ""):
    """The advisor's and faculty's set-up: calendar, change framework, scale, groups, teams."""
    return _collaborative_page("setup", "SetupPage", "collaborative_setup.ipynb", db, today_)


def participation(db: str = "", today_: str = ""):
    """Attendance and dosage by role."""
    return _collaborative_page("participation", "ParticipationPage", "participation.ipynb", db, today_)


def equity(db: str = "", today_: str = ""):
    """Measures by group, small groups suppressed."""
    return _collaborative_page("equity", "EquityPage", "equity.ipynb", db, today_)


def spread(db: str = "", today_: str = ""):
    """How change ideas spread across the network."""
    return _collaborative_page("spread", "SpreadPage", "spread.ipynb", db, today_)


def system_assessment(db: str = "", today_: str = ""):
    """The leaders' PD-matrix system assessment, with its offline report."""
    from .forms.system_assessment import SystemAssessmentPage
    from .reports.system import system_assessment_html

    def build():
        store = Store.open(db or None)
        access = _allowed(store, "leaders/system_assessment.ipynb")
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
