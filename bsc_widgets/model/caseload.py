"""Which coach coaches which team: a coach's dashboard opens on her own teams, and the advisor sees caseloads."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ..base.language import N_, _
from .account import USERNAME_PATTERN
from .base import Record, Slug, register


@register
class CoachAssignment(Record):
    """A faculty account named as one of a team's coaches (a team may have more than one)."""

    TABLE: ClassVar[str] = "coach_assignments"
    NOUN: ClassVar[str] = N_("coach of a team")
    KEY: ClassVar[tuple[str, ...]] = ("team_id", "coach")
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams"}

    team_id: Slug = Field(title=N_("Team"))
    coach: str = Field(title=N_("Coach (sign-in name)"), max_length=254, pattern=USERNAME_PATTERN)

    def describe(self) -> str:
        return _("coach %(coach)s of team %(team)s", coach=self.coach, team=self.team_id)


def caseloads(assignments: list[CoachAssignment]) -> dict[str, set[str]]:
    """Each coach's teams."""
    out: dict[str, set[str]] = {}
    for a in assignments:
        out.setdefault(a.coach, set()).add(a.team_id)
    return out
