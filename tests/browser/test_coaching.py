"""Coaching a network in a real Chromium: the dashboard on paper, letter and A4, for 8 and 100 teams, nothing cut;
the live page printed without its controls; a visit logged from a phone in a few taps."""
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from bsc_widgets.model import Observation, Team
from bsc_widgets.reports.dashboard import dashboard_html
from tests.support import close_like_a_person

pytestmark = pytest.mark.browser
LOAD = 90_000
TODAY = dt.date(2026, 11, 22)
AS_OF = dt.date(2026, 10, 31)
MM = 96 / 25.4                                             # CSS pixels in a millimetre
PRINTABLE = {"letter": round(8.5 * 96 - 24 * MM), "a4": round((210 - 24) * MM)}   # the width inside 12 mm margins


def grow(store, teams: int) -> None:
    """Copies of Sunrise Head Start and its data, up to ``teams`` teams."""
    base = store.team("sunrise-head-start")
    obs = store.list(Observation, team_id=base.id, measure_id="positive-feedback")
    extra = teams - len(store.teams())
    with store.transaction() as tx:
        tx.insert_many(Team, [base.model_copy(update={"id": f"clone-{i:03d}", "name": f"Clone {i:03d}"})
                              for i in range(extra)])
        tx.insert_many(Observation, [o.model_copy(update={"team_id": f"clone-{i:03d}"}) for i in range(extra)
                                     for o in obs])


@pytest.mark.parametrize("teams", [8, 100])
def test_the_dashboard_prints_every_team_on_letter_and_a4_with_nothing_past_the_edge(browser, sample_store, tmp_path,
                                                                                       teams):
    grow(sample_store, teams)
    names = [t.name for t in sample_store.teams()]
    assert len(names) == teams
    for paper, size in (("letter", "Letter"), ("a4", "A4")):
        page_file = tmp_path / f"dashboard-{teams}-{paper}.html"
        page_file.write_text(dashboard_html(sample_store, AS_OF, [t.id for t in sample_store.teams()],
                                            "positive-feedback", paper), encoding="utf-8")
        width = PRINTABLE[paper]
        context = browser.new_context(viewport={"width": width, "height": 1000}, offline=True)
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.emulate_media(media="print")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        edges = page.evaluate("""() => [...document.querySelectorAll('.bsc-team-block, .bsc-team-block *')]
            .map(e => e.getBoundingClientRect().right)""")
        assert max(edges) <= width + 0.5, (paper, teams, max(edges))
        blocks = page.locator(".bsc-team-block h2").all_inner_texts()
        assert sorted(b.lstrip("● ") for b in blocks) == sorted(names)
        text = page.inner_text("body")
        assert "Report overdue" in text and "First step:" in text and "Support received:" in text
        pdf = page.pdf(format=size, prefer_css_page_size=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        print(f"{teams} teams on {size}: {pages} pages, {len(pdf) / 1e6:.2f} MB")
        assert pdf.startswith(b"%PDF") and teams / 4 <= pages <= teams       # two to four teams a page
        (tmp_path / f"dashboard-{teams}-{paper}.pdf").write_bytes(pdf)
        close_like_a_person(context)


def test_the_live_dashboard_prints_without_its_controls_and_offers_a_pdf(browser, server):
    context = browser.new_context(viewport={"width": PRINTABLE["letter"], "height": 1000})
    page = context.new_page()
    page.goto(f"{server['url']}/voila/render/coach_dashboard.ipynb", wait_until="commit")
    expect(page.get_by_role("heading", name="Coach dashboard")).to_be_visible(timeout=LOAD)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=LOAD)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as PDF").click()
        page.get_by_role("link", name="Coach dashboard (PDF)").click(timeout=LOAD)
    assert download.value.suggested_filename == "dashboard-2026-10-31-letter.pdf"
    assert open(download.value.path(), "rb").read(4) == b"%PDF"
    page.emulate_media(media="print")
    assert page.get_by_role("button", name="Download as PDF").is_hidden()
    assert page.get_by_label("Measure").is_hidden()
    expect(page.get_by_label("Who needs attention")).to_contain_text("Riverbend School District Pre-K")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PRINTABLE["letter"]
    close_like_a_person(context)


def test_a_coach_logs_a_visit_from_her_phone_in_under_eight_taps(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server['url']}/voila/render/support_log.ipynb", wait_until="commit")
    expect(page.get_by_role("heading", name="Support log")).to_be_visible(timeout=LOAD)
    doses = page.get_by_label("Support so far")
    row = doses.get_by_role("row").filter(has_text="Lincoln Elementary Pre-K")
    before = int(row.locator("td").nth(1).inner_text())
    taps = 0
    page.get_by_label("Team", exact=True).select_option(label="Lincoln Elementary Pre-K")
    taps += 2                                                         # open the list, choose the team
    for role in ("Teacher", "Administrator"):
        page.get_by_role("checkbox", name=role).tap()
        taps += 1
    page.get_by_role("button", name="Save", exact=True).tap()
    taps += 1
    expect(page.get_by_role("status").filter(has_text="Saved: on-site visit")).to_contain_text(
        "Lincoln Elementary Pre-K", timeout=20_000)
    assert taps < 8
    expect(row.locator("td").nth(1)).to_have_text(str(before + 1), timeout=20_000)     # the dose counts it
    expect(page.locator(".bsc-entry").first).to_contain_text("90 minutes · In person · Administrator, Teacher")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 392
    assert errors == []
    close_like_a_person(context)
