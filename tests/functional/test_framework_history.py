"""Versioned framework edits on a real store: renamed ideas keep their history, used measures are retired."""
import datetime as dt

import ipywidgets as w
import pytest

from bsc_widgets.base.errors import InvalidRecord
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.analysis.framework_history import history, wording_on
from bsc_widgets.services import COMMAND_LINE, Actor
from bsc_widgets.services.framework import retire, save_framework
from bsc_widgets.model import ChangeIdea, FrameworkChange, Measure, Observation, PdsaCycle, StratumObservation
from tests import builders
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def store(empty_store):
    """A collaborative with one team, which tests one change idea and enters data on one measure."""
    builders.collaborative(empty_store)
    builders.team(empty_store, "t")
    builders.idea(empty_store, "visual-schedules", title="A visual schedule in every room")
    builders.cycle(empty_store, "t", "visual-schedules")
    builders.measure(empty_store, "send-homes", kind="count", direction="down",
                     operational_definition="Children sent home early, counted each month.")
    builders.observations(empty_store, "t", "send-homes", [3, 2, 4])
    return empty_store


def test_a_renamed_change_idea_keeps_its_cycles_and_its_old_name(store):
    idea = store.require(ChangeIdea, "visual-schedules")
    cycles = store.list(PdsaCycle, change_idea_id=idea.id)
    assert cycles
    save_framework(store, Actor.collaborative("Dr. Okafor"),
                   idea.model_copy(update={"title": "A picture schedule in every room"}), TODAY)
    assert store.list(PdsaCycle, change_idea_id=idea.id) == cycles
    changes = history(store, idea)
    assert [(c.field, c.before, c.after, c.changed_by) for c in changes] == [
        ("title", "A visual schedule in every room", "A picture schedule in every room", "Dr. Okafor")]
    renamed = store.require(ChangeIdea, idea.id)
    assert wording_on(renamed, "title", changes, dt.date(2026, 1, 1)) == "A visual schedule in every room"
    assert wording_on(renamed, "title", changes, TODAY) == "A picture schedule in every room"


def test_a_reworded_measure_records_what_earlier_data_was_entered_against(store):
    m = store.require(Measure, "send-homes")
    before = len(store.list(Observation, measure_id=m.id))
    save_framework(store, COMMAND_LINE, m.model_copy(update={"operational_definition": "New wording."}), TODAY)
    change, = history(store, m)
    assert change.field == "operational_definition" and change.before == m.operational_definition
    assert len(store.list(Observation, measure_id=m.id)) == before


def test_a_deleted_measure_with_data_is_retired_and_its_data_kept(sample_store):
    m = sample_store.require(Measure, "family-notes")
    data = sample_store.list(Observation, measure_id=m.id)
    groups = sample_store.list(StratumObservation, measure_id=m.id)
    assert retire(sample_store, COMMAND_LINE, m, TODAY) == "retired"
    retired = sample_store.require(Measure, m.id)
    assert retired.retired_on == TODAY and not retired.is_current()
    assert sample_store.list(Observation, measure_id=m.id) == data
    assert sample_store.list(StratumObservation, measure_id=m.id) == groups
    assert [c.field for c in history(sample_store, m)] == ["retired_on"]
    with pytest.raises(InvalidRecord) as caught:  # nothing new dated on or after the retirement
        sample_store.save(Observation(team_id="hearth-fcc", measure_id=m.id, period=dt.date(2026, 11, 23),
                                      numerator=1, denominator=20))
    assert "was retired on 22 November 2026" in str(caught.value.problems[0])


def test_a_measure_no_team_used_is_simply_deleted(sample_store):
    new = sample_store.save(Measure(id="unused", name="Unused", type="process", kind="count",
                                    operational_definition="x", direction="up"))
    assert retire(sample_store, COMMAND_LINE, new, TODAY) == "deleted"
    assert sample_store.get(Measure, "unused") is None
    assert not sample_store.list(FrameworkChange, record_id="unused")


def test_edits_before_any_team_uses_a_record_are_not_history(sample_store):
    new = sample_store.save(Measure(id="draft", name="Draft", type="process", kind="count",
                                    operational_definition="x", direction="up"))
    save_framework(sample_store, COMMAND_LINE, new.model_copy(update={"name": "Draft 2"}), TODAY)
    assert history(sample_store, new) == []


def test_the_sample_shows_a_retired_measure_and_a_renamed_idea(sample_store):
    retired = sample_store.require(Measure, "circle-minutes")
    assert not retired.is_current() and sample_store.list(Observation, measure_id="circle-minutes")
    renamed = sample_store.require(ChangeIdea, "feeling-word")
    assert history(sample_store, renamed)[0].before == "A feelings chart at circle time"
    assert any(c.start < history(sample_store, renamed)[0].changed_on
               for c in sample_store.list(PdsaCycle, change_idea_id="feeling-word")), "cycles under the old name"


def _pick(editor, label_start):
    editor.picker.value = next(v for label, v in editor.picker.options if label.startswith(label_start))


def test_the_setup_page_renames_retires_and_restores_through_the_history(sample_store):
    page = SetupPage(sample_store, TODAY)
    page.editor_name.value = "Faculty lead"
    editors = {e.noun: e for e in _walk(page) if hasattr(e, "noun") and hasattr(e, "picker")}
    ideas = editors["change idea"]
    _pick(ideas, "A feeling word of the week")
    ideas.form.fields["title"].input.value = "Feeling words every day"
    assert sample_store.require(ChangeIdea, "feeling-word").title == "Feeling words every day"
    assert [c.before for c in history(sample_store, sample_store.require(ChangeIdea, "feeling-word"))] == [
        "A feelings chart at circle time", "A feeling word of the week at circle time"]
    measures = editors["measure"]
    _pick(measures, "Average teacher stress rating")
    measures.remove_button.click()
    assert "is retired: teams have used it" in measures.message.value
    assert not sample_store.require(Measure, "staff-stress").is_current()
    _pick(measures, "Average teacher stress rating (retired)")
    assert "Retired on 22 November 2026" in widget_text(measures)
    back = next(b for b in _walk(measures) if getattr(b, "description", "") == "Bring it back into use")
    back.click()
    assert sample_store.require(Measure, "staff-stress").is_current()
    assert history(sample_store, sample_store.require(Measure, "staff-stress"))[-1].changed_by == "Faculty lead"


def test_the_setup_page_adds_a_team_with_an_identifier_from_its_name(sample_store):
    page = SetupPage(sample_store, TODAY)
    teams = next(e for e in _walk(page) if getattr(e, "noun", None) == "team")
    teams.form.fields["name"].input.value = "Niños Felices <b>FCC</b>"
    teams.form.fields["program_type"].input.value = "family_child_care_network"
    teams.form.save_button.click()
    added = next(t for t in sample_store.teams() if t.name.startswith("Niños"))
    assert added.id == "ninos-felices-b-fcc-b"
    shown = [x.value for x in _walk(teams) if isinstance(x, w.HTML)]
    assert any("Niños Felices &lt;b&gt;FCC&lt;/b&gt;" in v for v in shown)
    assert not any("<b>FCC</b>" in v for v in shown)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_an_edit_keeps_its_form_says_saved_and_shows_the_new_history(sample_store):
    page = SetupPage(sample_store, TODAY)
    ideas = next(e for e in _walk(page) if getattr(e, "noun", None) == "change idea")
    _pick(ideas, "Solution kit")
    form = ideas.form
    form.fields["title"].input.value = "A solution kit in every room"
    assert ideas.form is form and "Saved at" in form.status.value
    assert "changed from “Solution kit for problem solving between children”" in widget_text(ideas.extras)
    assert any(label == "A solution kit in every room" for label, _ in ideas.picker.options)
    assert ideas.heading.value == "<h3>Edit A solution kit in every room</h3>"
