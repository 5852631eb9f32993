"""Two people at once, in two real browser contexts against one real Voilà: nobody's record is lost."""
import re

import pytest
from playwright.sync_api import expect

from bsc_widgets.model import Team
from bsc_widgets.store import Store
from test_workbooks import LOAD, SAVE, clean, commit, open_workbook, saved

pytestmark = pytest.mark.browser


@pytest.fixture
def two_pages(browser):
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        pg = context.new_page()
        pg.errors, pg.external, pg.dialogs = [], [], []
        pg.on("pageerror", lambda e, pg=pg: pg.errors.append(str(e)) if "setData" not in str(e) else None)
        pages.append(pg)
    yield pages
    for pg in pages:
        pg.context.close()


def test_two_people_adding_a_member_at_once_keep_both(two_pages, server):
    a, b = two_pages
    for pg in (a, b):  # both open "Add a new member" before either has saved
        open_workbook(pg, server, "01_charter", "eastside-community")
    commit(a.get_by_label("Name (required)", exact=True), "Alice Ahmed")
    commit(b.get_by_label("Name (required)", exact=True), "Bob Brown")
    a.get_by_role("button", name="Add member").click()
    expect(a.get_by_label("Team roster")).to_contain_text("Alice Ahmed", timeout=SAVE)
    b.get_by_role("button", name="Add member").click()
    expect(b.get_by_label("Team roster")).to_contain_text("Bob Brown", timeout=SAVE)
    expect(b.get_by_label("Team roster")).to_contain_text("Alice Ahmed")
    expect(b.get_by_role("alert")).to_have_count(0)
    a.reload(wait_until="commit")
    expect(a.get_by_label("Team roster")).to_contain_text("Bob Brown", timeout=LOAD)
    expect(a.get_by_label("Team roster")).to_contain_text("Alice Ahmed")
    for pg in (a, b):
        clean(pg)


def test_two_people_planning_a_new_cycle_at_once_keep_both(two_pages, server):
    a, b = two_pages
    for pg in (a, b):
        open_workbook(pg, server, "03_pdsa", "riverbend-prek")
        pg.get_by_label("Open a cycle").select_option(label="Plan a new cycle…")
        expect(pg.get_by_role("heading", name="Plan a new cycle")).to_be_visible(timeout=SAVE)
    for pg, title in ((a, "Cycle typed in A"), (b, "Cycle typed in B")):
        pg.get_by_label("Change idea tested").select_option(index=1)
        commit(pg.get_by_label("Cycle title"), title)
        commit(pg.get_by_label("Objective"), "See whether it helps at drop-off")
        saved(pg)
    a.reload(wait_until="commit")
    options = a.get_by_label("Open a cycle").locator("option")
    expect(options.filter(has_text="Cycle typed in A")).to_have_count(1, timeout=LOAD)
    expect(options.filter(has_text="Cycle typed in B")).to_have_count(1)
    for pg in (a, b):
        clean(pg)


def _open_register(pg, server):
    pg.goto(f"{server['url']}/voila/render/participation.ipynb", wait_until="commit")
    expect(pg.get_by_role("heading", name="Participation and dosage", exact=True)).to_be_visible(timeout=LOAD)
    pg.get_by_label("Team").select_option(label="Little Acorns Child Care Center")
    pg.get_by_label("Event").select_option(label="Affinity group")
    pg.get_by_label("Date").fill("2026-11-12")
    pg.get_by_label("Date").press("Tab")
    expect(pg.get_by_text(re.compile(r"0 of \d+ recorded as present"))).to_be_visible(timeout=SAVE)
    return pg.locator(".bsc-page input[type=checkbox]")


def test_two_people_taking_one_register_never_overwrite_each_other(two_pages, server):
    a, b = two_pages
    boxes_a, boxes_b = _open_register(a, server), _open_register(b, server)  # B's page is opened first, too
    boxes_a.nth(0).check()
    boxes_a.nth(1).check()
    a.get_by_role("button", name="Save attendance").click()
    expect(a.get_by_text("Attendance saved: 2 present, 0 removed.")).to_be_visible(timeout=SAVE)
    boxes_b.nth(2).check()
    b.get_by_role("button", name="Save attendance").click()
    expect(b.get_by_role("alert").filter(has_text="changed by someone else after you opened it")).to_be_visible(
        timeout=SAVE)
    expect(boxes_b.nth(2)).to_be_checked()  # B's ticks stay on the page
    b.get_by_role("button", name="Show the saved register").click()
    expect(boxes_b.nth(0)).to_be_checked(timeout=SAVE)
    expect(boxes_b.nth(1)).to_be_checked()
    boxes_b.nth(2).check()
    b.get_by_role("button", name="Save attendance").click()
    expect(b.get_by_text("Attendance saved: 3 present, 0 removed.")).to_be_visible(timeout=SAVE)
    for pg in (a, b):
        clean(pg)


def test_chart_titles_show_a_name_with_quotes_as_typed(page, server):
    store = Store.open(server["db"])
    team = store.team("nuestra-casa-fcc")
    name = 'Nuestra "Casa" & <b>Familia</b>'
    store.save(team.model_copy(update={"name": name}))
    try:
        open_workbook(page, server, "04_measures", "nuestra-casa-fcc")
        title = page.locator(".bsc-chart-title").first       # the chart's title, as text above it
        expect(title).to_contain_text('Nuestra "Casa" & <b>Familia</b>', timeout=LOAD)
        assert "&quot;" not in title.text_content() and "&amp;" not in title.text_content()
        assert page.locator(".bsc-chart-title b").count() == 0, "no markup from a name"
        clean(page)
    finally:
        store.save(store.get(Team, "nuestra-casa-fcc").model_copy(update={"name": team.name}))
        store.close()
