"""All teach, all learn: what a team shares with the whole collaborative, and faculty's review of it.

Nothing is shared by default. A team shares one of its PDSA cycles, storyboards or files (``Share``), and may take
it back; the
record stays, dated, so a view as of an earlier day shows what was shared then. Faculty may hide a shared item
with a reason the team sees, or feature it for a learning session (``ShareReview``, faculty's own record, so a
team's page can never write it).
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..base.errors import Problem
from ..base.language import N_, Labels, _
from .base import TEXT_LENGTH, Context, OptionalSlug, Record, Slug, optional, register
from .files import TeamFile
from .pdsa import PdsaCycle
from .storyboard import Storyboard
from .team import Member

SharedKind = Literal["cycle", "storyboard", "file"]
SHARED_KIND_LABELS = Labels({"cycle": N_("PDSA cycle"), "storyboard": N_("storyboard"), "file": N_("file")})
SHARED_RECORDS: dict[str, type[Record]] = {"cycle": PdsaCycle, "storyboard": Storyboard, "file": TeamFile}


def shared_key(kind: str, team_id: str, item_id: str) -> tuple:
    """The shared record's key: a storyboard is named by its learning session (one per team and session)."""
    return (team_id, item_id) if kind == "storyboard" else (item_id,)


@register
class Share(Record):
    """One of a team's items, shared with every team of the collaborative from ``shared_on``."""

    TABLE: ClassVar[str] = "shares"
    NOUN: ClassVar[str] = N_("shared item")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "shared_on"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "contact_id": "members"}

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    kind: SharedKind = Field(title=N_("What is shared"))
    item_id: Slug = Field(title=N_("Item"))
    shared_on: dt.date = Field(title=N_("Shared on"))
    contact_id: OptionalSlug = Field(None, title=N_("Contact other teams may write to"))
    withdrawn_on: optional(dt.date) = Field(None, title=N_("Taken back on"))

    @model_validator(mode="after")
    def _dates(self):
        if self.withdrawn_on and self.withdrawn_on < self.shared_on:
            raise ValueError(_("An item cannot be taken back before it was shared"))
        return self

    def describe(self) -> str:
        return _("shared item (%(kind)s)", kind=SHARED_KIND_LABELS[self.kind])

    def new_id_base(self) -> str:
        return f"{self.team_id}-{self.item_id}"

    def as_it_stood(self, day: dt.date) -> "Share":
        """Taken back after ``day``: still shared on it."""
        if self.withdrawn_on is None or self.withdrawn_on <= day:
            return self
        return self.model_copy(update={"withdrawn_on": None})

    def live(self) -> bool:
        return self.withdrawn_on is None

    def context_problems(self, ctx: Context) -> list[Problem]:
        """The item must be the sharing team's own (one removed since stays shared, to come back if put back), and
        the contact on its roster."""
        out = super().context_problems(ctx)
        item = ctx.lookup(SHARED_RECORDS[self.kind], shared_key(self.kind, self.team_id, self.item_id))
        if item is not None and item.team_id != self.team_id:
            out.append(Problem(_("A team can share only its own items; “%(item)s” is not one of this team’s.",
                                 item=self.item_id), field=self.field_label("item_id"), record=self.describe()))
        contact = ctx.lookup(Member, (self.contact_id,)) if self.contact_id else None
        if contact is not None and contact.team_id != self.team_id:
            out.append(Problem(_("The contact must be on this team’s roster."), field=self.field_label("contact_id"),
                               record=self.describe()))
        return out


@register
class ShareReview(Record):
    """Faculty's word on a shared item: hidden (with the reason its team sees), or featured for a session."""

    TABLE: ClassVar[str] = "share_reviews"
    NOUN: ClassVar[str] = N_("review of a shared item")
    KEY: ClassVar[tuple[str, ...]] = ("share_id",)
    AS_OF: ClassVar[str | None] = "reviewed_on"
    REFS: ClassVar[dict[str, str]] = {"share_id": "shares", "featured_for": "phases"}

    share_id: Slug = Field(title=N_("Shared item"))
    reviewed_on: dt.date = Field(title=N_("Reviewed on"))
    hidden_reason: optional(str) = Field(None, title=N_("Hidden from other teams, because"), max_length=TEXT_LENGTH)
    featured_for: OptionalSlug = Field(None, title=N_("Featured for the learning session"))

    def describe(self) -> str:
        return _("review of a shared item")

    @property
    def hidden(self) -> bool:
        return bool(self.hidden_reason)
