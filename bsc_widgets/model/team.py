"""Teams, their members, roles, and the cross-team affinity groups."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base.language import N_, Labels, _, day
from .base import NAME_LENGTH, TEXT_LENGTH, OptionalSlug, Record, RequiredText, Slug, optional, register

Role = Literal["administrator", "teacher", "staff", "family"]
Language = Literal["en", "es"]      # the product's languages (language.LANGUAGES)
ProgramType = Literal["head_start", "community_child_care", "school_pre_k", "family_child_care_network"]

ROLE_LABELS = Labels({
    "administrator": N_("Administrator"),
    "teacher": N_("Teacher"),
    "staff": N_("Staff"),
    "family": N_("Family member"),
})
ROLE_PLURALS = Labels({"administrator": N_("Administrators"), "teacher": N_("Teachers"), "staff": N_("Staff"),
                       "family": N_("Family members")})
PROGRAM_TYPE_LABELS = Labels({
    "head_start": N_("Head Start"),
    "community_child_care": N_("Community child care"),
    "school_pre_k": N_("School pre-K"),
    "family_child_care_network": N_("Family child care network"),
})


@register
class Team(Record):
    TABLE: ClassVar[str] = "teams"
    NOUN: ClassVar[str] = N_("team")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "joined"
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("joined",)

    id: Slug = Field(title=N_("Team identifier"))
    name: RequiredText = Field(title=N_("Team name"), max_length=NAME_LENGTH)
    program_type: ProgramType = Field(title=N_("Program type"))
    joined: dt.date = Field(title=N_("Joined on"))
    aim: optional(str) = Field(None, title=N_("Team aim"), max_length=TEXT_LENGTH)
    meeting_rhythm: optional(str) = Field(None, title=N_("Meeting rhythm"), max_length=NAME_LENGTH)
    language: Language = Field("en", title=N_("Language of the team's reports"))
    # the pre-work's two leads, from the roster (a member's identifier: not a reference the database holds, as a
    # member who leaves stays named until the team names another)
    senior_leader_id: OptionalSlug = Field(None, title=N_("Senior leader"))
    day_to_day_lead_id: OptionalSlug = Field(None, title=N_("Day-to-day lead"))

    def describe(self) -> str:
        return _("team %(name)s", name=self.name)

    def new_id_base(self) -> str:
        return self.name


@register
class AffinityGroup(Record):
    TABLE: ClassVar[str] = "affinity_groups"
    NOUN: ClassVar[str] = N_("affinity group")
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: Slug = Field(title=N_("Identifier"))
    name: RequiredText = Field(title=N_("Affinity group"), max_length=NAME_LENGTH)
    role: optional(Role) = Field(None, title=N_("Role it gathers"))

    def new_id_base(self) -> str:
        return self.name


def on_roster(joined_on: dt.date | None, left_on: dt.date | None, on: dt.date) -> bool:
    """The one rule of membership: from the day someone joined (or always) until the day they left, not including it."""
    return (joined_on is None or joined_on <= on) and (left_on is None or on < left_on)


@register
class Member(Record):
    TABLE: ClassVar[str] = "members"
    NOUN: ClassVar[str] = N_("team member")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "affinity_group_id": "affinity_groups"}

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    name: RequiredText = Field(title=N_("Name"), max_length=NAME_LENGTH)
    role: Role = Field(title=N_("Role"))
    title: optional(str) = Field(None, title=N_("Job or relationship"), max_length=NAME_LENGTH)
    affinity_group_id: OptionalSlug = Field(None, title=N_("Affinity group"))
    email: optional(str) = Field(None, title=N_("Email"), max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    language: optional(Language) = Field(None, title=N_("Preferred language"))
    joined_on: dt.date | None = Field(None, title=N_("Member since"))     # none: since the team joined
    left_on: dt.date | None = Field(None, title=N_("Left the team on"))   # no longer a member from this day

    @model_validator(mode="after")
    def _membership(self):
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValueError(_("%(name)s cannot leave (%(left)s) before joining (%(joined)s)", name=self.name,
                               left=day(self.left_on), joined=day(self.joined_on)))
        return self

    def describe(self) -> str:
        return _("member %(name)s", name=self.name)

    def belonged_on(self, on: dt.date) -> bool:
        """Whether this person was on the team that day: what dose, participation and access count."""
        return on_roster(self.joined_on, self.left_on, on)

    def new_id_base(self) -> str:
        """The team and "member", not the person's name: identifiers travel into exports and registers."""
        return f"{self.team_id}-member"
