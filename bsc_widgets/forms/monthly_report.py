"""Workbook 5, the monthly team report: the month's story, the measures, the team's score and faculty's.

The faculty score is faculty's, not the team's: on the team's page it is shown read-only, in a
section marked "faculty only", and its form opens only when someone says they are faculty.
(Hosted with sign-in, that becomes a permission checked on the server.)
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.report_calendar import MonthStatus, month_due_now, report_months
from ..base.language import N_, _, day, n_
from ..charts.scores import score_history_figure
from ..model import AssessmentLevel, AssessmentScore, Measure, MonthlyReport, Observation, current
from ..render import render
from ..services.read_gate import may_see_section
from .fields import Field, on_pick, replace_options
from .lessons import lessons_form
from .messages import guarded
from .page import WorkbookPage, heading, section
from .plot import PlotArea
from .record_form import RecordForm, replace_form
from .words import Words


def months_html(statuses: list[MonthStatus]) -> str:
    """Every month at a glance, a missing one impossible to miss (in words, not only colour)."""
    return render("forms/monthly_report.html", "months", statuses=list(reversed(statuses)),
                  missing=[s.month for s in statuses if s.overdue])


def scale_html(levels: list[AssessmentLevel]) -> str:
    return render("forms/monthly_report.html", "scale", levels=levels)


def measures_month_html(measures: list[Measure], observations: list[Observation], month) -> str:
    items = []
    for m in measures:
        mine = [o for o in observations if o.measure_id == m.id and o.period.replace(day=1) == month]
        if not mine:
            items.append((m.name, "", True))
        elif m.frequency == "weekly":
            items.append((m.name, n_("%(n)s week entered", "%(n)s weeks entered", len(mine)), False))
        else:
            value = mine[0].plotted(m)
            items.append((m.name, "—" if value is None else f"{value:.0f}%" if m.multiplier == 100 else f"{value:g}",
                          False))
    return render("forms/monthly_report.html", "month_data", items=items)


class MonthlyReportPage(WorkbookPage):
    TITLE = "Monthly report"

    def build_body(self):
        self.levels = self.store.list(AssessmentLevel)
        self.measures = current(self.store.list(Measure), self.today)
        self.months = Words()
        self.month_picker = w.Dropdown(description=_("Month"), style={"description_width": "initial"},
                                       layout=w.Layout(width="min(36em, 100%)"))
        on_pick(self.month_picker, guarded(self.message)(lambda _: self._show_month()))
        self.report_area = w.VBox(layout=w.Layout(width="100%"))
        self.team_area = w.VBox(layout=w.Layout(width="100%"))
        self.faculty_area = w.VBox(layout=w.Layout(width="100%"))
        self.history = PlotArea(340)
        self._refresh_months(select=None)
        self._show_month()
        return [section(_("Our reports")), self.months, self.month_picker, self.report_area,
                section(_("Our progress score"), _("Score your team on the collaborative’s assessment scale.")),
                Words(scale_html(self.levels)), self.team_area,
                section(_("Faculty’s score and feedback (faculty only)"),
                        _("Written by your coach or improvement advisor, kept apart from the team’s own score. Teams "
                          "read it here; they do not fill it in.")),
                self.faculty_area,
                section(_("Scores over time")), self.history,
                section(_("Lessons learned"), _("Written at the end of the collaborative (or whenever you are "
                                                "ready): the final report and the change package keep them.")),
                lessons_form(self.store, self.actor, self.team.id)]

    def _refresh_months(self, select) -> None:
        reports = self.store.list(MonthlyReport, team_id=self.team.id)
        statuses = report_months(self.collab, self.team, reports, self.today, self.phases)
        self.months.value = months_html(statuses)
        options = [(f"{day(s.month, 'month')} — {s.words}", s.month) for s in reversed(statuses)]
        if select is None:  # the month due now: the earliest ended month not in yet, never one still running
            due = month_due_now(self.collab, self.phases, self.today, self.team, reports)
            select = due if any(s.month == due for s in statuses) else (statuses[-1].month if statuses else None)
        replace_options(self.month_picker, options, select)

    def _score_choices(self):
        return [(f"{lv.score:g} — {lv.label}", lv.score) for lv in self.levels]

    def _faculty_html(self, month) -> str:
        found = self.store.get(AssessmentScore, self.team.id, month, "faculty")
        label = next((lv.label for lv in self.levels if found and lv.score == found.score), "")
        return render("forms/monthly_report.html", "faculty", month=month, score=found.score if found else None,
                      label=label, by=found.scored_by if found else None, rationale=found.rationale if found else None)

    def _faculty_section(self, month) -> list[w.Widget]:
        """Read-only for the team; the form opens for faculty, on purpose. Signed in, only an account whose
        role gives the faculty score has the form at all (and the save checks the role again)."""
        summary = Words(self._faculty_html(month))
        title = heading(_("Faculty score for %(month)s", month=day(month, "month")), badge=_("faculty only"))
        if not may_see_section(self.access, "faculty_score"):
            self.faculty_score = self.faculty_toggle = None
            return [title, summary]
        self.faculty_score = self._score_form(month, "faculty")
        self.faculty_score.on_saved = lambda _: (self._draw_history(), setattr(summary, "value",
                                                                                self._faculty_html(month)))
        self.faculty_score.read_only = True
        self.faculty_score.layout.display = "none"
        self.faculty_toggle = w.ToggleButton(description=_("I am faculty: edit this score"), value=False,
                                             tooltip=_("For coaches and improvement advisors only"))

        def opened(change):
            on = bool(change["new"])
            self.faculty_score.read_only = not on
            self.faculty_score.layout.display = "flex" if on else "none"
            self.faculty_toggle.description = _("Close the faculty form") if on else _("I am faculty: edit this score")

        self.faculty_toggle.observe(guarded(self.message)(opened), names="value")
        return [title, summary, self.faculty_toggle, self.faculty_score]

    def _score_form(self, month, source: str) -> RecordForm:
        found = self.store.get(AssessmentScore, self.team.id, month, source)
        record = found or AssessmentScore.draft(team_id=self.team.id, month=month, source=source)
        fields = [Field(AssessmentScore, "score", label=N_("Score (team’s)") if source == "team" else
                        N_("Score (faculty)"), kind="choice", choices=self._score_choices()),
                  Field(AssessmentScore, "rationale", label=N_("Why this score") if source == "team" else
                        N_("Faculty feedback to the team"), kind="long"),
                  Field(AssessmentScore, "scored_by", label=N_("Scored by"))]
        return replace_form(getattr(self, f"{source}_score", None),
                            RecordForm(self.store, record, fields, actor=self.actor,
                                       on_saved=lambda _: self._draw_history()))

    def _show_month(self) -> None:
        month = self.month_picker.value
        if month is None:
            self.report_area.children = [Words(render("common.html", "paragraph", text=_("No month to report yet."),
                                                         kind="bsc-help"))]
            return
        found = self.store.get(MonthlyReport, self.team.id, month)
        record = found or MonthlyReport.draft(team_id=self.team.id, month=month)
        fields = [Field(MonthlyReport, "highlights", label=N_("Highlights: what went well this month"), kind="long"),
                  Field(MonthlyReport, "barriers", label=N_("Barriers: what got in the way"), kind="long"),
                  Field(MonthlyReport, "support_requested", label=N_("Support we would like from faculty"),
                        kind="long"),
                  Field(MonthlyReport, "measures_status", label=N_("Status of our measures this month"), kind="long"),
                  Field(MonthlyReport, "submitted_by")]
        observations = self.store.list(Observation, team_id=self.team.id, damaged=[])
        hint = Words(measures_month_html(self.measures, observations, month))
        self.report_form = replace_form(getattr(self, "report_form", None), RecordForm(
            self.store, record, fields, actor=self.actor, on_saved=lambda r: self._refresh_months(r.month),
            layout_children=fields[:3] + [hint] + fields[3:]))
        self.report_area.children = [heading(_("Report for %(month)s", month=day(month, "month"))), self.report_form]
        self.team_score = self._score_form(month, "team")
        self.team_area.children = [heading(_("Team’s own score for %(month)s", month=day(month, "month"))),
                                   self.team_score]
        self.faculty_area.children = self._faculty_section(month)
        self._draw_history()

    def _draw_history(self) -> None:
        scores = self.store.list(AssessmentScore, team_id=self.team.id)
        labels = {lv.score: lv.label for lv in self.levels}
        self.history.draw(score_history_figure(scores, labels))
