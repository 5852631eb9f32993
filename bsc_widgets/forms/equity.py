"""The equity view: a measure by group (home language, race/ethnicity) for one team or the network.

Each group's run chart sits beside the others with its own median and signals, then the gap
between groups over time, the reading in words, a table and a CSV export. All of it comes from
``equity.group_view``, which has already suppressed small groups: a suppressed cell says
"suppressed" in the chart, its hover, the table and the export, and carries no number anywhere.
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.equity import group_view, stratified_measures
from ..base.ids import slugify
from ..base.language import N_, _
from ..charts.equity import gap_figure, group_figure
from ..charts.tables import group_table_html
from ..render import render
from ..services.read_gate import may_see_team
from .download import download_link
from .fields import on_pick
from .messages import guarded
from .page import CollaborativePage, section
from .plot import PlotArea
from .words import Words

NETWORK = ""


class EquityPage(CollaborativePage):
    TITLE = N_("Equity: measures by group")

    def build_body(self):
        style, narrow = {"description_width": "initial"}, w.Layout(width="min(30em, 100%)")
        self.measures = stratified_measures(self.store)
        self.measure = w.Dropdown(description=_("Measure"), options=[(m.name, m.id) for m in self.measures],
                                  style=style, layout=narrow)
        self.team = w.Dropdown(description=_("Team"), style=style, layout=narrow,
                               options=[(_("All teams (the network)"), NETWORK)]
                               + [(t.name, t.id) for t in self.store.teams()
                                  if may_see_team(self.access, t.id)])
        self.reading = Words()
        self.groups_chart = PlotArea(0)
        self.gap_chart = PlotArea(270)
        self.table = Words()
        self.export = Words()
        for picker in (self.measure, self.team):
            on_pick(picker, guarded(self.message)(lambda _: self.refresh()))
        if not self.measures:
            return [Words(render("forms/equity.html", "no_measure"))]
        self.refresh()
        return [self.measure, self.team, self.reading, self.groups_chart, self.gap_chart,
                section(_("The last twelve periods by group"), _("Each cell: the value (numerator of denominator).")),
                self.table, self.export]

    def refresh(self) -> None:
        view = group_view(self.store.as_of(self.today), self.measure.value, self.team.value or None)
        self.view = view
        who = next((k for k, v in self.team.options if v == self.team.value), "")
        self.reading.value = render("forms/equity.html", "reading", measure=view.measure.name,
                                    grouping=view.grouping.name.lower(), who=who, sentences=view.sentences)
        if view.table.empty:
            self.groups_chart.clear()
            self.gap_chart.clear()
            self.table.value = self.export.value = ""
            return
        self.groups_chart.draw_panels(group_figure(view))
        self.gap_chart.draw(gap_figure(view))
        self.table.value = group_table_html(view)
        name = f"{slugify(view.measure.name)}-by-group-{self.team.value or 'network'}.csv"
        self.export.value = render("common.html", "in_paragraph", body=download_link(
            view.csv(), name, _("Download this view (CSV, small groups suppressed)")))
