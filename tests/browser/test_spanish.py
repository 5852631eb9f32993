"""A Spanish-speaking team's workbooks in Spanish, in a real Chromium: the pages translated so far show none of the
catalog's English sentences. Nuestra Casa works in Spanish, so its pages are Spanish without any ``?lang=``."""
import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from bsc_widgets.language import catalog_path

pytestmark = pytest.mark.browser
LOAD = 90_000
TEAM = "nuestra-casa-fcc"
PAGES = {"00_home": "Elija su equipo para ver", "01_charter": "Acta del equipo y lista de integrantes",
         "03_pdsa": "Planificador y registro de ciclos PDSA", "05_monthly_report": "Informe mensual"}


def _english_sentences() -> list[str]:
    """The catalog's English messages a reader would notice: whole phrases, without placeholders."""
    with catalog_path("es").open("rb") as handle:
        catalog = read_po(handle)
    ids = [i for m in catalog if m.id for i in (m.id if isinstance(m.id, tuple) else (m.id,))]
    return sorted({i for i in ids if len(i) >= 14 and "%(" not in i and " " in i and "<" not in i})


@pytest.mark.parametrize("name", list(PAGES))
def test_a_spanish_teams_page_has_no_english_sentence_left(browser, server, name):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server['url']}/voila/render/{name}.ipynb?team={TEAM}", wait_until="commit")
    expect(page.get_by_text(PAGES[name]).first).to_be_visible(timeout=LOAD)
    page.wait_for_load_state("networkidle", timeout=LOAD)
    assert page.evaluate("document.documentElement.lang") == "es"
    shown = page.inner_text("body")
    left = [s for s in _english_sentences() if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", shown)]
    assert not left, f"English left on {name}: {left[:10]}"
    assert page.get_by_role("link", name="English").is_visible()
    context.close()
