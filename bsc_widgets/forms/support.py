"""The support log: a coach logs a visit, a call or technical assistance from her phone in a few taps.

Her own teams come first in the list; the kind of support sets its usual length and way, so a visit is a team,
who took part and "Save". Below: what was logged lately (each can be removed, and put back from the workspace's
removals), and each team's dose of support so far, by kind and by who took part.
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.support import support_doses
from ..base.language import _
from ..model import (
    ROLE_LABELS,
    SUPPORT_KIND_LABELS,
    SUPPORT_MODE_LABELS,
    USUAL,
    CoachAssignment,
    SupportContact,
    caseloads,
)
from ..render import render
from ..services import records
from ..services.support import log_support
from .day_input import DayInput
from .fields import on_pick
from .messages import MessageArea, guarded
from .page import CollaborativePage, section
from .words import BOX, LABEL_ABOVE, LABEL_ABOVE_LIST, SNUG, Words

NARROW = w.Layout(width="min(24em, 100%)")
RECENT = 10
NO_TOPIC = ""


class SupportLogPage(CollaborativePage):
    TITLE = "Support log"

    def build_body(self):
        teams = self.store.teams()
        mine = caseloads(self.store.list(CoachAssignment)).get(self.access.username, set()) if self.access else set()
        self.names = {t.id: t.name for t in teams}
        ordered = sorted(teams, key=lambda t: (t.id not in mine, t.name.casefold()))
        self.mine = mine
        self.team = w.Dropdown(description=_("Team"), options=[(t.name, t.id) for t in ordered],
                               style=LABEL_ABOVE_LIST, layout=NARROW)
        self.kind = w.ToggleButtons(options=[(label, k) for k, label in SUPPORT_KIND_LABELS.items()],
                                    value="on_site", style={"button_width": "auto"})
        self.kind.add_class("bsc-choices")
        self.host = w.Dropdown(description=_("Team visited"), options=[("—", "")] + [(t.name, t.id) for t in ordered],
                               style=LABEL_ABOVE_LIST,
                               layout=w.Layout(width="min(24em, 100%)"))      # its own: shown or hidden alone
        self.day = DayInput(_("Day"), min(self.today, self.collab.last_day), style=LABEL_ABOVE, layout=NARROW)
        self.minutes = w.BoundedIntText(description=_("Minutes"), value=USUAL["on_site"][0], min=1, max=24 * 60,
                                        style=LABEL_ABOVE, layout=NARROW)
        self.mode = w.Dropdown(description=_("How"), options=[(label, k) for k, label in SUPPORT_MODE_LABELS.items()],
                               value=USUAL["on_site"][1], style=LABEL_ABOVE_LIST, layout=NARROW)
        self.topic = w.Dropdown(description=_("Topic"),
                                options=[("—", NO_TOPIC)] + [(t, t) for t in self.collab.topics],
                                style=LABEL_ABOVE_LIST, layout=NARROW)
        self.roles = {r: w.Checkbox(description=label, value=False, indent=False, style=BOX, layout=SNUG)
                      for r, label in ROLE_LABELS.items()}
        self.note = w.Textarea(description=_("Note (optional)"), style=LABEL_ABOVE, layout=w.Layout(width="100%"),
                               rows=2)
        self.save_button = w.Button(description=_("Save"), button_style="primary", layout=SNUG)
        self.form_message = MessageArea()
        self.recent = w.VBox()
        self.doses = Words()
        on_pick(self.kind, guarded(self.form_message)(lambda _: self._kind_picked()))
        self.save_button.on_click(guarded(self.form_message)(lambda _: self.save()))
        self._kind_picked()
        self._show_log()
        who = Words(render("forms/widgets.html", "group_label", text=_("Who from the team took part")))
        return [section(_("Log support"), _("A visit, a call or technical assistance, as soon as it is over.")),
                self.team, self.kind, self.host, self.day, self.minutes, self.mode, self.topic,
                who, w.HBox(list(self.roles.values()), layout=w.Layout(flex_flow="row wrap")), self.note,
                self.save_button, self.form_message,
                section(_("Logged lately")), self.recent,
                section(_("Support so far"), _("Per team, as of today: a peer-to-peer visit counts for the "
                                                "visitors and their hosts.")), self.doses]

    def _kind_picked(self) -> None:
        minutes, mode = USUAL[self.kind.value]
        self.minutes.value, self.mode.value = minutes, mode
        self.host.layout.display = "" if self.kind.value == "peer_visit" else "none"

    def save(self) -> SupportContact | None:
        when = self.day.day
        if when is None:
            self.form_message.show_error(self.day.problem or _("Type the day of the support."))
            return None
        contact = SupportContact.build(
            id="new", team_id=self.team.value, kind=self.kind.value, day=when, minutes=self.minutes.value,
            mode=self.mode.value, topic=self.topic.value or None,
            roles=[r for r, box in self.roles.items() if box.value],
            host_team_id=self.host.value or None if self.kind.value == "peer_visit" else None,
            note=self.note.value.strip() or None)
        saved = log_support(self.store, self.actor, contact)
        self.form_message.show(_("Saved: %(what)s, %(team)s.", what=saved.describe(), team=self.names[saved.team_id]),
                               "ok")
        self.note.value = ""
        for box in self.roles.values():
            box.value = False
        self._show_log()
        return saved

    def _remove(self, contact: SupportContact) -> None:
        records.remove(self.store, self.actor, contact, self.today)
        self.form_message.show(_("Removed: %(what)s, %(team)s.", what=contact.describe(),
                                 team=self.names.get(contact.team_id, contact.team_id)), "ok")
        self._show_log()

    def _show_log(self) -> None:
        logged = sorted(self.store.list(SupportContact), key=lambda c: (c.day, c.id), reverse=True)[:RECENT]
        rows = []
        for c in logged:
            remove = w.Button(description=_("Remove"), layout=SNUG, tooltip=_("Remove this entry"))
            remove.on_click(guarded(self.form_message)(lambda _b, c=c: self._remove(c)))
            rows.append(w.HBox([Words(render("forms/support.html", "entry", contact=c, team=self.names.get(c.team_id),
                                             host=self.names.get(c.host_team_id or ""),
                                             kind=SUPPORT_KIND_LABELS[c.kind], mode=SUPPORT_MODE_LABELS[c.mode],
                                             roles=[ROLE_LABELS[r] for r in c.roles])), remove],
                                layout=w.Layout(flex_flow="row wrap", align_items="center")))
        self.recent.children = rows or [Words(render("forms/support.html", "none_yet"))]
        doses = support_doses(self.store, self.today)
        shown = [t for t in self.team.options if t[1] in self.mine] if self.mine else list(self.team.options)
        self.doses.value = render("forms/support.html", "doses", rows=[(name, doses[tid]) for name, tid in shown],
                                  kinds=SUPPORT_KIND_LABELS)
