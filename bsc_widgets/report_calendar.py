"""Which months a team owes a monthly report for, which are in, which are not yet due, and which are late.

A month's report is due on the collaborative's due day of the next month (5 December for November).
Until then it is "not yet due", in every view; after it, a month not reported is "missing". The month a
page offers first is the one whose report is due now: on 2 December, November (due on the 5th), not
December, which has barely begun.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .language import _, day
from .clock import add_months
from .errors import NotAMonth
from .model import Collaborative, MonthlyReport, Phase, Team

_MONTH = re.compile(r"\s*(\d{4})-(\d{1,2})\s*")


def next_month(day: dt.date) -> dt.date:
    return add_months(day, 1)


def parse_month(text: str | dt.date) -> dt.date:
    """A report's month, written "2026-10"; anything else (2026-13, 2026-02-30, "last month") is refused."""
    if isinstance(text, dt.date):
        return text.replace(day=1)
    m = _MONTH.fullmatch(str(text))
    if not m or not 1 <= int(m[2]) <= 12 or int(m[1]) < 1900:
        raise NotAMonth(_("“%(text)s” is not a month: write it as year-month, like 2026-10.", text=str(text)[:40]))
    return dt.date(int(m[1]), int(m[2]), 1)


def as_of(month: dt.date, today: dt.date) -> dt.date:
    """The day a report for ``month`` is made as of: the month's last day, or today if that is sooner."""
    return min(today, next_month(month) - dt.timedelta(days=1))


def check_report_month(collab: Collaborative, month: dt.date, today: dt.date) -> None:
    """A month can be reported on when it is within the collaborative and has begun."""
    if not collab.in_reach(month):
        raise NotAMonth(_("%(month)s is outside the collaborative, which runs from %(first)s to %(last)s.",
                          month=day(month, "month"), first=day(collab.earliest_data(), "month"),
                          last=day(collab.last_day, "month")))
    if month > today.replace(day=1):
        raise NotAMonth(_("%(month)s has not begun yet (today is %(today)s).", month=day(month, "month"),
                          today=day(today)))


NOT_YET_DUE, MISSING, REPORTED = "not yet due", "missing", "reported"


def due_date(collab: Collaborative, month: dt.date) -> dt.date:
    """The day a month's report is due: the collaborative's due day of the month after."""
    return next_month(month).replace(day=collab.report_due_day)


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
    def state(self) -> str:
        """reported, not yet due, or missing: the one wording every view uses."""
        return REPORTED if self.reported else MISSING if self.overdue else NOT_YET_DUE

    @property
    def words(self) -> str:
        if self.reported:
            return _("reported")
        if self.overdue:
            return _("missing (was due %(day)s)", day=day(self.due))
        return _("not yet due (due %(day)s)", day=day(self.due))


def reports_from(collab: Collaborative, phases: list[Phase]) -> dt.date:
    """Monthly reports start with the first action period (pre-work months are not reported)."""
    periods = sorted(p.start for p in phases if p.kind == "action_period")
    return periods[0] if periods else collab.start


def report_months(collab: Collaborative, team: Team, reports: list[MonthlyReport], today: dt.date,
                  phases: list[Phase] = ()) -> list[MonthStatus]:
    """Every month owed, from the first action period (or when the team joined) to this month, oldest first."""
    have = {r.month for r in reports if r.team_id == team.id}
    month = max(reports_from(collab, list(phases)), team.joined).replace(day=1)
    last = min(today, collab.last_day).replace(day=1)
    out = []
    while month <= last:
        out.append(MonthStatus(month, due_date(collab, month), month in have, today))
        month = next_month(month)
    return out


def month_due_now(collab: Collaborative, phases: list[Phase], today: dt.date) -> dt.date:
    """The month whose report is due now: the earliest month not yet past its due day (on 2 December,
    November, due on the 5th), among the months that have begun; after the last, the last."""
    month = reports_from(collab, list(phases)).replace(day=1)
    last = min(today, collab.last_day).replace(day=1)
    while month < last and due_date(collab, month) < today:
        month = next_month(month)
    return min(month, last) if month <= last else last
