"""The participation workbook on a real store: a register saved whole, or not at all; dosage by role."""
import datetime as dt

from bsc_widgets.forms.participation import ParticipationPage
from bsc_widgets.model import Attendance, Member
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)


def _page(store):
    page = ParticipationPage(store, TODAY)
    page.team.value = "hearth-fcc"
    page.kind.value = "coaching_call"
    page.date.value = "2026-11-18"
    return page


def test_a_register_is_saved_and_shown_again(sample_store):
    page = _page(sample_store)
    members = [m.id for m in sample_store.list(Member, team_id="hearth-fcc")]
    for mid in members[:3]:
        page.boxes[mid].value = True
    page.hours.value = "1"
    assert page.save()
    saved = sample_store.list(Attendance, event_kind="coaching_call", date=dt.date(2026, 11, 18))
    assert sorted(a.member_id for a in saved) == sorted(members[:3]) and {a.hours for a in saved} == {1.0}
    again = _page(sample_store)
    assert [again.boxes[m].value for m in members[:4]] == [True, True, True, False]
    assert "3 of" in widget_text(again.register)
    again.boxes[members[0]].value = False
    assert again.save()
    assert len(sample_store.list(Attendance, event_kind="coaching_call", date=dt.date(2026, 11, 18))) == 2


def test_a_bad_register_saves_nothing_and_says_why(sample_store):
    page = _page(sample_store)
    for box in page.boxes.values():
        box.value = True
    page.hours.value = "thirty"
    assert not page.save()
    assert "Hours must be a number; “thirty” is not." in page.form_message.value
    page.hours.value = "2"
    page.date.value = "1 January 2030"
    for box in page.boxes.values():
        box.value = True
    assert not page.save()
    assert "outside the collaborative’s calendar" in page.form_message.value
    assert not sample_store.list(Attendance, date=dt.date(2030, 1, 1))
    assert not sample_store.list(Attendance, event_kind="coaching_call", date=dt.date(2026, 11, 18))


def test_the_button_turns_a_refusal_into_a_message(sample_store):
    page = _page(sample_store)
    page.date.value = "1 January 2030"
    for box in page.boxes.values():
        box.value = True
    page.save_button.click()
    assert "outside the collaborative’s calendar" in page.form_message.value


def test_dosage_answers_who_takes_part(sample_store):
    page = ParticipationPage(sample_store, TODAY)
    text = widget_text(page)
    assert "Across the collaborative:" in text and "Family members take part far less than administrators" in text
    assert "Dosage and participation by role" in text and "Hearth Family Child Care Network" in text
    page.session.value = "ls4"
    assert page.kind.value == "learning_session" and page.date.day == dt.date(2026, 8, 20)
    assert page.hours.value == "6.5"
