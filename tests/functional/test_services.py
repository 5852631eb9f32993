"""The service layer, the one place every write goes through: who may write what, and what one write means.

Each test builds its own small workspace (tests/builders.py) on an empty store.
"""
import datetime as dt

import pytest

from bsc_widgets.base.errors import ConflictError, NotAllowed
from bsc_widgets.model import Measure, Member, Observation, PdsaCycle, TeamChangeIdea
from bsc_widgets.services import Actor, add, remove, save
from bsc_widgets.services.measures import save_measure_rows
from bsc_widgets.services.pdsa import plan_cycle, set_testing
from bsc_widgets.services.workspace import load_collaborative
from tests import builders


@pytest.fixture
def two_teams(empty_store):
    builders.collaborative(empty_store)
    mine, theirs = builders.team(empty_store, "mine"), builders.team(empty_store, "theirs")
    builders.measure(empty_store, "feedback")
    builders.idea(empty_store, "songs")
    return empty_store, mine, theirs


def test_a_team_page_writes_its_own_team_only(two_teams):
    store, mine, theirs = two_teams
    me = Actor.for_team(mine.id)
    added = add(store, me, Member(id="new", team_id=mine.id, name="Ana", role="family"))
    assert added.id == "mine-member" and store.get(Member, added.id).name == "Ana"
    with pytest.raises(NotAllowed, match="another team’s records"):
        add(store, me, Member(id="new", team_id=theirs.id, name="Bo", role="family"))
    with pytest.raises(NotAllowed, match="another team’s records"):
        save(store, me, theirs.model_copy(update={"aim": "Ours now"}))
    with pytest.raises(NotAllowed, match="the collaborative’s set-up"):
        save(store, me, store.get(Measure, "feedback").model_copy(update={"name": "Renamed by a team"}))
    assert [m.name for m in store.list(Member)] == ["Ana"]


def test_a_team_page_cannot_move_another_teams_record_into_its_own(two_teams):
    store, mine, theirs = two_teams
    their_member = builders.member(store, theirs.id, name="Bo")
    claimed = their_member.model_copy(update={"team_id": mine.id, "name": "Ours now"})
    with pytest.raises(NotAllowed, match="another team’s records"):
        save(store, Actor.for_team(mine.id), claimed)
    with pytest.raises(NotAllowed):
        remove(store, Actor.for_team(mine.id), claimed)
    assert store.get(Member, their_member.id).team_id == theirs.id


def test_the_collaborative_writes_anything(two_teams):
    store, mine, theirs = two_teams
    everyone = Actor.collaborative("Advisor")
    save(store, everyone, theirs.model_copy(update={"aim": "Set by the advisor"}))
    assert store.team(theirs.id).aim == "Set by the advisor"


def test_a_team_page_cannot_bring_another_teams_rows_in_a_sheet(two_teams):
    store, mine, theirs = two_teams
    rows = [["Team", "Month", "Numerator", "Denominator"], ["theirs", "2026-03", "1", "2"]]
    with pytest.raises(Exception, match="holds rows for other teams"):
        save_measure_rows(store, Actor.for_team(mine.id), rows, "sheet.csv", measure="feedback")
    assert store.list(Observation) == []


def test_planning_a_cycle_marks_its_idea_as_tested_in_the_same_write(two_teams):
    store, mine, _ = two_teams
    planned = plan_cycle(store, Actor.for_team(mine.id), PdsaCycle(
        id="new", team_id=mine.id, change_idea_id="songs", title="Song cards", objective="Calmer transitions",
        start=dt.date(2026, 3, 2)))
    assert planned.id == "mine-songs" and store.get(TeamChangeIdea, mine.id, "songs") is not None
    set_testing(store, Actor.for_team(mine.id), mine.id, "songs", False)
    set_testing(store, Actor.for_team(mine.id), mine.id, "songs", False)  # twice: the same outcome
    assert store.get(TeamChangeIdea, mine.id, "songs") is None


def test_a_stale_remove_is_refused(two_teams):
    store, mine, _ = two_teams
    member = builders.member(store, mine.id)
    save(store, Actor.for_team(mine.id), member.model_copy(update={"name": "Renamed"}))
    with pytest.raises(ConflictError):
        remove(store, Actor.for_team(mine.id), member)  # the copy read before the rename


def test_only_the_collaborative_may_replace_the_whole_workspace(two_teams):
    store, mine, _ = two_teams
    with pytest.raises(NotAllowed):
        load_collaborative(store, Actor.for_team(mine.id), store.dataset(), replace=True)
