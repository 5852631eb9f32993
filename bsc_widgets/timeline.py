"""Where the collaborative is today in its calendar (pre-work, learning sessions, action periods)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Collaborative, Phase


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
        day = f"{self.today:%-d %B %Y}"
        if self.state == "before":
            return f"Today is {day}. The collaborative has not started yet: {self.next.name} begins on {self.next.start:%-d %B %Y}."
        if self.state == "after":
            return f"Today is {day}. The collaborative has ended; its results are documented."
        parts = [f"Today is {day}."]
        if self.current:
            n, total = self.day_of
            parts.append(f"We are in {self.current.name} (day {n} of {total}).")
        if self.next:
            parts.append(f"Next: {self.next.name}, from {self.next.start:%-d %B %Y}.")
        return " ".join(parts)


def position(collab: Collaborative, phases: list[Phase], today: dt.date) -> Position:
    phases = sorted(phases, key=lambda p: p.start)
    current = next((p for p in phases if p.contains(today)), None)
    upcoming = next((p for p in phases if p.start > today), None)
    if today < collab.start:
        state = "before"
    elif today > collab.end:
        state = "after"
    else:
        state = "during" if current else "between"
    return Position(today, current, upcoming, state)
