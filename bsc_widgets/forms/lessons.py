"""Lessons learned: a team writes its own (monthly report workbook), faculty the collaborative's (change package
page). One record each, saved field by field like every form; the final report and the change package keep them."""
from __future__ import annotations

from ..base.language import N_
from ..model import COLLABORATIVE, Lesson
from ..services import Actor
from ..store import Store
from .fields import Field
from .record_form import RecordForm


def lessons_form(store: Store, actor: Actor, team_id: str | None) -> RecordForm:
    """The form for a team's lessons learned (``team_id``), or the collaborative's (None)."""
    key = team_id or COLLABORATIVE
    record = store.get(Lesson, key) or Lesson.draft(id=key, team_id=team_id)
    ours = team_id is not None
    return RecordForm(store, record, [
        Field(Lesson, "learned", label=N_("What we learned") if ours else N_("What the collaborative learned"),
              rows=3),
        Field(Lesson, "proud_of", rows=2),
        Field(Lesson, "for_next_wave", rows=3),
        Field(Lesson, "written_by", label=N_("Written by (names or roles, as you wish)"))], actor=actor)
