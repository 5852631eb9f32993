"""What goes to whom: a team's monthly report to its members, and the reminder that a report is due.

A message goes to each person on the team that day who has an e-mail address (or only those in the
roles chosen), in the team's language, the language its report is made in. Each is a plain-text message;
a report goes as the attached offline HTML file. A message the log says was sent before is not sent again.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path
from typing import Callable, Iterable

from ..analysis.report_calendar import due_date, months_missing, reports_from
from ..base.errors import BscError
from ..base.language import _, day, listing, n_, speaking
from ..model import Member, MonthlyReport, Phase, Team
from ..portable.cells import to_cell
from ..services.mail_log import log_sent, sent_before
from ..store import Store
from .smtp import SmtpSettings

WORKBOOK = "voila/render/05_monthly_report.ipynb"


@dataclass(frozen=True)
class Outgoing:
    kind: str                  # "report" or "reminder"
    month: dt.date
    team_id: str
    name: str
    address: str
    subject: str
    body: str
    attachment: Path | None = None

    def message(self, sender: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = formataddr((_one_line(self.name), self.address))
        msg["Subject"] = _one_line(self.subject)      # a name typed with a line break cannot add a header
        msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
        msg.set_content(self.body)
        if self.attachment is not None:
            msg.add_attachment(self.attachment.read_bytes(), maintype="text", subtype="html",
                               filename=self.attachment.name)
        return msg


def recipients(store: Store, team: Team, on: dt.date, roles: Iterable[str] = ()) -> list[Member]:
    """The team's members that day with an e-mail address (only ``roles``, when some are chosen)."""
    roles = set(roles)
    return [m for m in store.list(Member, team_id=team.id)
            if m.email and m.belonged_on(on) and (not roles or m.role in roles)]


def plan_reports(store: Store, month: dt.date, folder: Path, team_ids: Iterable[str], today: dt.date,
                 roles: Iterable[str] = (), lang: str = "") -> list[Outgoing]:
    """Each made team report in ``folder`` (``TEAM.html``) to its members, in the report's language (the team's,
    unless ``bsc reports --lang`` chose one for all)."""
    collab = store.collaborative()
    out = []
    for team_id in team_ids:
        team = store.team(team_id)
        report = folder / f"{team.id}.html"
        if not report.is_file():
            continue
        with speaking(lang or team.language):
            month_words = day(month, "month")
            subject = _("%(team)s: your monthly report for %(month)s", team=team.name, month=month_words)
            for m in recipients(store, team, today, roles):
                body = _("Hello %(name)s,\n\nAttached is %(team)s’s monthly report for %(month)s, from %(collaborative)s. "
                         "Open the attached file in a web browser: it works without the internet, on a phone too.\n\n"
                         "It shows your measures on run charts with what they say, your PDSA cycles, and the "
                         "questions for your next coaching call.\n",
                         name=m.name, team=team.name, month=month_words, collaborative=collab.name)
                out.append(Outgoing("report", month, team.id, m.name, m.email, subject, body, report))
    return out


def plan_reminders(store: Store, today: dt.date, month: dt.date | None = None, site: str | None = None,
                   roles: Iterable[str] = ()) -> list[Outgoing]:
    """A reminder to each team whose report is not in: for ``month``, or else for the team's month due now (the
    earliest ended month not in, ``report_calendar.due_now``), said to be overdue once its due day has passed,
    with any other month still missing named too."""
    collab, phases = store.collaborative(), store.list(Phase)
    reports, teams = store.list(MonthlyReport), store.teams()
    by_team = months_missing(collab, phases, teams, reports, today)
    out = []
    for team in teams:
        missing = by_team[team.id]
        if month is not None:
            done = {r.month for r in reports if r.team_id == team.id}
            missing = [month] if (month not in done and month >= reports_from(collab, phases).replace(day=1)
                                  and team.joined <= due_date(collab, month)) else []
        if not missing:
            continue
        due_month = missing[0]
        due = due_date(collab, due_month)
        with speaking(team.language):
            values = dict(team=team.name, month=day(due_month, "month"), due=day(due))
            if today > due:
                subject = _("%(team)s: the monthly report for %(month)s is overdue (it was due on %(due)s)", **values)
                when = _("%(team)s’s monthly report for %(month)s is overdue: it was due on %(due)s.", **values)
            else:
                subject = _("%(team)s: the monthly report for %(month)s is due on %(due)s", **values)
                when = _("%(team)s’s monthly report for %(month)s is due on %(due)s.", **values)
            if len(missing) > 1:
                when += " " + _("The reports for %(months)s are not in yet either.",
                                months=listing([day(m, "month") for m in missing[1:]]))
            where = (_("Fill it in on your team’s monthly report page: %(link)s",
                       link=f"{site.rstrip('/')}/{WORKBOOK}?team={team.id}") if site else
                     _("Fill it in on the monthly report page of your team’s workbooks."))
            for m in recipients(store, team, today, roles):
                body = _("Hello %(name)s,\n\n%(when)s %(where)s\n\n"
                         "It takes about ten minutes: this month’s highlights, the barriers you met, and your progress "
                         "score.\n", name=m.name, when=when, where=where)
                out.append(Outgoing("reminder", due_month, team.id, m.name, m.email, subject, body))
    return out


def reports_missing(store: Store, today: dt.date) -> list[str]:
    """Each month teams still owe, how many teams, and whether it is overdue: said before the reminders."""
    collab = store.collaborative()
    teams: dict[dt.date, set[str]] = {}
    for team_id, months in months_missing(collab, store.list(Phase), store.teams(), store.list(MonthlyReport),
                                          today).items():
        for month in months:
            teams.setdefault(month, set()).add(team_id)
    if not teams:
        return [_("Every team has sent every report due so far: there is nobody to remind.")]
    lines = []
    for month, ids in sorted(teams.items()):
        due = due_date(collab, month)
        values = dict(month=day(month, "month"), due=day(due))
        lines.append(n_("%(month)s: %(n)s team has not sent its report, which is overdue (it was due on %(due)s).",
                        "%(month)s: %(n)s teams have not sent their report, which is overdue (it was due on %(due)s).",
                        len(ids), **values) if today > due else
                     n_("%(month)s: %(n)s team has not sent its report yet (due on %(due)s).",
                        "%(month)s: %(n)s teams have not sent their report yet (due on %(due)s).", len(ids), **values))
    return lines


@dataclass(frozen=True)
class Sent:
    outgoing: Outgoing
    status: str                     # "sent", "sent before" or "refused"
    at: dt.datetime | None = None
    problem: str = ""


def send(store: Store, outgoing: list[Outgoing], settings: SmtpSettings,
         on_each: Callable[[Sent], None] | None = None) -> list[Sent]:
    """Send what was planned over one connection; a person the server refuses does not stop the others."""
    import smtplib

    results = []
    waiting = [o for o in outgoing if not sent_before(store, o.kind, o.month, o.team_id, o.address)]
    before = [Sent(o, "sent before") for o in outgoing if o not in waiting]
    for item in before:
        results.append(item)
        if on_each:
            on_each(item)
    if not waiting:
        return results
    client = settings.connect()
    try:
        for o in waiting:
            try:
                client.send_message(o.message(settings.sender), to_addrs=[o.address])   # to this person only
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
                item = Sent(o, "refused", problem=str(exc)[:200])
            except (OSError, smtplib.SMTPException) as exc:
                raise BscError(_("The server stopped answering after %(n)s messages (%(why)s). Run the command "
                                 "again: what was sent is not sent twice.",
                                 n=sum(r.status == "sent" for r in results), why=type(exc).__name__)) from None
            else:
                item = Sent(o, "sent", log_sent(store, o.kind, o.month, o.team_id, o.address, o.subject))
            results.append(item)
            if on_each:
                on_each(item)
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return results


def deliver(store: Store, outgoing: list[Outgoing], settings: SmtpSettings | None, log: Path,
            on_each: Callable[[Sent], None] | None = None) -> list[Sent]:
    """Send (``settings`` given), logging each message as it goes (so a run that stops halfway has its log);
    with no settings, a dry run: what would be sent."""
    if settings is None:
        return [Sent(o, "sent before" if sent_before(store, o.kind, o.month, o.team_id, o.address) else "would send")
                for o in outgoing]

    def each(item: Sent) -> None:
        write_log(log, [item])
        if on_each:
            on_each(item)

    return send(store, outgoing, settings, each)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_log(path: Path, results: list[Sent]) -> Path:
    """What went to whom, for the advisor: one row per message, added to the file if it exists."""
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        if new:
            out.writerow(["at", "kind", "month", "team", "name", "address", "subject", "status", "problem"])
        for r in results:       # names and subjects are typed by people: a formula is defused, as in every CSV
            o = r.outgoing
            out.writerow([to_cell(v) for v in (r.at.isoformat(sep=" ") if r.at else "", o.kind, f"{o.month:%Y-%m}",
                                               o.team_id, o.name, o.address, o.subject, r.status, r.problem)])
    return path
