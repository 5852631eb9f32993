"""The Spanish catalog is complete and agrees with the code: every message the code marks is in it, translated,
not fuzzy, with the same placeholders; and the compiled catalog is what the pages use."""
import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bsc_widgets.base import language
from bsc_widgets.base.language import LANGUAGES, _, catalog_path, compiled, day, n_, speaking

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "Np_": (1, 2), "gettext": None, "ngettext": (1, 2)}
TRANSLATED = [code for code in LANGUAGES if code != language.ENGLISH]


def _code_messages() -> set:
    """What the code marks for translation now, read the way ``make catalog`` reads it (babel.cfg)."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    return {message for _file, _line, message, _comments, _context in
            extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS)}


def _catalog(code: str):
    with catalog_path(code).open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_in_the_code_is_in_the_catalog_and_translated(code):
    catalog = _catalog(code)
    entries = {m.id: m for m in catalog if m.id}
    missing = [m for m in _code_messages() if m not in entries]
    assert not missing, f"run `make catalog`, then translate: {missing[:10]}"
    untranslated = [m.id for m in entries.values()
                    if not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in entries.values() if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} without a translation: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} marked fuzzy (check them, then remove the flag): {fuzzy[:10]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_translation_has_the_placeholders_of_its_source(code):
    wrong = []
    for m in _catalog(code):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        source = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for s in strings:
            names = set(PLACEHOLDER.findall(s))
            # a singular form may leave out the count ("un mes": n in our code, num in templates); no form may bring
            # one the source lacks
            if not names <= source or (names != source and not (isinstance(m.id, tuple)
                                                                and source - names <= {"n", "num"})):
                wrong.append((m.id, s))
            if _lone_percents(s) != _lone_percents(ids[-1]):
                wrong.append((m.id, s, "a % sign that its source does not have (or the other way round)"))
    assert not wrong, wrong[:5]


def _lone_percents(text: str) -> int:
    return text.count("%") - 2 * text.count("%%") - len(PLACEHOLDER.findall(text))


def test_the_installed_catalog_is_compiled_from_the_current_one():
    """``pip install`` (make install) compiles the catalogs: a fresh clone serves Spanish from a compiled file."""
    for code in TRANSLATED:
        mo = catalog_path(code, ".mo")
        assert mo.exists(), f"{mo} is missing: reinstall (make install) to compile the catalogs"
        with mo.open("rb") as handle:
            installed = gettext.GNUTranslations(handle)._catalog
        current = gettext.GNUTranslations(io.BytesIO(compiled(catalog_path(code))))._catalog
        assert installed == current, f"{mo} is older than its catalog: make install"


def test_words_dates_and_counts_follow_the_language():
    import datetime as dt

    with speaking("es"):
        assert _("median") == "mediana"
        assert n_("%(n)s month", "%(n)s months", 1) == "1 mes"
        assert n_("%(n)s month", "%(n)s months", 4) == "4 meses"
        assert day(dt.date(2026, 12, 2)) == "2 de diciembre de 2026"
        assert day(dt.date(2026, 12, 2), "month") == "diciembre de 2026"
        assert language.language() == "es"
    assert language.language() == "en" and _("median") == "median"
    assert day(dt.date(2026, 12, 2)) == "2 December 2026"
    assert [language.known(c) for c in ("es-MX", "ES_us", "es", "fr", None, "", "en-GB")] == \
        ["es", "es", "es", None, None, None, "en"]


def test_names_are_listed_as_each_language_joins_them():
    assert language.listing(["Teachers", "Families"]) == "Teachers and Families"
    assert language.listing(["teachers", "staff", "families"], "or") == "teachers, staff, or families"
    with speaking("es"):
        assert language.listing(["maestras", "personal", "familias"], "or") == "maestras, personal o familias"
        assert language.listing(["Maestras", "Familias"]) == "Maestras y Familias"


def test_the_terminals_language_is_read_as_gettext_reads_it():
    from bsc_widgets.base.language import from_environment

    assert from_environment({"LANG": "es_US.UTF-8"}) == "es"
    assert from_environment({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}) == "es"
    assert from_environment({"LC_ALL": "C.UTF-8", "LANG": "es_MX.UTF-8"}) == "en"    # the first one set decides
    assert from_environment({"LANG": "fr_FR.UTF-8"}) == "en" and from_environment({}) == "en"
