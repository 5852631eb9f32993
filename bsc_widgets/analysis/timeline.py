"""Where the collaborative is today in its calendar (pre-work, learning sessions, action periods)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base.language import _, day
from ..model import Collaborative, Phase


@dataclass(frozen=True)
class Position:
    today: dt.date
    current: Phase | None
    next: Phase | None
    state: str  # "before", "during", "between", "after"

    @property
    def day_of(self) -> tuple[int, int] | None:
        if self.current is None:
            return None
        return ((self.today - self.current.start).days + 1, (self.current.end - self.current.start).days + 1)

    def sentence(self) -> str:
        """One plain sentence a team member can read at a glance."""
        today = _("Today is %(day)s.", day=day(self.today))
        if self.state == "before":
            return " ".join([today, _("The collaborative has not started yet: %(phase)s begins on %(day)s.",
                                      phase=self.next.name, day=day(self.next.start))])
        if self.state == "after":
            return " ".join([today, _("The collaborative has ended; its results are documented.")])
        parts = [today]
        if self.current:
            n, total = self.day_of
            parts.append(_("We are in %(phase)s (day %(n)s of %(total)s).", phase=self.current.name, n=n,
                           total=total))
        if self.next:
            parts.append(_("Next: %(phase)s, from %(day)s.", phase=self.next.name, day=day(self.next.start)))
        return " ".join(parts)

def position(collab: Collaborative, phases: list[Phase], today: dt.date) -> Position:
    phases = sorted(phases, key=lambda p: p.start)
    current = next((p for p in phases if p.contains(today)), None)
    upcoming = next((p for p in phases if p.start > today), None)
    if today < collab.start:
        state = "before"
    elif today > collab.last_day:
        state = "after"
    else:
        state = "during" if current else "between"
    return Position(today, current, upcoming, state)
