"""The form every workbook edits with, on a real store: autosave, plain problems, conflicts that lose nothing."""
import pytest

from bsc_widgets.forms.fields import Field
from bsc_widgets.forms.record_form import RecordForm
from bsc_widgets.model import Observation, PdsaCycle, Team
from bsc_widgets.services import Actor
from bsc_widgets.store import Store
from tests.support import HOSTILE, TOO_LONG


def team_form(store, team_id="sunrise-head-start"):
    team = store.team(team_id)
    return RecordForm(store, team, [Field(Team, "aim"), Field(Team, "meeting_rhythm")], actor=Actor.for_team(team_id))


def test_a_change_is_saved_at_once_with_the_time_shown(sample_store):
    form = team_form(sample_store)
    form.fields["meeting_rhythm"].input.value = "Thursdays at nap time"
    assert sample_store.team("sunrise-head-start").meeting_rhythm == "Thursdays at nap time"
    assert "Saved at" in form.status.value and 'role="status"' in form.status.value


def test_reloading_shows_what_was_saved(sample_db):
    first = Store.open(sample_db)
    team_form(first).fields["aim"].input.value = "By June 2026, zero send-homes for all toddlers."
    again = team_form(Store.open(sample_db))
    assert again.fields["aim"].input.value == "By June 2026, zero send-homes for all toddlers."


def test_a_too_long_value_is_named_under_its_field_and_nothing_is_saved(sample_store):
    before = sample_store.team("sunrise-head-start")
    form = team_form(sample_store)
    form.fields["meeting_rhythm"].input.value = "x" * 300
    assert "Meeting rhythm is too long: at most 200 characters" in form.fields["meeting_rhythm"].message.value
    assert 'role="alert"' in form.fields["meeting_rhythm"].message.value
    assert sample_store.team("sunrise-head-start") == before
    assert "Not saved" in form.status.value


def test_text_longer_than_any_field_takes_is_refused_with_its_limit(sample_store):
    before = sample_store.team("sunrise-head-start")
    form = team_form(sample_store)
    form.fields["aim"].input.value = TOO_LONG
    assert "Team aim is too long: at most 20,000 characters (this has 105,799)" in form.fields["aim"].message.value
    assert sample_store.team("sunrise-head-start") == before


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_text_is_stored_as_typed_and_shown_escaped(sample_store, kind):
    form = team_form(sample_store)
    form.fields["aim"].input.value = HOSTILE[kind]
    stored = sample_store.team("sunrise-head-start").aim
    assert stored == (HOSTILE[kind].strip() or None)
    assert "<script>" not in form.message.value and "<img" not in form.message.value


def test_two_editors_the_second_gets_a_conflict_and_keeps_their_text(sample_db):
    a, b = team_form(Store.open(sample_db)), team_form(Store.open(sample_db))
    a.fields["meeting_rhythm"].input.value = "A: Mondays"
    b.fields["meeting_rhythm"].input.value = "B: Fridays"
    store = Store.open(sample_db)
    assert store.team("sunrise-head-start").meeting_rhythm == "A: Mondays"
    assert "changed by someone else" in b.message.value and 'role="alert"' in b.message.value
    assert b.fields["meeting_rhythm"].input.value == "B: Fridays"
    assert b.conflict_box.layout.display == "flex"
    # seeing their version keeps B's text on the page
    b.show_theirs()
    assert b.fields["meeting_rhythm"].input.value == "A: Mondays"
    assert "B: Fridays" in b.kept.value
    # ...and B may still choose, on purpose, to save theirs
    b.fields["meeting_rhythm"].input.value = "B: Fridays"
    assert store.team("sunrise-head-start").meeting_rhythm == "B: Fridays"


def test_save_mine_over_theirs_is_explicit(sample_db):
    a, b = team_form(Store.open(sample_db)), team_form(Store.open(sample_db))
    a.fields["aim"].input.value = "Aim from A"
    b.fields["aim"].input.value = "Aim from B"
    assert Store.open(sample_db).team("sunrise-head-start").aim == "Aim from A"
    b.save_mine_over_theirs()
    assert Store.open(sample_db).team("sunrise-head-start").aim == "Aim from B"
    assert "Saved at" in b.status.value


def test_numbers_typed_as_text_get_plain_answers(sample_store):
    obs = sample_store.list(Observation, team_id="sunrise-head-start", measure_id="positive-feedback")[-1]
    form = RecordForm(sample_store, obs, [Field(Observation, "numerator"), Field(Observation, "denominator")],
                      actor=Actor.for_team(obs.team_id))
    form.fields["numerator"].input.value = "abc"
    assert "Numerator must be a number; “abc” is not" in form.fields["numerator"].message.value
    form.fields["numerator"].input.value = "-3"
    assert "Numerator must be at least 0" in form.fields["numerator"].message.value
    form.fields["numerator"].input.value = "999"
    assert "larger than the denominator" in form.message.value + form.fields["numerator"].message.value
    assert sample_store.get(Observation, *obs.key()) == obs


def test_roles_are_checkboxes_with_labels(sample_store):
    cycle = sample_store.list(PdsaCycle, team_id="sunrise-head-start")[0]
    field = Field(PdsaCycle, "participant_roles", choices={"family": "Family member"})
    form = RecordForm(sample_store, cycle, [field], actor=Actor.for_team(cycle.team_id))
    labels = [b.description for b in field.boxes]
    assert "Family member" in labels
    for box in field.boxes:
        box.value = True
    assert len(sample_store.get(PdsaCycle, cycle.id).participant_roles) == 4
    assert "Saved at" in form.status.value
