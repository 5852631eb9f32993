"""The collaborative's own workbooks in a real Chromium against a real Voilà: set-up, participation,
equity, spread and the leaders' system assessment, as an advisor, a coach and a state leader use them."""
import re
from pathlib import Path

import pytest

from tests.support import close_like_a_person
from playwright.sync_api import expect

from test_workbooks import (CHARTS, LOAD, SAVE, SHOTS, check_fits_a_phone, clean, commit, run_axe, settled,
                            unlabeled_controls)

pytestmark = pytest.mark.browser
PAGES = {
    "collaborative_setup": "Collaborative set-up",
    "participation": "Participation and dosage",
    "equity": "Equity: measures by group",
    "spread": "Spread of change ideas",
    "leaders/system_assessment": "System assessment: the PD Matrix",
}


def open_page(page, server, name):
    page.goto(f"{server['url']}/voila/render/{name}.ipynb", wait_until="commit")
    expect(page.get_by_role("heading", name=PAGES[name], exact=True)).to_be_visible(timeout=LOAD)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_is_offline_accessible_and_labelled(page, server, name):
    open_page(page, server, name)
    settled(page, CHARTS.get(name, 0))  # charts draw after the widgets
    violations = run_axe(page)
    print(f"axe-core on {name}: {len(violations)} violation(s) {[(v['id'], v['impact']) for v in violations]}")
    assert not [v for v in violations if v["impact"] in ("serious", "critical")], violations
    assert unlabeled_controls(page) == []
    clean(page)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_fits_a_390px_phone(browser, server, name):
    check_fits_a_phone(browser, f"{server['url']}/voila/render/{name}.ipynb", PAGES[name])


def test_home_links_the_collaborative_pages(page, server):
    page.goto(f"{server['url']}/voila/render/00_home.ipynb", wait_until="commit")
    page.get_by_role("link", name="Spread of change ideas").click()
    expect(page.get_by_role("heading", name="Spread of change ideas", exact=True)).to_be_visible(timeout=LOAD)
    page.get_by_role("link", name="← Home").click()
    page.get_by_role("link", name="System assessment (state and regional leaders)").click()
    expect(page.get_by_role("heading", name=PAGES["leaders/system_assessment"])).to_be_visible(timeout=LOAD)
    clean(page)


def test_advisor_renames_a_change_idea_and_its_history_is_kept(page, server):
    open_page(page, server, "collaborative_setup")
    commit(page.get_by_label("Your name (kept with each change to the framework)"), "Dr. Okafor")
    page.get_by_label("Edit or add a change idea").select_option(label="Solution kit for problem solving between "
                                                                        "children")
    title = page.get_by_label("Change idea (required)", exact=True)
    expect(title).to_have_value("Solution kit for problem solving between children", timeout=SAVE)
    commit(title, "A solution kit in every room")
    expect(page.get_by_text(re.compile(r"Saved at \d\d:\d\d")).first).to_be_visible(timeout=SAVE)
    page.reload(wait_until="commit")
    expect(page.get_by_role("heading", name="Collaborative set-up", exact=True)).to_be_visible(timeout=LOAD)
    page.get_by_label("Edit or add a change idea").select_option(label="A solution kit in every room")
    expect(page.get_by_text("History: what earlier data was entered against")).to_be_visible(timeout=SAVE)
    expect(page.get_by_text("changed from “Solution kit for problem solving between children”")).to_be_visible()
    expect(page.get_by_text("by Dr. Okafor").first).to_be_visible()
    clean(page)


def test_coach_takes_attendance_at_a_learning_session(page, server):
    open_page(page, server, "participation")
    page.get_by_label("Team").select_option(label="Riverbend School District Pre-K")
    page.get_by_label("Learning session").select_option(label="Learning Session 4")
    expect(page.get_by_label("Date")).to_have_value("20 August 2026", timeout=SAVE)
    boxes = page.locator(".bsc-page input[type=checkbox]")
    expect(boxes.first).to_be_visible()
    for i in range(boxes.count()):
        boxes.nth(i).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text(re.compile(r"Attendance saved: \d+ present"))).to_be_visible(timeout=SAVE)
    commit(page.get_by_label("Hours each"), "many")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Hours must be a number; “many” is not.")).to_be_visible(timeout=SAVE)
    clean(page)


def test_equity_view_shows_suppressed_groups_as_suppressed(page, server):
    open_page(page, server, "equity")
    page.get_by_label("Team").select_option(label="Hearth Family Child Care Network")
    expect(page.get_by_role("heading", name=re.compile("Hearth Family Child Care Network"))).to_be_visible(
        timeout=SAVE)
    table = page.get_by_label("Families receiving a positive note this week by group")
    expect(table).to_contain_text("suppressed")
    for cell in table.locator("td").all_inner_texts():
        assert cell == "suppressed" or re.match(r"^\d+% \(\d+ of \d+\)$", cell), cell
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=LOAD)
    if SHOTS:
        settled(page, 2)
        page.screenshot(path=str(SHOTS / "equity_suppressed.png"), full_page=True,
                        clip={"x": 0, "y": 250, "width": 1100, "height": 1500})
    link = page.get_by_role("link", name=re.compile("Download this view"))
    with page.expect_download() as got:
        link.click()
    text = Path(got.value.path()).read_text()
    assert text.startswith("period,group,numerator,denominator") and ",suppressed\n" in text
    clean(page)


def test_spread_table_and_its_export(page, server):
    open_page(page, server, "spread")
    expect(page.get_by_label("Spread of change ideas")).to_contain_text("A visual schedule in every room")
    with page.expect_download() as got:
        page.get_by_role("link", name="Download the spread table (CSV)").click()
    assert got.value.suggested_filename == "spread-of-change-ideas.csv"
    assert Path(got.value.path()).read_text().startswith("change idea,local to,first tested by")
    clean(page)


def test_leader_adds_an_offering_and_downloads_an_offline_report(page, server, browser, tmp_path):
    open_page(page, server, "leaders/system_assessment")
    commit(page.get_by_label("Offering (required)", exact=True), "Statewide director leadership academy")
    commit(page.get_by_label("Reach (people a year)"), "120")
    commit(page.get_by_label("Hours per participant"), "40")
    commit(page.get_by_label("Engages (0 individuals – 100 whole organizations)"), "80")
    commit(page.get_by_label("Aims at (0 knowledge gain – 100 transfer to practice)"), "30")
    page.get_by_role("button", name="Add PD offering").click()
    expect(page.get_by_label("PD offerings")).to_contain_text("Statewide director leadership academy",
                                                                timeout=SAVE)
    with page.expect_download() as got:
        page.get_by_role("link", name=re.compile("Download the report")).click()
    report = tmp_path / "system-assessment.html"
    report.write_text(Path(got.value.path()).read_text())
    offline = browser.new_context(offline=True)
    viewer = offline.new_page()
    errors = []
    viewer.on("pageerror", lambda e: errors.append(str(e)))
    viewer.goto(report.as_uri())
    expect(viewer.get_by_role("cell", name="Statewide director leadership academy")).to_be_visible()
    expect(viewer.locator("svg[role=img]")).to_be_visible()
    assert errors == []
    close_like_a_person(offline)
    clean(page)
