"""The language a page, report or message is in, and the one way text is translated: gettext catalogs through
Babel (``locale/es/LC_MESSAGES/bsc.po``), never a dictionary of our own.

Text is written in English in the code, as whole sentences with named placeholders (``%(name)s``), and
passed through ``_`` (or ``n_`` where a count decides the words), so a translator sees the sentence, not
fragments. The language is set once per page, report or command (``speaking``), and every ``_`` call
below it uses it. Dates and numbers are shown through ``day`` and ``number`` (Babel's locale data):
Spanish as written in U.S. programs (``es_US``: "2 de diciembre de 2026", a decimal point).

The catalogs are compiled when the package is built or installed (``hatch_build.py``). A catalog edited
since (a clone under development) is compiled here, in memory, the first time it is needed.
"""
from __future__ import annotations

import datetime as dt
import gettext
import io
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LANGUAGES = {"en": "English", "es": "Español"}      # each named in itself, for the language switch
ENGLISH = "en"
DOMAIN = "bsc"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
BABEL_LOCALES = {"en": "en_US", "es": "es_US"}
_PATTERNS = {
    "en": {"long": "d MMMM y", "short": "d MMM y", "month": "MMMM y", "short_month": "MMM y"},
    "es": {"long": "d 'de' MMMM 'de' y", "short": "d MMM y", "month": "MMMM 'de' y", "short_month": "MMM y"},
}
_current: ContextVar[str] = ContextVar("bsc_language", default=ENGLISH)


def known(code: object) -> str | None:
    """The product's language for a code a browser, URL or roster gives ("es", "es-MX", "ES_us"), else None."""
    if not isinstance(code, str):
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else None


def first_known(*codes: object) -> str:
    """The first of several wishes that is one of the product's languages (asked for on the page, the person's
    preference, the team's language), else English."""
    return next((known(c) for c in codes if known(c)), ENGLISH)


LANGUAGE_COOKIE = "bsc_lang"   # a language chosen with ?lang=, kept for the browser by the hub's and Voilà's pages


def remember_language(handler, code: str) -> None:
    """Keep ``code`` for this browser (a Tornado handler's response), for every page of the site."""
    if handler.get_cookie(LANGUAGE_COOKIE) != code:
        handler.set_cookie(LANGUAGE_COOKIE, code, expires_days=365, path="/", samesite="Lax", httponly=True)


def remembered_language(handler) -> str | None:
    return known(handler.get_cookie(LANGUAGE_COOKIE))


def from_browser(header: object) -> str | None:
    """The first of the product's languages a browser's ``Accept-Language`` asks for, most wanted first
    ("es-MX,es;q=0.9,en;q=0.8" is Spanish), else None."""
    wishes = []
    for n, part in enumerate(str(header or "")[:500].split(",")):
        code, _sep, weight = part.strip().partition(";q=")
        try:
            q = float(weight) if weight else 1.0
        except ValueError:
            continue
        if known(code) and q > 0:
            wishes.append((-q, n, known(code)))
    return min(wishes)[2] if wishes else None


def from_environment(environ=None) -> str:
    """The language a terminal asks for, as gettext programs read it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``; "es_US.UTF-8" is Spanish), for the command line's own words."""
    import os

    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:      # the first one set decides, as in gettext; LANGUAGE may list several ("es:en")
            return first_known(*value.split(":"))
    return ENGLISH


def language() -> str:
    """The language being spoken now (English unless a page, report or command chose another)."""
    return _current.get()


def speak(code: object) -> str:
    """Set the language for the rest of this page or command (a notebook kernel shows one page)."""
    chosen = known(code) or ENGLISH
    _current.set(chosen)
    return chosen


@contextmanager
def speaking(code: object):
    """Speak a language for a block (one team's report among many), then go back to the one before."""
    token = _current.set(known(code) or ENGLISH)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def catalog_path(code: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@lru_cache(maxsize=None)
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; its ``.po`` compiled here when it is newer than its ``.mo``."""
    po, mo = catalog_path(code), catalog_path(code, ".mo")
    if code == ENGLISH or not po.exists():
        return gettext.NullTranslations()
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return gettext.GNUTranslations(io.BytesIO(compiled(po)))


def compiled(po: Path) -> bytes:
    """A ``.po`` catalog as ``.mo`` bytes (fuzzy entries left out, as gettext does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _(message: str, **values) -> str:
    """``message`` in the language being spoken, its ``%(name)s`` placeholders filled from ``values``."""
    code = _current.get()
    text = message if code == ENGLISH else translations(code).gettext(message)
    return text % values if values else text


def plural(singular: str, plural_: str, n: int) -> str:
    """The form of a message for the count ``n``, by the language's plural rules, placeholders left as they are."""
    code = _current.get()
    return (singular if n == 1 else plural_) if code == ENGLISH else translations(code).ngettext(singular, plural_, n)


def n_(singular: str, plural_: str, n: int, **values) -> str:
    """The form of a message for the count ``n`` (``%(n)s`` is the count), its placeholders filled."""
    return plural(singular, plural_, n) % {"n": n, **values}


def N_(message: str) -> str:
    """Marks text for the catalog where it is defined (a table of labels), to be translated where shown."""
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalog where it is defined, to be counted with ``n_``."""
    return singular, plural


class Labels(dict):
    """A table of words for stored codes (roles, program types, phases): written in English (marked ``N_``) and
    read in the language being spoken, at the moment each word is looked up."""

    def __getitem__(self, key):
        return _(super().__getitem__(key))

    def get(self, key, default=None):
        return self[key] if key in self else default

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]


def day(value: dt.date, style: str = "long") -> str:
    """A date in the one form the product shows it: "16 November 2026" / "16 de noviembre de 2026"."""
    if style == "iso":
        return value.isoformat()
    code = _current.get()
    if code == ENGLISH:     # the common case, without Babel's locale data
        return {"long": f"{value:%-d %B %Y}", "short": f"{value:%-d %b %Y}", "month": f"{value:%B %Y}",
                "short_month": f"{value:%b %Y}"}[style]
    from babel.dates import format_date

    return format_date(value, _PATTERNS[code][style], locale=BABEL_LOCALES[code])


def number(value: float) -> str:
    """A number as the language writes it (Babel's locale data; in English, as it always was)."""
    code = _current.get()
    if code == ENGLISH:
        return f"{value:,}" if isinstance(value, int) else f"{value:g}"
    from babel.numbers import format_decimal

    return format_decimal(value, locale=BABEL_LOCALES[code])


def listing(items, kind: str = "and") -> str:
    """Several names in one phrase, joined as the language joins them ("teachers and families", "maestras,
    personal o familias"): Babel's list patterns, not a translated connector glued between them."""
    from babel.lists import format_list

    return format_list(list(items), style="or" if kind == "or" else "standard", locale=BABEL_LOCALES[language()])
