"""Which months a team owes a monthly report for, which are in, and which are late."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Collaborative, MonthlyReport, Team


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class MonthStatus:
    month: dt.date
    due: dt.date
    reported: bool
    today: dt.date

    @property
    def overdue(self) -> bool:
        return not self.reported and self.today > self.due

    @property
    def words(self) -> str:
        if self.reported:
            return "reported"
        if self.overdue:
            return f"not reported (was due {self.due:%-d %B %Y})"
        return f"not reported yet (due {self.due:%-d %B %Y})"


def report_months(collab: Collaborative, team: Team, reports: list[MonthlyReport], today: dt.date) -> list[MonthStatus]:
    """Every month from when the team joined (or the collaborative began) to this month, oldest first."""
    have = {r.month for r in reports if r.team_id == team.id}
    month = max(collab.start, team.joined).replace(day=1)
    last = min(today, collab.end).replace(day=1)
    out = []
    while month <= last:
        due = next_month(month).replace(day=collab.report_due_day)
        out.append(MonthStatus(month, due, month in have, today))
        month = next_month(month)
    return out
