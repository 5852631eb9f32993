"""A Spanish-speaking team's workbooks in Spanish, in a real Chromium: the pages translated so far show none of the
catalog's English sentences, other than what people typed (the collaborative's phases, measures and aims, names).
Nuestra Casa works in Spanish, so its pages are Spanish without any ``?lang=``."""
import os
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from bsc_widgets.language import catalog_path

pytestmark = pytest.mark.browser
LOAD = 90_000
TEAM = "nuestra-casa-fcc"
SHOTS = Path(os.environ["BSC_SCREENSHOTS"]) if os.environ.get("BSC_SCREENSHOTS") else None
PAGES = {"00_home": "Sus cuadernos de trabajo", "01_charter": "Acta del equipo y lista de integrantes",
         "03_pdsa": "Planificador y registro de ciclos PDSA", "05_monthly_report": "Informe mensual"}


def _typed(db) -> list[str]:
    """Every piece of text stored in the workspace: what people typed is shown as typed, in any language."""
    from bsc_widgets.model import RECORD_TYPES
    from bsc_widgets.store import Store

    store = Store.open(str(db), read_only=True)
    found = set()
    for kind in RECORD_TYPES.values():
        for record in store.list(kind):
            found |= {v for v in record.model_dump().values() if isinstance(v, str) and len(v) > 3}
    return sorted(found, key=len, reverse=True)


def _changed_in_spanish() -> set[str]:
    """Every English message whose Spanish differs (a button's word, however short)."""
    with catalog_path("es").open("rb") as handle:
        return {m.id for m in read_po(handle) if isinstance(m.id, str) and m.id and m.string != m.id}


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
    for text in _typed(server["db"]):
        shown = shown.replace(text, " ")
    left = [s for s in _english_sentences() if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", shown)]
    assert not left, f"English left on {name}: {left[:10]}"
    buttons = [t.strip() for t in page.locator("button:visible").all_inner_texts()]
    english = [t for t in buttons if t in _changed_in_spanish()]
    assert not english, f"English buttons on {name}: {english}"
    assert page.get_by_role("link", name="English").is_visible()
    if SHOTS:
        (SHOTS / "phone").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "phone" / f"{name}.es.png"))
    context.close()
