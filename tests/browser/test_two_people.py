"""Two people at once, in two real browser contexts against one real Voilà: nobody's record is lost."""
import re

import pytest

from tests.support import close_like_a_person
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
        close_like_a_person(pg.context)


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


# ---- issue "Trust", cases 1 and 2, as two people meet them ---------------------------------------------

OBJECTIVE, QUESTIONS = "Objective", "Questions we want to answer"


def _cycle_page(pg, server, team):
    open_workbook(pg, server, "03_pdsa", team)
    expect(pg.get_by_label(OBJECTIVE)).to_be_visible(timeout=LOAD)


def _cycles_offered(pg) -> list[str]:
    """The cycles in the page's list, as the list shows them (not "Plan a new cycle…")."""
    return [label for label in pg.get_by_label("Open a cycle").locator("option").all_inner_texts()
            if "Plan a new cycle" not in " ".join(label.split())]


def _title(option: str) -> str:
    """A cycle's title, from its line in the list ("Idea — cycle 2: Title (Adapted)")."""
    plain = " ".join(option.split())
    assert ": " in plain, repr(option)
    return re.sub(r" \([^)]*\)$", "", plain.split(": ", 1)[1])


def _stored_cycles(server, team):
    from bsc_widgets.model import PdsaCycle

    store = Store.open(server["db"])
    try:
        return {c.id: c for c in store.list(PdsaCycle, team_id=team)}
    finally:
        store.close()


def test_the_other_persons_change_to_another_field_is_kept_when_saving_mine(two_pages, server):
    """Case 1: A changes Questions; B, on the same cycle opened before, changes Objective. Nothing of A's is
    reverted; B is told whose change is kept where and sees A's Questions; a clash is chosen field by field."""
    team = "lincoln-prek"
    a, b = two_pages
    for pg in (a, b):
        _cycle_page(pg, server, team)
    commit(a.get_by_label(QUESTIONS), "A: do the cards help at drop-off?")
    saved(a)
    commit(b.get_by_label(OBJECTIVE), "B: try feeling-word cards at drop-off")
    expect(b.get_by_role("status").filter(has_text="both changes are kept")).to_be_visible(timeout=SAVE)
    expect(b.get_by_text("Theirs: Questions we want to answer.", exact=False)).to_be_visible()
    expect(b.get_by_label(QUESTIONS)).to_have_value("A: do the cards help at drop-off?")
    cycle_id = next(c.id for c in _stored_cycles(server, team).values()
                    if c.objective == "B: try feeling-word cards at drop-off")
    stored = _stored_cycles(server, team)[cycle_id]
    assert stored.questions == "A: do the cards help at drop-off?"

    a.reload(wait_until="commit")                              # A, from the merged version, changes the objective
    expect(a.get_by_label(OBJECTIVE)).to_have_value("B: try feeling-word cards at drop-off", timeout=LOAD)
    commit(a.get_by_label(OBJECTIVE), "A: cards at drop-off and pick-up")
    saved(a)
    commit(b.get_by_label(OBJECTIVE), "B: cards at drop-off, every day")
    expect(b.get_by_role("alert").filter(has_text="you both changed Objective")).to_be_visible(timeout=SAVE)
    expect(b.get_by_text("A: cards at drop-off and pick-up")).to_be_visible()
    assert _stored_cycles(server, team)[cycle_id].objective == "A: cards at drop-off and pick-up"   # nothing yet
    b.get_by_role("button", name="Keep yours").first.click()
    b.get_by_role("button", name="Save with these choices").click()
    expect(b.get_by_role("status").filter(has_text="Yours: Objective.")).to_be_visible(timeout=SAVE)
    stored = _stored_cycles(server, team)[cycle_id]
    assert (stored.objective, stored.questions) == ("B: cards at drop-off, every day",
                                                    "A: do the cards help at drop-off?")
    for pg in (a, b):
        clean(pg)


def test_text_is_never_saved_onto_a_cycle_the_person_did_not_choose(two_pages, server):
    """Case 2: A removes cycle X; B's page still lists X. B picks X: the form is emptied and closed with a plain
    message, X is no longer offered, and nothing is written anywhere. Then B picks another cycle and types before
    the page has switched: the text reaches the old form, which saves nothing and hands it on, to copy."""
    team = "riverbend-prek"
    a, b = two_pages
    for pg in (a, b):
        _cycle_page(pg, server, team)
    before = _stored_cycles(server, team)
    shown = b.get_by_label("Open a cycle").evaluate("s => s.options[s.selectedIndex].text")
    victim = next(label for label in _cycles_offered(a) if label != shown)
    a.get_by_label("Open a cycle").select_option(label=victim)
    expect(a.get_by_role("heading", name=f"Cycle: {_title(victim)}")).to_be_visible(timeout=SAVE)
    a.get_by_role("button", name="Remove this cycle").click()
    expect(a.get_by_text("“Undo” below puts it back")).to_be_visible(timeout=SAVE)
    after_removal = _stored_cycles(server, team)
    assert len(after_removal) == len(before) - 1

    b.get_by_label("Open a cycle").select_option(label=victim)       # still in B's list
    expect(b.get_by_role("alert").filter(has_text="was removed by")).to_be_visible(timeout=SAVE)
    expect(b.get_by_label(OBJECTIVE)).to_be_disabled()
    expect(b.get_by_label(OBJECTIVE)).to_have_value("")
    assert victim not in _cycles_offered(b)
    assert _stored_cycles(server, team) == after_removal

    other = _cycles_offered(b)[0]
    b.get_by_label("Open a cycle").select_option(label=other)
    expect(b.get_by_label(OBJECTIVE)).to_be_enabled(timeout=SAVE)
    y = b.get_by_label("Open a cycle").evaluate("s => s.options[s.selectedIndex].text")
    target = next(label for label in _cycles_offered(b) if label not in (y, victim))
    # pick another cycle and type into the objective in the same instant, before the page can redraw
    b.evaluate("""([target, text]) => {
        const said = e => (e.labels[0]?.innerText || '').replace(/\\s+/g, ' ').trim();
        const select = [...document.querySelectorAll('select')].find(s => said(s) === 'Open a cycle');
        const objective = [...document.querySelectorAll('textarea')].find(t => said(t).startsWith('Objective'));
        select.selectedIndex = [...select.options].findIndex(o => o.text === target);
        select.dispatchEvent(new Event('change', {bubbles: true}));
        objective.value = text;
        objective.dispatchEvent(new Event('change', {bubbles: true}));
    }""", [target, "Typed while the page was switching"])
    expect(b.get_by_text("was not saved anywhere")).to_be_visible(timeout=SAVE)
    expect(b.get_by_text("Typed while the page was switching")).to_be_visible()
    assert _stored_cycles(server, team) == after_removal
    for pg in (a, b):
        clean(pg)
