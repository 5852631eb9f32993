"""The five team workbooks in a real Chromium against a real Voilà: as a team member would use them.

Each test writes to its own team, so the tests do not depend on one another's data.
"""
import json
import os
import re
import time
from pathlib import Path

import pytest

from tests.support import close_like_a_person
from playwright.sync_api import expect

from voila import __version__ as VOILA_VERSION

from bsc_widgets.charts import plotly_js
from bsc_widgets.portable.limits import CSV_FIELD
from tests.browser.conftest import Traffic, assert_reads_on_a_phone, log_tail

pytestmark = pytest.mark.browser
LOAD = 90_000
SAVE = 20_000
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WORKBOOKS = {
    "01_charter": "Team charter and roster",
    "02_driver_diagram": "Driver diagram",
    "03_pdsa": "PDSA planner and log",
    "04_measures": "Measures and run charts",
    "05_monthly_report": "Monthly report",
    "06_storyboard": "Storyboard",
}
SHOTS = Path(os.environ.get("BSC_SCREENSHOTS", "")) if os.environ.get("BSC_SCREENSHOTS") else None
AXE_REPORT = Path(os.environ.get("BSC_AXE_REPORT", Path(__file__).parent / ".axe-report.json"))


def open_workbook(page, server, name, team="sunrise-head-start"):
    """A team's workbook, in English (these tests read its English words; Nuestra Casa's pages are Spanish)."""
    page.goto(f"{server['url']}/voila/render/{name}.ipynb?team={team}&lang=en", wait_until="commit")
    expect(page.get_by_role("heading", name=WORKBOOKS[name], exact=True)).to_be_visible(timeout=LOAD)


def commit(locator, value):
    """Type into a text field and leave it, as a person does (the value is sent when the field is left)."""
    locator.fill(value)
    locator.press("Tab")


def saved(scope):
    expect(scope.get_by_text(re.compile(r"Saved at \d\d:\d\d")).first).to_be_visible(timeout=SAVE)


# charts each workbook draws once its data has arrived
CHARTS = {"04_measures": 1, "05_monthly_report": 1, "equity": 2, "coach_dashboard": 1}


def settled(page, charts: int = 0):
    """The page has finished: no request in flight, and ``charts`` charts (at least) drawn on it."""
    page.wait_for_load_state("networkidle", timeout=LOAD)
    page.wait_for_function("""n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];
        return plots.length >= n && plots.every(p => p.querySelector('.main-svg')); }""", arg=charts,
                           timeout=LOAD)


def clean(page):
    settled(page)
    assert page.errors == [], page.errors
    assert page.external == [], f"requests left the machine: {page.external}"
    assert page.dialogs == [], "user text was executed as script"
    assert page.evaluate("window.__pwned") is None, "user text was executed as script"
    assert "Traceback" not in page.content()
    assert "Something went wrong" not in page.inner_text("body")


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=AXE)
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                    where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")


def unlabeled_controls(page) -> list[str]:
    """Visible controls that the keyboard cannot reach or that have no visible label."""
    return page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter(e => e.type !== 'file' && e.offsetParent !== null)
        .filter(e => e.tabIndex < 0 || !((e.labels && e.labels.length && e.labels[0].innerText.trim())
                                          || e.innerText.trim() || e.getAttribute('aria-label')))
        .map(e => e.outerHTML.slice(0, 120))""")


# ---- every workbook ----------------------------------------------------------------------

@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_workbook_shows_team_calendar_home_link_offline_and_accessible(page, server, name):
    open_workbook(page, server, name)
    expect(page.locator(".bsc-team-name")).to_have_text("Sunrise Head Start")
    expect(page.get_by_text("We are in Action Period 4 (day 93 of 101)")).to_be_visible()
    expect(page.get_by_role("link", name="← Home")).to_have_attribute("href", "00_home.ipynb?team=sunrise-head-start")
    settled(page, CHARTS.get(name, 0))  # charts draw after the widgets
    violations = run_axe(page)
    report = json.loads(AXE_REPORT.read_text()) if AXE_REPORT.exists() else {}
    report[name] = violations
    AXE_REPORT.write_text(json.dumps(report, indent=1))
    print(f"axe-core on {name}: {len(violations)} violation(s) {[(v['id'], v['impact']) for v in violations]}")
    assert not [v for v in violations if v["impact"] in ("serious", "critical")], violations
    assert unlabeled_controls(page) == []
    clean(page)


def check_fits_a_phone(browser, url: str, heading: str) -> None:
    """At 390 px: no sideways scroll, and no control cut off at the edge."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url, wait_until="commit")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=LOAD)
    settled(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 392, "the page scrolls sideways"
    too_wide = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter(e => e.offsetParent !== null && e.type !== 'file')
        .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > 392; })
        .map(e => e.outerHTML.slice(0, 100))""")
    assert too_wide == [], "controls cut off at the edge of a phone"
    close_like_a_person(context)


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_workbook_is_usable_on_a_390px_phone(browser, server, name):
    check_fits_a_phone(browser, f"{server['url']}/voila/render/{name}.ipynb?team=hearth-fcc", WORKBOOKS[name])


# ---- charter: save, reload, conflicts, hostile text ----------------------------------------

def test_charter_saves_and_a_reload_shows_it(page, server):
    open_workbook(page, server, "01_charter", "lincoln-prek")
    rhythm = page.get_by_label("Meeting rhythm (when and how often the team meets)")
    commit(rhythm, "Second Wednesday, 4 pm, in the library")
    saved(page)
    page.reload(wait_until="commit")
    expect(page.get_by_label("Meeting rhythm (when and how often the team meets)")).to_have_value(
        "Second Wednesday, 4 pm, in the library", timeout=LOAD)


def test_adding_a_family_member(page, server):
    open_workbook(page, server, "01_charter", "lincoln-prek")
    commit(page.get_by_label("Name (required)", exact=True), "Abuela Rosa")
    page.get_by_label("Role").select_option(label="Family member")
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_label("Team roster")).to_contain_text("Abuela Rosa", timeout=SAVE)
    clean(page)


def test_two_pages_editing_the_same_aim_lose_nothing(browser, server):
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        pg = context.new_page()
        pg.errors, pg.external, pg.dialogs = [], [], []
        open_workbook(pg, server, "01_charter", "little-acorns")
        pages.append(pg)
    a, b = pages
    commit(a.get_by_label("Meeting rhythm (when and how often the team meets)"), "Tuesdays (from A)")
    saved(a)
    commit(b.get_by_label("Meeting rhythm (when and how often the team meets)"), "Fridays (from B)")
    expect(b.get_by_role("alert").filter(has_text="changed by someone else")).to_be_visible(timeout=SAVE)
    expect(b.get_by_label("Meeting rhythm (when and how often the team meets)")).to_have_value("Fridays (from B)")
    b.get_by_role("button", name="Show their version").click()
    expect(b.get_by_label("Meeting rhythm (when and how often the team meets)")).to_have_value(
        "Tuesdays (from A)", timeout=SAVE)
    expect(b.get_by_text("Your text that was not saved")).to_be_visible()
    expect(b.get_by_text("Fridays (from B)")).to_be_visible()
    for pg in pages:
        close_like_a_person(pg.context)


HOSTILE = ["<script>window.__pwned = 1</script>", "\"><img src=x onerror=\"window.__pwned=1\">",
           "Niños 👩🏽‍🏫 子どもたち أطفال"]


def test_hostile_text_is_shown_as_text_everywhere(page, server):
    open_workbook(page, server, "01_charter", "nuestra-casa-fcc")
    aim = page.get_by_label("Our aim")
    commit(aim, " ".join(HOSTILE))
    saved(page)
    commit(page.get_by_label("Name (required)", exact=True), HOSTILE[1])
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_label("Team roster")).to_contain_text('"><img src=x', timeout=SAVE)
    page.reload(wait_until="commit")
    expect(page.get_by_label("Our aim")).to_have_value(" ".join(HOSTILE), timeout=LOAD)
    expect(page.get_by_label("Team roster")).to_contain_text('onerror="window.__pwned=1">')
    assert page.locator("img[src=x]").count() == 0
    clean(page)


def test_a_huge_paste_and_impossible_date_get_plain_messages(page, server):
    open_workbook(page, server, "04_measures", "eastside-community")
    page.get_by_label("Paste rows").fill("Month\tNumerator\tDenominator\n2026-02-30\t3\t4\n" + "x" * 60_000)
    page.get_by_role("button", name="Save pasted rows").click()
    expect(page.get_by_role("alert").filter(has_text="nothing was written")).to_be_visible(timeout=SAVE)
    expect(page.get_by_role("alert")).to_contain_text("“2026-02-30” is not a date")
    page.get_by_label("Paste rows").fill("Month\tNumerator\n2026-10\t" + "9" * (CSV_FIELD + 1000))
    page.get_by_role("button", name="Save pasted rows").click()
    expect(page.get_by_role("alert")).to_contain_text(f"A cell is longer than {CSV_FIELD:,} characters", timeout=SAVE)
    clean(page)


# ---- measures: entry, upload, chart ------------------------------------------------------

def _upload(page, path):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Upload a .csv or .xlsx file").click()
    chooser.value.set_files(str(path))


def test_measures_entry_and_uploads(page, server, tmp_path):
    open_workbook(page, server, "04_measures", "riverbend-prek")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=LOAD)
    expect(page.get_by_text("What the chart says")).to_be_visible()
    page.get_by_label("Period", exact=True).select_option(index=0)  # November, not yet due: the page offers October
    expect(page.get_by_label(re.compile("^Numerator"))).to_have_value("", timeout=SAVE)   # November's form is shown
    expect(page.get_by_label(re.compile("^Numerator"))).to_be_editable(timeout=SAVE)
    commit(page.get_by_label(re.compile("^Numerator")), "abc")
    expect(page.get_by_role("alert").filter(has_text="Numerator must be a number; “abc” is not")).to_be_visible(
        timeout=SAVE)
    commit(page.get_by_label(re.compile("^Numerator")), "18")
    commit(page.get_by_label(re.compile("^Denominator")), "24")
    saved(page)
    good = tmp_path / "riverbend.csv"
    good.write_text("Month,Numerator,Denominator\n2026-10,20,25\n")
    page.get_by_label("Replace numbers already entered for the same periods").check()
    _upload(page, good)
    expect(page.get_by_role("status").filter(has_text="Saved from riverbend.csv")).to_be_visible(timeout=SAVE)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"this is not a spreadsheet")
    _upload(page, bad)
    expect(page.get_by_role("alert").filter(has_text="cannot be opened")).to_be_visible(timeout=SAVE)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Month,Numerator,Denominator\n2026-09,30,25\n")
    _upload(page, wrong)
    expect(page.get_by_role("alert").filter(has_text="larger than the denominator")).to_be_visible(timeout=SAVE)
    page.reload(wait_until="commit")
    expect(page.get_by_label("Period", exact=True)).to_contain_text("November 2026 — 18 of 24", timeout=LOAD)
    expect(page.get_by_label("Period", exact=True)).to_contain_text("October 2026 — 20 of 25")
    clean(page)


def test_a_photo_too_large_or_not_a_photo_is_refused_in_words_and_the_page_stays_connected(page, server, tmp_path):
    """From a phone's picker: a 12 MB "photo" arrives whole (past tornado's 10 MB message cap) and is refused with
    the limit; a web page named as a photo is refused for what it is; a real photo is kept and shown."""
    open_workbook(page, server, "03_pdsa", "riverbend-prek")
    page.get_by_label("Open a cycle").select_option(index=1)
    expect(page.get_by_role("heading", name=re.compile("^Cycle: "))).to_be_visible(timeout=SAVE)

    def add(path):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=re.compile("Choose a photo or PDF")).click()
        chooser.value.set_files(str(path))
        page.get_by_role("button", name="Add the file").click()

    huge = tmp_path / "IMG_0001.jpg"
    huge.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(12 * 1024 * 1024))
    add(huge)
    expect(page.get_by_role("alert").filter(has_text="“IMG_0001.jpg” was not added: it is larger than 10 MB")
           ).to_be_visible(timeout=LOAD)
    page_named_photo = tmp_path / "schedule.png"
    page_named_photo.write_text("<html><script>window.__pwned = 1</script></html>")
    add(page_named_photo)
    expect(page.get_by_role("alert").filter(has_text="this file is neither, whatever its name says")).to_be_visible(
        timeout=SAVE)
    from PIL import Image

    Image.new("RGB", (1200, 900), (30, 90, 160)).save(tmp_path / "schedule.jpg")
    add(tmp_path / "schedule.jpg")
    expect(page.get_by_role("status").filter(has_text="Added “schedule”")).to_be_visible(timeout=SAVE)
    expect(page.get_by_role("img", name="schedule")).to_be_visible()
    expect(page.get_by_text("The connection is lost.")).to_be_hidden()
    clean(page)


# ---- the whole journey: a PDSA ramp from plan to adopt, seen on the run chart -------------

def test_a_team_carries_a_ramp_to_adopt_and_sees_it_on_its_run_chart(page, server):
    open_workbook(page, server, "03_pdsa", "maple-street-ehs")
    page.get_by_label("Open a cycle").select_option(label="Plan a new cycle…")
    expect(page.get_by_role("heading", name="Plan a new cycle")).to_be_visible(timeout=SAVE)
    page.get_by_label("Change idea tested").select_option(index=1)
    # first aimed where the idea's drivers point; the team adds the measure its chart below is of
    expect(page.get_by_label("Routines with positive descriptive feedback")).not_to_be_checked(timeout=SAVE)
    page.get_by_label("Routines with positive descriptive feedback").check()
    commit(page.get_by_label("Cycle title"), "Calm-down kit <b>pilot</b>")
    commit(page.get_by_label("Objective"), "See whether a calm-down kit shortens upsets")
    commit(page.get_by_label("Our predictions (what we think will happen)"), "Upsets last under 5 minutes")
    page.get_by_label("Family member").check()
    page.get_by_label("Start date").fill("2026-08-03")
    page.get_by_label("Start date").press("Tab")
    saved(page)
    commit(page.get_by_label("Do: what happened, and anything unexpected"), "Used it 9 times")
    commit(page.get_by_label("Study: what the results show, against our predictions"), "Upsets lasted 3 minutes")
    expect(page.get_by_role("group", name="Predictions and results")).to_contain_text("Upsets lasted 3 minutes",
                                                                                     timeout=SAVE)
    page.get_by_label("End date (when the test is done)").fill("2026-08-14")
    page.get_by_label("End date (when the test is done)").press("Tab")
    page.get_by_label("Act: our decision").select_option(label="Adapt")
    saved(page)
    expect(page.get_by_role("heading", name="Cycle: Calm-down kit <b>pilot</b>")).to_be_visible()
    page.get_by_role("button", name="Plan the next cycle on this ramp").click()
    expect(page.get_by_role("heading", name="Plan a new cycle")).to_be_visible(timeout=SAVE)
    commit(page.get_by_label("Cycle title"), "Calm-down kit in every room")
    commit(page.get_by_label("Objective"), "Spread the kit")
    page.get_by_label("Start date").fill("2026-09-07")
    page.get_by_label("Start date").press("Tab")
    saved(page)
    page.get_by_label("Act: our decision").select_option(label="Adopt")
    saved(page)
    ramp = page.locator(".bsc-ramp").filter(has_text="Calm-down kit in every room")
    expect(ramp.locator("svg[role=img]")).to_be_visible(timeout=SAVE)
    expect(ramp).to_contain_text("Calm-down kit in every room — Adopted", timeout=SAVE)
    expect(ramp).to_contain_text("Calm-down kit <b>pilot</b> — Adapted")
    if SHOTS:
        ramp.screenshot(path=str(SHOTS / "03_pdsa_ramp.png"))
    open_workbook(page, server, "04_measures", "maple-street-ehs")
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=LOAD)
    key = page.get_by_role("list", name="Marks on the chart").first     # numbered on the chart, named under it
    expect(key).to_contain_text("PDSA: Calm-down kit in every room (adopted)", timeout=SAVE)
    expect(key).to_contain_text("PDSA: Calm-down kit <b>pilot</b> (adapted)")
    expect(chart.locator(".annotation-text").filter(has_text=re.compile(r"^\d+$")).first).to_be_visible()
    assert chart.get_by_role("button", name="Share chart...").count() == 0, "a button uploads the chart online"
    if SHOTS:
        page.locator(".widget-output").filter(has=chart).first.screenshot(path=str(SHOTS / "04_measures_chart.png"))
    clean(page)


# ---- monthly report and the driver diagram -------------------------------------------------

def test_monthly_report_with_team_and_faculty_scores(page, server):
    open_workbook(page, server, "05_monthly_report", "eastside-community")
    expect(page.get_by_text(re.compile(r"\d+ months? missing"))).to_be_visible()
    page.get_by_label("Month", exact=True).select_option(index=0)
    expect(page.get_by_role("heading", name="Report for November 2026")).to_be_visible(timeout=SAVE)
    commit(page.get_by_label("Highlights: what went well this month"), "Families led the song circle 🎶")
    saved(page)
    page.get_by_label("Score (team’s)").select_option(index=5)
    expect(page.get_by_label("Score (faculty)")).to_be_hidden()  # faculty only: closed and read-only
    page.get_by_role("button", name="I am faculty: edit this score").click()
    page.get_by_label("Score (faculty)").select_option(index=4, timeout=SAVE)
    expect(page.locator(".js-plotly-plot").last).to_contain_text("Faculty score", timeout=SAVE)
    page.reload(wait_until="commit")
    page.get_by_label("Month", exact=True).select_option(index=0, timeout=LOAD)
    expect(page.get_by_role("heading", name="Report for November 2026")).to_be_visible(timeout=SAVE)
    expect(page.get_by_label("Highlights: what went well this month")).to_have_value(
        "Families led the song circle 🎶", timeout=LOAD)
    clean(page)


def test_driver_diagram_tick_an_idea_and_add_our_own(page, server):
    open_workbook(page, server, "02_driver_diagram", "little-acorns")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    box = page.locator(".bsc-page .widget-checkbox input:not(:checked)").first
    box.check()
    expect(page.get_by_role("status").filter(has_text="is one of the ideas we are testing")).to_be_visible(
        timeout=SAVE)
    commit(page.get_by_label("Our change idea (required)", exact=True), "Cozy corner <img src=x onerror=window.__pwned=1>")
    page.get_by_label("Under which secondary driver").select_option(index=1)
    page.get_by_role("button", name="Add our change idea").click()
    expect(page.locator("svg[role=img]").first).to_contain_text("Cozy corner <img src=x", timeout=SAVE)
    clean(page)


# ---- every chart kind from a workbook: rare events (G, T) and several values a period (Xbar, S) ----------

def _reading(page, text):
    expect(page.locator(".bsc-reading-box").filter(has_text=text).first).to_be_visible(timeout=SAVE)


def test_new_chart_kinds_from_form_paste_upload_export_and_import(page, server, tmp_path):
    from tests.support import bsc_bounded

    open_workbook(page, server, "04_measures", "little-acorns")
    settled(page, 1)
    page.get_by_label("Measure", exact=True).select_option(label="Days between send-homes")
    expect(page.get_by_label("Chart", exact=True)).to_have_value("G chart: days between events", timeout=SAVE)
    _reading(page, "Days between send-homes")
    # the form: one day's events
    page.get_by_label("Day of the event").fill("2026-11-12")
    page.get_by_label("Day of the event").press("Tab")
    expect(page.get_by_role("heading", name="Events on 12 November 2026")).to_be_visible(timeout=SAVE)
    commit(page.get_by_label(re.compile("^How many that day")), "2")
    saved(page)
    _reading(page, "The latest event was on 12 November 2026")
    # paste, then upload
    page.get_by_label("Paste rows").fill("Date\tCount\n2026-11-17\t1\n")
    page.get_by_role("button", name="Save pasted rows").click()
    expect(page.get_by_role("status").filter(has_text="1 new day with events")).to_be_visible(timeout=SAVE)
    _reading(page, "The latest event was on 17 November 2026")
    sheet = tmp_path / "send-homes.csv"
    sheet.write_text("Date,Count,Note\n2026-11-19,1,called to pick up early\n")
    _upload(page, sheet)
    expect(page.get_by_role("status").filter(has_text="Saved from send-homes.csv")).to_be_visible(timeout=SAVE)
    _reading(page, "The latest event was on 19 November 2026")
    page.get_by_label("Chart", exact=True).select_option(label="T chart: time between days with events")
    _reading(page, "Days between send-homes")
    # several values a period: typed, pasted, uploaded
    page.get_by_label("Measure", exact=True).select_option(label="Classroom interaction score, each observation")
    expect(page.get_by_label("Chart", exact=True)).to_have_value("Xbar chart: the mean each period", timeout=SAVE)
    page.get_by_label("Period", exact=True).select_option(index=0)   # the newest period: November 2026
    page.get_by_label(re.compile("^Values for November 2026")).fill("4.5, 5, six")
    page.get_by_role("button", name="Save this period’s values").click()
    expect(page.get_by_role("alert").filter(has_text="“six”, is not a number")).to_be_visible(timeout=SAVE)
    page.get_by_label(re.compile("^Values for November 2026")).fill("4.5, 5, 6")
    page.get_by_role("button", name="Save this period’s values").click()
    expect(page.get_by_role("status").filter(has_text="Saved 3 values for November 2026")).to_be_visible(
        timeout=SAVE)
    page.get_by_label("Replace numbers already entered for the same periods").check()
    page.get_by_label("Paste rows").fill("Month\tValue\n2026-10\t5.5\n2026-10\t6\n")
    page.get_by_role("button", name="Save pasted rows").click()
    expect(page.get_by_role("status").filter(has_text="Saved from pasted rows")).to_be_visible(timeout=SAVE)
    scores = tmp_path / "scores.csv"
    scores.write_text("Month,Value\n2026-09,5\n2026-09,5.5\n2026-09,6.5\n")
    _upload(page, scores)
    expect(page.get_by_role("status").filter(has_text="Saved from scores.csv")).to_be_visible(timeout=SAVE)
    page.get_by_label("Chart", exact=True).select_option(label="S chart: how much the values differ")
    _reading(page, "Classroom interaction score")
    # a mark with its reason, then export and import the workspace: the same chart and reading come back
    page.get_by_label("Mark", exact=True).select_option(label="A note on this point")
    page.get_by_label(re.compile("^Why")).fill("Three new observers this month")
    page.get_by_role("button", name="Save the mark").click()
    expect(page.get_by_role("status").filter(has_text="The mark is saved")).to_be_visible(timeout=SAVE)
    page.get_by_label("Chart", exact=True).select_option(label="Xbar chart: the mean each period")
    _reading(page, "has not yet met the goal of 5.5")          # the Xbar chart's reading (the S chart has no goal)
    before = page.locator(".bsc-reading-box").first.locator("p, li").all_text_contents()
    folder = tmp_path / "export"
    code, out = bsc_bounded("export", "--db", server["db"], folder)
    assert code == 0, out
    assert "2026-11-19" in (folder / "events.csv").read_text()
    assert "Three new observers" in (folder / "chart_marks.csv").read_text()
    code, out = bsc_bounded("import", "--db", server["db"], "--replace", folder)
    assert code == 0, out
    page.reload(wait_until="commit")
    open_workbook(page, server, "04_measures", "little-acorns")
    page.get_by_label("Measure", exact=True).select_option(label="Classroom interaction score, each observation")
    expect(page.locator(".bsc-reading-box").first.locator("p, li")).to_have_text(before, timeout=SAVE)
    expect(page.get_by_text("Three new observers this month").first).to_be_visible()
    clean(page)


def test_scripts_and_styles_are_sent_compressed(page, server):
    """A phone on conference Wi-Fi: no script or stylesheet of more than 50 kB travels uncompressed, nor do
    the widgets' messages (a page's state is one message of 300 kB on the PDSA page)."""
    traffic = Traffic(page)
    sent = traffic.responses
    open_workbook(page, server, "04_measures", "hearth-fcc")
    settled(page, 1)
    big = []
    for r in sent:
        kind = r.headers.get("content-type", "")
        if r.status == 200 and ("javascript" in kind or "css" in kind):
            size = len(r.body())
            if size > 50_000 and r.headers.get("content-encoding") not in ("gzip", "br"):
                big.append((r.url, size))
    assert big == [], f"sent uncompressed: {big}"
    assert traffic.websockets_compressed()
    assert any(r.headers.get("content-encoding") == "gzip" for r in sent)
    # extension files named by their content are kept a year; the rest are asked for again
    extensions = [r for r in sent if "/voila/labextensions/" in r.url and r.status == 200]
    hashed = [r for r in extensions if re.search(r"\.[0-9a-f]{16,}\.js$", r.url.split("?")[0])]
    assert hashed and all("immutable" in r.headers.get("cache-control", "") for r in hashed)
    assert all(r.headers.get("cache-control") == "no-cache" for r in extensions if r not in hashed)
    # Voilà's own scripts are asked for under its version, and kept
    voila = [r for r in sent if "/voila/static/" in r.url]
    assert voila and all(f"/voila/static/v{VOILA_VERSION}/" in r.url for r in voila)
    assert all("immutable" in r.headers.get("cache-control", "") for r in voila)
    # and brotli, once the server has made it (in the background; gzip meanwhile), is the same file, smaller
    url = next(r.url for r in voila if r.url.endswith("/voila.js"))
    deadline = time.time() + 30
    while (got := page.request.get(url, headers={"Accept-Encoding": "br"})).headers.get("content-encoding") != "br":
        assert time.time() < deadline, "never sent as brotli"
        time.sleep(0.5)
    gzipped = page.request.get(url, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["content-encoding"] == "gzip" and got.body() == gzipped.body()
    assert got.headers["etag"] != gzipped.headers["etag"]


def test_plotly_is_loaded_only_where_a_chart_is_drawn(page, server):
    """plotly.js is most of a page's weight: the home page has no chart and never asks for it; the measures
    page fetches one bundle, compressed, kept by the browser for good, and plotly's extension not at all."""
    sent = []
    page.on("response", lambda r: sent.append(r))
    page.goto(f"{server['url']}/voila/render/00_home.ipynb?team=sunrise-head-start", wait_until="commit")
    expect(page.get_by_label("Your team")).to_be_visible(timeout=LOAD)
    settled(page)
    assert [r.url for r in sent if "plotly" in r.url] == []
    open_workbook(page, server, "04_measures", "sunrise-head-start")
    settled(page, 1)
    plotly = [r for r in sent if "plotly" in r.url]
    assert [r.url.split("/voila/")[1] for r in plotly] == [f"bsc/{plotly_js.bundle()[1]}"]
    assert plotly[0].headers["content-encoding"] in ("gzip", "br")  # br once the server has made it
    assert "immutable" in plotly[0].headers["cache-control"]
    assert page.request.get(f"{server['url']}/voila/bsc/plotly.0123456789abcdef.js").status == 404


def _kernels(pid: int) -> int:
    """Kernels started under the server ``pid`` (its descendants running ipykernel)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = 0, list(children.get(pid, []))
    while stack:
        p = stack.pop()
        stack += children.get(p, [])
        try:
            found += b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes()
        except OSError:
            pass
    return found


def test_closing_pages_shuts_their_kernels_down(browser, server):
    """Each closed tab used to keep its kernel (about 130 MB) until the idle cull."""

    before = _kernels(server["pid"])
    context = browser.new_context()
    for k in range(20):
        pg = context.new_page()
        pg.goto(f"{server['url']}/voila/render/00_home.ipynb?team=sunrise-head-start", wait_until="commit")
        expect(pg.get_by_label("Your team")).to_be_visible(timeout=LOAD)
        assert any(c["name"] == "_xsrf" for c in context.cookies()), "the page sets the cookie its unload sends"
        pg.close(run_before_unload=True)
    deadline = time.time() + 20
    while _kernels(server["pid"]) > before and time.time() < deadline:
        time.sleep(0.5)
    assert _kernels(server["pid"]) <= before, f"{_kernels(server['pid']) - before} closed pages kept their kernels"
    close_like_a_person(context)


def test_a_dropped_connection_is_said_plainly_and_loses_nothing(browser, server):
    """Conference Wi-Fi: the network goes in the middle of an edit and comes back."""
    from bsc_widgets.store import Store
    from tests.support import Relay

    relay = Relay(int(server["url"].rsplit(":", 1)[1]))
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    try:
        pg.goto(f"http://127.0.0.1:{relay.port}/voila/render/01_charter.ipynb?team=hearth-fcc", wait_until="commit")
        rhythm = pg.get_by_label("Meeting rhythm (when and how often the team meets)")
        expect(rhythm).to_be_visible(timeout=LOAD)
        expect(pg.get_by_role("status").filter(has_text="The connection is lost")).to_be_hidden()
        relay.cut()
        expect(pg.get_by_text("The connection is lost.")).to_be_visible(timeout=SAVE)
        commit(rhythm, "Mondays, typed while offline")
        expect(rhythm).to_have_class(re.compile("bsc-unsent"))
        expect(pg.locator(".bsc-savebar .bsc-savestate")).to_have_text("Saving…")   # said at once, in view
        expect_in_view(pg.locator(".bsc-savebar .bsc-savestate"))
        expect(rhythm).to_have_value("Mondays, typed while offline")
        relay.restore()
        expect(pg.get_by_text("Connected again.")).to_be_visible(timeout=60_000)
        expect(pg.get_by_text("The connection is lost.")).to_be_hidden()
        expect(rhythm).not_to_have_class(re.compile("bsc-unsent"))
        saved(pg)
        assert Store.open(server["db"]).team("hearth-fcc").meeting_rhythm == "Mondays, typed while offline"
    finally:
        close_like_a_person(context)
        relay.close()


# ---- every page on a phone and a desktop: controls a thumb can hit, a focus ring, nothing cut off ----------

EVERY_PAGE = {"00_home": "Growing Together: Social-Emotional Learning Collaborative", **WORKBOOKS,
              "coach_dashboard": "Coach dashboard", "collaborative_setup": "Collaborative set-up",
              "participation": "Participation and dosage", "equity": "Equity: measures by group",
              "spread": "Spread of change ideas", "leaders/system_assessment": "System assessment: the PD Matrix",
              "storyboards": "Storyboards for a session", "shared_by_teams": "Shared by teams",
              "change_package": "Change package"}
TEAM_PAGES = {"00_home", *WORKBOOKS}
SIZES = {"phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
         "desktop": dict(viewport={"width": 1280, "height": 900})}
SMALLEST = {"phone": 44, "desktop": 36}
# Every visible control, measured as a person meets it: a checkbox with its words (one target), a link unless
# it sits inside a sentence. Each is focused from the keyboard's side and its outline compared with before.
CONTROLS_JS = """() => {
  const visible = e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
  const ring = e => { const s = getComputedStyle(e);
    return s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : s.outlineStyle + s.outlineWidth + s.outlineColor; };
  const out = [];
  for (const e of document.querySelectorAll('input, select, textarea, button, a[href], summary')) {
    if (!visible(e) || e.type === 'file' || e.type === 'hidden' || e.closest('.js-plotly-plot, #bsc-connection')) continue;
    if (e.tagName === 'A' && e.closest('p') && !e.classList.contains('bsc-download')) continue;  // in a sentence
    const target = (e.type === 'checkbox' || e.type === 'radio') && e.closest('label') ? e.closest('label') : e;
    const box = target.getBoundingClientRect();
    e.focus({focusVisible: true});
    const focused = ring(e);
    e.blur();
    const value = e.value || '';
    const cut = e.type !== 'checkbox' && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(e.tagName) && (
      (e.tagName !== 'TEXTAREA' && e.scrollHeight > e.clientHeight + 1) ||
      (e.scrollWidth > e.clientWidth + 1 && (e.tagName === 'BUTTON' || value.length <= 24)));
    out.push({what: (e.tagName + ' ' + (e.labels && e.labels[0] ? e.labels[0].innerText : (e.innerText || value))).slice(0, 70),
              height: Math.round(box.height), ring: focused !== 'none', cut});
  }
  for (const l of document.querySelectorAll('.widget-label, button, summary')) {
    if (visible(l) && l.scrollWidth > l.clientWidth + 1)
      out.push({what: 'text cut off: ' + l.innerText.slice(0, 60), height: 99, ring: true, cut: true});
  }
  return out;
}"""


def open_any(page, server, name):
    query = "?team=sunrise-head-start" if name in TEAM_PAGES else ""
    page.goto(f"{server['url']}/voila/render/{name}.ipynb{query}", wait_until="commit")
    try:
        expect(page.get_by_role("heading", name=EVERY_PAGE[name], exact=True)).to_be_visible(timeout=LOAD)
    except AssertionError as exc:      # what the server said meanwhile, for a failure seen only on CI
        raise AssertionError(f"{exc}\n--- the server's log, last lines ---\n{log_tail(server)}") from None
    settled(page, CHARTS.get(name, 0))


@pytest.mark.parametrize("name", list(EVERY_PAGE))
def test_every_control_can_be_hit_focused_and_read(browser, server, name):
    """The squashed dropdowns (17 px), half-shown dates, 13 px checkboxes and missing focus outlines of before:
    every visible control is at least 44 px tall on a phone and 36 px on a desktop, shows a focus ring, and
    shows all of its text. The page is opened on a desktop, then the same page is narrowed to a phone's width
    (the stylesheet's phone rules follow the width, as well as a touch screen)."""
    context = browser.new_context(**SIZES["desktop"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    try:
        open_any(page, server, name)
        for size in ("desktop", "phone"):
            if size == "phone":
                page.set_viewport_size(SIZES["phone"]["viewport"])
                page.evaluate("document.getElementById('rendered_cells').scrollTo(0, 0)")
                page.wait_for_timeout(300)          # the page lays itself out again (charts redraw)
            if SHOTS:            # the first screen, as a person meets it
                folder = SHOTS / size
                folder.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(folder / f"{name.replace('leaders/', '')}.png"))
            controls = page.evaluate(CONTROLS_JS)
            assert len(controls) >= 1
            assert [c["what"] for c in controls if c["height"] < SMALLEST[size]] == [], f"too small to hit ({size})"
            assert [c["what"] for c in controls if not c["ring"]] == [], f"controls with no focus ring ({size})"
            assert [c["what"] for c in controls if c["cut"]] == [], f"text cut off inside a control ({size})"
            assert page.evaluate("document.scrollingElement.scrollWidth") <= SIZES[size]["viewport"]["width"] + 2
            if size == "phone":
                page.wait_for_timeout(700)          # plotly redraws a chart for the new width
                assert_reads_on_a_phone(page)
        assert page.errors == []
    finally:
        close_like_a_person(context)


def expect_in_view(*locators) -> None:
    """Wholly on the screen. Waited for, as a person's eye would: the bar is redrawn with each new word from
    the server, and a one-off measure can fall between two drawings."""
    for locator in locators:
        expect(locator).to_be_in_viewport(ratio=1, timeout=SAVE)


def test_a_new_record_waits_for_the_person_and_the_save_state_stays_in_view_on_a_phone(browser, server):
    """A teacher on a phone plans a cycle: choosing the change idea shows no error about fields not reached
    yet; the bar at the top of the screen says what is still needed, then "Saved", wherever the field is."""
    context = browser.new_context(**SIZES["phone"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    try:
        page.goto(f"{server['url']}/voila/render/03_pdsa.ipynb?team=riverbend-prek", wait_until="commit")
        expect(page.get_by_role("heading", name="PDSA planner and log", exact=True)).to_be_visible(timeout=LOAD)
        bar = page.locator(".bsc-savebar .bsc-savestate")
        page.get_by_label("Open a cycle").select_option(label="Plan a new cycle…")
        expect(page.get_by_role("heading", name="Plan a new cycle")).to_be_visible(timeout=SAVE)
        page.get_by_label("Change idea tested").select_option(index=1)
        expect(bar).to_have_text("Not saved yet: fill in Cycle title, Objective.", timeout=SAVE)
        expect_in_view(bar)
        expect(page.get_by_role("alert")).to_have_count(0)        # no error for fields not reached yet
        commit(page.get_by_label("Cycle title"), "Song cards at circle")
        expect(bar).to_have_text("Not saved yet: fill in Objective.", timeout=SAVE)
        expect(page.get_by_role("alert")).to_have_count(0)
        objective = page.get_by_label("Objective")
        objective.scroll_into_view_if_needed()
        commit(objective, "See whether song cards make circle time calmer")
        expect(bar).to_have_text(re.compile(r"^Saved \d\d:\d\d$"), timeout=SAVE)
        expect_in_view(bar, objective)     # the save state is in view beside the field being edited
        expect(page.locator(".bsc-field-note").filter(has_text=re.compile(r"Saved \d\d:\d\d"))).to_be_visible()
        # a field left wrong says so under itself, in one plain sentence, and nothing else is lost
        start = page.get_by_label("Start date (required)")
        commit(start, "the 16th")
        expect(page.get_by_role("alert").filter(has_text="“the 16th” is not a date we can read")).to_be_visible(
            timeout=SAVE)
        expect(bar).to_have_text(re.compile(r"^Not saved"))
        assert "Please check: Please check" not in page.inner_text("body")
        commit(start, "16 Nov 2026")
        expect(start).to_have_value("16 November 2026", timeout=SAVE)
        expect(bar).to_have_text(re.compile(r"^Saved \d\d:\d\d$"), timeout=SAVE)
        # "Plan the next cycle" keeps the keyboard in the new cycle, not on the page's body
        page.get_by_role("button", name="Plan the next cycle on this ramp").click()
        expect(page.get_by_label("Cycle title")).to_be_focused(timeout=SAVE)
        assert page.errors == []
    finally:
        close_like_a_person(context)


def test_the_loading_screen_names_the_page_and_the_team(page, server):
    """While a page's kernel starts, the person sees which page is opening, for which team, not "Running …"."""
    html = page.request.get(f"{server['url']}/voila/render/03_pdsa.ipynb?team=sunrise-head-start").text()
    loading = html.split('id="loading"', 1)[1].split("</div>", 1)[0]
    assert "Opening PDSA planner and log" in loading and "for Sunrise Head Start" in loading
    assert "Running" not in loading
    other = page.request.get(f"{server['url']}/voila/render/spread.ipynb").text()
    assert "Opening Spread of change ideas" in other.split('id="loading"', 1)[1].split("</div>", 1)[0]
    unknown = page.request.get(f"{server['url']}/voila/render/03_pdsa.ipynb?team=%3Cb%3Enobody").text()
    shown = unknown.split('id="loading"', 1)[1].split("</div>", 1)[0]
    assert "Opening PDSA planner and log" in shown and "for " not in shown and "<b>" not in shown


def test_a_page_in_spanish_reads_its_charts_in_spanish_and_the_choice_is_remembered(browser, server):
    """``?lang=es``: the loading screen, the page's own words and the chart readings are in Spanish, and the browser
    keeps the choice (a page opened later without ``lang`` is Spanish too) until "English" is chosen."""
    context = browser.new_context()
    page = context.new_page()
    base = f"{server['url']}/voila/render/04_measures.ipynb?team=sunrise-head-start"
    html = page.request.get(base + "&lang=es").text()
    loading = html.split('id="loading"', 1)[1].split("</div>", 1)[0]
    assert "Abriendo: Medidas y gráficas de serie temporal" in loading and "para Sunrise Head Start" in loading
    assert "Se perdió la conexión." in html and "Preparando su página" in html
    page.goto(base + "&lang=es", wait_until="commit")
    verdict = page.locator(".bsc-verdict").first
    expect(verdict).to_be_visible(timeout=LOAD)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert re.search(r"una señal de (mejora|empeoramiento|cambio)|todavía sin cambio|se necesitan? ", verdict.inner_text())
    assert page.get_by_role("link", name="English").is_visible()
    assert page.get_by_role("link", name="Español").count() == 0

    page.goto(base, wait_until="commit")          # no ?lang=: the browser's remembered choice
    expect(page.locator(".bsc-verdict").first).to_be_visible(timeout=LOAD)
    assert page.evaluate("document.documentElement.lang") == "es"
    page.get_by_role("link", name="English").click()
    verdict = page.locator(".bsc-verdict").first
    expect(verdict).to_be_visible(timeout=LOAD)
    assert re.search(r"a signal of|no change yet|needed", verdict.inner_text())
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "lang=en" in page.url and "team=sunrise-head-start" in page.url
    close_like_a_person(context)
