"""A date field a person types into as they write dates, shown back in one form.

The browser's own date input shows half its text on a phone and refuses "16 Nov 2026". This one is a
text box: it reads ISO, U.S. numeric and written-out dates (``dates.read_day``), and once read it
shows the day back as "16 November 2026", so the person sees which day was understood.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import ipywidgets as w

from ..base.dates import read_day, show_day
from ..base.errors import NotADate
from ..base.language import N_, _

PLACEHOLDER = N_("For example: 16 Nov 2026")


class DayInput(w.Text):
    """``day`` is the date read from the text (None when empty or unreadable); ``problem`` says why not."""

    def __init__(self, description: str, day: dt.date | None = None, **kwargs):
        kwargs.setdefault("placeholder", _(PLACEHOLDER))
        kwargs.setdefault("continuous_update", False)
        super().__init__(description=description, value=show_day(day), **kwargs)
        self._normalising = False
        self.observe(self._normalise, names="value")

    @property
    def day(self) -> dt.date | None:
        try:
            return read_day(self.value)
        except NotADate:
            return None

    @property
    def problem(self) -> str | None:
        try:
            read_day(self.value)
        except NotADate as exc:
            return exc.message
        return None

    def set_day(self, day: dt.date | None) -> None:
        self._normalising = True
        try:
            self.value = show_day(day)
        finally:
            self._normalising = False

    def _normalise(self, change) -> None:
        """Show a day that was read in the one form (its observers hear only the person's own change)."""
        if self._normalising:
            return
        day = self.day
        if day is not None and show_day(day) != self.value:
            self.set_day(day)

    def on_day(self, callback: Callable) -> None:
        """Call ``callback(change)`` when the person changes the text (not when it is shown back)."""
        self.observe(lambda change: None if self._normalising else callback(change), names="value")
