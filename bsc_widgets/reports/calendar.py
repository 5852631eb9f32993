"""The collaborative's calendar as a feed (RFC 5545, written by ``icalendar``): for one team or for everyone.

Learning sessions and the summative session, each monthly report's due day, and the calls and visits of the
support log, in the reader's language. Every event is a whole day (``VALUE=DATE``): the product keeps days, not
hours, so an event stays on its day in any time zone. Each has a stable identifier, so importing the feed again
updates events instead of doubling them.
"""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ..analysis.report_calendar import due_date, next_month, reports_from
from ..base.clock import moment
from ..base.language import _, day
from ..model import SUPPORT_KIND_LABELS, Phase, SupportContact
from ..store import Store

IN_CALENDAR = ("learning_session", "summative")      # phases a person puts in a calendar; action periods are months
KINDS = ("on_site", "peer_visit", "call")              # support a person attends: not an e-mailed answer


def calendar_ics(store: Store, team_id: str | None = None) -> bytes:
    """The feed, for one team (its sessions, report days, calls and visits) or for the whole collaborative."""
    store = store.translated()
    collab = store.collaborative()
    team = store.team(team_id) if team_id else None
    names = {t.id: t.name for t in store.teams()}
    cal = Calendar()
    cal.add("prodid", "-//BSC Workbooks//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{collab.name}: {team.name}" if team else collab.name)
    stamp = moment().astimezone(dt.timezone.utc)
    domain = f"{collab.id}.bsc-workbooks"

    def event(uid: str, summary: str, first: dt.date, last: dt.date, description: str = "") -> None:
        e = Event()
        e.add("uid", f"{uid}@{domain}")
        e.add("dtstamp", stamp)
        e.add("summary", summary)
        e.add("dtstart", first)
        e.add("dtend", last + dt.timedelta(days=1))      # the day after the last: RFC 5545's end of a whole day
        if description:
            e.add("description", description)
        cal.add_component(e)

    phases = store.list(Phase)
    for p in phases:
        if p.kind in IN_CALENDAR:
            event(f"phase-{p.id}", p.name, p.start, p.end, collab.name)
    month = reports_from(collab, phases).replace(day=1)
    while month <= collab.last_day:
        due = due_date(collab, month)
        event(f"report-{month:%Y-%m}" + (f"-{team.id}" if team else ""),
              _("Monthly report for %(month)s due", month=day(month, "month")), due, due,
              _("The monthly report for %(month)s is due on %(day)s.", month=day(month, "month"), day=day(due)))
        month = next_month(month)
    for c in store.list(SupportContact):
        if c.kind not in KINDS or (team and team.id not in c.teams()):
            continue
        who = names.get(c.team_id, c.team_id) + (f" → {names.get(c.host_team_id, c.host_team_id)}"
                                                  if c.host_team_id else "")
        event(f"support-{c.id}", _(SUPPORT_KIND_LABELS[c.kind]) if team else f"{_(SUPPORT_KIND_LABELS[c.kind])}: {who}",
              c.day, c.day, c.note or "")
    return cal.to_ical()
