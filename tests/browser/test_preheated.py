"""Pages made ahead of their visitors (``bsc serve`` keeps a kernel ready per workbook when the machine has the
memory): each still opens for the team and in the language asked, says which page and team while it opens, and
speaks the page's language in its own words (the connection bar, "Saving…")."""
import os
import shutil
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_workbooks import LOAD, WORKBOOKS
from tests.support import close_like_a_person, stop

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def preheated(tmp_path_factory, pristine_db, today):
    folder = tmp_path_factory.mktemp("preheated")
    db = folder / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    log = folder / "voila.log"
    from tests.browser.conftest import _free_port

    port = _free_port()
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "bsc_widgets.cli", "serve", "--db", str(db), "--port",
                                 str(port), "--preheat", "1"], stdout=fh, stderr=subprocess.STDOUT,
                                env=dict(os.environ, BSC_TODAY=today), start_new_session=True)
    try:
        deadline = time.time() + 240      # every workbook's kernel started and its imports done
        while log.read_text().count("is filled with 1 kernel") < 3 or "Serving the workbooks" not in log.read_text():
            assert proc.poll() is None and time.time() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        yield {"url": f"http://127.0.0.1:{port}", "log": log}
    finally:
        stop(proc)


def opened(browser, url: str):
    """(context, page, the loading screen's words as first shown, the page's script errors)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="commit")
    loading = page.locator("#loading")
    expect(loading.locator(".bsc-opening-page")).not_to_have_text("Opening the workbook", timeout=LOAD)  # named
    return context, page, loading.text_content(), errors


def test_a_page_made_ahead_opens_for_the_team_and_language_asked(browser, preheated):
    before = preheated["log"].read_text().count("Using pre-heated kernel")
    context, page, loading, errors = opened(
        browser, f"{preheated['url']}/voila/render/03_pdsa.ipynb?team=sunrise-head-start&lang=es")
    try:
        assert "Abriendo: Planificador y registro de ciclos PDSA" in loading and "para Sunrise Head Start" in loading, loading
        expect(page.locator(".bsc-team-name")).to_have_text("Sunrise Head Start", timeout=LOAD)
        assert page.evaluate("document.documentElement.lang") == "es"
        expect(page.locator("#bsc-connection .bsc-when-lost")).to_contain_text("Se perdió la conexión.")
        assert preheated["log"].read_text().count("Using pre-heated kernel") > before, "a kernel made ahead was used"
        assert errors == []
    finally:
        close_like_a_person(context)


def test_a_spanish_teams_page_made_ahead_speaks_spanish_once_shown(browser, preheated):
    """No ?lang= and no choice remembered: the page is Nuestra Casa's, whose language is Spanish. Made before anyone
    asked, the page opens in the browser's words, then says its own in Spanish once the page is shown."""
    context, page, loading, errors = opened(
        browser, f"{preheated['url']}/voila/render/01_charter.ipynb?team=nuestra-casa-fcc")
    try:
        assert "Opening Team charter and roster" in loading and "for Nuestra Casa" in loading, loading
        expect(page.get_by_role("heading", name="Acta del equipo y lista de integrantes")).to_be_visible(timeout=LOAD)
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.locator("#bsc-connection .bsc-when-lost")).to_contain_text("Se perdió la conexión.")
        assert errors == []
    finally:
        close_like_a_person(context)


def test_an_english_page_made_ahead_stays_english(browser, preheated):
    context, page, loading, errors = opened(
        browser, f"{preheated['url']}/voila/render/01_charter.ipynb?team=hearth-fcc&lang=en")
    try:
        assert "Opening Team charter and roster" in loading and "for Hearth" in loading, loading
        expect(page.get_by_role("heading", name=WORKBOOKS["01_charter"], exact=True)).to_be_visible(timeout=LOAD)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.locator("#bsc-connection .bsc-when-lost")).to_contain_text("The connection is lost.")
        assert errors == []
    finally:
        close_like_a_person(context)
