"""A coach's tick on a readiness item the data cannot show: the pre-work and each action period's aim.

Most items are read from the team's own data (``analysis.readiness``); a tick is kept only for those the data
cannot say, such as "began spreading successful changes throughout the organization".
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field

from ..base.language import N_, Labels, _
from .base import NAME_LENGTH, Record, Slug, optional, register

TickedItem = Literal["spreading"]
TICKED_ITEMS = Labels({"spreading": N_("Began spreading successful changes throughout the organization")})


@register
class ReadinessTick(Record):
    TABLE: ClassVar[str] = "readiness_ticks"
    NOUN: ClassVar[str] = N_("readiness tick")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "item")
    AS_OF: ClassVar[str | None] = "ticked_on"
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}
    CALENDAR_FIELDS: ClassVar[tuple[str, ...]] = ("ticked_on",)

    team_id: Slug = Field(title=N_("Team"))
    item: TickedItem = Field(title=N_("Item"))
    ticked_on: dt.date = Field(title=N_("Ticked on"))
    ticked_by: optional(str) = Field(None, title=N_("Ticked by"), max_length=NAME_LENGTH)

    def describe(self) -> str:
        return _("the tick “%(item)s” of team %(team)s", item=_(TICKED_ITEMS[self.item]), team=self.team_id)
