"""The home workbook in a real browser, served by a real Voilà."""
import pytest
from playwright.sync_api import expect

from test_workbooks import settled

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms; a cold kernel on a loaded 2-core CI machine


def open_home(page, server, query=""):
    page.goto(f"{server['url']}/voila/render/00_home.ipynb{query}", wait_until="commit")
    expect(page.get_by_label("Your team")).to_be_visible(timeout=LOAD)


def no_traceback(page):
    body = page.content()
    assert "Traceback" not in body and "Error:" not in page.inner_text("body")


def test_home_for_a_team_shows_calendar_and_links(page, server):
    open_home(page, server, "?team=sunrise-head-start")
    expect(page.get_by_role("heading", name="Growing Together: Social-Emotional Learning Collaborative")).to_be_visible()
    expect(page.get_by_text("We are in Action Period 4 (day 93 of 101)")).to_be_visible()
    expect(page.locator("tr.now")).to_contain_text("Action Period 4")
    expect(page.get_by_text("we are here")).to_be_visible()
    expect(page.get_by_role("heading", name="Sunrise Head Start")).to_be_visible()
    expect(page.get_by_label("Team members")).to_contain_text("Tamika Reed — Family member")
    link = page.get_by_role("link", name="home of Sunrise Head Start")
    expect(link).to_have_attribute("href", "00_home.ipynb?team=sunrise-head-start")
    for title, file in [("Team charter and roster", "01_charter"), ("Driver diagram", "02_driver_diagram"),
                        ("PDSA planner and log", "03_pdsa"), ("Measures and run charts", "04_measures"),
                        ("Monthly report", "05_monthly_report")]:
        expect(page.get_by_role("link", name=title, exact=True)).to_have_attribute(
            "href", f"{file}.ipynb?team=sunrise-head-start")
    assert page.external == [], f"requests left the machine: {page.external}"
    assert page.errors == []
    no_traceback(page)


def test_switching_team_updates_the_page_and_the_link_opens_it(page, server):
    open_home(page, server, "?team=sunrise-head-start")
    page.get_by_label("Your team").select_option(label="Hearth Family Child Care Network")
    expect(page.get_by_role("heading", name="Hearth Family Child Care Network")).to_be_visible()
    link = page.get_by_role("link", name="home of Hearth Family Child Care Network")
    expect(link).to_have_attribute("href", "00_home.ipynb?team=hearth-fcc")
    link.click()
    expect(page).to_have_url(f"{server['url']}/voila/render/00_home.ipynb?team=hearth-fcc", timeout=LOAD)
    expect(page.get_by_label("Your team")).to_have_value("Hearth Family Child Care Network", timeout=LOAD)
    expect(page.get_by_role("heading", name="Hearth Family Child Care Network")).to_be_visible()


@pytest.mark.parametrize("query,shown", [
    ("?team=../../etc", "“../../etc” is not a team identifier"),
    ("?team=%3Cscript%3Ealert(1)%3C/script%3E", "“<script>alert(1)</script>” is not a team identifier"),
    ("?team=%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E", "is not a team identifier"),
    ("?team=nobody-here", "There is no team “nobody-here” in this collaborative"),
])
def test_unknown_or_malicious_team_gets_a_clear_message(page, server, query, shown):
    open_home(page, server, query)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(shown)
    expect(alert).to_contain_text("Choose your team from the list below")
    expect(page.get_by_label("Your team")).to_have_value("Choose your team…")
    settled(page)
    assert page.dialogs == [], "user text was executed as script"
    assert page.locator("img[src=x]").count() == 0
    no_traceback(page)
