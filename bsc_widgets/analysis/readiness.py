"""Is a team ready for the stage it is in? The pre-work checklist and each action period's aim, read from data.

The pre-work (IHI): a senior leader and a day-to-day lead named, a cross-role team, a preliminary aim, measures
defined, baseline data, a storyboard for the first learning session. Each action period has its aim (the brief's
Figure 2): after the first session, adapt and test; after the second, begin spreading successful changes
throughout the organization; after the third, adopt them throughout. Every item the product can answer from
the team's own records is answered so, with what it found; only the rest wait for the coach's tick.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base.language import N_, Labels, _, day, n_
from ..model import (
    ROLE_LABELS,
    Measure,
    Member,
    Observation,
    PdsaCycle,
    Phase,
    ReadinessTick,
    Sample,
    Storyboard,
    Team,
    current,
)
from ..store import Store
from .effectiveness import MIN_BASELINE

PRE_WORK = Labels({
    "team_formed": N_("A cross-role team is formed"),
    "leads_named": N_("A senior leader and a day-to-day lead are named"),
    "aim_written": N_("The team’s aim is written"),
    "measures_defined": N_("The team collects data on the collaborative’s measures"),
    "baseline": N_("Baseline data: at least %(n)s points before the first action period"),
    "storyboard_ready": N_("A storyboard is ready for the first learning session"),
})
PERIOD_AIMS = {1: N_("Adapt and test changes"), 2: N_("Begin spreading successful changes throughout the organization"),
               3: N_("Adopt successful changes throughout the organization")}


@dataclass(frozen=True)
class Check:
    """One item: whether it holds (None until the coach ticks an item the data cannot show), and why."""

    key: str
    label: str
    met: bool | None
    evidence: str
    tickable: bool = False      # the data cannot say: the coach's tick decides


@dataclass(frozen=True)
class Readiness:
    team_id: str
    pre_work: list[Check]
    periods: list[tuple[Phase, Check]]          # each action period begun by the day, with its aim

    @property
    def pre_work_met(self) -> int:
        return sum(1 for c in self.pre_work if c.met)

    def summary(self) -> str:
        """"Pre-work: 5 of 6. Action period 2: not yet met." for a table cell."""
        out = _("Pre-work: %(n)s of %(of)s.", n=self.pre_work_met, of=len(self.pre_work))
        if self.periods:
            phase, check = self.periods[-1]
            out += " " + (_("%(period)s: met.", period=phase.name) if check.met else
                          _("%(period)s: waiting for the coach’s tick.", period=phase.name) if check.met is None else
                          _("%(period)s: not yet met.", period=phase.name))
        return out


def readiness(store: Store, on: dt.date, team_ids: list[str] | None = None) -> dict[str, Readiness]:
    """Every team's (or the teams asked for) checklist as of ``on``, each table read once."""
    store = store.as_of(on)
    collab = store.collaborative()
    teams = [t for t in store.teams() if team_ids is None or t.id in team_ids]
    phases = sorted(store.list(Phase), key=lambda p: p.start)
    periods = [p for p in phases if p.kind == "action_period"]
    first_period = periods[0].start if periods else (collab.start if collab else on)
    first_session = next((p for p in phases if p.kind == "learning_session"), None)
    measures = [m for m in current(store.list(Measure), on) if m.kind != "events"]
    points: dict[tuple[str, str], int] = {}
    damaged = []            # a damaged period still counts as entered, as the coaching questions count it
    data = store.list(Observation, damaged=damaged) + store.list(Sample, damaged=damaged)
    for team, measure, period, *_rest in [o.key() for o in data] + [d.key for d in damaged]:
        if period < first_period:
            points[(team, measure)] = points.get((team, measure), 0) + 1
    entered = set(points) | {(o.team_id, o.measure_id) for o in data} | {d.key[:2] for d in damaged}
    members: dict[str, list[Member]] = {}
    for m in store.list(Member):
        if m.belonged_on(on):
            members.setdefault(m.team_id, []).append(m)
    cycles: dict[str, list[PdsaCycle]] = {}
    for c in store.list(PdsaCycle):
        cycles.setdefault(c.team_id, []).append(c)
    boards = {s.team_id for s in store.list(Storyboard) if first_session and s.phase_id == first_session.id
              and any((s.learned, s.proud_of, s.need))}
    ticks = {(t.team_id, t.item): t for t in store.list(ReadinessTick)}
    out = {}
    for team in teams:
        pre = [_formed(members.get(team.id, [])), _leads(team, members.get(team.id, [])),
               Check("aim_written", _(PRE_WORK["aim_written"]), bool(team.aim and team.aim.strip()),
                     _("Written.") if team.aim and team.aim.strip() else _("No aim on the charter yet.")),
               _measures(team.id, measures, entered), _baseline(team.id, measures, points, entered),
               Check("storyboard_ready", _(PRE_WORK["storyboard_ready"]), team.id in boards,
                     _("Written for %(session)s.", session=first_session.name) if team.id in boards else
                     _("Nothing written yet for the first learning session."))]
        aims = [(p, _period_check(p, cycles.get(team.id, []), ticks.get((team.id, "spreading")), on))
                for p in periods if p.start <= on]
        out[team.id] = Readiness(team.id, pre, aims)
    return out


def _formed(members: list[Member]) -> Check:
    roles = sorted({m.role for m in members}, key=list(ROLE_LABELS).index)
    met = len(members) >= 3 and len(roles) >= 2
    return Check("team_formed", _(PRE_WORK["team_formed"]), met, n_(
        "%(n)s member on the roster (%(roles)s).", "%(n)s members on the roster (%(roles)s).", len(members),
        roles=", ".join(ROLE_LABELS[r].lower() for r in roles) or "—"))


def _leads(team: Team, members: list[Member]) -> Check:
    names = {m.id: m.name for m in members}
    senior, lead = names.get(team.senior_leader_id or ""), names.get(team.day_to_day_lead_id or "")
    evidence = (_("Senior leader: %(senior)s; day-to-day lead: %(lead)s.", senior=senior, lead=lead) if senior and lead
                else _("Name both on the charter, from the roster."))
    return Check("leads_named", _(PRE_WORK["leads_named"]), bool(senior and lead), evidence)


def _measures(team_id: str, measures: list[Measure], entered: set) -> Check:
    n = sum(1 for m in measures if (team_id, m.id) in entered)
    return Check("measures_defined", _(PRE_WORK["measures_defined"]), n > 0,
                 _("Data on %(n)s of %(of)s measures.", n=n, of=len(measures)))


def _baseline(team_id: str, measures: list[Measure], points: dict, entered: set) -> Check:
    used = [m for m in measures if (team_id, m.id) in entered]
    short = [m.name for m in used if points.get((team_id, m.id), 0) < MIN_BASELINE]
    return Check("baseline", _(PRE_WORK["baseline"], n=MIN_BASELINE), bool(used) and not short,
                 _("Too few on: %(measures)s.", measures=", ".join(short)) if short else
                 _("Every measure with data has them.") if used else _("No data yet."))


def _period_check(period: Phase, cycles: list[PdsaCycle], tick: ReadinessTick | None, on: dt.date) -> Check:
    aim = _(PERIOD_AIMS[min(period.number or 1, 3)])
    end = min(period.end, on)
    if (period.number or 1) == 1:
        tested = [c for c in cycles if period.start <= c.start <= end]
        return Check("tested", aim, bool(tested), n_("%(n)s PDSA cycle begun in the period.",
                                                     "%(n)s PDSA cycles begun in the period.", len(tested)))
    if period.number == 2:
        return Check("spreading", aim, True if tick else None,
                     _("Ticked by %(who)s on %(day)s.", who=tick.ticked_by or _("the coach"), day=day(tick.ticked_on))
                     if tick else _("The data cannot show it: the coach ticks it."), tickable=True)
    adopted = [c for c in cycles if c.decision == "adopt" and c.end and c.end <= end]
    return Check("adopted", aim, bool(adopted), n_("%(n)s change adopted by the end of the period.",
                                                   "%(n)s changes adopted by the end of the period.", len(adopted)))
