"""All HTML (and SVG) the product shows is made here, by Jinja2 templates with autoescaping always on.

One template file per module that shows something (``forms/charter.html`` for the charter page),
each holding that module's pieces as macros, plus ``common.html`` for what every page shares: the
page header, section headings, messages and tables. Python code passes values, never markup: a
value is escaped wherever it lands, so what a person typed can never become markup. Markup is
passed on only where a template made it (one template's output inside another's), where plotly
made it (its figure HTML, whose JSON escapes ``<``, ``>`` and ``/``), or where nbconvert exported
a report notebook whose outputs our templates made.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.runtime import Macro
from markupsafe import Markup

from ..base.language import LANGUAGES, _, day, language, number, plural

TEMPLATES = Path(__file__).with_name("templates")
USED: set[tuple[str, str]] = set()  # (template, macro) rendered in this process: the tests check all are


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates translate through the same catalogs as the code (``{{ _("…") }}``, ``{% trans %}``), in the
    language being spoken when a macro is rendered."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext=lambda message: _(message), ngettext=plural, newstyle=True)
    env.filters.update(day=day, num=number, url=lambda v: quote(str(v), safe=""),
                       mailto=lambda v: quote(str(v), safe="@,"), language_name=lambda c: LANGUAGES.get(c, c))
    env.globals.update(language=language)
    return env


def render(template: str, macro: str, **values) -> Markup:
    """One macro of one template, given plain values (escaped wherever they are shown)."""
    USED.add((template, macro))
    return Markup(getattr(environment().get_template(template).module, macro)(**values))


def macros() -> set[tuple[str, str]]:
    """Every (template, macro) there is, for the test that renders them all with hostile values."""
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        name = path.relative_to(TEMPLATES).as_posix()
        module = environment().get_template(name).module
        found |= {(name, m) for m in dir(module) if isinstance(getattr(module, m), Macro)}
    return found


def stylesheet() -> Markup:
    """The one stylesheet every workbook page and report carries (no web fonts, no CDN)."""
    return Markup("<style>\n" + (TEMPLATES / "style.css").read_text(encoding="utf-8") + "</style>")


def exported_html(body: str) -> Markup:
    """A report notebook as nbconvert exported it: its only outputs are the HTML our templates made."""
    return Markup(body)


def qr_svg(link: str) -> Markup:
    """A link as a QR code, drawn by segno as SVG: only black modules, no text of anyone's."""
    import segno

    return Markup(segno.make(link, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True))


def plotly_html(div: str) -> Markup:
    """A figure's HTML as plotly made it: its data is JSON with ``<``, ``>`` and ``/`` escaped."""
    return Markup(div)
