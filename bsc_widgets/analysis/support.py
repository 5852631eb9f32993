"""The dose of support each team received, from the support log: contacts and minutes by kind, and who took part.

One reading serves the coach's log, the dashboard, the team report ("support you received") and the final
report, where it sits beside each team's results. As of a day: support logged for later days is not counted.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..base.language import _, n_, number
from ..model import ROLE_PLURALS, SUPPORT_KIND_LABELS, SupportContact
from ..store import Store


@dataclass
class Dose:
    """One team's support: how many contacts and minutes of each kind, and how many contacts each role was at."""

    team_id: str
    contacts: Counter = field(default_factory=Counter)
    minutes: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.contacts.values())

    @property
    def hours(self) -> float:
        return sum(self.minutes.values()) / 60

    def add(self, contact: SupportContact) -> None:
        self.contacts[contact.kind] += 1
        self.minutes[contact.kind] += contact.minutes
        self.roles.update(contact.roles)

    def who(self) -> str:
        """"teachers 12, administrators 9, family members 2": how many contacts each role took part in."""
        return ", ".join(_("%(role)s %(n)s", role=ROLE_PLURALS[r].lower(), n=n) for r, n in self.roles.most_common())

    def sentence(self) -> str:
        """"3 on-site visits, 2 coaching calls (4.5 hours); teachers took part in 4, families in 1." or none yet."""
        if not self.total:
            return _("No support logged yet.")
        kinds = ", ".join(_("%(kind)s: %(n)s", kind=label, n=self.contacts[k])
                          for k, label in SUPPORT_KIND_LABELS.items() if self.contacts[k])
        who = self.who()
        lead = n_("%(n)s contact (%(kinds)s), %(hours)s hours in all.",
                  "%(n)s contacts (%(kinds)s), %(hours)s hours in all.", self.total, kinds=kinds,
                  hours=number(round(self.hours, 1)))
        return lead + " " + (_("Who took part, in how many: %(who)s.", who=who) if who else "")


def support_doses(store: Store, as_of: dt.date, team_ids: list[str] | None = None) -> dict[str, Dose]:
    """Every team's dose of support up to ``as_of`` (or the teams asked for), a peer visit counting for both teams."""
    wanted = set(team_ids) if team_ids is not None else {t.id for t in store.teams()}
    out = {t: Dose(t) for t in wanted}
    for contact in store.as_of(as_of).list(SupportContact):
        for team in contact.teams():
            if team in out:
                out[team].add(contact)
    return out
