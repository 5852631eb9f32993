"""Workbook 4, measures and run charts: each measure's definition, data entry three ways, and the chart read aloud."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w
import pandas as pd

from ..analysis.framework_history import history
from ..analysis.measure_analysis import CHART_CHOICES, analyse_measure, chart_and_rules
from ..analysis.measure_data import data_record, when_label
from ..analysis.report_calendar import due_now, owed_from, periods_owed
from ..base.errors import BscError, DamagedRecord, ImportRejected
from ..base.language import N_, _, number
from ..charts import figure_for
from ..charts.tables import framework_history_html
from ..model import (
    MEASURE_BADGES,
    MEASURE_KIND_LABELS,
    SIGNAL_RULE_LABELS,
    SIGNAL_RULES,
    Event,
    Measure,
    Observation,
    Sample,
    next_period,
    period_label,
    period_start,
)
from ..portable import rows_from_text, rows_from_upload
from ..render import render
from ..reports.worksheets import data_sheet_html
from ..services.measures import save_measure_rows
from ..services.removals import remove_period
from .chart_marks import ChartMarks
from .day_input import DayInput
from .fields import Field, on_pick, replace_options
from .group_entry import GroupEntry
from .messages import MessageArea, guarded, message_html
from .page import WorkbookPage, section
from .period_values import PeriodValues
from .plot import PlotArea
from .print_links import PrintLinks
from .recent_changes import RecentChanges
from .record_form import RecordForm, replace_form
from .words import Words

PERIOD_TABLES = ("observations", "samples", "events", "stratum_observations")   # what "remove a period" takes
PASTE_EXAMPLES = {"events": N_("Date\tCount\n2026-10-14\t1"),
                  "subgroups": N_("Month\tValue\n2026-10\t4.5\n2026-10\t5"),
                  "value": N_("Month\tValue\n2026-10\t3.4"), "count": N_("Month\tValue\n2026-10\t2"),
                  "proportion": N_("Month\tNumerator\tDenominator\n2026-10\t45\t60")}


def periods(first: dt.date, last: dt.date, frequency: str) -> list[dt.date]:
    """Every period from ``first`` to ``last``, newest first."""
    out, day = [], period_start(first, frequency)
    while day <= last:
        out.append(day)
        day = next_period(day, frequency)
    return out[::-1]


def shown_number(o, m: Measure) -> str:
    if o is None:
        return _("no data yet")
    if isinstance(o, Event):
        return _("%(n)s that day", n=o.count)
    if isinstance(o, list):          # a period's several values
        return ", ".join(number(s.value) for s in sorted(o, key=lambda s: s.number))
    if m.uses_denominator:
        return _("%(numerator)s of %(denominator)s", numerator=number(o.numerator), denominator=number(o.denominator))
    return number(o.value)


def definition_html(m: Measure) -> str:
    rows = [(_("Operational definition"), m.operational_definition), (_("Numerator"), m.numerator),
            (_("Denominator"), m.denominator), (_("Kind of data"), MEASURE_KIND_LABELS[m.kind]),
            (_("How often"), _("Every week") if m.frequency == "weekly" else _("Every month")),
            (_("Better is"), {"up": _("higher"), "down": _("lower"),
                              "neutral": _("neither: we watch it")}[m.direction]),
            (_("Goal"), None if m.goal is None else f"{number(m.goal)}{'%' if m.multiplier == 100 else ''}")]
    return render("forms/measures.html", "definition", m=m, rows=[(k, v) for k, v in rows if v],
                  type_label=MEASURE_BADGES[m.type])


def reading_html(reading) -> str:
    return render("forms/measures.html", "reading", r=reading)


def data_table_html(records: list, m: Measure) -> str:
    if m.kind == "subgroups":
        by_period: dict[dt.date, list[Sample]] = {}
        for s in records:
            by_period.setdefault(s.period, []).append(s)
        rows = [(period_label(p, m.frequency), shown_number(v, m), "") for p, v in sorted(by_period.items())]
    else:
        rows = [(when_label(getattr(o, type(o).AS_OF), m), shown_number(o, m), o.note or "")
                for o in sorted(records, key=lambda o: getattr(o, type(o).AS_OF)) if not isinstance(o, Event)
                or o.count]
    return render("forms/measures.html", "data_table", m=m, rows=rows)


class MeasuresPage(WorkbookPage):
    TITLE = "Measures and run charts"

    def build_body(self):
        self.measures = {m.id: m for m in self.store.list(Measure)}
        if not self.measures:    # a collaborative just set up: nothing to chart or enter yet
            self.message.show(_("Your collaborative has no measures yet. Your improvement advisor adds them in the "
                                "collaborative set-up; then your data and run charts are here."), "ok")
            return []
        style = {"description_width": "initial"}
        narrow = w.Layout(width="min(34em, 100%)")
        self.measure_picker = w.Dropdown(description=_("Measure"), options=[(m.name if m.is_current() else
                                                                        _("%(name)s (retired)", name=m.name), m.id)
                                                                          for m in self.measures.values()],
                                         style=style, layout=narrow)
        self.definition = Words()
        self.chart_kind = w.Dropdown(description=_("Chart"), style=style, layout=narrow)
        self.rules = w.Dropdown(description=_("Rules for signals"), options=[(label, key) for key, label in SIGNAL_RULE_LABELS.items()],
                                value=self.collab.signal_rules, style=style, layout=narrow)
        self.marks = ChartMarks(self.store, self.actor, self.team.id, self.today, on_changed=self._draw)
        self.day_picker = DayInput(_("Day of the event"), style=style,
                                   layout=w.Layout(width="min(34em, 100%)"))   # its own: it is hidden at times
        self.chart = PlotArea(440)
        self.every_cycle = w.Checkbox(description=_("Also mark our PDSA cycles aimed at other measures"),
                                      indent=False, value=False, layout=w.Layout(width="auto"))
        self.reading = Words()
        self.table = Words()
        self.period_picker = w.Dropdown(description=_("Period"), style=style, layout=w.Layout(width="min(34em, 100%)"))
        self.entry = w.VBox(layout=w.Layout(width="100%"))
        self.import_message = MessageArea()
        self.paste = w.Textarea(description=_("Paste rows"), rows=5, continuous_update=False, style=style,
                                layout=w.Layout(width="100%"),
                                placeholder="Month\tNumerator\tDenominator\n2026-10\t45\t60")
        self.replace = w.Checkbox(description=_("Replace numbers already entered for the same periods"), indent=False,
                                  layout=w.Layout(width="auto"))
        self.paste_button = w.Button(description=_("Save pasted rows"), button_style="primary")
        self.upload = w.FileUpload(accept=".csv,.xlsx", multiple=False, description=_("Upload a .csv or .xlsx file"),
                                   icon="", layout=w.Layout(width="auto"))
        guard = guarded(self.message)
        on_pick(self.measure_picker, guard(lambda _: self._measure_changed()))
        on_pick(self.chart_kind, guard(lambda _: (self._offer_rules(), self._draw())))
        on_pick(self.rules, guard(lambda _: self._draw()))
        self.every_cycle.observe(guard(lambda _: self._plot()), names="value")
        on_pick(self.period_picker, guard(lambda _: self._show_entry()))
        self.day_picker.on_day(guard(lambda _: self._show_entry()))
        self.print_links = PrintLinks(self.message)
        self.recent = RecentChanges(self.store, self.actor, self.team.id, PERIOD_TABLES,
                                    on_change=lambda: (self._data_changed(keep=True), self._show_entry()))
        self.paste_button.on_click(guarded(self.import_message)(self._import_paste))
        self.upload.observe(guarded(self.import_message)(self._import_upload), names="value")
        self._measure_changed()
        return [section(_("Our measures")), self.measure_picker, self.definition,
                section(_("Run chart")), w.HBox([self.chart_kind, self.rules], layout=w.Layout(flex_flow="row wrap")),
                self.chart, self.every_cycle, self.reading, self.table,
                section(_("Marks on the chart"), _("Where the baseline ends, where a new phase starts, points to "
                                                    "leave out, and notes: each with its reason, used by the reports "
                                                    "and the dashboard too.")),
                self.marks,
                section(_("Enter data"), _("Choose a period (or, for events, the day) and type its numbers.")),
                self.period_picker, self.day_picker, self.entry, self.recent,
                section(_("Paste or upload many periods at once"), _("Every row is checked first. If any row has a "
                                                                      "problem, nothing is saved and the row is "
                                                                      "named.")),
                Words(render("forms/measures.html", "paste_help")), self.paste, self.replace, self.paste_button,
                self.upload, self.import_message,
                section(_("On paper"), _("A data-collection sheet for this measure, to fill in by hand and enter "
                                         "later: blank, or with what is entered so far.")), self.print_links]

    @property
    def measure(self) -> Measure:
        return self.measures[self.measure_picker.value]

    def _observations(self) -> list:
        """This team's data on the measure; a damaged stored row is left out here (the chart names it)."""
        self.damaged = {}
        found = self.store.list(data_record(self.measure), damaged=(damaged := []), team_id=self.team.id,
                                measure_id=self.measure.id)
        self.damaged = {d.key[2]: d for d in damaged}
        return found

    # ---- measure and chart ----
    def _measure_changed(self) -> None:
        m = self.measure
        self.definition.value = definition_html(m) + framework_history_html(m, history(self.store, m))
        self._offer_sheets(m)
        chart = chart_and_rules(self.store, m)[0]       # the collaborative's choice, until the team picks another
        replace_options(self.chart_kind, [(_(label), code) for code, label in CHART_CHOICES[m.kind]], chart)
        self.paste.placeholder = _(PASTE_EXAMPLES.get(m.kind, PASTE_EXAMPLES["proportion"]))
        events = m.kind == "events"
        self.period_picker.layout.display = "none" if events else None
        self.day_picker.layout.display = None if events else "none"
        if events and self.day_picker.day is None:
            self.day_picker.set_day(min(self.today, self.collab.last_day))
        self._offer_rules()
        self._refresh_periods()
        self._draw()
        self._show_entry()

    def _offer_rules(self) -> None:
        """Making Data Count reads control limits, so a run chart does not offer it."""
        offered = [(label, key) for key, label in SIGNAL_RULE_LABELS.items()
                   if self.chart_kind.value != "run" or "mdc" not in SIGNAL_RULES[key]]
        replace_options(self.rules, offered, self.rules.value)

    def _refresh_periods(self, keep: bool = False) -> None:
        m, obs = self.measure, {}
        for o in self._observations():
            if isinstance(o, Sample):
                obs.setdefault(o.period, []).append(o)
            elif isinstance(o, Observation):
                obs[o.period] = o
        last = min(self.today, self.collab.last_day)
        if m.retired_on:  # nothing can be entered from the retirement on; what was entered stays
            last = min(last, m.retired_on - dt.timedelta(days=1))
        options = [(f"{period_label(p, m.frequency)} — "
                    f"{_('damaged: enter it again') if p in self.damaged else shown_number(obs.get(p), m)}", p)
                   for p in periods(self.collab.earliest_data(), last, m.frequency)]
        # the period due now (never one still running), as the monthly report offers its month
        due = due_now(periods_owed(owed_from(self.collab, self.phases, self.team), last, m.frequency, self.today),
                      set(obs) - set(self.damaged))
        replace_options(self.period_picker, options, self.period_picker.value if keep else
                        (due if due is not None else options[0][1]))

    def _draw(self) -> None:
        self.analysis = s = analyse_measure(self.store, self.team.id, self.measure.id, chart=self.chart_kind.value,
                                            rules=SIGNAL_RULES[self.rules.value])  # bad data: in its reading
        self.message.clear()
        points = [] if s.result.empty else sorted({pd.Timestamp(x).date() for x in s.result["x"]})
        self.marks.show(self.measure, [(when_label(p, self.measure), p) for p in points])
        self._plot()
        self.reading.value = reading_html(s.reading)
        self.table.value = data_table_html(self._observations(), self.measure)

    def _plot(self) -> None:
        """The chart of the analysis made (the switch for other cycles redraws it without reading it again)."""
        fig = figure_for(self.analysis, height=420, every_cycle=self.every_cycle.value)
        fig.update_layout(autosize=True)
        self.chart.draw(fig)

    # ---- one period ----
    def _show_entry(self) -> None:
        m, period = self.measure, self.period_picker.value
        if m.kind == "events":
            self._show_event_entry()
            return
        if m.kind == "subgroups":
            self.entry.children = [PeriodValues(self.store, self.actor, self.team.id, m, period,
                                                on_saved=lambda: self._data_changed(keep=True)),
                                   *self._remove_button(period)]
            return
        try:
            found, version = self.store.get(Observation, self.team.id, m.id, period), 0
        except DamagedRecord as exc:  # typed again, the numbers replace the damaged ones
            found, version = None, exc.version
            self.message.show(_("The numbers stored for %(period)s are damaged (%(problem)s) Type them again to "
                                "correct them.", period=period_label(period, m.frequency),
                                problem=exc.problems[0].message), "info")
        record = found or Observation.draft(team_id=self.team.id, measure_id=m.id, period=period, version=version)
        names = ["numerator", "denominator"] if m.uses_denominator else ["value"]
        labels = {"numerator": _("Numerator: %(what)s", what=m.numerator) if m.numerator else _("Numerator"),
                  "denominator": _("Denominator: %(what)s", what=m.denominator) if m.denominator else
                  _("Denominator"),
                  "value": f"{m.name}" + (f" ({m.unit})" if m.unit else "")}
        fields = [Field(Observation, n, label=labels[n], kind="number") for n in names]
        fields.append(Field(Observation, "note", label=N_("Note (optional): anything that explains this period"),
                            kind="text"))
        self.entry_form = replace_form(getattr(self, "entry_form", None), RecordForm(
            self.store, record, fields, actor=self.actor, on_saved=lambda _: self._data_changed(keep=True),
            on_gone=lambda: self._refresh_periods(keep=True)))
        self.entry.children = [self.entry_form] + (
            [GroupEntry(self.store, self.actor, m, period)] if m.stratified_by and m.is_current(period) else []) + (
            self._remove_button(period))

    def _show_event_entry(self) -> None:
        """The events of one day: how many, and a note; 0 takes back a day entered by mistake."""
        m, day = self.measure, self.day_picker.day
        if day is None:
            problem = self.day_picker.problem
            self.entry.children = [Words(message_html(problem) if problem else render("forms/measures.html",
                                                                                        "choose_day"))]
            return
        found = self.store.get(Event, self.team.id, m.id, day)
        record = found or Event.draft(team_id=self.team.id, measure_id=m.id, day=day)
        fields = [Field(Event, "count", label=_("How many that day (%(measure)s)", measure=m.name.lower()), kind="number"),
                  Field(Event, "note", label=N_("Note (optional): what happened"), kind="text")]
        self.entry_form = replace_form(getattr(self, "entry_form", None), RecordForm(
            self.store, record, fields, actor=self.actor, on_saved=lambda _: self._data_changed(keep=True)))
        self.entry.children = [Words(render("forms/measures.html", "event_day", day=day)), self.entry_form,
                               *self._remove_button(day)]

    def _offer_sheets(self, m: Measure) -> None:
        store, team, today = self.store, self.team.id, self.today
        self.print_links.show([
            (_("Data sheet with our data"), f"data-sheet-{team}-{m.id}",
             lambda: data_sheet_html(store, team, m.id, today)),
            (_("Blank data sheet"), f"data-sheet-{team}-{m.id}-blank",
             lambda: data_sheet_html(store, team, m.id, today, blank=True))])

    def _remove_button(self, when) -> list[w.Widget]:
        """A button that takes out what is entered for the period (or day); undone below."""
        button = w.Button(description=_("Remove this day’s entry") if self.measure.kind == "events" else
                          _("Remove this period’s numbers"), layout=w.Layout(width="auto"))
        button.on_click(lambda _b: guarded(self.recent.message)(self._remove_period)(when))
        return [button]

    def _remove_period(self, when) -> None:
        removal = remove_period(self.store, self.actor, self.team.id, self.measure, when)
        if removal is None:
            self.recent.say(_("Nothing is entered for %(when)s, so there is nothing to remove.",
                              when=when_label(when, self.measure)), "info")
        else:
            self.recent.say(_("Removed %(what)s. “Undo” below puts it back.", what=removal.what()))
        self._data_changed(keep=True)
        self._show_entry()

    def _data_changed(self, keep: bool = False) -> None:
        self._refresh_periods(keep=keep)
        self._draw()

    # ---- many periods ----
    def _import(self, rows, name: str) -> bool:
        """Save the rows (all or none); whether they were saved."""
        try:
            plan = save_measure_rows(self.store, self.actor, rows, name, measure=self.measure.id,
                                     replace_existing=self.replace.value)
        except BscError as exc:
            self.import_message.show_error(exc)
            return False
        self.import_message.show(_("Saved from %(source)s: %(summary)s.", source=name, summary=plan.summary()), "ok")
        self._data_changed(keep=True)
        self._show_entry()
        return True

    def _import_paste(self, _button=None) -> None:
        text = self.paste.value
        if not text.strip():
            self.import_message.show_error(_("Nothing was pasted: copy the rows from your spreadsheet first."))
            return
        if self._import(rows_from_text(text), _("pasted rows")):
            self.paste.value = ""

    def _import_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = str(upload.get("name", "upload"))
        try:
            self._import(rows_from_upload(name, bytes(upload["content"])), name)
        except ImportRejected as exc:
            self.import_message.show_error(exc)
        finally:
            self.upload.value = ()
