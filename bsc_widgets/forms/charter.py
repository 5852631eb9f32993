"""Workbook 1, the team charter and roster: the team's aim, its cross-role members, how it meets."""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from .. import services
from ..analysis.charter import AIM_PARTS, check_aim, missing_roles, roles_sentence
from ..base.language import LANGUAGES, N_, _, day
from ..model import ROLE_LABELS, AffinityGroup, Member, Team
from ..render import render
from ..services.access import hub_address
from ..services.accounts import leads_team
from .fields import NOTHING, Field, on_pick, replace_options
from .invitations import SignInCards
from .messages import guarded
from .page import WorkbookPage, section
from .page import heading as page_heading
from .recent_changes import RecentChanges
from .record_form import RecordForm, replace_form
from .words import Words

NEW = "__new__"


def aim_check_html(aim: str | None) -> str:
    check = check_aim(aim)
    return render("forms/charter.html", "aim_check",
                  verdict=_("Your aim has all four parts.") if not check.missing else _("Your aim could be stronger."),
                  parts=[(_(AIM_PARTS[k][0]), ok) for k, ok in check.present.items()], advice=check.sentences())


def cross_role_html(members: list[Member]) -> str:
    missing = missing_roles(members)
    return render("forms/charter.html", "cross_role", counts=roles_sentence(members) or _("no members yet"),
                  missing=missing)


def roster_html(members: list[Member], groups: dict[str, str], on: dt.date) -> str:
    """The members on the team now, then those who have left (kept: their attendance and cycles stay true)."""
    ordered = sorted(members, key=lambda m: (list(ROLE_LABELS).index(m.role), m.name.lower()))
    rows = [(m.name, ROLE_LABELS[m.role], m.title or "", groups.get(m.affinity_group_id or "", "—"))
            for m in ordered if m.belonged_on(on)]
    past = [(m.name, ROLE_LABELS[m.role], m.left_on) for m in ordered if m.left_on is not None and m.left_on <= on]
    return render("forms/charter.html", "roster", rows=rows, past=past)


class CharterPage(WorkbookPage):
    TITLE = "Team charter and roster"

    def build_body(self):
        self.groups = {g.id: g.name for g in self.store.list(AffinityGroup)}
        aim = Field(Team, "aim", label=N_("Our aim"), kind="long", rows=4, help=render("forms/charter.html", "aim_help"))
        rhythm = Field(Team, "meeting_rhythm", label=N_("Meeting rhythm (when and how often the team meets)"),
                       placeholder=_("For example: every other Tuesday, 3:30–4:15 pm"))
        self.aim_check = Words(aim_check_html(self.team.aim))
        named = {self.team.senior_leader_id, self.team.day_to_day_lead_id}
        people = [(m.name, m.id) for m in self.store.list(Member, team_id=self.team.id)
                  if m.belonged_on(self.today) or m.id in named]
        leads = [Field(Team, "senior_leader_id", kind="choice", choices=people,
                       help=_("The director or manager who gives the team time and clears the way.")),
                 Field(Team, "day_to_day_lead_id", kind="choice", choices=people,
                       help=_("The person who keeps the tests going week by week."))]
        self.team_form = RecordForm(self.store, self.team, [aim, rhythm, *leads], actor=self.actor,
                                    on_saved=self._team_saved, layout_children=[aim, self.aim_check, rhythm, *leads])
        self.cross_role = Words()
        self.roster = Words()
        self.member_picker = w.Dropdown(description=_("Edit or add a member"), style={"description_width": "initial"},
                                        layout=w.Layout(width="min(30em, 100%)"))
        self.member_area = w.VBox()
        self.remove_button = w.Button(description=_("Remove this member from the team"))
        self.remove_button.on_click(guarded(self.message)(self._remove))
        self.recent = RecentChanges(self.store, self.actor, self.team.id, ("members",),
                                    on_change=lambda: self._refresh_members())
        on_pick(self.member_picker, guarded(self.message)(lambda _: self._show_member()))
        self._refresh_members(select=NEW)
        cards = []
        if hub_address() and leads_team(self.store, self.actor, self.team.id, self.today):
            cards = [section(_("Sign-in cards"), _("As the team’s lead, you can print a card for each member who has "
                                                   "no e-mail address: it opens this team’s workbooks once.")),
                     SignInCards(self.store, lambda: self.actor, self.team, hub_address())]
        return [section(_("Our aim and how we meet")), self.team_form,
                section(_("Who is on our team"), _("A BSC team is cross-role: an administrator, teaching staff and "
                                                   "at least one family member, working side by side.")),
                self.cross_role, self.roster, self.member_picker, self.member_area, self.recent, *cards]

    def _team_saved(self, team: Team) -> None:
        self.team = team
        self.aim_check.value = aim_check_html(team.aim)

    # ---- members ----
    def _refresh_members(self, select: str | None = None) -> None:
        self.members = self.store.list(Member, team_id=self.team.id)
        self.cross_role.value = cross_role_html([m for m in self.members if m.belonged_on(self.today)])
        self.roster.value = roster_html(self.members, self.groups, self.today)
        current = select if select is not None else self.member_picker.value
        replace_options(self.member_picker, self._member_options(), current)
        self._show_member()

    def _member_options(self) -> list[tuple[str, str]]:
        return [(_("Add a new member…"), NEW)] + [
            (f"{m.name} ({ROLE_LABELS[m.role]})" if m.belonged_on(self.today) else
             _("%(name)s (left the team)", name=m.name), m.id) for m in self.members]

    def _show_member(self) -> None:
        chosen = self.member_picker.value
        member = next((m for m in self.members if m.id == chosen), None)
        if member is None:  # its identifier comes from the store when it is added
            member = Member.draft(id="new", team_id=self.team.id, role="teacher", joined_on=self.today)
        groups = [(name, gid) for gid, name in self.groups.items()]
        fields = [Field(Member, "name"), Field(Member, "role", choices=ROLE_LABELS),
                  Field(Member, "title", placeholder=_("For example: lead teacher, parent of a toddler")),
                  Field(Member, "affinity_group_id", kind="choice", choices=groups),
                  Field(Member, "email", label=N_("Email (optional)")),
                  Field(Member, "language", label=N_("Preferred language (optional)"), choices=LANGUAGES),
                  Field(Member, "joined_on"),
                  Field(Member, "left_on", label=N_("Left the team on (leave empty while they are on it)"))]
        form = replace_form(getattr(self, "member_form", None), RecordForm(
            self.store, member, fields, actor=self.actor, autosave=member.version > 0,
            save_label=_("Save member") if member.version else _("Add member"),
            on_saved=lambda m: self._refresh_members(select=m.id), on_gone=self._member_gone))
        heading = page_heading(_("Edit %(name)s", name=member.name) if member.version else _("Add a new member"))
        self.member_area.children = [heading, form] + ([self.remove_button] if member.version and not form.read_only
                                                       else [])
        self.recent.refresh()
        self.member_form = form

    def _member_gone(self) -> None:
        """The member shown was removed by someone else: the roster and the list without them, nothing chosen."""
        self.members = self.store.list(Member, team_id=self.team.id)
        self.roster.value = roster_html(self.members, self.groups, self.today)
        replace_options(self.member_picker, self._member_options(), NOTHING)
        self.member_area.children = [c for c in self.member_area.children if c is not self.remove_button]

    def _remove(self, _button=None) -> None:
        """A member entered by mistake is removed (and can be put back); one who took part leaves the team."""
        member = self.member_form.record
        done = services.remove(self.store, self.actor, member, on=self.today)
        if isinstance(done, Member):
            self.recent.say(_("%(name)s took part in the collaborative, so they stay in its records: their "
                              "membership ended on %(day)s. Change “Left the team on” if they left on another day.",
                              name=member.name, day=day(done.left_on)))
            self._refresh_members(select=member.id)
        else:
            self.recent.say(_("Removed %(what)s. “Undo” below puts it back.", what=done.what()))
            self._refresh_members(select=NEW)
