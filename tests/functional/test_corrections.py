"""Correct and undo, on a real store: a mistaken period, a PDSA cycle or a member taken out, kept whole with who
and when, listed to undo, put back exactly, and carried by export and import; views leave it out."""
import datetime as dt

import pytest

from bsc_widgets.base.errors import ConflictError, NotAllowed
from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.measures import MeasuresPage
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.recent_changes import RecentChanges
from bsc_widgets.model import Attendance, Measure, Member, Observation, PdsaCycle, Removal, StratumObservation
from bsc_widgets.portable import read_folder, write_folder
from bsc_widgets.services import Actor, add, remove, save
from bsc_widgets.services.removals import put_back, recent_removals, remove_period
from bsc_widgets.services.workspace import load_collaborative
from bsc_widgets.store import Store
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)
TEAM = "riverbend-prek"
OCTOBER = dt.date(2026, 10, 1)


def test_a_period_and_its_group_figures_come_out_together_and_go_back_exactly(sample_store):
    measure = sample_store.require(Measure, "family-notes")          # shown by group
    period = sample_store.list(StratumObservation, team_id=TEAM, measure_id=measure.id)[-1].period
    before = (sample_store.get(Observation, TEAM, measure.id, period),
              sample_store.list(StratumObservation, team_id=TEAM, measure_id=measure.id, period=period))
    assert before[0] is not None and before[1]
    actor = Actor.for_team(TEAM, "Rosa")
    removal = remove_period(sample_store, actor, TEAM, measure, period)
    assert sample_store.get(Observation, TEAM, measure.id, period) is None
    assert sample_store.list(StratumObservation, team_id=TEAM, measure_id=measure.id, period=period) == []
    assert removal.removed_by == "Rosa" and removal.removed_at.date() == dt.date.today()
    assert recent_removals(sample_store, TEAM)[0].id == removal.id
    assert len(removal.records()) == 1 + len(before[1])

    put_back(sample_store, actor, removal)
    back = sample_store.get(Observation, TEAM, measure.id, period)
    assert back.model_dump(exclude={"version"}) == before[0].model_dump(exclude={"version"})
    assert len(sample_store.list(StratumObservation, team_id=TEAM, measure_id=measure.id, period=period)) == len(before[1])
    kept = sample_store.get(Removal, removal.id)
    assert kept.restored_at is not None and kept.restored_by == "Rosa"      # the history stays
    assert recent_removals(sample_store, TEAM) == []


def test_putting_back_over_a_new_entry_is_refused_and_writes_nothing(sample_store):
    measure = sample_store.require(Measure, "positive-feedback")
    actor = Actor.for_team(TEAM)
    removal = remove_period(sample_store, actor, TEAM, measure, OCTOBER)
    save(sample_store, actor, Observation.build(team_id=TEAM, measure_id=measure.id, period=OCTOBER, numerator=1,
                                                denominator=2, version=0))
    with pytest.raises(ConflictError, match="again since it was removed"):
        put_back(sample_store, actor, sample_store.get(Removal, removal.id))
    assert sample_store.get(Observation, TEAM, measure.id, OCTOBER).numerator == 1
    assert sample_store.get(Removal, removal.id).restored_at is None


def test_another_teams_page_can_neither_remove_nor_put_back(sample_store):
    cycle = sample_store.list(PdsaCycle, team_id=TEAM)[0]
    with pytest.raises(NotAllowed):
        remove(sample_store, Actor.for_team("hearth-fcc"), cycle)
    removal = remove(sample_store, Actor.for_team(TEAM), cycle)
    with pytest.raises(NotAllowed):
        put_back(sample_store, Actor.for_team("hearth-fcc"), removal)
    assert sample_store.get(PdsaCycle, cycle.id) is None


def test_a_member_who_took_part_leaves_and_one_added_by_mistake_is_removed(sample_store):
    attended = {a.member_id for a in sample_store.list(Attendance)}
    members = sample_store.list(Member, team_id=TEAM)
    took_part = next(m for m in members if m.id in attended)
    actor = Actor.for_team(TEAM)
    left = remove(sample_store, actor, took_part, on=dt.date(2026, 10, 31))
    assert isinstance(left, Member) and left.left_on == dt.date(2026, 10, 31)
    assert sample_store.list(Attendance, member_id=took_part.id)                # their attendance stays true
    mistake = add(sample_store, actor, Member.build(id="new", team_id=TEAM, name="Typo Person", role="staff",
                                                    version=0))
    removal = remove(sample_store, actor, mistake)
    assert isinstance(removal, Removal) and sample_store.get(Member, mistake.id) is None


def test_the_history_travels_with_an_export_and_can_be_undone_after_import(sample_store, tmp_path):
    measure = sample_store.require(Measure, "positive-feedback")
    removal = remove_period(sample_store, Actor.for_team(TEAM, "Rosa"), TEAM, measure, OCTOBER)
    write_folder(sample_store.dataset(), tmp_path / "export")
    assert removal.id in (tmp_path / "export" / "removals.csv").read_text()
    other = Store.open(str(tmp_path / "other.sqlite"), create=True)
    load_collaborative(other, Actor(name="command line"), read_folder(tmp_path / "export"))
    imported = other.get(Removal, removal.id)
    assert imported.removed_by == "Rosa" and imported.records() == removal.records()
    put_back(other, Actor.for_team(TEAM), imported)
    assert other.get(Observation, TEAM, measure.id, OCTOBER) is not None


def test_the_pages_remove_and_undo(sample_store):
    measures = MeasuresPage(sample_store, sample_store.team(TEAM), TODAY)
    measures.period_picker.value = OCTOBER
    button = next(b for b in measures.entry.children if getattr(b, "description", "") == "Remove this period’s numbers")
    button.click()
    assert sample_store.get(Observation, TEAM, "positive-feedback", OCTOBER) is None
    assert "Removed the numbers" in widget_text(measures.recent)
    assert "October 2026 — no data yet" in [label for label, _ in measures.period_picker.options]
    measures.recent.undo_buttons[0].click()
    assert sample_store.get(Observation, TEAM, "positive-feedback", OCTOBER) is not None
    assert measures.recent.undo_buttons == [] and "Put back: the numbers for October 2026." in widget_text(measures.recent)
    assert RecentChanges(sample_store, Actor.for_team(TEAM), TEAM, ("observations",)).children == ()  # nothing to list

    pdsa = PdsaPage(sample_store, sample_store.team(TEAM), TODAY)
    cycle_id = pdsa.form.record.id
    pdsa.remove_button.click()
    assert sample_store.get(PdsaCycle, cycle_id) is None and "Undo" in widget_text(pdsa.recent)

    charter = CharterPage(sample_store, sample_store.team(TEAM), TODAY)
    attended = {a.member_id for a in sample_store.list(Attendance)}
    member = next(m for m in charter.members if m.id in attended)
    charter.member_picker.value = member.id
    charter.remove_button.click()
    assert sample_store.get(Member, member.id).left_on == TODAY
    assert "membership ended on 22 November 2026" in widget_text(charter.recent)
    assert member.name not in widget_text(charter.roster).split("left the team")[0]
