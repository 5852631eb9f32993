"""Dates as people type them, and the one way the product shows them back.

A teacher types "16 Nov 2026", a director "11/16/2026" (U.S. order: month first), a spreadsheet
gives "2026-11-16". All are read here; anything else gets a sentence saying how to write it.
The forms and the spreadsheet import share these rules, so a date that one accepts the other does.
"""
from __future__ import annotations

import datetime as dt
import re

from . import language
from .errors import NotADate

MONTH_NAMES = {
    # English, and Spanish (the product's second language), by their usual abbreviations too
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_ABBREVIATIONS = {"ene": 1, "abr": 4, "ago": 8, "dic": 12}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo")

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_US = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2}) ([a-zñé]+) (\d{4})")
_MONTH_DAY = re.compile(r"([a-zñé]+) (\d{1,2}) (\d{4})")


def month_number(word: str) -> int | None:
    """A month from its name or abbreviation ("Nov", "November", "nov.", "noviembre"), else None."""
    word = word.strip().lower().rstrip(".")
    if len(word) < 3:
        return None
    if word in MONTH_NAMES:
        return MONTH_NAMES[word]
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    found = {n for name, n in MONTH_NAMES.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _words(text: str) -> str:
    """Lower case, commas and "de" and ordinals gone, a leading weekday dropped: "Mon, Nov 16th" → "nov 16"."""
    text = text.strip().lower().replace(",", " ").replace(".", " ") if not _ISO.fullmatch(text.strip()) else text
    if re.search(r"[a-zñé]", text):     # 16-Nov-2026, Nov/16/2026
        text = text.replace("-", " ").replace("/", " ")
    text = re.sub(r"(\d)(st|nd|rd|th|º|°)\b", r"\1", text)
    words = [w for w in text.split() if w != "de"]
    if words and any(w.startswith(words[0]) for w in _WEEKDAYS) and len(words) > 1 and not words[0].isdigit():
        words = words[1:]
    return " ".join(words)


def read_day(text: str | dt.date | None) -> dt.date | None:
    """The day a person typed, or None when they typed nothing; ``NotADate`` with a plain sentence otherwise."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = (text or "").strip()
    if not raw:
        return None
    words = _words(raw)
    if m := _ISO.fullmatch(words):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _US.fullmatch(words):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
        year += 2000 if year < 100 else 0
    elif (m := _DAY_MONTH.fullmatch(words)) and month_number(m[2]):
        day, month, year = int(m[1]), month_number(m[2]), int(m[3])
    elif (m := _MONTH_DAY.fullmatch(words)) and month_number(m[1]):
        month, day, year = month_number(m[1]), int(m[2]), int(m[3])
    else:
        raise NotADate(_unreadable(raw))
    if not 1900 <= year <= 2200 or not 1 <= month <= 12:
        raise NotADate(_unreadable(raw))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NotADate(language._("“%(text)s” is not a real day: %(month)s has no day %(day)s.", text=raw[:40],
                                  month=language.day(dt.date(year, month, 1), "month"), day=day)) from None


def _unreadable(raw: str) -> str:
    return language._("“%(text)s” is not a date we can read: write it like 16 Nov 2026, 11/16/2026 or 2026-11-16.",
                      text=raw[:40])


def show_day(day: dt.date | None) -> str:
    """The one way a date is shown back in a form: 16 November 2026."""
    return "" if day is None else language.day(day)
