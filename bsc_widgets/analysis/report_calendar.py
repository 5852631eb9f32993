"""Which months a team owes a monthly report for, which are in, which are not yet due, and which are late.

A month's report is due on the collaborative's due day of the next month (5 December for November).
Until then it is "not yet due", in every view; after it, a month not reported is "missing".

One rule says which month (or period of a measure's data) a page offers first, which month a reminder
names, and which month the reports cover (``due_now``): the earliest one that has ended and is not yet in;
when every one is in, the last one that has ended. A month still running is never the default: on
7 December, with November missing, the pages open on November, not December.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from ..base.clock import add_months
from ..base.errors import NotAMonth
from ..base.language import _, day
from ..model import Collaborative, MonthlyReport, Phase, Team, next_period, period_start

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
    def ended(self) -> bool:
        """The month is over, so its report can be written (it may still be before its due day)."""
        return next_month(self.month) <= self.today

    @property
    def words(self) -> str:
        if self.reported:
            return _("reported")
        if self.overdue:
            return _("missing (was due %(day)s)", day=day(self.due))
        if self.ended:
            return _("due %(day)s", day=day(self.due))
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


def due_now(owed: list[dt.date], done: Iterable[dt.date]) -> dt.date | None:
    """The one rule for the period to offer first: among the periods ``owed`` (ended, oldest first), the earliest
    not yet ``done``; when all are done, the last owed. None when nothing is owed yet."""
    done = set(done)
    return next((p for p in owed if p not in done), owed[-1] if owed else None)


def months_owed(collab: Collaborative, phases: list[Phase], today: dt.date, team: Team | None = None) -> list[dt.date]:
    """The months a report is owed for by ``today``: each month that has ended, from the first action period (or
    when the team joined) to the collaborative's last day, oldest first."""
    return periods_owed(owed_from(collab, phases, team), collab.last_day, "monthly", today)


def owed_from(collab: Collaborative, phases: list[Phase], team: Team | None = None) -> dt.date:
    """The first day reports (and the data in them) are owed: the first action period, or when the team joined."""
    first = reports_from(collab, list(phases))
    return first if team is None else max(first, team.joined)


def periods_owed(first: dt.date, last: dt.date, frequency: str, today: dt.date) -> list[dt.date]:
    """Every period (month or week) from the one holding ``first`` to the one holding ``last`` that has ended by
    ``today``, oldest first."""
    out, period = [], period_start(first, frequency)
    while period <= last and next_period(period, frequency) <= today:
        out.append(period)
        period = next_period(period, frequency)
    return out


def month_due_now(collab: Collaborative, phases: list[Phase], today: dt.date, team: Team | None = None,
                  reports: Iterable[MonthlyReport] = ()) -> dt.date:
    """The month a team's pages offer first and its reminder names (``due_now`` over the team's reports); without
    a team, the collaborative's: the last month that has ended (what the reports cover and the dashboard shows).
    Before any month of reporting has ended, the first month of reporting, which is then the only one."""
    owed = months_owed(collab, phases, today, team)
    if team is None:
        month = owed[-1] if owed else None
    else:
        month = due_now(owed, (r.month for r in reports if r.team_id == team.id))
    return month if month is not None else min(today, collab.last_day).replace(day=1)


def months_missing(collab: Collaborative, phases: list[Phase], teams: list[Team], reports: Iterable[MonthlyReport],
                   today: dt.date) -> dict[str, list[dt.date]]:
    """Each team's months that have ended without its report, oldest first (what reminders and their summary say)."""
    done: dict[str, set[dt.date]] = {}
    for r in reports:
        done.setdefault(r.team_id, set()).add(r.month)
    return {t.id: [m for m in months_owed(collab, phases, today, t) if m not in done.get(t.id, set())] for t in teams}
