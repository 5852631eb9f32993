"""Two people editing one record (issue "Trust", cases 1 and 2): merged by field, a clash chosen, a record gone said,
a form that saves only onto the record chosen. Real forms on a real SQLite workspace; the property test edits every
record type the product's forms edit."""
import datetime as dt
import shutil

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from bsc_widgets import services
from bsc_widgets.forms.fields import Field, field_kind
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.record_form import RecordForm
from bsc_widgets.model import (AffinityGroup, AssessmentLevel, AssessmentScore, ChangeIdea, Collaborative, Driver,
                               Event, Grouping, Measure, Member, MonthlyReport, Observation, PdOffering, PdsaCycle,
                               Phase, Stratum, Team)
from bsc_widgets.model.merge import three_way
from bsc_widgets.services import Actor
from bsc_widgets.store import Store

TEAM = "maple-street-ehs"
TODAY = dt.date(2026, 11, 22)
EDITED = [Collaborative, Phase, AssessmentLevel, Measure, Driver, ChangeIdea, Team, AffinityGroup, Member, PdsaCycle,
          Observation, Event, MonthlyReport, AssessmentScore, Grouping, Stratum, PdOffering]


def two_forms(db, record, names):
    """The same record open in two people's pages (two store handles, as two kernels have)."""
    forms = []
    for _ in range(2):
        store = Store.open(db)
        fields = [Field(type(record), n) for n in names]
        forms.append(RecordForm(store, store.get(type(record), *record.key()), fields, actor=Actor.collaborative(),
                                autosave=False))
    return forms


def type_into(form, values):
    for name, value in values.items():
        form.fields[name].set(value)
    form.save_button.click()


# ---- case 1: "Save mine over theirs" never reverts the other person's other fields -------------------------

def test_the_other_persons_change_to_another_field_is_kept_and_both_are_told(sample_db):
    """A changes Questions and saves; B, from the same version, changes Objective: both are kept, B is told whose
    change is where, and the form now shows A's Questions."""
    store = Store.open(sample_db)
    cycle = store.list(PdsaCycle, team_id=TEAM)[0]
    a, b = two_forms(sample_db, cycle, ["objective", "questions"])
    type_into(a, {"questions": "A's questions"})
    type_into(b, {"objective": "B's objective"})
    stored = store.get(PdsaCycle, cycle.id)
    assert (stored.questions, stored.objective) == ("A's questions", "B's objective")
    said = b.message.value
    assert "both changes are kept" in said and "Theirs: Questions." in said and "Yours: Objective." in said
    assert b.fields["questions"].input.value == "A's questions" and "Saved at" in b.status.value


def test_a_field_both_changed_is_shown_side_by_side_and_chosen(sample_db):
    store = Store.open(sample_db)
    cycle = store.list(PdsaCycle, team_id=TEAM)[0]
    a, b = two_forms(sample_db, cycle, ["objective", "questions", "predictions"])
    type_into(a, {"objective": "A's objective", "questions": "A's questions"})
    type_into(b, {"objective": "B's objective", "predictions": "B's predictions"})
    assert store.get(PdsaCycle, cycle.id).objective == "A's objective"         # nothing saved before B chooses
    assert "you both changed Objective" in b.message.value and 'role="alert"' in b.message.value
    shown = "".join(c.value for c in b.conflict_box.children if hasattr(c, "value") and isinstance(c.value, str))
    assert "A&#39;s objective" in shown and "B&#39;s objective" in shown
    b.choices["objective"].value = "theirs"
    b.keep_button.click()
    stored = store.get(PdsaCycle, cycle.id)
    assert (stored.objective, stored.questions, stored.predictions) == ("A's objective", "A's questions",
                                                                        "B's predictions")
    assert "theirs was kept as you chose: Objective" in b.message.value and "Yours: Predictions" in b.message.value


def test_roles_ticked_by_each_person_are_all_kept(sample_db):
    store = Store.open(sample_db)
    cycle = next(c for c in store.list(PdsaCycle, team_id=TEAM) if 0 < len(c.participant_roles) < 4)
    a, b = two_forms(sample_db, cycle, ["participant_roles"])
    before = list(cycle.participant_roles)
    added_a = next(r for r in ("administrator", "teacher", "staff", "family") if r not in before)
    type_into(a, {"participant_roles": before + [added_a]})
    type_into(b, {"participant_roles": before[1:]})             # B took one away
    assert sorted(store.get(PdsaCycle, cycle.id).participant_roles) == sorted(before[1:] + [added_a])


# ---- the property: any record type, any two people's edits ----------------------------------------------

def _editable(model):
    return [n for n in model.model_fields if n not in model.KEY and n != "version" and n != "team_id"
            and field_kind(model, n) in ("text", "long", "number", "choice", "many", "date")]


@st.composite
def two_peoples_edits(draw, pristine):
    store = Store.open(pristine, read_only=True)
    model = draw(st.sampled_from(EDITED))
    records = store.list(model)
    record = draw(st.sampled_from(records))
    names = _editable(model)
    assume(names)

    def value_for(name, who):
        pool = {getattr(r, name) for r in records if not isinstance(getattr(r, name), list)}
        if field_kind(model, name) in ("text", "long"):
            pool |= {f"{who} typed this in {name}"}
        if isinstance(getattr(record, name), list):
            return draw(st.sampled_from([getattr(r, name) for r in records]))
        return draw(st.sampled_from(sorted(pool, key=repr)))

    edits = []
    for who in ("A", "B"):
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
        edits.append({n: value_for(n, who) for n in chosen})
    clash_choice = draw(st.sampled_from(["mine", "theirs"]))
    store.close()
    return model, record, names, edits, clash_choice


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_no_field_either_person_changed_alone_is_lost(pristine_db, tmp_path_factory, data):
    model, record, names, (edits_a, edits_b), clash_choice = data.draw(two_peoples_edits(pristine_db))
    db = tmp_path_factory.mktemp("merge") / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    store = Store.open(db)
    a, b = two_forms(db, record, names)
    type_into(a, edits_a)
    after_a = store.get(model, *record.key())
    assume(after_a.version == record.version + 1)               # A's edit was a valid record, and saved
    for name, value in edits_b.items():
        b.fields[name].set(value)
    mine = b.candidate()
    assume(mine is not None)
    merge = three_way(record, after_a, mine, names)
    event(f"{model.NOUN}: " + ", ".join(k for k in ("mine", "theirs", "both", "clashes") if getattr(merge, k)))
    b.save_button.click()
    if b.conflict_box.layout.display == "flex":
        for pick in b.choices.values():
            pick.value = clash_choice
        b.keep_button.click()
    final = store.get(model, *record.key())
    assume(final.version == after_a.version + 1)                # B's merged record was valid, and saved
    for name in names:
        if name in merge.mine:
            assert getattr(final, name) == getattr(mine, name), (model.NOUN, name, "B's change was lost")
        elif name in merge.theirs:
            assert getattr(final, name) == getattr(after_a, name), (model.NOUN, name, "A's change was reverted")
        elif name in merge.clashes:
            assert getattr(final, name) == getattr(mine if clash_choice == "mine" else after_a, name), name
        elif name in merge.both:
            for item in set(getattr(after_a, name)) - set(getattr(record, name)):
                assert item in getattr(final, name), (name, "an item A added was lost")
            for item in set(getattr(mine, name)) - set(getattr(record, name)):
                assert item in getattr(final, name), (name, "an item B added was lost")
    store.close()


# ---- case 2: a form saves only onto the record the person chose ----------------------------------------

def test_a_cycle_removed_by_one_person_is_never_written_by_another_onto_a_different_cycle(sample_db):
    """A removes cycle X. B's page still lists X; B picks X, types an Objective: nothing is written anywhere, the
    form is emptied and closed, B's text is listed to copy, and the list no longer offers X."""
    a_store, b_store = Store.open(sample_db), Store.open(sample_db)
    page_a = PdsaPage(a_store, a_store.team(TEAM), TODAY)
    page_b = PdsaPage(b_store, b_store.team(TEAM), TODAY)
    shown_before = page_b.form.record                         # Y, the cycle B's page opened on
    x = next(c for c in page_a.cycles if c.id != shown_before.id)
    page_a.picker.value = x.id
    page_a.remove_button.click()
    assert a_store.get(PdsaCycle, x.id) is None
    everything_before = {c.id: c for c in b_store.list(PdsaCycle, team_id=TEAM)}

    page_b.picker.value = x.id                                  # still in B's list
    form = page_b.form
    assert form.read_only and "was removed by" in form.message.value
    assert x.id not in [v for _, v in page_b.picker.options] and page_b.picker.value is None
    form.fields["objective"].input.value = "B's objective, meant for X"
    assert {c.id: c for c in b_store.list(PdsaCycle, team_id=TEAM)} == everything_before


def test_a_form_open_when_its_cycle_is_removed_keeps_the_text_and_saves_nothing(sample_db):
    a_store, b_store = Store.open(sample_db), Store.open(sample_db)
    page_b = PdsaPage(b_store, b_store.team(TEAM), TODAY)
    x = page_b.form.record
    services.remove(a_store, Actor.for_team(TEAM, name="Ana López"), a_store.get(PdsaCycle, x.id))
    before = {c.id: c for c in b_store.list(PdsaCycle, team_id=TEAM)}
    page_b.form.fields["objective"].input.value = "Typed after it was removed"
    assert "was removed by Ana López" in page_b.form.message.value
    assert "Typed after it was removed" in page_b.form.kept.value
    assert page_b.form.read_only and page_b.form.fields["objective"].input.value == ""
    assert {c.id: c for c in b_store.list(PdsaCycle, team_id=TEAM)} == before
    assert b_store.get(PdsaCycle, x.id) is None                   # not quietly added back either


def test_text_typed_while_the_page_switches_cycles_is_never_saved_onto_the_old_one(sample_db):
    """The person picks another cycle and types before the page has redrawn: the message reaches the old form,
    which the page has retired. Nothing is written onto the old cycle; the text is listed on the new one."""
    store = Store.open(sample_db)
    page = PdsaPage(store, store.team(TEAM), TODAY)
    old_form, y = page.form, page.form.record
    x = next(c for c in page.cycles if c.id != y.id)
    page.picker.value = x.id
    assert page.form is not old_form and page.form.record.id == x.id
    old_form.fields["objective"].input.value = "Typed while the page switched"      # a late message to the old form
    assert store.get(PdsaCycle, y.id) == y and store.get(PdsaCycle, x.id) == x
    assert "Typed while the page switched" in page.form.kept.value
    assert "was not saved anywhere" in page.form.message.value
