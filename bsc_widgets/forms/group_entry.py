"""Entering a period's figures by group (for a measure shown by group), all groups saved together.

For children's privacy, figures by group are write-only here: the form says which groups have
figures for the period but never shows the numbers again. They appear only in the equity view,
where small groups are suppressed. Each group's figures carry the version this form read, so a
save from a page opened before someone else saved them is refused (the typed figures stay).
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from ..base.errors import ConflictError, InvalidRecord, Problem
from ..base.language import _, n_
from ..model import Measure, Stratum, StratumObservation, period_label
from ..render import render
from ..services import Actor
from ..services.measures import save_group_figures
from ..store import Store
from .messages import MessageArea, guarded
from .words import Words

KW = dict(continuous_update=False, style={"description_width": "initial"}, layout=w.Layout(width="auto"))
GRID = "minmax(6em, 1.4fr) minmax(5em, 1fr) minmax(5em, 1fr)"   # group, numerator, denominator: fits 390 px


class GroupEntry(w.VBox):
    def __init__(self, store: Store, actor: Actor, measure: Measure, period: dt.date):
        """``actor`` is the team's: figures by group are always a team's own."""
        self.store, self.actor, self.team_id, self.measure, self.period = store, actor, actor.team_id, measure, period
        self.strata = store.list(Stratum, grouping_id=measure.stratified_by)
        self.inputs = {s.id: (w.Text(description=_("%(group)s: numerator", group=s.label), **KW),
                              w.Text(description=_("%(group)s: denominator", group=s.label), **KW)) for s in self.strata}
        self.message = MessageArea()
        self.status = Words()
        button = w.Button(description=_("Save figures by group"), button_style="primary")
        button.on_click(guarded(self.message)(lambda _: self.save()))
        # a grid: a row per group, its name, then its numerator and denominator (each input keeps its own
        # label for screen readers; on the page the column headings say what each box is)
        cells = [Words(render("forms/measures.html", "group_heading", text=t))
                 for t in (_("Group"), _("Numerator"), _("Denominator"))]
        for s in self.strata:
            cells += [Words(render("forms/measures.html", "group_name", text=s.label)), *self.inputs[s.id]]
        grid = w.GridBox(cells, layout=w.Layout(grid_template_columns=GRID, grid_gap="4px 8px", width="100%",
                                                align_items="center"))
        grid.add_class("bsc-group-grid")
        super().__init__([Words(render("forms/measures.html", "group_entry", measure=measure,
                                        period=period_label(period, measure.frequency))), self.status, grid,
                          self.message, button], layout=w.Layout(width="100%"))
        self._status()

    def _existing(self) -> dict[str, StratumObservation]:
        return {o.stratum_id: o for o in self.store.list(StratumObservation, team_id=self.team_id,
                                                         measure_id=self.measure.id, period=self.period)}

    def _status(self) -> None:
        self.seen = have = self._existing()  # the versions a save from this page may replace
        names = [s.label for s in self.strata if s.id in have]
        self.status.value = render("forms/measures.html", "groups_saved", names=names)

    def save(self) -> bool:
        """All groups typed are checked first; if any has a problem nothing is saved."""
        self.message.clear()
        have, records, problems = self.seen, [], []
        for s in self.strata:
            num, den = (box.value.strip() for box in self.inputs[s.id])
            if not num and not den:
                continue
            old = have.get(s.id)
            try:
                records.append(StratumObservation.build(
                    team_id=self.team_id, measure_id=self.measure.id, period=self.period, stratum_id=s.id,
                    numerator=num or None, denominator=den or None, version=old.version if old else 0))
            except InvalidRecord as exc:
                problems += [Problem(f"{s.label}: {p.message}") for p in exc.problems]
        with self.store.reading() as tx:
            for r, label in [(r, next(s.label for s in self.strata if s.id == r.stratum_id)) for r in records]:
                problems += [Problem(f"{label}: {p.message}") for p in r.context_problems(tx)]
        if not records and not problems:
            self.message.show(_("Type at least one group’s numerator and denominator."), "info")
            return False
        if problems:
            self.message.show_error(InvalidRecord(_("Nothing was saved:"), problems))
            return False
        try:
            save_group_figures(self.store, self.actor, records)
        except ConflictError:
            self.message.show_error(_("Someone else saved figures by group for this period after you opened it. "
                                      "Your figures were not saved, so theirs are not lost; they are still typed "
                                      "above. Reload the page to see which groups have figures, then save again."))
            return False
        for pair in self.inputs.values():
            for box in pair:
                box.value = ""
        self.message.show(n_("Saved figures for %(n)s group.", "Saved figures for %(n)s groups.", len(records)), "ok")
        self._status()
        return True
