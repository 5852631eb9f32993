"""Workbook 1, the team charter and roster: the team's aim, its cross-role members, how it meets."""
from __future__ import annotations

import ipywidgets as w

from ..charter import AIM_PARTS, check_aim, missing_roles, roles_sentence
from .. import services
from ..language import LANGUAGES, N_, _
from ..model import ROLE_LABELS, AffinityGroup, Member, Team
from ..render import render
from .fields import Field, on_pick, replace_options
from .messages import guarded
from .page import WorkbookPage, section
from .page import heading as page_heading
from .record_form import RecordForm

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


def roster_html(members: list[Member], groups: dict[str, str]) -> str:
    rows = [(m.name, ROLE_LABELS[m.role], m.title or "", groups.get(m.affinity_group_id or "", "—"))
            for m in sorted(members, key=lambda m: (list(ROLE_LABELS).index(m.role), m.name.lower()))]
    return render("forms/charter.html", "roster", rows=rows)


class CharterPage(WorkbookPage):
    TITLE = "Team charter and roster"

    def build_body(self):
        self.groups = {g.id: g.name for g in self.store.list(AffinityGroup)}
        aim = Field(Team, "aim", label=N_("Our aim"), kind="long", rows=4, help=render("forms/charter.html", "aim_help"))
        rhythm = Field(Team, "meeting_rhythm", label=N_("Meeting rhythm (when and how often the team meets)"),
                       placeholder=_("For example: every other Tuesday, 3:30–4:15 pm"))
        self.aim_check = w.HTML(aim_check_html(self.team.aim))
        self.team_form = RecordForm(self.store, self.team, [aim, rhythm], actor=self.actor, on_saved=self._team_saved,
                                    layout_children=[aim, self.aim_check, rhythm])
        self.cross_role = w.HTML()
        self.roster = w.HTML()
        self.member_picker = w.Dropdown(description=_("Edit or add a member"), style={"description_width": "initial"},
                                        layout=w.Layout(width="min(30em, 100%)"))
        self.member_area = w.VBox()
        self.remove_button = w.Button(description=_("Remove this member from the team"))
        self.remove_button.on_click(guarded(self.message)(self._remove))
        on_pick(self.member_picker, guarded(self.message)(lambda _: self._show_member()))
        self._refresh_members(select=NEW)
        return [section(_("Our aim and how we meet")), self.team_form,
                section(_("Who is on our team"), _("A BSC team is cross-role: an administrator, teaching staff and "
                                                   "at least one family member, working side by side.")),
                self.cross_role, self.roster, self.member_picker, self.member_area]

    def _team_saved(self, team: Team) -> None:
        self.team = team
        self.aim_check.value = aim_check_html(team.aim)

    # ---- members ----
    def _refresh_members(self, select: str | None = None) -> None:
        self.members = self.store.list(Member, team_id=self.team.id)
        self.cross_role.value = cross_role_html(self.members)
        self.roster.value = roster_html(self.members, self.groups)
        current = select if select is not None else self.member_picker.value
        options = [(_("Add a new member…"), NEW)] + [(f"{m.name} ({ROLE_LABELS[m.role]})", m.id) for m in self.members]
        replace_options(self.member_picker, options, current)
        self._show_member()

    def _show_member(self) -> None:
        chosen = self.member_picker.value
        member = next((m for m in self.members if m.id == chosen), None)
        if member is None:  # its identifier comes from the store when it is added
            member = Member.model_construct(id="new", team_id=self.team.id, name="", role="teacher", title=None,
                                            affinity_group_id=None, email=None, language=None,
                                            version=0)
        groups = [(name, gid) for gid, name in self.groups.items()]
        fields = [Field(Member, "name"), Field(Member, "role", choices=ROLE_LABELS),
                  Field(Member, "title", placeholder=_("For example: lead teacher, parent of a toddler")),
                  Field(Member, "affinity_group_id", kind="choice", choices=groups),
                  Field(Member, "email", label=N_("Email (optional)")),
                  Field(Member, "language", label=N_("Preferred language (optional)"), choices=LANGUAGES)]
        form = RecordForm(self.store, member, fields, actor=self.actor, autosave=member.version > 0,
                          save_label=_("Save member") if member.version else _("Add member"),
                          on_saved=lambda m: self._refresh_members(select=m.id))
        heading = page_heading(_("Edit %(name)s", name=member.name) if member.version else _("Add a new member"))
        self.member_area.children = [heading, form] + ([self.remove_button] if member.version else [])
        self.member_form = form

    def _remove(self, _button=None) -> None:
        member = self.member_form.record
        services.remove(self.store, self.actor, member)
        self.message.show(_("%(name)s was removed from the team.", name=member.name), "ok")
        self._refresh_members(select=NEW)
