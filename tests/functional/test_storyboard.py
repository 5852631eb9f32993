"""Storyboards: drafted from a team's own data as of a session's first day, three short parts in its words, a
poster to print, and every team's on one page for faculty."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bsc_widgets.analysis.storyboard import storyboard
from bsc_widgets.base.errors import InvalidRecord, NotAllowed
from bsc_widgets.cli import main
from bsc_widgets.forms.storyboard import StoryboardPage
from bsc_widgets.forms.storyboards import StoryboardsPage
from bsc_widgets.model import Phase, Storyboard
from bsc_widgets.services import Actor, add
from tests import builders
from tests.support import widget_text

TODAY = dt.date(2026, 6, 20)
TEAM = "our-team"
ROLES = "Teacher: 1, Family member: 1"


@pytest.fixture
def store(empty_store):
    """Two learning sessions; a team with two members, one measure of monthly data, and cycles before and after
    the first session."""
    builders.collaborative(empty_store)
    for n, start in ((1, dt.date(2026, 3, 2)), (2, dt.date(2026, 7, 6))):
        empty_store.save(Phase(id=f"ls{n}", kind="learning_session", number=n, name=f"Learning Session {n}",
                               start=start, end=start + dt.timedelta(days=1)))
    builders.team(empty_store, TEAM, name="Our Team", aim="No send-homes by June.")
    builders.member(empty_store, TEAM, role="teacher", name="Private Name")
    builders.member(empty_store, TEAM, role="family", name="Another Name")
    builders.measure(empty_store, "notes", name="Positive notes home")
    builders.observations(empty_store, TEAM, "notes", [40, 42, 39, 41, 38, 40, 43, 37, 60, 61], denominator=100)
    builders.idea(empty_store, "songs", title="Transition songs")
    builders.cycle(empty_store, TEAM, "songs", title="Before the first session", start=dt.date(2026, 1, 5),
                   end=dt.date(2026, 1, 20))
    builders.cycle(empty_store, TEAM, "songs", title="Songs at clean-up", start=dt.date(2026, 4, 6),
                   end=dt.date(2026, 4, 20), decision="adapt", study_notes="Clean-up took 4 minutes less.")
    builders.cycle(empty_store, TEAM, "songs", title="After the session began", start=dt.date(2026, 7, 10))
    return empty_store


def test_the_draft_holds_the_teams_aim_roles_charts_and_the_cycles_since_the_session_before(store):
    board = storyboard(store, TEAM, "ls2")
    assert board.aim == "No send-homes by June." and board.roles == ROLES
    assert board.since == dt.date(2026, 3, 2) and board.day == dt.date(2026, 7, 6)
    assert [c.title for c in board.cycles] == ["Songs at clean-up"]     # not before ls1, nothing after ls2 began
    assert [len(r.cycles) for r in board.ramps] == [2]                  # its whole ramp, as far as it had got
    page = StoryboardPage(store, store.team(TEAM), TODAY)
    assert page.session.value == "ls2"                                   # the session the team prepares for
    text = widget_text(page)
    assert "Songs at clean-up" in text and "Clean-up took 4 minutes less." in text
    assert "<svg class=\"bsc-print-chart\"" in page.board.value and "Positive notes home" in text
    assert "Private Name" not in page.board.value, "the team by role, never by name"


def test_the_team_writes_its_three_parts_and_the_poster_carries_them(store):
    page = StoryboardPage(store, store.team(TEAM), TODAY)
    page.form.fields["learned"].input.value = "Songs beat reminders."
    page.form.fields["need"].input.value = "Ideas for toddlers."
    assert store.get(Storyboard, TEAM, "ls2").learned == "Songs beat reminders."
    assert "Songs beat reminders." in page.board.value and "Ideas for toddlers." in page.board.value
    posters = [label for label, _stem, _make in page.print_links.sheets]
    assert posters == ["Poster, letter", "Poster, tabloid (11 × 17 in)", "Poster, A3"]
    a3 = page.print_links.sheets[2][2]()
    assert "@page {size: A3" in a3 and "Songs beat reminders." in a3


def test_a_storyboard_is_for_a_session_and_only_the_teams_own(store):
    with pytest.raises(InvalidRecord, match="A storyboard is for a learning session"):
        add(store, Actor.for_team(TEAM), Storyboard(team_id=TEAM, phase_id="ap1", learned="x"))
    builders.team(store, "other", name="Other")
    with pytest.raises(NotAllowed):
        add(store, Actor.for_team("other"), Storyboard(team_id=TEAM, phase_id="ls2", learned="Not ours"))
    assert store.list(Storyboard) == []


def test_faculty_read_every_teams_storyboard_for_a_session_on_one_page(store):
    builders.team(store, "late", name="Late Joiner", joined=dt.date(2026, 8, 1))
    builders.team(store, "second", name="Second Team")
    page = StoryboardsPage(store, TODAY)
    text = widget_text(page)
    assert "Our Team" in text and "Second Team" in text and "Late Joiner" not in text   # not in it before ls2
    page.session.value = "ls1"
    assert "Our Team" in widget_text(page) and "Before the first session" in widget_text(page)


def test_bsc_print_storyboard_writes_the_poster_and_says_plainly_what_is_missing(store, tmp_path):
    db = store.url.replace("sqlite:///", "")
    runner = CliRunner()
    done = runner.invoke(main, ["print", "storyboard", "--db", db, "--team", TEAM, "--session", "2", "--size",
                                "tabloid", "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    poster = tmp_path / "storyboard-our-team-ls2-tabloid.html"
    assert "@page {size: 11in 17in" in poster.read_text(encoding="utf-8")
    every = runner.invoke(main, ["print", "storyboard", "--db", db, "--session", "2", "--out", str(tmp_path)])
    assert every.exit_code == 0, every.output       # without --team: every team's, one poster to a page
    posters = (tmp_path / "storyboards-ls2-letter.html").read_text(encoding="utf-8")
    assert posters.count('class="bsc-report bsc-poster"') == 1 and "Our Team" in posters
    sheet = runner.invoke(main, ["print", "pdsa", "--db", db, "--out", str(tmp_path)])
    assert sheet.exit_code != 0 and "Missing option “--team”" in sheet.output
    missing = runner.invoke(main, ["print", "storyboard", "--db", db, "--team", TEAM, "--out", str(tmp_path)])
    assert missing.exit_code != 0 and "give --session" in missing.output and "Traceback" not in missing.output
    beyond = runner.invoke(main, ["print", "storyboard", "--db", db, "--team", TEAM, "--session", "7",
                                  "--out", str(tmp_path)])
    assert beyond.exit_code != 0 and "There is no session 7: this collaborative has 2" in beyond.output
