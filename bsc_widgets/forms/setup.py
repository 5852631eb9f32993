"""The collaborative set-up workbook, for the improvement advisor and faculty: everything teams build on.

The collaborative and its calendar (with each month's report due date), the change framework
(measures with operational definitions, the driver diagram and its links), the wording of the
assessment scale, the groupings for equity views, and the teams with their invitations.

Edits to a framework that teams already use go through ``framework_history``: the old wording is
kept with the date it changed, and removing a measure or change idea teams have used retires it,
keeping its data.
"""
from __future__ import annotations

from urllib.parse import quote

import ipywidgets as w

from ..analysis.charter import roles_sentence
from ..analysis.framework_history import history
from ..analysis.report_calendar import due_date, next_month, reports_from
from ..base.language import LANGUAGES, N_, Labels, _, day, number
from ..base.text import capitalised
from ..charts.tables import framework_history_html
from ..model import (
    ATTENTION_REASONS,
    MEASURE_KIND_LABELS,
    MEASURE_TYPE_LABELS,
    PHASE_KIND_LABELS,
    PROGRAM_TYPE_LABELS,
    SIGNAL_RULE_LABELS,
    Account,
    AssessmentLevel,
    ChangeIdea,
    CoachAssignment,
    Collaborative,
    Driver,
    DriverLink,
    Grouping,
    Measure,
    Member,
    Phase,
    Record,
    Stratum,
    Team,
)
from ..render import render
from ..services import Actor, caseload, framework
from ..services.access import hub_address
from .fields import Field
from .invitations import AccountInvitations, TeamInvitations
from .messages import guarded
from .page import CollaborativePage, section
from .record_form import RecordForm
from .record_list import RecordEditor
from .words import Words

DIRECTION_LABELS = Labels({"up": N_("Higher is better"), "down": N_("Lower is better"),
                           "neutral": N_("Neither: we watch it")})
FREQUENCY_LABELS = Labels({"monthly": N_("Every month"), "weekly": N_("Every week")})
DRIVER_KIND_LABELS = Labels({"primary": N_("Primary driver"), "secondary": N_("Secondary driver")})


def due_dates_html(collab: Collaborative, phases: list[Phase]) -> str:
    """Every month teams report on, and the day its report is due."""
    month, rows = reports_from(collab, phases).replace(day=1), []
    while month <= collab.last_day:
        rows.append((month, due_date(collab, month)))
        month = next_month(month)
    return render("forms/setup.html", "due_dates", rows=rows)


def invitation_html(team: Team, members: list[Member]) -> str:
    """A link to the team's home and a ready-made email to its members (no accounts to create)."""
    home = f"00_home.ipynb?team={quote(team.id)}"
    emails = ",".join(m.email for m in members if m.email)
    body = _("You are invited to the %(team)s team's workbooks. Open this page on the collaborative's site and "
             "bookmark it: %(link)s", team=team.name, link=home)
    return render("forms/setup.html", "invitation", team=team, roles=roles_sentence(members) or _("No members yet"),
                  home=home, emails=emails, body=body, count=len([m for m in members if m.email]))


class SetupPage(CollaborativePage):
    TITLE = N_("Collaborative set-up")
    EDITS_FRAMEWORK = True

    def build_body(self):
        self.editor_name = w.Text(description=_("Your name (kept with each change to the framework)"),
                                  style={"description_width": "initial"}, layout=w.Layout(width="min(34em, 100%)"),
                                  continuous_update=False)
        collab_form = RecordForm(self.store, self.collab, [
            Field(Collaborative, "name"), Field(Collaborative, "topic"), Field(Collaborative, "aim", kind="long"),
            Field(Collaborative, "aim_es", kind="long"),
            Field(Collaborative, "start"), Field(Collaborative, "end"), Field(Collaborative, "sustain_until"),
            Field(Collaborative, "data_from"),
            Field(Collaborative, "report_due_day"), Field(Collaborative, "suppress_below"),
            Field(Collaborative, "signal_rules", choices=SIGNAL_RULE_LABELS),
            Field(Collaborative, "attention_reasons", choices=[(label, k) for k, label in ATTENTION_REASONS.items()],
                  help=_("The coach dashboard ranks every team by its most urgent reason, in this order; only the "
                         "reasons ticked flag a team as needing attention.")),
            Field(Collaborative, "stalled_weeks"), Field(Collaborative, "score_drop"),
            Field(Collaborative, "ta_topics", kind="long", rows=6)],
            actor=self._who, today=self.today, on_saved=self._collab_saved)
        self.due_dates = Words(due_dates_html(self.collab, self.phases))
        calendar = RecordEditor(
            self.store, Phase, actor=self._who, today=self.today, noun=_("calendar phase"), records=lambda: self.store.list(Phase),
            label=lambda p: f"{p.name} ({day(p.start, 'short')} – {day(p.end, 'short')})",
            fields=lambda p: [Field(Phase, "kind", choices=PHASE_KIND_LABELS), Field(Phase, "number"),
                              Field(Phase, "name"), Field(Phase, "name_es"), Field(Phase, "start"), Field(Phase, "end")],
            new=lambda: dict(id="new", kind="learning_session", start=self.today, end=self.today),
            on_change=self._calendar_changed)
        def groupings() -> dict[str, str]:  # read each time: a grouping added below is offered at once
            return {g.id: g.name for g in self.store.list(Grouping)}

        measures = RecordEditor(
            self.store, Measure, actor=self._who, today=self.today, noun=_("measure"), records=lambda: self.store.list(Measure),
            label=lambda m: _retired(m, m.name),
            fields=lambda m: [
                Field(Measure, "name"), Field(Measure, "name_es"), Field(Measure, "type", choices=MEASURE_TYPE_LABELS),
                Field(Measure, "kind", choices=MEASURE_KIND_LABELS),
                Field(Measure, "operational_definition", kind="long", rows=4),
                Field(Measure, "operational_definition_es", kind="long", rows=4),
                Field(Measure, "numerator"), Field(Measure, "numerator_es"), Field(Measure, "denominator"),
                Field(Measure, "denominator_es"),
                Field(Measure, "frequency", choices=FREQUENCY_LABELS),
                Field(Measure, "direction", choices=DIRECTION_LABELS), Field(Measure, "goal"),
                Field(Measure, "multiplier"), Field(Measure, "unit"),
                Field(Measure, "stratified_by", kind="choice", choices=[(n, i) for i, n in groupings().items()])],
            new=lambda: dict(id="new", type="process", kind="proportion", direction="up", multiplier=100.0, unit="%",
                             position=len(self.store.list(Measure))),
            remove=self._retire, extra=self._history)
        drivers = RecordEditor(
            self.store, Driver, actor=self._who, today=self.today, noun=_("driver"), records=lambda: self.store.list(Driver),
            label=lambda d: _retired(d, f"{DRIVER_KIND_LABELS[d.kind]}: {d.title}"),
            fields=lambda d: [Field(Driver, "kind", choices=DRIVER_KIND_LABELS), Field(Driver, "title"),
                              Field(Driver, "title_es"), Field(Driver, "description", kind="long"),
                              Field(Driver, "description_es", kind="long"),
                              Field(Driver, "measure_ids", choices=[(m.name, m.id) for m in self.store.list(Measure)
                                                                    if m.is_current() or m.id in d.measure_ids],
                                    help=_("A team’s new PDSA cycle on a change idea that feeds this driver is "
                                           "first aimed at these measures."))],
            new=lambda: dict(id="new", kind="secondary", position=len(self.store.list(Driver))),
            remove=self._retire,
            extra=lambda d: self._history(d) + ([self._links(d, "primary")] if d.kind == "secondary" else []))
        ideas = RecordEditor(
            self.store, ChangeIdea, actor=self._who, today=self.today, noun=_("change idea"),
            records=lambda: [i for i in self.store.list(ChangeIdea) if i.team_id is None],
            label=lambda i: _retired(i, i.title),
            fields=lambda i: [Field(ChangeIdea, "title"), Field(ChangeIdea, "title_es"),
                              Field(ChangeIdea, "description", kind="long"),
                              Field(ChangeIdea, "description_es", kind="long")],
            new=lambda: dict(id="new", position=len(self.store.list(ChangeIdea))),
            remove=self._retire,
            extra=lambda i: self._history(i) + [self._links(i, "secondary")])
        scale = [RecordForm(self.store, lv, [
            Field(AssessmentLevel, "label", label=_("Level %(score)s: label", score=number(lv.score))),
            Field(AssessmentLevel, "label_es", label=_("Level %(score)s: label in Spanish", score=number(lv.score))),
            Field(AssessmentLevel, "definition", label=_("Level %(score)s: what it looks like", score=number(lv.score)),
                  kind="long", rows=2),
            Field(AssessmentLevel, "definition_es", kind="long", rows=2,
                  label=_("Level %(score)s: what it looks like, in Spanish", score=number(lv.score)))],
                            actor=self._who, today=self.today)
                 for lv in self.store.list(AssessmentLevel)]
        grouping_editor = RecordEditor(
            self.store, Grouping, actor=self._who, today=self.today, noun=_("grouping"), records=lambda: self.store.list(Grouping), label=lambda g: g.name,
            fields=lambda g: [Field(Grouping, "name")], new=lambda: dict(id="new"))
        strata = RecordEditor(
            self.store, Stratum, actor=self._who, today=self.today, noun=_("group"), records=lambda: self.store.list(Stratum),
            label=lambda s: f"{groupings().get(s.grouping_id, s.grouping_id)}: {s.label}",
            fields=lambda s: [Field(Stratum, "grouping_id", kind="choice",
                                    choices=[(g.name, g.id) for g in self.store.list(Grouping)]),
                              Field(Stratum, "label"), Field(Stratum, "position")],
            new=lambda: dict(id="new", grouping_id=next(iter(groupings()), "")))
        teams = RecordEditor(
            self.store, Team, actor=self._who, today=self.today, noun=_("team"), records=self.store.teams, label=lambda t: t.name,
            fields=lambda t: [Field(Team, "name"), Field(Team, "program_type", choices=PROGRAM_TYPE_LABELS),
                              Field(Team, "joined"), Field(Team, "language", choices=LANGUAGES)],
            new=lambda: dict(id="new", program_type="head_start", joined=max(self.today, self.collab.start)),
            removable=False, extra=self._invitation)
        accounts = ([section(_("Accounts"), _("Faculty, advisors and leaders sign in with an account of their own; "
                                              "team members get theirs from their team below.")),
                     AccountInvitations(self.store, self._who, hub_address())] if self.access else [])
        if self.access is not None:
            self.editor_name.layout.display = "none"  # the hub says who is editing
        return [
            Words(render("forms/setup.html", "jump_to")),
            self.editor_name,
            section(_("The collaborative"), _("Its name, topic, aim and dates. Every change is saved when you leave "
                                              "the field.")), collab_form,
            _anchor("calendar"), section(_("Calendar"), _("Pre-work, learning sessions, action periods and the "
                                                          "summative session. Monthly reports are owed from the "
                                                          "first action period.")),
            self.due_dates, calendar,
            _anchor("framework"), section(_("Change framework: measures"), _(
                "Teams’ data stays attached when a measure is reworded; a measure teams have used is retired, not "
                "deleted.")), measures,
            section(_("Change framework: driver diagram"), _("Primary and secondary drivers, and the collaborative’s "
                                                             "change ideas with the secondary drivers they feed.")),
            drivers, ideas,
            _anchor("scale"), section(_("Assessment scale"), _("The wording teams and faculty score against each "
                                                               "month.")),
            *scale,
            _anchor("groups"), section(_("Groups for equity views"), _(
                "Groupings such as home language or race and ethnicity; a measure chosen to be shown by group asks "
                "teams for each group’s figures. Small groups are suppressed (see the collaborative above).")),
            grouping_editor, strata,
            _anchor("teams"), section(_("Teams"), _("Add a team, then send its members their link.")), teams,
            *accounts]

    def _coaches(self, team: Team) -> list[w.Widget]:
        """Tick the team's coaches among the faculty accounts: each coach's dashboard opens on her own teams."""
        faculty = [a for a in self.store.list(Account) if a.access in ("faculty", "advisor")]
        if not faculty:
            return [Words(render("common.html", "paragraph", kind="bsc-help", text=_(
                "Coaches are chosen from the faculty accounts: add one under Accounts to name this team’s coach.")))]
        named = {a.coach for a in self.store.list(CoachAssignment, team_id=team.id)}
        boxes = []
        for a in faculty:
            box = w.Checkbox(value=a.username in named, description=a.name, indent=False,
                             layout=w.Layout(width="auto"))
            box.observe(guarded(self.message)(lambda change, c=a.username: self._coach(team, c, change["new"])),
                        names="value")
            boxes.append(box)
        return [w.VBox([Words(render("forms/widgets.html", "group_label", text=_("Coaches"))), *boxes])]

    def _coach(self, team: Team, coach: str, on: bool) -> None:
        caseload.name_coach(self.store, self._who(), team.id, coach, on)
        self.message.show(_("Coach saved.") if on else _("Coach removed."), "ok")

    def _invitation(self, team: Team) -> list[w.Widget]:
        """Under the hub, each member's own one-time sign-in link; otherwise the team's link to share."""
        if self.access is not None:
            return [*self._coaches(team), TeamInvitations(self.store, self._who, team, hub_address())]
        return [*self._coaches(team), Words(invitation_html(team, [m for m in self.store.list(Member, team_id=team.id)
                                              if m.belonged_on(self.today)]))]

    # ---- saving through the framework's history ----
    def _who(self) -> Actor:
        """The collaborative's set-up, by whoever typed their name (kept with each framework change)."""
        if self.access is not None:  # signed in: the hub says who is editing
            return Actor.collaborative(access=self.access)
        return Actor.collaborative(self.editor_name.value.strip()[:200] or None)

    def _retire(self, record: Record) -> str:
        what = framework.retire(self.store, self._who(), record, self.today)
        name = getattr(record, "name", None) or record.title
        if what == "retired":
            return _("“%(name)s” is retired: teams have used it, so its data is kept and marked retired. You can "
                     "bring it back from the list.", name=name)
        return _("“%(name)s” was deleted: no team had used it yet.", name=name)

    def _history(self, record: Record) -> list[w.Widget]:
        out: list[w.Widget] = [Words(framework_history_html(record, history(self.store, record)))]
        if not record.is_current():
            back = w.Button(description=_("Bring it back into use"))
            back.on_click(guarded(self.message)(lambda _: self._restore(record)))
            out.append(back)
        return out

    def _restore(self, record: Record) -> None:
        current = self.store.require(type(record), *record.key())
        framework.restore(self.store, self._who(), current, self.today)
        self.message.show(_("%(record)s is back in use.", record=capitalised(current.describe())), "ok")

    def _links(self, record: Record, target_kind: str) -> w.Widget:
        """Tick what this feeds: a change idea feeds secondary drivers, a secondary driver primary ones."""
        targets = [d for d in self.store.list(Driver) if d.kind == target_kind and d.is_current()]
        linked = {link.target_id for link in self.store.list(DriverLink, source_id=record.id)}
        boxes = []
        for d in targets:
            box = w.Checkbox(value=d.id in linked, description=d.title, indent=False, layout=w.Layout(width="auto"))
            box.observe(guarded(self.message)(lambda change, t=d.id: self._link(record.id, t, change["new"])),
                        names="value")
            boxes.append(box)
        label = _("Feeds these secondary drivers") if target_kind == "secondary" else _("Feeds these primary drivers")
        return w.VBox([Words(render("forms/widgets.html", "group_label", text=label)), *boxes])

    def _link(self, source: str, target: str, on: bool) -> None:
        framework.link(self.store, self._who(), source, target, on)
        self.message.show(_("Link saved.") if on else _("Link removed."), "ok")

    # ---- keeping the page consistent ----
    def _collab_saved(self, collab: Collaborative) -> None:
        self.collab = collab
        self.due_dates.value = due_dates_html(collab, self.phases)

    def _calendar_changed(self) -> None:
        self.phases = self.store.list(Phase)
        self.due_dates.value = due_dates_html(self.collab, self.phases)


def _retired(record: Record, label: str) -> str:
    return label if record.is_current() else _("%(name)s (retired)", name=label)


def _anchor(name: str) -> w.HTML:
    return Words(render("common.html", "anchor", name=name))

