"""A report opened from disk with the network off, as from an email attachment: plots and readings render."""
import os
import shutil
import subprocess
import sys

import pytest

from tests.support import close_like_a_person
from playwright.sync_api import expect

from tests.browser.conftest import assert_reads_on_a_phone, open_offline

pytestmark = pytest.mark.browser
WIDE = {"width": 1100, "height": 900}


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory, pristine_db):
    base = tmp_path_factory.mktemp("offline-reports")
    db = base / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "reports", "--db", str(db), "--out",
                             str(base / "out"), "--period", "2026-10", "--team", "sunrise-head-start"],
                            capture_output=True, text=True, timeout=600, env=dict(os.environ, BSC_TODAY="2026-11-22"))
    assert result.returncode == 0, result.stderr
    return base / "out" / "2026-10"


@pytest.mark.parametrize("name,reading", [
    ("sunrise-head-start", "What the chart says"),
    ("collaborative", "Who needs attention"),
])
def test_report_renders_offline_from_disk(browser, report_folder, name, reading):
    context, page, errors, online = open_offline(browser, report_folder / f"{name}.html", WIDE)
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_attached(timeout=30_000)
    page.wait_for_function("""() => [...document.querySelectorAll('.plotly-graph-div')]
        .every(d => d.querySelector('.main-svg'))""", timeout=30_000)     # every chart drawn, not only the first
    assert page.locator(".js-plotly-plot").count() >= 3
    if name == "sunrise-head-start":
        expect(page.get_by_text("Questions for the coaching call")).to_be_visible()
        expect(page.locator(".bsc-verdict").first).to_be_visible()
    else:
        expect(page.get_by_role("heading", name=reading)).to_be_visible()
    assert errors == [] and online == []
    close_like_a_person(context)


def test_a_team_report_reads_on_a_phone(browser, report_folder):
    """At 390 px, as a parent opens the e-mailed report: nothing scrolls sideways, the driver diagram reads top to
    bottom, and no word of the diagram or of a chart is smaller than the report's body text."""
    context, page, errors, online = open_offline(browser, report_folder / "sunrise-head-start.html",
                                                 {"width": 390, "height": 844})
    page.wait_for_function("""() => [...document.querySelectorAll('.plotly-graph-div')]
        .every(d => d.querySelector('.main-svg'))""", timeout=30_000)
    assert_reads_on_a_phone(page)
    expect(page.locator(".bsc-dd-tall")).to_be_visible()
    expect(page.locator(".bsc-dd-wide")).to_be_hidden()
    assert errors == [] and online == []
    close_like_a_person(context)


def test_index_links_every_report(browser, report_folder):
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((report_folder / "index.html").as_uri())
    expect(page.get_by_role("link", name="Sunrise Head Start: October 2026")).to_be_visible()
    page.get_by_role("link", name="Sunrise Head Start: October 2026").click()
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    close_like_a_person(context)


def test_the_effectiveness_summary_renders_offline(browser, tmp_path, pristine_db):
    from pathlib import Path

    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "reports", "--db", str(db), "--out",
                             str(tmp_path / "out"), "--final"], capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, BSC_TODAY="2026-11-22"))
    assert result.returncode == 0, result.stderr
    context, page, errors, online = open_offline(browser, tmp_path / "out" / "final" / "final.html", WIDE)
    expect(page.get_by_role("heading", name="Baseline against the end, by signals")).to_be_visible()
    expect(page.get_by_label("End against baseline, by signals")).to_contain_text("Improved")
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_attached(timeout=30_000)
    shots = os.environ.get("BSC_SCREENSHOTS")
    if shots:
        page.screenshot(path=str(Path(shots) / "final_report.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": 1100, "height": 1500})
    assert errors == [] and online == []
    close_like_a_person(context)
