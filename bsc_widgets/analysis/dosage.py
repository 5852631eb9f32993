"""Participation and dosage: who actually takes part, for how long, against the BSC's annual dose.

The brief's Table 3 sets the dose a year: learning sessions of 4–5 full days (30–35 hours)
and affinity groups of 50 hours, for every role on a team. The question coaches ask is
whether family members and frontline staff take part, or only directors; so every figure
here is by role, and PDSA participation ("who took part") is counted beside attendance.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..base.clock import view_day
from ..base.language import _, listing, n_
from ..model import ROLE_LABELS, ROLE_PLURALS, Attendance, Member, PdsaCycle, Team
from ..store import Store

# hours a year per member (low, high)
ANNUAL_DOSE = {"learning_session": (30.0, 35.0), "affinity_group": (50.0, 50.0)}
FRONTLINE = ("teacher", "staff", "family")
BEHIND = 0.6   # a frontline role with under 60% of administrators' hours is "far behind"
LOW_DOSE = 0.5  # members of a role averaging under half the learning-session hours expected by now: a low dose


@dataclass(frozen=True)
class RoleDose:
    team_id: str
    role: str
    members: int
    attending: int              # members with any learning-session or affinity-group hours
    learning_hours: float       # per member, on average
    affinity_hours: float       # per member, on average
    coaching_hours: float       # per member, on average
    pdsa_cycles: int            # cycles in which this role took part

    @property
    def label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def plural(self) -> str:
        return ROLE_PLURALS[self.role]


def years_so_far(start: dt.date, end: dt.date, today: dt.date) -> float:
    """How many years of the collaborative have passed (the dose expected so far scales with it)."""
    days = (min(today, end) - start).days
    return max(days, 0) / 365.25


def expected_by_now(kind: str, years: float) -> tuple[float, float]:
    low, high = ANNUAL_DOSE[kind]
    return low * years, high * years


def low_dose(d: "RoleDose", years: float) -> bool:
    """Whether a role's members average under half the learning-session hours expected by now."""
    low, _ = expected_by_now("learning_session", years)
    return low >= 1 and d.learning_hours < LOW_DOSE * low


def departed(store: Store, team_id: str | None = None) -> dict[str, int]:
    """How many members of each team had left by the view's day (they are no longer counted)."""
    on = view_day(store)
    out: dict[str, int] = defaultdict(int)
    for m in store.list(Member, **({"team_id": team_id} if team_id else {})):
        if m.left_on is not None and m.left_on <= on:
            out[m.team_id] += 1
    return dict(out)


def role_doses(store: Store, team_id: str | None = None) -> list[RoleDose]:
    """For every team (or one) and every role it has, the hours per member and PDSA participation: each member
    counted only while they belong (a member who left, or has not joined yet, is not in the averages)."""
    where = {"team_id": team_id} if team_id else {}
    on = view_day(store)
    members = [m for m in store.list(Member, **where) if m.belonged_on(on)]
    by_member = {m.id: m for m in members}
    hours: dict[tuple[str, str], float] = defaultdict(float)
    attended: set[str] = set()
    for a in store.list(Attendance):
        if a.member_id in by_member:
            hours[(a.member_id, a.event_kind)] += a.hours
            if a.event_kind in ANNUAL_DOSE:
                attended.add(a.member_id)
    cycles: dict[tuple[str, str], int] = defaultdict(int)
    for c in store.list(PdsaCycle, **where):
        for role in set(c.participant_roles):
            cycles[(c.team_id, role)] += 1
    teams = [t.id for t in store.list(Team)] if team_id is None else [team_id]
    out = []
    for tid in teams:
        for role in ROLE_LABELS:
            mine = [m for m in members if m.team_id == tid and m.role == role]
            if not mine:
                continue
            n = len(mine)

            def per(kind: str) -> float:
                return sum(hours[(m.id, kind)] for m in mine) / n

            out.append(RoleDose(tid, role, n, sum(m.id in attended for m in mine), per("learning_session"),
                                per("affinity_group"), per("coaching_call"), cycles[(tid, role)]))
    return out


def participation_sentence(doses: list[RoleDose], years: float, left: int = 0) -> str:
    """One team's answer to "are families and frontline staff taking part, or only directors?" (``left``: members
    who have left, and are no longer counted)."""
    gone = (" " + n_("%(n)s member has left the team and is no longer counted.",
                     "%(n)s members have left the team and are no longer counted.", left)) if left else ""
    if not doses:
        return _("No members yet.") + gone
    low, _high = expected_by_now("learning_session", years)
    by_role = {d.role: d for d in doses}
    parts = []
    for d in doses:
        parts.append(n_("%(role)s: %(attending)s of %(members)s took part, %(hours)s h of learning sessions each on "
                        "average, in %(n)s PDSA cycle", "%(role)s: %(attending)s of %(members)s took part, %(hours)s h "
                        "of learning sessions each on average, in %(n)s PDSA cycles", d.pdsa_cycles, role=d.plural,
                        attending=d.attending, members=d.members, hours=f"{d.learning_hours:.0f}"))
    admin = by_role.get("administrator")
    frontline = [by_role[r] for r in FRONTLINE if r in by_role]
    absent = [d.plural.lower() for d in frontline if d.attending == 0 and d.pdsa_cycles == 0]
    if absent:
        verdict = _("No %(roles)s took part yet.", roles=listing(absent, "or"))
    elif admin and [d for d in frontline if d.learning_hours < admin.learning_hours * BEHIND]:
        behind = [d for d in frontline if d.learning_hours < admin.learning_hours * BEHIND]
        verdict = _("%(roles)s take part far less than administrators: %(hours)s of learning sessions each, "
                    "against %(admin)s h.", roles=listing(d.plural for d in behind),
                    hours=", ".join(f"{d.learning_hours:.0f} h" for d in behind), admin=f"{admin.learning_hours:.0f}")
    else:
        verdict = _("Every role takes part.")
    pace = (" " + _("Learning-session dose expected by now: at least %(hours)s h per member.", hours=f"{low:.0f}")
            if low >= 1 else "")
    return f"{verdict} " + "; ".join(parts) + "." + pace + gone


def network_doses(doses: list[RoleDose]) -> list[RoleDose]:
    """Every team's figures for one role pooled (hours per member weighted by members), for the whole network."""
    out = []
    for role in ROLE_LABELS:
        mine = [d for d in doses if d.role == role]
        n = sum(d.members for d in mine)
        if not n:
            continue

        def per(attr: str) -> float:
            return sum(getattr(d, attr) * d.members for d in mine) / n

        out.append(RoleDose("", role, n, sum(d.attending for d in mine), per("learning_hours"),
                            per("affinity_hours"), per("coaching_hours"), sum(d.pdsa_cycles for d in mine)))
    return out
