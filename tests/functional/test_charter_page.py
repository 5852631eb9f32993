"""Workbook 1 (team charter and roster) as widgets on a real store."""
import datetime as dt

from bsc_widgets.analysis.charter import check_aim, missing_roles
from bsc_widgets.forms.charter import CharterPage, cross_role_html
from bsc_widgets.model import Member
from tests.support import widget_text

TODAY = dt.date(2026, 11, 22)


def open_page(store, team="sunrise-head-start"):
    return CharterPage(store, store.team(team), TODAY)


def test_aim_check_names_the_missing_parts():
    assert check_aim("By June 2026, reduce send-homes for toddlers to zero.").missing == []
    weak = check_aim("We want to be better.")
    assert weak.missing == ["what", "how_much", "for_whom", "by_when"] or "by_when" in weak.missing
    assert any("By when" in s for s in check_aim("Reduce send-homes to zero for toddlers").sentences())


def test_page_shows_team_calendar_and_way_home(sample_store):
    text = widget_text(open_page(sample_store))
    assert "Sunrise Head Start" in text and "We are in Action Period 4" in text
    assert 'href="00_home.ipynb?team=sunrise-head-start"' in text
    assert "Cross-role team" in text and "Team roster" in text


def test_editing_the_aim_saves_it_and_rechecks_it(sample_store):
    page = open_page(sample_store)
    page.team_form.fields["aim"].input.value = "We want to be better."
    assert sample_store.team("sunrise-head-start").aim == "We want to be better."
    assert "Your aim could be stronger" in page.aim_check.value and "By when: missing" in page.aim_check.value


def test_adding_a_member_and_the_cross_role_check(sample_store):
    family = [m for m in sample_store.list(Member, team_id="sunrise-head-start") if m.role == "family"]
    others = [m for m in sample_store.list(Member, team_id="sunrise-head-start") if m.role != "family"]
    assert "This team still needs a family member." in cross_role_html(others)
    with sample_store.transaction() as tx:  # the family members leave (their attendance goes with them)
        for m in family:
            tx.conn.exec_driver_sql("delete from attendance where member_id = ?", (m.id,))
    page = open_page(sample_store)
    for m in family:
        page.member_picker.value = m.id
        page.remove_button.click()
        assert f"Removed member {m.name}" in page.recent.message.value
    assert "still needs a family member" in page.cross_role.value
    form = page.member_form
    form.fields["name"].input.value = "Rosa Díaz <b>"
    form.fields["role"].input.value = "family"
    assert sample_store.list(Member, team_id="sunrise-head-start")  # not saved until "Add member"
    assert not any(m.name.startswith("Rosa") for m in sample_store.list(Member, team_id="sunrise-head-start"))
    form.save_button.click()
    added = [m for m in sample_store.list(Member, team_id="sunrise-head-start") if m.name.startswith("Rosa")]
    assert len(added) == 1 and added[0].role == "family"
    assert "Rosa Díaz &lt;b&gt;" in page.roster.value and "Cross-role team" in page.cross_role.value
    assert missing_roles(sample_store.list(Member, team_id="sunrise-head-start")) == []


def test_adding_a_member_without_a_name_says_so(sample_store):
    page = open_page(sample_store)
    page.member_form.save_button.click()
    assert "Name is required" in page.member_form.fields["name"].message.value
