"""Support a team received: on-site and peer-to-peer visits, coaching calls and technical assistance (TA).

The brief's "ongoing support" is more than calls: the dose of support a team received, by kind and by who took
part, is set beside its results. A peer-to-peer visit is logged once, for the visiting team, naming the host
team, and counts for both.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from ..base.language import N_, Labels, _, day
from .base import NAME_LENGTH, NOTE_LENGTH, OptionalSlug, Record, Slug, optional, register
from .team import Role

SupportKind = Literal["on_site", "peer_visit", "call", "ta"]
SUPPORT_KIND_LABELS = Labels({
    "on_site": N_("On-site visit"),
    "peer_visit": N_("Peer-to-peer visit"),
    "call": N_("Coaching call"),
    "ta": N_("Technical assistance"),
})
SupportMode = Literal["in_person", "video", "phone", "email"]
SUPPORT_MODE_LABELS = Labels({
    "in_person": N_("In person"),
    "video": N_("Video call"),
    "phone": N_("Phone"),
    "email": N_("E-mail or message"),
})
# what a coach logs most often, so a visit takes a few taps: its usual length and way
USUAL = {"on_site": (90, "in_person"), "peer_visit": (120, "in_person"), "call": (30, "phone"), "ta": (20, "email")}


@register
class SupportContact(Record):
    TABLE: ClassVar[str] = "support_contacts"
    NOUN: ClassVar[str] = N_("support contact")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "day"
    ORDER_BY: ClassVar[tuple[str, ...]] = ("day",)
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "host_team_id": "teams"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("day",)

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    kind: SupportKind = Field(title=N_("Kind of support"))
    day: dt.date = Field(title=N_("Day"))
    minutes: int = Field(title=N_("Minutes"), ge=1, le=24 * 60)
    mode: SupportMode = Field("in_person", title=N_("How"))
    topic: optional(str) = Field(None, title=N_("Topic"), max_length=NAME_LENGTH)
    roles: Annotated[list[Role], AfterValidator(lambda roles: list(dict.fromkeys(roles)))] = Field(
        default_factory=list, title=N_("Who took part"))
    host_team_id: OptionalSlug = Field(None, title=N_("Team visited"))
    note: optional(str) = Field(None, title=N_("Note"), max_length=NOTE_LENGTH)
    logged_by: optional(str) = Field(None, title=N_("Logged by"), max_length=NAME_LENGTH)

    @model_validator(mode="after")
    def _host(self):
        if self.kind == "peer_visit" and not self.host_team_id:
            raise ValueError(_("A peer-to-peer visit names the team visited"))
        if self.kind == "peer_visit" and self.host_team_id == self.team_id:
            raise ValueError(_("A team cannot visit itself: choose the team it visited"))
        if self.kind != "peer_visit" and self.host_team_id:
            raise ValueError(_("Only a peer-to-peer visit names a team visited"))
        return self

    def teams(self) -> tuple[str, ...]:
        """The teams this support counts for: a peer visit counts for the visitors and their hosts."""
        return (self.team_id, self.host_team_id) if self.host_team_id else (self.team_id,)

    def describe(self) -> str:
        return _("%(kind)s on %(day)s", kind=_(SUPPORT_KIND_LABELS[self.kind]).lower(), day=day(self.day))

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.kind}-{self.day.isoformat()}"
