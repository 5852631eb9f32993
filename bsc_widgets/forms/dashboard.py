"""The coach's dashboard: the collaborative report, live, for learning sessions and coaching calls.

Filters by measure, team, program type and period; who needs attention (the same rules as
the reports' questions); each measure across teams; every team one click from its workbooks.
Analyses run once per measure for all teams (vectorised) and are kept, so filtering is
cheap with hundreds of teams; at most ``MAX_PANELS`` charts are drawn at once.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import ipywidgets as w

from ..analysis.attention import coaching_questions
from ..analysis.measure_analysis import analyse_across_teams, rebased_across_teams
from ..analysis.network import funnel_for_month, network_total, offers_network_views
from ..analysis.report_calendar import month_due_now, next_month
from ..analysis.timeline import position
from ..base.clock import add_months, months_between
from ..base.errors import BscError
from ..base.language import _, day, n_
from ..base.pages import COACH_PAGES, WORKBOOKS
from ..charts import funnel_figure, rebased_multiples, small_multiples, spc_figure
from ..charts.mdc_icons import icons_html
from ..model import PROGRAM_TYPE_LABELS, Measure, Phase, current
from ..render import render
from ..store import Store
from .fields import on_pick
from .messages import MessageArea, guarded
from .page import header, section
from .plot import PlotArea
from .words import Words

MAX_PANELS = 24
ALL = ""


def _counted(labels) -> list[str]:
    """Each kind of question once, with how many there are: "Signal without a PDSA (2)"."""
    counts = Counter(labels)
    return [_("%(question)s (%(n)s)", question=label, n=n) if n > 1 else label for label, n in counts.items()]


def team_links(team_id: str) -> str:
    return render("forms/dashboard.html", "team_links", team_id=team_id,
                  workbooks=[(f, _(t)) for f, t, _b in WORKBOOKS if f != "00_home.ipynb"])


class DashboardPage(w.VBox):
    def __init__(self, store: Store, today: dt.date):
        store = store.translated()
        collab = store.collaborative()
        if collab is None:
            raise BscError(_("This workspace has no collaborative yet."))
        self.store, self.today = store, today
        self.teams = store.teams()
        self.measures = {m.id: m for m in current(store.list(Measure), today)}
        self._analyses: dict[tuple[str, dt.date], tuple] = {}
        self._questions: dict[dt.date, dict] = {}
        self._snapshots: dict[dt.date, object] = {}
        where = position(collab, store.list(Phase), today)
        style, narrow = {"description_width": "initial"}, w.Layout(width="min(24em, 100%)")
        self.message = MessageArea()
        self.measure = w.Dropdown(description=_("Measure"), options=[(m.name, m.id) for m in self.measures.values()],
                                  style=style, layout=narrow)
        self.team = w.Dropdown(description=_("Team"), options=[(_("All teams"), ALL)] + [(t.name, t.id) for t in self.teams],
                               style=style, layout=narrow)
        kinds = sorted({t.program_type for t in self.teams})
        self.program = w.Dropdown(description=_("Program type"), options=[(_("All types"), ALL)] +
                                  [(PROGRAM_TYPE_LABELS[k], k) for k in kinds], style=style, layout=narrow)
        first, last = collab.earliest_data().replace(day=1), min(today, collab.last_day).replace(day=1)
        months = [add_months(last, -k) for k in range(months_between(first, last) + 1)] if first <= last else []
        self.period = w.Dropdown(description=_("Data up to"), options=[(day(x, "month"), x) for x in months],
                                 value=month_due_now(collab, store.list(Phase), today) if months else None,
                                 style=style, layout=narrow)
        self.view = w.Dropdown(description=_("Show"), options=[(_("Each team's chart"), "charts"),
                                                               (_("Re-based medians (runcharter)"), "rebased"),
                                                               (_("Teams compared by size (funnel plot)"), "funnel"),
                                                               (_("All teams together (P′ or U′ chart)"), "network")],
                               style=style, layout=narrow)
        self.attention = Words()
        self.chart = PlotArea(300)
        self.readings = Words()
        self.team_table = Words()
        for control in (self.measure, self.team, self.program, self.period, self.view):
            on_pick(control, guarded(self.message)(lambda _: self._render()))
        head = header("Coach dashboard", where=where, lines=(
            n_("%(name)s · %(n)s team", "%(name)s · %(n)s teams", len(self.teams), name=collab.name),))
        others = Words(render("forms/dashboard.html", "other_pages", pages=[
            (f, _(t), _(b)) for f, t, b in COACH_PAGES if f in (
                "participation.ipynb", "spread.ipynb", "shared_by_teams.ipynb", "change_package.ipynb", "equity.ipynb")]))
        self._render()
        super().__init__([head, others, self.message,
                          w.HBox([self.measure, self.team, self.program, self.period, self.view],
                                 layout=w.Layout(flex_flow="row wrap")),
                          section(_("Who needs attention"), _("The same rules as the reports’ questions for the "
                                                              "coaching call.")), self.attention,
                          section(_("The measure across teams")), self.chart, self.readings,
                          section(_("Teams and their workbooks")), self.team_table],
                         layout=w.Layout(width="100%", max_width="80em"))
        self.add_class("bsc-page")

    def _network_view(self, m: Measure, names: dict[str, str]) -> None:
        """The funnel plot for the "data up to" month, or the network's total, with their sentences."""
        self.chart.layout.min_height = "440px"
        if not offers_network_views(m):
            self.chart.clear()
            self.readings.value = render("forms/dashboard.html", "network_needs_ratio", name=m.name)
            return
        if self.view.value == "funnel":
            found = funnel_for_month(self.snapshot(), m.id, self.period.value)
            if found is None:
                self.chart.clear()
                self.readings.value = render("forms/dashboard.html", "no_funnel", month=self.period.value)
                return
            self.chart.draw(funnel_figure(found.points, found.curve, names, m.multiplier == 100,
                                          _("%(measure)s, %(month)s: teams by size", measure=m.name,
                                            month=day(self.period.value, "month")),
                                          m.denominator or _("denominator")))
            self.readings.value = render("forms/dashboard.html", "sentences", sentences=found.sentences)
            return
        result, reading = network_total(self.snapshot(), m.id)
        self.chart.draw(spc_figure(result, _("%(measure)s: all teams together", measure=m.name),
                                   percent=m.multiplier == 100))
        self.readings.value = render("forms/dashboard.html", "sentences", sentences=reading.sentences)

    def _chosen_teams(self) -> list:
        return [t for t in self.teams if (self.team.value in (ALL, t.id))
                and (self.program.value in (ALL, t.program_type))]

    @property
    def as_of(self) -> dt.date:
        """The last day of the "data up to" month (or today, in this month): every part of the page is as of it."""
        return min(self.today, next_month(self.period.value) - dt.timedelta(days=1))

    def _analysis(self, measure_id: str):
        """Each measure analysed once per as-of date, for every team at once, and kept."""
        key = (measure_id, self.as_of)
        if key not in self._analyses:
            self._analyses[key] = analyse_across_teams(self.snapshot(), measure_id)
        return self._analyses[key]

    def _rebased(self, measure_id: str):
        key = ("rebased", measure_id, self.as_of)
        if key not in self._analyses:
            self._analyses[key] = rebased_across_teams(self.snapshot(), measure_id)
        return self._analyses[key]

    def snapshot(self):
        """The workspace as of the chosen date: one per date, so each table is read once for it."""
        if self.as_of not in self._snapshots:
            self._snapshots[self.as_of] = self.store.as_of(self.as_of)
        return self._snapshots[self.as_of]

    def questions(self) -> dict:
        if self.as_of not in self._questions:
            self._questions[self.as_of] = coaching_questions(self.snapshot(), self.as_of)
        return self._questions[self.as_of]

    def _render(self) -> None:
        teams = self._chosen_teams()
        ids = {t.id for t in teams}
        names = {t.id: t.name for t in self.teams}
        questions = self.questions()
        flagged = [(t, questions.get(t.id, [])) for t in teams if questions.get(t.id)]
        self.attention.value = render("forms/dashboard.html", "attention", total=len(teams),
                                      flagged=[(t, _counted(q.label for q in qs), qs[0].text) for t, qs in flagged])
        self.team_table.value = render("forms/dashboard.html", "teams", rows=[
            (t.name, PROGRAM_TYPE_LABELS[t.program_type], team_links(t.id)) for t in teams])
        if self.measure.value is None:    # a collaborative just set up: no measure to chart yet
            self.chart.clear()
            self.readings.value = render("common.html", "paragraph", kind="bsc-help", text=_(
                "The collaborative has no measures yet: its run charts appear here once the improvement advisor adds "
                "them in the collaborative set-up."))
            return
        result, readings = self._analysis(self.measure.value)
        m = self.measures[self.measure.value]
        if not result.empty:
            result = result[result["facet1"].isin(ids)]
        shown = list(dict.fromkeys(result["facet1"]))[:MAX_PANELS] if not result.empty else []
        if self.view.value in ("funnel", "network"):
            self._network_view(m, names)
            return
        self.chart.layout.min_height = "0px"     # small charts: as tall as they are, one to a row on a phone
        if shown and self.view.value == "rebased":
            points, medians = self._rebased(m.id)
            medians = medians[medians["group"].isin(shown)]
            self.chart.draw_panels(rebased_multiples(points, medians, names, percent=m.multiplier == 100,
                                                     title=_("%(measure)s: medians re-based after each sustained run",
                                                             measure=m.name)))
        elif shown:
            self.chart.draw_panels(small_multiples(result[result["facet1"].isin(shown)], names,
                                                   percent=m.multiplier == 100, title=m.name))
        else:
            self.chart.clear()
        self.readings.value = render("forms/dashboard.html", "readings", shown=len(shown),
                                     of=0 if result.empty else result["facet1"].nunique(),
                                     items=[(names[t], readings[t],
                                             icons_html(result[result["facet1"] == t], 28))
                                            for t in shown])

