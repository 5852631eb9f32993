"""Workbook 3 (PDSA planner and log) as widgets on a real store: a ramp carried from plan to adopt."""
import datetime as dt

from bsc_widgets.forms.pdsa import NEW, PdsaPage
from bsc_widgets.model import PdsaCycle, TeamChangeIdea, ramps
from bsc_widgets.forms.save_state import save_bar
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)


def open_page(store, team="maple-street-ehs"):
    return PdsaPage(store, store.team(team), TODAY)


def fill(form, **values):
    for name, value in values.items():
        field = form.fields[name]
        if field.kind == "many":
            for (_, v), box in zip(field.choices, field.boxes):
                box.value = v in value
        elif isinstance(value, dt.date):
            field.input.value = f"{value:%m/%d/%Y}"     # typed as a U.S. program writes it
        else:
            field.input.value = value


def test_existing_ramps_are_drawn_as_ramps(sample_store):
    text = widget_text(open_page(sample_store, "sunrise-head-start"))
    assert "<svg" in text and "Ramp of" in text and "Cycle 1:" in text


def test_a_team_carries_a_ramp_from_plan_to_adopt(sample_store):
    page = open_page(sample_store)
    page.picker.value = NEW
    form = page.form
    idea = next(iter(page.ideas))
    fill(form, change_idea_id=idea, title="Song cards at circle", objective="See if song cards help transitions",
         predictions="Fewer than 3 upsets per transition", participant_roles=["teacher", "family"],
         start=dt.date(2026, 11, 2))
    cycle = sample_store.get(PdsaCycle, form.record.id)
    assert cycle is not None and cycle.stage == "Plan" and cycle.participant_roles == ["teacher", "family"]
    assert sample_store.get(TeamChangeIdea, "maple-street-ehs", idea) is not None
    fill(form, do_notes="Ran it for a week", study_notes="2 upsets per transition on average",
         end=dt.date(2026, 11, 9), decision="adapt", next_steps="Try it in both rooms")
    assert "Fewer than 3 upsets" in page.side_by_side.value and "2 upsets" in page.side_by_side.value
    page.next_button.click()
    second = page.form
    assert second.record.version == 0 and second.fields["change_idea_id"].get() == idea
    fill(second, title="Song cards in both rooms", objective="Both rooms", start=dt.date(2026, 11, 16))
    fill(second, study_notes="Works in both rooms", decision="adopt", end=dt.date(2026, 11, 20))
    team_cycles = sample_store.list(PdsaCycle, team_id="maple-street-ehs")
    ramp = next(r for r in ramps(team_cycles) if r.change_idea_id == idea)
    assert [c.title for c in ramp.cycles][-2:] == ["Song cards at circle", "Song cards in both rooms"]
    assert ramp.latest_decision == "adopt"
    assert "Adopted" in page.ramps_html.value


def test_a_new_cycle_waits_for_the_person_then_says_what_is_missing(sample_store):
    """Starting a record shows no error for fields not reached yet; leaving a field, or saving, does."""
    page = open_page(sample_store)
    page.picker.value = NEW
    form = page.form
    before = len(sample_store.list(PdsaCycle))
    fill(form, change_idea_id=next(iter(page.ideas)))
    assert len(sample_store.list(PdsaCycle)) == before
    assert all(f.message.value == "" for f in form.fields.values())
    assert form.message.value == ""
    assert "Not saved yet: fill in Cycle title, Objective." in form.status.value
    assert "Not saved yet: fill in Cycle title, Objective." in save_bar().value
    fill(form, title="  ")                        # left empty: now that field says so, and only that one
    assert "Cycle title is required" in form.fields["title"].message.value
    assert form.fields["objective"].message.value == ""
    form.save_button.click()                      # saving judges every field
    assert "Objective is required" in form.fields["objective"].message.value
    assert len(sample_store.list(PdsaCycle)) == before
    assert "Please check" not in widget_text(form)


def test_a_date_is_read_as_people_write_it_and_shown_back_in_one_form(sample_store):
    page = open_page(sample_store)
    page.picker.value = NEW
    form = page.form
    fill(form, change_idea_id=next(iter(page.ideas)), title="Song cards", objective="Try song cards")
    for typed in ("16 Nov 2026", "11/16/2026", "2026-11-16", "November 16, 2026"):
        form.fields["start"].input.value = typed
        assert form.fields["start"].input.value == "16 November 2026"
        assert sample_store.get(PdsaCycle, form.record.id).start == dt.date(2026, 11, 16)
    form.fields["start"].input.value = "the 16th"
    assert "is not a date we can read" in form.fields["start"].message.value
    assert sample_store.get(PdsaCycle, form.record.id).start == dt.date(2026, 11, 16)


def test_end_before_start_is_named(sample_store):
    page = open_page(sample_store, "sunrise-head-start")
    fill(page.form, end=dt.date(2020, 1, 1))
    assert "before the start date" in widget_text(page.form)


def test_a_cycle_moved_to_the_right_idea_leaves_the_wrong_one_untested(sample_store):
    """Issue "Trust", case 7: planned under the wrong change idea, then moved: the wrong idea is no longer marked
    "testing" (with no cycles) on the diagram or in the report; an idea other cycles still test stays marked."""
    from bsc_widgets.forms.driver_diagram import DriverDiagramPage
    from bsc_widgets.reports.team import team_report_html

    team = "maple-street-ehs"
    page = open_page(sample_store, team)
    tested = {t.change_idea_id for t in sample_store.list(TeamChangeIdea, team_id=team)}
    wrong = next(i for i in page.ideas if i not in tested)
    right = next(i for i in sorted(tested))
    page.picker.value = NEW
    fill(page.form, change_idea_id=wrong, title="Filed under the wrong idea", objective="Try it once")
    assert sample_store.get(TeamChangeIdea, team, wrong) is not None
    fill(page.form, change_idea_id=right)
    assert sample_store.get(TeamChangeIdea, team, wrong) is None
    assert sample_store.get(TeamChangeIdea, team, right) is not None
    diagram = DriverDiagramPage(sample_store, sample_store.team(team), TODAY)
    ticked = {box.description for box in diagram.choices_box.children if box.value}
    assert page.ideas[right].title in ticked and page.ideas[wrong].title not in ticked
    report = team_report_html(sample_store, team, dt.date(2026, 11, 1), TODAY)
    assert page.ideas[wrong].title not in report
