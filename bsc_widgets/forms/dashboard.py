"""The coach's dashboard: the collaborative report, live, for learning sessions and coaching calls.

Filters by caseload, measure, team, program type and period; who needs attention, ranked by the
collaborative's written order of reasons (the same rules as the reports' questions), one reason and one
first step per team; each measure across teams; every team one click from its workbooks. A coach opens
on her own teams; the advisor sees every coach's caseload and the teams without one.
Analyses run once per measure for all teams (vectorised) and are kept, so filtering is
cheap with hundreds of teams; at most ``MAX_PANELS`` charts are drawn at once.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import ipywidgets as w

from ..analysis.attention import KINDS, coaching_questions, ranked
from ..analysis.measure_analysis import analyse_across_teams, rebased_across_teams
from ..analysis.network import funnel_for_month, network_total, offers_network_views
from ..analysis.readiness import readiness
from ..analysis.report_calendar import month_due_now, next_month
from ..analysis.support import support_doses
from ..analysis.timeline import position
from ..base.clock import add_months, months_between
from ..base.errors import BscError
from ..base.language import _, day, n_
from ..base.pages import COACH_PAGES, WORKBOOKS
from ..charts import funnel_figure, rebased_multiples, small_multiples, spc_figure
from ..charts.mdc_icons import icons_html
from ..model import (
    PROGRAM_TYPE_LABELS,
    SUPPORT_KIND_LABELS,
    Account,
    CoachAssignment,
    Measure,
    Phase,
    caseloads,
    current,
)
from ..render import render
from ..reports.dashboard import dashboard_html
from ..reports.printing import chromium, pdf_bytes
from ..services.access import Access
from ..store import Store
from .download import download_file, download_link
from .fields import on_pick
from .messages import MessageArea, guarded
from .page import header, section
from .plot import PlotArea
from .words import Words

MAX_PANELS = 24
ALL = ""
MINE = "mine"


def caseload_html(store: Store) -> str:
    """Each coach's number of teams, and the teams with no coach: for the advisor sharing out the work."""
    teams = store.teams()
    loads = caseloads(store.list(CoachAssignment))
    names = {a.username: a.name for a in store.list(Account)}
    held = set().union(*loads.values()) if loads else set()
    return render("forms/dashboard.html", "caseloads",
                  rows=sorted(((names.get(c, c), len(ts & {t.id for t in teams})) for c, ts in loads.items()),
                              key=lambda r: r[0].casefold()),
                  uncoached=[t.name for t in teams if t.id not in held])


def team_links(team_id: str) -> str:
    return render("forms/dashboard.html", "team_links", team_id=team_id,
                  workbooks=[(f, _(t)) for f, t, _b in WORKBOOKS if f != "00_home.ipynb"])


def attention_html(collab, teams: list, questions: dict) -> str:
    """The teams ranked, those with a chosen reason flagged, the rest to watch; how many teams have each reason."""
    order = ranked(teams, questions)
    counts = Counter(kind for r in order for kind in r.reasons)
    def rows(flagged: bool):
        return [(r.team, r.first.label, [KINDS[k] for k in r.reasons[1:]], r.first.text)
                for r in order if r.flagged(collab) == flagged]

    return render("forms/dashboard.html", "attention", total=len(teams), flagged=rows(True), watch=rows(False),
                  counts=[(label, counts[kind], kind in collab.attention_reasons)
                          for kind, label in KINDS.items() if counts[kind]])


class DashboardPage(w.VBox):
    def __init__(self, store: Store, today: dt.date, access: Access | None = None):
        self.stored = store
        store = store.translated()
        collab = store.collaborative()
        if collab is None:
            raise BscError(_("This workspace has no collaborative yet."))
        self.store, self.today, self.collab = store, today, collab
        self.teams = store.teams()
        self.mine = caseloads(store.list(CoachAssignment)).get(access.username, set()) if access else set()
        self.measures = {m.id: m for m in current(store.list(Measure), today)}
        self._analyses: dict[tuple[str, dt.date], tuple] = {}
        self._questions: dict[dt.date, dict] = {}
        self._snapshots: dict[dt.date, object] = {}
        where = position(collab, store.list(Phase), today)
        style, narrow = {"description_width": "initial"}, w.Layout(width="min(24em, 100%)")
        self.message = MessageArea()
        self.caseload = w.Dropdown(description=_("Caseload"), options=[
            (n_("My team (%(n)s)", "My teams (%(n)s)", len(self.mine)), MINE),
            (n_("All %(n)s team", "All %(n)s teams", len(self.teams)), ALL)], style=style,
            layout=w.Layout(width="min(24em, 100%)"))     # its own layout: hiding it hides no other filter
        if not self.mine:     # no caseload: nothing to switch between
            self.caseload.value, self.caseload.layout.display = ALL, "none"
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
        self.support = Words()
        self._per_day: dict[dt.date, tuple] = {}     # support and readiness, per "data up to" day
        for control in (self.caseload, self.measure, self.team, self.program, self.period, self.view):
            on_pick(control, guarded(self.message)(lambda _: self._render()))
        self.paper = w.Dropdown(description=_("Paper"), options=[(_("Letter"), "letter"), ("A4", "a4")],
                                style=style, layout=w.Layout(width="auto"))
        self.pdf_button = w.Button(description=_("Download as PDF"), layout=w.Layout(width="auto"))
        self.pdf_button.on_click(guarded(self.message)(lambda _b: self.make_pdf()))
        self.download = Words()
        printing = w.HBox([self.paper, self.pdf_button] if chromium() else [], layout=w.Layout(flex_flow="row wrap"))
        printing.add_class("bsc-no-print")
        head = header("Coach dashboard", where=where, lines=(
            n_("%(name)s · %(n)s team", "%(name)s · %(n)s teams", len(self.teams), name=collab.name),))
        others = Words(render("forms/dashboard.html", "other_pages", pages=[
            (f, _(t), _(b)) for f, t, b in COACH_PAGES if f in (
                "participation.ipynb", "support_log.ipynb", "spread.ipynb", "shared_by_teams.ipynb",
                "change_package.ipynb", "equity.ipynb")]))
        self._render()
        filters = w.HBox([self.caseload, self.measure, self.team, self.program, self.period, self.view],
                         layout=w.Layout(flex_flow="row wrap"))
        filters.add_class("bsc-no-print")
        super().__init__([head, others, self.message,
                          filters, printing, self.download,
                          section(_("Who needs attention"), _(
                              "Teams ranked by their most urgent reason, in this order: %(order)s. The same rules as "
                              "the reports’ questions for the coaching call.", order=", ".join(KINDS.values()))),
                          self.attention,
                          section(_("The measure across teams")), self.chart, self.readings,
                          section(_("Support received"), _(
                              "Visits, calls and technical assistance from the support log, up to the “data up to” "
                              "month.")), self.support,
                          section(_("Teams and their workbooks")), self.team_table,
                          *([section(_("Caseloads")), Words(caseload_html(store))]
                            if access is None or access.allows("setup") else [])],
                         layout=w.Layout(width="100%", max_width="80em"))
        self.add_class("bsc-page")

    def make_pdf(self) -> bytes:
        """The page as filtered, on paper: made when asked for (Chromium takes a few seconds for a hundred teams)."""
        html = dashboard_html(self.stored, self.as_of, [t.id for t in self._chosen_teams()], self.measure.value,
                              self.paper.value)
        stem = f"dashboard-{self.as_of.isoformat()}-{self.paper.value}"
        pdf = pdf_bytes(html, stem)
        self.download.value = render("common.html", "paragraph", kind="bsc-print", text=render(
            "common.html", "joined", items=[download_file(pdf, f"{stem}.pdf", _("Coach dashboard (PDF)"),
                                                          "application/pdf"),
                                            download_link(html, f"{stem}.html", _("Print-ready page (HTML)"),
                                                          mime="text/html")]))
        return pdf

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
                and (self.program.value in (ALL, t.program_type))
                and (self.caseload.value == ALL or t.id in self.mine)]

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
        self.attention.value = attention_html(self.collab, teams, questions)
        if self.as_of not in self._per_day:
            # from the page's snapshot, as the questions and charts are: each table read once for its day
            # every team on the list, including one whose record is dated after the day chosen (nothing to count yet)
            self._per_day[self.as_of] = (support_doses(self.snapshot(), self.as_of, [t.id for t in self.teams]),
                                         readiness(self.snapshot(), self.as_of))
        doses, ready = self._per_day[self.as_of]
        self.team_table.value = render("forms/dashboard.html", "teams", rows=[
            (t.name, PROGRAM_TYPE_LABELS[t.program_type], ready[t.id].summary() if t.id in ready else "",
             team_links(t.id)) for t in teams])
        self.support.value = render("forms/support.html", "doses", rows=[(t.name, doses[t.id]) for t in teams],
                                    kinds=SUPPORT_KIND_LABELS)
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

