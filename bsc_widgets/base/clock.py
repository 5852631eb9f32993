"""What day it is for the product: a parameter, else $BSC_TODAY (demos, tests), else the real date."""
from __future__ import annotations

import datetime as dt
import os

from .log import server_log


def today(value: str | dt.date | None = None) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = value or os.environ.get("BSC_TODAY")
    if text:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            server_log().warning("ignoring malformed date %r", text)
    return dt.date.today()


def add_months(day: dt.date, n: int) -> dt.date:
    """The first of the month ``n`` months after (or, for a negative n, before) ``day``'s month."""
    months = day.year * 12 + day.month - 1 + n
    return dt.date(months // 12, months % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> int:
    """How many months ``last``'s month is after ``first``'s (0 for the same month)."""
    return (last.year - first.year) * 12 + last.month - first.month


def view_day(view) -> dt.date:
    """The day a view stands on: a snapshot's (``Store.as_of``), else today."""
    return getattr(view, "day", None) or today()


def now() -> dt.datetime:
    """The moment of a save, to the second, in the server's local time (what "at 10:42" means to its users)."""
    return dt.datetime.now().replace(microsecond=0)


def moment() -> dt.datetime:
    """Now, on the product's day (``today``): when a comment is written or read, so that a demo or a test set on
    another day orders its news as a person would."""
    return dt.datetime.combine(today(), now().time())
