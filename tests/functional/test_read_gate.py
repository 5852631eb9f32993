"""The one gate for reading, walked over the whole catalogue of pages: every page × every role (and no hub) ×
own team / another team, against what each role is meant to see. A page added to the catalogue is covered the
day it is added: it appears in no row below, so the walk fails until someone says who may open it.

Each answer is checked twice: the gate's own, and what the page's notebook entry point really builds for an
account the hub signed in (refused with a plain message, or the page itself)."""
import datetime as dt
import json

import pytest

from bsc_widgets import notebooks
from bsc_widgets.base.errors import NotAllowed, NotYourTeam
from bsc_widgets.base.pages import COACH_PAGES, WORKBOOKS
from bsc_widgets.base.paths import workbooks_dir
from bsc_widgets.forms.home import HomePage
from bsc_widgets.forms.messages import MessageArea
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.forms.page import NoTeamPage
from bsc_widgets.services.access import ROLES, access_of
from bsc_widgets.services.read_gate import SECTION_SCOPES, gate, may_see_section
from tests import builders

OWN, OTHER = "own-team", "other-team"
TEAM_PAGES = {"00_home.ipynb", "01_charter.ipynb", "02_driver_diagram.ipynb", "03_pdsa.ipynb", "04_measures.ipynb",
              "05_monthly_report.ipynb", "06_storyboard.ipynb"}
FACULTY_PAGES = {"coach_dashboard.ipynb", "participation.ipynb", "support_log.ipynb", "equity.ipynb", "spread.ipynb",
                 "shared_by_teams.ipynb", "storyboards.ipynb"}
EVERY_PAGE = TEAM_PAGES | FACULTY_PAGES | {"collaborative_setup.ipynb", "leaders/system_assessment.ipynb",
                                            "change_package.ipynb"}
# What each role opens (None: bsc serve, no hub, the one person at the machine), and which teams on team pages.
OPENS = {
    None: (EVERY_PAGE, {OWN, OTHER}),
    "team_member": (TEAM_PAGES, {OWN}),
    "faculty": (TEAM_PAGES | FACULTY_PAGES | {"change_package.ipynb"}, {OWN, OTHER}),
    "advisor": (EVERY_PAGE, {OWN, OTHER}),
    "leader": ({"00_home.ipynb", "equity.ipynb", "leaders/system_assessment.ipynb", "change_package.ipynb"}, set()),
    "admin": (EVERY_PAGE, {OWN, OTHER}),
}
SEES_SECTION = {"faculty_score": {None, "faculty", "advisor", "admin"},
                "collaborative_lessons": {None, "faculty", "advisor", "admin"}}
CATALOGUE = [file for file, _t, _b in WORKBOOKS + COACH_PAGES]
USERS = {role: f"{role}@example.org" for role in ROLES}


@pytest.fixture
def store(empty_store):
    """Two teams; an account for each role; the team member on the first team's roster."""
    builders.collaborative(empty_store)
    builders.team(empty_store, OWN, name="Our team")
    builders.team(empty_store, OTHER, name="Another team")
    for role, user in USERS.items():
        builders.account(empty_store, user, role)
    builders.member(empty_store, OWN, name="Team Member", email=USERS["team_member"])
    return empty_store


def test_the_table_names_exactly_the_pages_of_the_catalogue():
    assert set(CATALOGUE) == EVERY_PAGE, "a page was added or removed: say here who may open it"
    assert set(OPENS) == {None} | set(ROLES) and set(SEES_SECTION) == set(SECTION_SCOPES)


@pytest.mark.parametrize("role", [None, *ROLES])
def test_the_gate_answers_every_page_for_every_role_and_team(store, role):
    access = access_of(store, USERS[role]) if role else None
    pages, teams = OPENS[role]
    for page in CATALOGUE:
        if page not in pages:
            with pytest.raises(NotAllowed, match="not open to your account"):
                gate(access, page)
            continue
        assert gate(access, page).page == page
        if page in TEAM_PAGES:
            for team_id in (OWN, OTHER):
                if team_id in teams:
                    assert gate(access, page, store.team(team_id)).team.id == team_id
                else:
                    with pytest.raises(NotYourTeam):
                        gate(access, page, store.team(team_id))
    sight = gate(access, "00_home.ipynb")
    assert set(sight.pages) == pages
    assert {t.id for t in sight.teams(store.teams())} == (teams if role != "leader" else set())
    for section, roles in SEES_SECTION.items():
        assert may_see_section(access, section) == (role in roles)


def _entry_point(page: str):
    """The function the page's notebook calls (its one line into bsc_widgets.notebooks)."""
    cells = json.loads((workbooks_dir() / page).read_text())["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    name = code.split("from bsc_widgets.notebooks import ")[1].split()[0]
    return getattr(notebooks, name)


def _shown(widget) -> str:
    return str(getattr(widget, "value", "")) + "".join(_shown(c) for c in getattr(widget, "children", ()))


@pytest.mark.parametrize("role", [None, *ROLES])
def test_every_notebook_asks_the_gate(store, role, monkeypatch, capsys):
    """What the real entry point builds for the signed-in account agrees with the table, page by page."""
    if role:
        monkeypatch.setenv("JUPYTERHUB_USER", USERS[role])
    else:
        monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    pages, teams = OPENS[role]
    for page in CATALOGUE:
        for team_id in ((OWN, OTHER) if page in TEAM_PAGES else (None,)):
            monkeypatch.setenv("QUERY_STRING", f"team={team_id}" if team_id else "")
            kwargs = {"db": str(store.url)} | ({"team": ""} if page in TEAM_PAGES else {})
            built = _entry_point(page)(**kwargs)
            where = f"{page} for {role} ({team_id})"
            if page not in pages:
                assert isinstance(built, MessageArea) and "not open to your account" in built.value, where
            elif team_id is not None and team_id not in teams:
                assert "not one of your teams" in _shown(built), where
                assert isinstance(built, NoTeamPage) or page == "00_home.ipynb", where
            else:
                assert not isinstance(built, (MessageArea, NoTeamPage)), f"{where}: {_shown(built)[:300]}"
    capsys.readouterr()


def test_the_pages_show_only_what_the_gate_allows(store):
    member, leader = access_of(store, USERS["team_member"]), access_of(store, USERS["leader"])
    home = HomePage(store, dt.date(2026, 6, 1), None, None, workbooks_dir(), member)
    assert [v for _n, v in home.picker.options] == ["", OWN]
    assert "Coach dashboard" not in home.links.value and "PDSA planner" in home.links.value
    home = HomePage(store, dt.date(2026, 6, 1), None, None, workbooks_dir(), leader)
    assert "PDSA planner" not in home.links.value and "System assessment" in home.links.value
    report = MonthlyReportPage(store, store.team(OWN), dt.date(2026, 6, 1), member)
    assert report.faculty_score is None


def test_the_walk_fails_on_a_broken_gate(store, monkeypatch, capsys):
    """Shown on a deliberately broken gate, which opens every page to everyone: both walks see it."""
    from bsc_widgets.services import read_gate

    monkeypatch.setattr(read_gate, "may_open_page", lambda access, page: True)
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        test_the_gate_answers_every_page_for_every_role_and_team(store, "leader")
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        test_every_notebook_asks_the_gate(store, "leader", monkeypatch, capsys)
