"""Participation and dosage: record who attended a learning session, affinity group or coaching call,
and see whether families and frontline staff take part, or only directors.

Attendance is taken like a register: choose the team, the event and its date, tick who was
there. Saving writes the whole register in one transaction (``services.register.take_register``), so a
half-saved register cannot happen, and a register someone else saved after this page read it is
never overwritten: the save is refused, the ticks stay, and "Show the saved register" reloads it.
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.dosage import departed, network_doses, participation_sentence, role_doses, years_so_far
from ..base.errors import BscError, ConflictError, InvalidRecord
from ..base.language import _, number
from ..charts.dosage import dosage_figure
from ..charts.tables import dosage_html
from ..model import EVENT_KIND_LABELS, ROLE_LABELS, Member
from ..render import render
from ..services.register import open_register, take_register
from .day_input import DayInput
from .fields import on_pick
from .messages import MessageArea, guarded
from .page import CollaborativePage, section
from .plot import PlotArea
from .words import Words

STYLE = {"description_width": "initial"}
NARROW = w.Layout(width="min(30em, 100%)")


class ParticipationPage(CollaborativePage):
    TITLE = "Participation and dosage"

    def build_body(self):
        self.teams = self.store.teams()
        self.team = w.Dropdown(description=_("Team"), options=[(t.name, t.id) for t in self.teams], style=STYLE,
                               layout=NARROW)
        self.kind = w.Dropdown(description=_("Event"), options=[(v, k) for k, v in EVENT_KIND_LABELS.items()],
                               style=STYLE, layout=NARROW)
        sessions = [p for p in self.phases if p.kind == "learning_session"]
        self.session = w.Dropdown(description=_("Learning session"), style=STYLE, layout=NARROW,
                                  options=[("—", "")] + [(p.name, p.id) for p in sessions])
        self.date = DayInput(_("Date"), min(self.today, self.collab.last_day), style=STYLE, layout=NARROW)
        self.hours = w.Text(description=_("Hours each"), value="1.5", style=STYLE, layout=NARROW,
                            continuous_update=False)
        self.register = w.VBox(layout=w.Layout(width="100%"))
        self.save_button = w.Button(description=_("Save attendance"), button_style="primary")
        self.reload_button = w.Button(description=_("Show the saved register"), layout=w.Layout(display="none"))
        self.form_message = MessageArea()
        self.summary = Words()
        self.dosage_chart = PlotArea(360)
        self.dosage = Words()
        self.save_button.on_click(guarded(self.form_message)(lambda _: self.save()))
        self.reload_button.on_click(guarded(self.form_message)(lambda _: self._reload()))
        for picker in (self.team, self.kind):
            on_pick(picker, guarded(self.form_message)(lambda _: self._load_register()))
        self.date.on_day(guarded(self.form_message)(lambda _: self._load_register()))
        on_pick(self.session, guarded(self.form_message)(lambda _: self._session_picked()))
        self._load_register()
        self._refresh_dosage()
        return [section(_("Take attendance"), _("Tick everyone who was there; untick someone to remove them. "
                                                "Saved together when you press the button.")),
                self.team, self.kind, self.session, self.date, self.hours, self.register, self.form_message,
                w.HBox([self.save_button, self.reload_button], layout=w.Layout(flex_flow="row wrap")),
                section(_("Who takes part"), _("Against the brief’s annual dose: 30–35 hours of learning sessions "
                                               "and about 50 hours of affinity groups for every member, in every "
                                               "role.")),
                self.summary, self.dosage_chart, self.dosage]

    # ---- the register ----
    def _members(self) -> list[Member]:
        on = self.date.day or self.today     # those on the team that day (a register never loses a tick)
        present = self.state.marks if getattr(self, "state", None) else {}
        return sorted([m for m in self.store.list(Member, team_id=self.team.value) if m.belonged_on(on)
                       or m.id in present] if self.team.value else [],
                      key=lambda m: (list(ROLE_LABELS).index(m.role), m.name.lower()))

    def _session_picked(self) -> None:
        phase = next((p for p in self.phases if p.id == self.session.value), None)
        if phase is not None:
            self.kind.value = "learning_session"
            self.date.set_day(phase.start)
        self._load_register()

    def _reload(self) -> None:
        self._load_register()
        self.form_message.show(_("This is the register as saved now. Tick again anyone you marked, then save."),
                               "info")

    def _load_register(self) -> None:
        members = self._members()
        self.reload_button.layout.display = "none"
        self.state = (open_register(self.store, self.team.value, self.kind.value, self.date.day)
                      if self.date.day and self.team.value else None)
        if self.date.problem:
            self.form_message.show_error(self.date.problem)
        present = self.state.marks if self.state else {}
        first = next((present[m.id] for m in members if m.id in present), None)
        if first is not None:
            self.hours.value = number(first.hours)
        self.boxes = {}
        for m in members:
            self.boxes[m.id] = w.Checkbox(value=m.id in present, indent=False, layout=w.Layout(width="auto"),
                                          description=f"{m.name} ({ROLE_LABELS[m.role]})")
        count = sum(m.id in present for m in members)
        self.register.children = [Words(render("forms/participation.html", "register_count", count=count,
                                                total=len(members)))] + list(self.boxes.values())

    def save(self) -> bool:
        """Write the register: all of it, or (with a message saying why) none of it."""
        self.form_message.clear()
        if not self.date.day or self.state is None:
            self.form_message.show_error(self.date.problem or _("Choose the team and the date of the event."))
            return False
        present = [member_id for member_id, box in self.boxes.items() if box.value]
        try:
            self.state, kept, gone = take_register(self.store, self.actor, self.state, present,
                                                   self.hours.value.strip() or None, self.session.value)
        except InvalidRecord as exc:
            self.form_message.show_error(InvalidRecord(_("Nothing was saved:"), exc.problems) if exc.problems else exc)
            return False
        except ConflictError as exc:  # someone saved this register after this page read it: their ticks stay
            self.form_message.show_error(exc)
            self.reload_button.layout.display = "flex"
            return False
        except BscError as exc:  # refused whole (a date outside the calendar, the workspace busy)
            self.form_message.show_error(exc)
            return False
        self.form_message.show(_("Attendance saved: %(kept)s present, %(gone)s removed.", kept=kept, gone=gone), "ok")
        self._load_register()
        self._refresh_dosage()
        return True

    # ---- dosage ----
    def _refresh_dosage(self) -> None:
        years = years_so_far(self.collab.start, self.collab.end, self.today)
        doses = role_doses(self.store)
        names = {t.id: t.name for t in self.teams}
        left = departed(self.store)
        network = participation_sentence(network_doses(doses), years, sum(left.values()))
        per_team = [(names[t.id], participation_sentence([d for d in doses if d.team_id == t.id], years,
                                                         left.get(t.id, 0)))
                    for t in self.teams]
        self.summary.value = render("forms/participation.html", "summary", network=network, teams=per_team)
        self.dosage_chart.draw(dosage_figure(doses, self.teams, years))
        self.dosage.value = dosage_html(doses, self.teams, years)

