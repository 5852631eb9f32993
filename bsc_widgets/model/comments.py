"""Comments: what other teams and faculty say about a shared item, and faculty's word on a team's own cycle.

A comment on a shared item is read by whoever may read the item. A comment on a cycle that is not shared is
between the team and faculty: faculty write it, the team may answer, and no other team sees it. A comment names
its writer's team (or "faculty") and role, never the person: as shared items do. ``author`` (the account that
wrote it) is kept for the notices and the digest, so that nobody is told about their own words.
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from ..base.errors import Problem
from ..base.language import N_, _
from .base import NAME_LENGTH, NOTE_LENGTH, Context, OptionalSlug, Record, RequiredText, Slug, optional, register
from .pdsa import PdsaCycle
from .sharing import Share
from .team import Language


@register
class Comment(Record):
    TABLE: ClassVar[str] = "comments"
    NOUN: ClassVar[str] = N_("comment")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "written_on"
    ORDER_BY: ClassVar[tuple[str, ...]] = ("written_at",)
    # the cycle is not a reference the database holds to: a cycle removed by mistake keeps its comments, to come
    # back with it (as a share does)
    REFS: ClassVar[dict[str, str]] = {"share_id": "shares", "about_team_id": "teams", "team_id": "teams"}

    id: Slug = Field(title=N_("Identifier"))
    about_team_id: Slug = Field(title=N_("Team whose item it is"))
    share_id: OptionalSlug = Field(None, title=N_("Shared item"))
    pdsa_cycle_id: OptionalSlug = Field(None, title=N_("PDSA cycle"))
    team_id: OptionalSlug = Field(None, title=N_("Written by the team"))    # None: written by faculty
    text: RequiredText = Field(title=N_("Comment"), max_length=NOTE_LENGTH)
    written_on: dt.date = Field(title=N_("Written on"))
    written_at: dt.datetime = Field(title=N_("Written at"))
    author: optional(str) = Field(None, title=N_("Account"), max_length=NAME_LENGTH)
    language: Language = Field("en", title=N_("Language"))

    def describe(self) -> str:
        return _("comment")

    def new_id_base(self) -> str:
        return f"{self.about_team_id}-comment"

    @property
    def by_faculty(self) -> bool:
        return self.team_id is None

    def context_problems(self, ctx: Context) -> list[Problem]:
        """On one thing: a shared item of the team it is about, or one of that team's cycles, where only the team
        itself and faculty write."""
        out = super().context_problems(ctx)
        where = dict(record=self.describe())
        if (self.share_id is None) == (self.pdsa_cycle_id is None):
            return out + [Problem(_("A comment is on one shared item or on one PDSA cycle."), **where)]
        if self.share_id:
            share = ctx.lookup(Share, (self.share_id,))
            if share is not None and share.team_id != self.about_team_id:
                out.append(Problem(_("The comment is not about the team that shared the item."), **where))
            return out
        cycle = ctx.lookup(PdsaCycle, (self.pdsa_cycle_id,))
        if cycle is not None and cycle.team_id != self.about_team_id:
            out.append(Problem(_("The comment is not about the team whose cycle it is."), **where))
        if self.team_id is not None and self.team_id != self.about_team_id:
            out.append(Problem(_("Only the team and faculty comment on a cycle the team has not shared."), **where))
        return out
