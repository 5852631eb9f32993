"""Every workbook in Spanish, in a real Chromium: every page a team member uses, from the home page to the monthly
report, the coaches', advisors' and leaders' pages, and the report ``bsc reports`` makes for the team, show none of
the catalog's English sentences and none of English's common small words, other than what people typed (names,
the team's own words). Nuestra Casa works in Spanish, so its pages are Spanish without any ``?lang=``; the
collaborative's pages are asked for in Spanish (``?lang=es``). The sample's shared framework has Spanish versions,
so no "(in English)" mark appears either."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import close_like_a_person
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from bsc_widgets.base.language import catalog_path
from tests.browser.conftest import open_offline

pytestmark = pytest.mark.browser
LOAD = 90_000
TEAM = "nuestra-casa-fcc"
SHOTS = Path(os.environ["BSC_SCREENSHOTS"]) if os.environ.get("BSC_SCREENSHOTS") else None
PAGES = {"00_home": "Sus cuadernos de trabajo", "01_charter": "Acta del equipo y lista de integrantes",
         "02_driver_diagram": "Diagrama de impulsores", "03_pdsa": "Planificador y registro de ciclos PDSA",
         "04_measures": "Medidas y gráficas de serie temporal", "05_monthly_report": "Informe mensual",
         "06_storyboard": "Nuestro cartel"}
COLLABORATIVE_PAGES = {"coach_dashboard": "Panel del coach", "participation": "Participación y dosis",
                       "equity": "Equidad: medidas por grupo", "spread": "Difusión de las ideas de cambio",
                       "collaborative_setup": "Configuración del colaborativo",
                       "leaders/system_assessment": "Evaluación del sistema: la Matriz de DP",
                       "storyboards": "Carteles para una sesión", "shared_by_teams": "Compartido por los equipos",
                       "change_package": "Paquete de cambios"}
ENGLISH_MONTHS = re.compile(r"\b(Jan|Apr|Aug|Dec)\b")


def tick_words(ticks) -> str:
    """An axis's labels as read: a month over its year ("ene" then "2026") is two words."""
    return " ".join(ticks.evaluate_all("els => els.map(e => [...e.querySelectorAll('text tspan.line')].length ? "
                                       "[...e.querySelectorAll('text tspan.line')].map(t => t.textContent).join(' ') "
                                       ": e.textContent)"))


# words English writes in nearly every sentence and Spanish never does: text no catalog message holds (a sentence
# built in code, a template's own words) is caught by them
ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|this|your|is|are|was|has|have|by|to|from)\b")


def _typed(db, framework_too: bool = False) -> list[str]:
    """What people typed, in any language: every stored text but the shared framework's English (a Spanish page
    must show its Spanish version, so the English left on the page would be found), unless the page edits the
    framework in both languages (set-up)."""
    from bsc_widgets.model import RECORD_TYPES
    from bsc_widgets.store import Store

    store = Store.open(str(db), read_only=True)
    found = set()
    for kind in RECORD_TYPES.values():
        for record in store.list(kind):
            shared = set(kind.TRANSLATED) if getattr(record, "team_id", None) is None and not framework_too else set()
            found |= {v for k, v in record.model_dump().items() if isinstance(v, str) and len(v) > 3
                      and k not in shared}
    return sorted(found, key=len, reverse=True)


def _english_left(shown: str, db, framework_too: bool = False) -> list[str]:
    shown = shown.replace("\xa0", " ")       # a phrase kept on one line is still the phrase typed
    for text in _typed(db, framework_too):
        shown = shown.replace(text, " ")
    left = [s for s in _english_sentences() if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", shown)]
    words = [line.strip() for line in shown.splitlines() if ENGLISH_WORDS.search(line)]
    return left + words + (["(en inglés)"] if "(en inglés)" in shown else [])


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


@pytest.mark.parametrize("name", list(PAGES) + list(COLLABORATIVE_PAGES))
def test_every_workbook_in_spanish_has_no_english_left(browser, server, name):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    query = f"team={TEAM}" if name in PAGES else "lang=es"
    page.goto(f"{server['url']}/voila/render/{name}.ipynb?{query}", wait_until="commit")
    expect(page.get_by_text({**PAGES, **COLLABORATIVE_PAGES}[name]).first).to_be_visible(timeout=LOAD)
    page.wait_for_load_state("networkidle", timeout=LOAD)
    assert page.evaluate("document.documentElement.lang") == "es"
    if name == "04_measures":      # the chart's axis speaks Spanish too
        expect(page.locator(".js-plotly-plot .xtick").first).to_be_attached(timeout=LOAD)
        ticks = tick_words(page.locator(".js-plotly-plot .xtick"))
        assert not ENGLISH_MONTHS.search(ticks) and re.search(r"\b(ene|abr|ago|dic)\b", ticks), ticks
    left = _english_left(page.inner_text("body"), server["db"], framework_too=name == "collaborative_setup")
    assert not left, f"English left on {name}: {left[:10]}"
    buttons = [t.strip() for t in page.locator("button:visible").all_inner_texts()]
    english = [t for t in buttons if t in _changed_in_spanish()]
    assert not english, f"English buttons on {name}: {english}"
    assert page.get_by_role("link", name="English").is_visible()
    if SHOTS:
        (SHOTS / "phone").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "phone" / f"{name.replace('/', '_')}.es.png"))
    close_like_a_person(context)


def test_a_spanish_teams_monthly_report_is_made_in_spanish_and_opens_offline(browser, tmp_path, pristine_db):
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "reports", "--db", str(db), "--out",
                             str(tmp_path / "out"), "--period", "2026-10", "--team", TEAM],
                            capture_output=True, text=True, timeout=600, env=dict(os.environ, BSC_TODAY="2026-11-22"))
    assert result.returncode == 0, result.stderr
    context, page, errors, online = open_offline(browser, tmp_path / "out" / "2026-10" / f"{TEAM}.html",
                                                 {"width": 390, "height": 844})
    expect(page.get_by_text("Preguntas para la llamada con el coach")).to_be_visible()
    expect(page.locator(".js-plotly-plot .xtick").first).to_be_attached(timeout=30_000)
    assert page.locator(".bsc-report").get_attribute("lang") == "es"
    assert "Lo que dice la gráfica" in page.inner_text("body") or page.locator(".bsc-verdict").count()
    assert not ENGLISH_MONTHS.search(tick_words(page.locator(".xtick")))
    left = _english_left(page.inner_text("body"), db)
    assert not left, f"English left in the report: {left[:10]}"
    assert errors == [] and online == []
    if SHOTS:
        (SHOTS / "phone").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "phone" / "team_report.es.png"))
    close_like_a_person(context)
