"""Marks on a team's chart: the baseline's end, new phases, points left out, notes; each with a reason.

The chart and every report and dashboard use the marks saved here. A mark taken back is kept,
so the history below the marks says who set what, when, and who took it back.
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from ..base.errors import BscError
from ..base.language import _, day
from ..model import MARK_KIND_LABELS, ChartMark, Measure
from ..render import render
from ..services import Actor, add, save
from ..store import Store
from .fields import TEXT_KW, on_pick, replace_options
from .messages import MessageArea, guarded
from .words import Words

STYLE = {"description_width": "initial"}


class ChartMarks(w.VBox):
    def __init__(self, store: Store, actor: Actor, team_id: str, today: dt.date, on_changed=None):
        """``today``: the page's day (the server's), which a mark is dated by."""
        self.store, self.actor, self.team_id, self.on_changed = store, actor, team_id, on_changed
        self.today = today
        self.measure: Measure | None = None
        narrow = w.Layout(width="min(34em, 100%)")
        self.point = w.Dropdown(description=_("Point"), style=STYLE, layout=narrow)
        self.kind = w.Dropdown(description=_("Mark"), options=[(label, key) for key, label in MARK_KIND_LABELS.items()],
                               value="note", style=STYLE, layout=narrow)
        self.reason = w.Textarea(description=_("Why (everyone who reads the chart sees this)"), rows=2, **TEXT_KW)
        self.astronomical = w.Checkbox(description=_("An astronomical point: far beyond anything this process makes"),
                                       indent=False, layout=w.Layout(width="auto"))
        self.button = w.Button(description=_("Save the mark"), button_style="primary")
        self.message = MessageArea()
        self.in_force = w.VBox()
        self.history = Words()
        on_pick(self.kind, lambda _: self._show_flag())
        self.button.on_click(guarded(self.message)(lambda _: self.save()))
        super().__init__([self.in_force, self.point, self.kind, self.reason, self.astronomical, self.button,
                          self.message, self.history], layout=w.Layout(width="100%"))
        self._show_flag()

    def show(self, measure: Measure, points: list[tuple[str, dt.date]]) -> None:
        """The marks of this measure, and the points (label, day) a new one can be pinned to."""
        self.measure = measure
        replace_options(self.point, points[::-1], self.point.value if self.point.value in
                        {p for _, p in points} else (points[-1][1] if points else None))
        self._list()

    def _show_flag(self) -> None:
        self.astronomical.layout.display = None if self.kind.value == "note" else "none"

    def _marks(self) -> list[ChartMark]:
        return self.store.list(ChartMark, team_id=self.team_id, measure_id=self.measure.id)

    def _list(self) -> None:
        marks = self._marks()
        rows = []
        for m in [m for m in marks if m.in_force]:
            take_back = w.Button(description=_("Take back"), layout=w.Layout(width="auto"),
                                 tooltip=_("Take back this mark (%(day)s)", day=day(m.at)))
            take_back.on_click(guarded(self.message)(lambda _, m=m: self.take_back(m)))
            rows.append(w.HBox([Words(render("forms/chart_marks.html", "mark", m=m)), take_back],
                               layout=w.Layout(flex_flow="row wrap", align_items="center")))
        self.in_force.children = rows or [Words(render("forms/chart_marks.html", "no_marks"))]
        self.history.value = render("forms/chart_marks.html", "history", marks=marks)

    def save(self) -> bool:
        self.message.clear()
        if self.measure is None or self.point.value is None:
            self.message.show_error(_("There is no point on this chart to mark yet."))
            return False
        try:
            mark = ChartMark.build(id="new", team_id=self.team_id, measure_id=self.measure.id, at=self.point.value,
                                   kind=self.kind.value, reason=self.reason.value,
                                   astronomical=bool(self.astronomical.value) and self.kind.value == "note",
                                   set_on=self.today)
            add(self.store, self.actor, mark, on=self.today)
        except BscError as exc:
            self.message.show_error(exc)
            return False
        self.reason.value = ""
        self.astronomical.value = False
        self.message.show(_("The mark is saved; the chart, the reports and the dashboard use it."), "ok")
        self._changed()
        return True

    def take_back(self, mark: ChartMark) -> bool:
        self.message.clear()
        try:
            save(self.store, self.actor, mark, on=self.today)     # a mark is taken back, never erased
        except BscError as exc:
            self.message.show_error(exc)
            return False
        self.message.show(_("The mark is taken back; it stays in the history below."), "ok")
        self._changed()
        return True

    def _changed(self) -> None:
        self._list()
        if self.on_changed:
            self.on_changed()
