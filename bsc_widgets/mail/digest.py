"""The weekly digest (``bsc digest``): to each person with an account and an e-mail address, what was new for them
last week (Monday to Sunday): the comments that concern them and what other teams shared. In their language; one a
week at most (the log of e-mails keeps which week each person has had), and nothing twice: each digest starts where
that person's last one ended, so a week missed is folded into the next, and a week sent is never sent again.
"""
from __future__ import annotations

import datetime as dt

from ..analysis.news import News, news
from ..analysis.sharing import shared_items
from ..base.language import _, day, n_, speaking
from ..base.text import shorten
from ..model import SHARED_KIND_LABELS, Account, PdsaCycle, Team
from ..services.access import access_of
from ..services.mail_log import last_sent
from ..store import Store
from .outbox import Outgoing

KIND = "digest"
WORKBOOKS = "voila/render/00_home.ipynb"


def week_of(today: dt.date) -> dt.date:
    """The Monday a digest made on ``today`` is filed under: it tells of the week before it."""
    return today - dt.timedelta(days=today.weekday())


def plan_digests(store: Store, today: dt.date, site: str | None = None) -> tuple[list[Outgoing], int]:
    """One message for each person something is new for (nobody with nothing new gets one), and how many people
    have had this week's already."""
    monday = week_of(today)
    collab = store.collaborative()
    teams = {t.id: t for t in store.list(Team)}
    titles = {c.id: c.title for c in store.list(PdsaCycle)}
    titles.update({s.share.id: s.title for s in shared_items(store, today)})
    out, had = [], 0
    for account in sorted(store.list(Account), key=lambda a: a.username):
        address = account.email or (account.username if "@" in account.username else None)
        access = access_of(store, account.username)
        if not address or access is None or not access.active:
            continue
        last = last_sent(store, KIND, address)
        start = last if last is not None else monday - dt.timedelta(days=7)   # the Monday its last one told up to
        if start >= monday:
            had += 1                                                           # this week's went already
            continue
        found = news(store, monday - dt.timedelta(days=1), access,
                     dt.datetime.combine(start, dt.time()) - dt.timedelta(microseconds=1), shared=True)
        if not found:
            continue
        team_language = next((teams[t].language for t in sorted(access.own_teams) if t in teams), None)
        with speaking(access.language or team_language or "en"):
            subject = _("%(collaborative)s: what is new for you (week of %(day)s)", collaborative=collab.name,
                        day=day(monday - dt.timedelta(days=7)))
            body = _body(account.name, found, teams, titles, site)
        out.append(Outgoing(KIND, monday, "", account.name, address, subject, body))
    return out, had


def _body(name: str, found: News, teams: dict[str, Team], titles: dict[str, str], site: str | None) -> str:
    lines = [_("Hello %(name)s,", name=name), ""]
    if found.comments:
        lines.append(n_("%(n)s new comment:", "%(n)s new comments:", len(found.comments)))
        for c in found.comments:
            who = teams[c.team_id].name if c.team_id in teams else _("Faculty")
            lines.append("- " + _("%(who)s on “%(title)s” (%(day)s): %(text)s", who=who, day=day(c.written_on),
                                  title=titles.get(c.share_id or c.pdsa_cycle_id, ""), text=shorten(c.text, 300)))
        lines.append("")
    if found.shared:
        lines.append(n_("%(n)s new from other teams:", "%(n)s new from other teams:", len(found.shared)))
        for s in found.shared:
            lines.append("- " + _("%(team)s shared “%(title)s” (%(kind)s)", team=s.team.name, title=s.title,
                                  kind=SHARED_KIND_LABELS[s.share.kind]))
        lines.append("")
    lines.append(_("Read them and answer in the workbooks: %(link)s", link=f"{site.rstrip('/')}/{WORKBOOKS}")
                 if site else _("Read them and answer in your team’s workbooks."))
    return "\n".join(lines) + "\n"
