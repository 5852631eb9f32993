"""The coach dashboard in a real browser: filter, read who needs attention, open a team's workbook."""
import pytest

from tests.support import close_like_a_person
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
LOAD = 90_000


def test_coach_filters_then_opens_a_team(page, server):
    page.goto(f"{server['url']}/voila/render/00_home.ipynb", wait_until="commit")
    page.get_by_role("link", name="Coach dashboard").click()
    expect(page.get_by_role("heading", name="Coach dashboard")).to_be_visible(timeout=LOAD)
    expect(page.get_by_label("Who needs attention")).to_contain_text("Hearth Family Child Care Network")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=LOAD)
    page.get_by_label("Program type").select_option(label="Head Start")
    teams = page.get_by_role("table", name="Teams", exact=True)
    expect(teams).not_to_contain_text("Hearth Family Child Care Network", timeout=20_000)
    expect(teams).to_contain_text("Sunrise Head Start")
    page.get_by_label("Measure").select_option(label="Classrooms using a visual schedule")
    expect(page.locator(".bsc-chart-title").first).to_have_text("Classrooms using a visual schedule",
                                                                timeout=20_000)
    teams.get_by_role("row").filter(has_text="Sunrise Head Start").get_by_role(
        "link", name="Measures and run charts").click()
    expect(page.get_by_role("heading", name="Measures and run charts", exact=True)).to_be_visible(timeout=LOAD)
    expect(page.locator(".bsc-team-name")).to_have_text("Sunrise Head Start")
    assert page.errors == [] and page.external == []


def test_dashboard_passes_axe_and_fits_a_phone(browser, server):
    from test_workbooks import run_axe, settled

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server['url']}/voila/render/coach_dashboard.ipynb", wait_until="commit")
    expect(page.get_by_role("heading", name="Coach dashboard")).to_be_visible(timeout=LOAD)
    settled(page, 1)
    violations = run_axe(page)
    print(f"axe-core on coach_dashboard: {[(v['id'], v['impact']) for v in violations]}")
    assert not [v for v in violations if v["impact"] in ("serious", "critical")], violations
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 392
    close_like_a_person(context)
