"""Several values in one period (observation scores): typed in one box, saved together.

The box shows the values saved for the period; saving replaces them all. A save from a page
opened before someone else saved values for the period is refused, and the typed values stay.
"""
from __future__ import annotations

import datetime as dt
import re

import ipywidgets as w

from ..base.errors import ConflictError, InvalidRecord, Problem
from ..base.language import _, n_
from ..model import Measure, Sample, period_label
from ..model.events import MOST_A_PERIOD
from ..render import render
from ..services import Actor
from ..services.measures import save_period_values
from ..store import Store
from .fields import TEXT_KW
from .messages import MessageArea, guarded
from .words import Words


def parse_values(text: str) -> list[float]:
    """Numbers separated by commas, semicolons, spaces or new lines; each one checked, in plain words."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    problems, out = [], []
    for k, part in enumerate(parts, start=1):
        try:
            value = float(part)
        except ValueError:
            problems.append(Problem(_("Value %(n)s, “%(typed)s”, is not a number.", n=k, typed=part[:40])))
            continue
        if value != value or value in (float("inf"), float("-inf")):
            problems.append(Problem(_("Value %(n)s, “%(typed)s”, is not an ordinary number.", n=k, typed=part[:40])))
            continue
        out.append(value)
    if len(parts) > MOST_A_PERIOD:
        problems.append(Problem(_("%(typed)s values were typed; a period takes at most %(most)s.", typed=len(parts),
                                   most=MOST_A_PERIOD)))
    if problems:
        raise InvalidRecord(_("Nothing was saved:"), problems)
    return out


class PeriodValues(w.VBox):
    def __init__(self, store: Store, actor: Actor, team_id: str, measure: Measure, period: dt.date, on_saved=None):
        self.store, self.actor, self.team_id, self.measure, self.period = store, actor, team_id, measure, period
        self.on_saved = on_saved
        unit = f" ({measure.unit})" if measure.unit else ""
        self.box = w.Textarea(description=_("Values for %(period)s", period=period_label(period, measure.frequency)) + unit, rows=2,
                              placeholder=_("For example: 4.5, 5, 3.5"), **TEXT_KW)
        self.message = MessageArea()
        self.button = w.Button(description=_("Save this period’s values"), button_style="primary")
        self.button.on_click(guarded(self.message)(lambda _: self.save()))
        help_text = Words(render("forms/measures.html", "period_values_help"))
        super().__init__([help_text, self.box, self.button, self.message], layout=w.Layout(width="100%"))
        self._load()

    def _load(self) -> None:
        self.read = self.store.list(Sample, team_id=self.team_id, measure_id=self.measure.id, period=self.period)
        self.box.value = ", ".join(f"{s.value:g}" for s in sorted(self.read, key=lambda s: s.number))

    def save(self) -> bool:
        self.message.clear()
        try:
            values = parse_values(self.box.value)
            saved = save_period_values(self.store, self.actor, self.team_id, self.measure.id, self.period, values,
                                       self.read)
        except ConflictError as exc:
            self.message.show_error(_("%(problem)s Your values are still typed above.", problem=exc.message))
            return False
        except InvalidRecord as exc:
            self.message.show_error(exc)
            return False
        self._load()
        self.message.show(n_("Saved %(n)s value for %(period)s.", "Saved %(n)s values for %(period)s.", len(saved),
                             period=period_label(self.period, self.measure.frequency)), "ok")
        if self.on_saved:
            self.on_saved()
        return True
