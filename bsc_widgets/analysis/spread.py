"""Spread: how change ideas move across the network, which coaches present at learning sessions.

For each change idea teams have tested: which team tested it first and when, how many teams
test it, adopted, adapted or abandoned it, and which signals on the teams' run charts came
near a cycle on it (from three months before the signal began to a month after).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..base.language import N_, _, day, n_
from ..model import ChangeIdea, Measure, PdsaCycle, Team, aimed_at, current, ramps
from ..portable.cells import csv_text
from ..spc.signals import CHANGE, CONCERN, IMPROVEMENT
from ..store import Store
from .measure_analysis import analyse_across_teams
from .reading import near_signal

VERDICT_WORDS = {   # a signal near a cycle, said whole for each verdict
    IMPROVEMENT: N_("%(team)s: %(measure)s, a signal of improvement from %(day)s"),
    CONCERN: N_("%(team)s: %(measure)s, a signal of concern from %(day)s"),
    CHANGE: N_("%(team)s: %(measure)s, a signal of change from %(day)s"),
}


@dataclass(frozen=True)
class LinkedSignal:
    team_id: str
    measure: str
    verdict: str
    since: dt.date
    measure_id: str

    def text(self, team_names: dict[str, str]) -> str:
        return _(VERDICT_WORDS[self.verdict], team=team_names.get(self.team_id, self.team_id), measure=self.measure,
                 day=day(self.since, "short"))


@dataclass
class IdeaSpread:
    idea: ChangeIdea
    first_team: str
    first_date: dt.date
    testing: list[str]                       # teams with a cycle on it, in the order they started
    decisions: dict[str, str | None]         # team -> latest decision (None while testing)
    signals: list[LinkedSignal] = field(default_factory=list)

    def teams_with(self, decision: str) -> list[str]:
        return [t for t in self.testing if self.decisions[t] == decision]


def _signals(store: Store, today: dt.date) -> list[LinkedSignal]:
    out = []
    for m in current(store.list(Measure), today):
        readings = analyse_across_teams(store, m.id)[1]
        for team_id, reading in readings.items():
            if reading.verdict in VERDICT_WORDS and reading.began is not None and reading.ended is None:
                out.append(LinkedSignal(team_id, m.name, reading.verdict, reading.began.date(), m.id))
    return out


def spread(store: Store, today: dt.date) -> list[IdeaSpread]:
    """Every change idea at least one team has tested by ``today``, the earliest first."""
    store = store.as_of(today)
    ideas = {i.id: i for i in store.list(ChangeIdea)}
    by_idea: dict[str, list] = {}
    for r in ramps(store.list(PdsaCycle)):
        by_idea.setdefault(r.change_idea_id, []).append(r)
    signals = _signals(store, today)
    out = []
    for idea_id, rs in by_idea.items():
        rs = sorted(rs, key=lambda r: (r.cycles[0].start, r.team_id))
        linked = [s for s in signals for r in rs if s.team_id == r.team_id
                  and any(near_signal(c.start, c.end, s.since) for c in aimed_at(r.cycles, s.measure_id))]
        out.append(IdeaSpread(ideas[idea_id], rs[0].team_id, rs[0].cycles[0].start, [r.team_id for r in rs],
                              {r.team_id: r.latest_decision for r in rs}, list(dict.fromkeys(linked))))
    return sorted(out, key=lambda s: (s.first_date, s.idea.title))


def spread_sentences(spreads: list[IdeaSpread], team_names: dict[str, str]) -> list[str]:
    if not spreads:
        return [_("No team has tested a change idea yet.")]
    widest = max(spreads, key=lambda s: (len(s.teams_with("adopt")), len(s.testing)))
    several = [s for s in spreads if len(s.teams_with("adopt")) >= 2]
    out = [n_("%(n)s change idea tested; %(several)s adopted by two teams or more.",
              "%(n)s change ideas tested; %(several)s adopted by two teams or more.", len(spreads),
              several=len(several)),
           n_("“%(idea)s” spread furthest: first tested by %(team)s on %(day)s, now tested by %(n)s team and adopted "
              "by %(adopted)s.",
              "“%(idea)s” spread furthest: first tested by %(team)s on %(day)s, now tested by %(n)s teams and "
              "adopted by %(adopted)s.", len(widest.testing), idea=widest.idea.title,
              team=team_names.get(widest.first_team), day=day(widest.first_date),
              adopted=len(widest.teams_with("adopt")))]
    improving = [s for s in spreads if any(x.verdict == IMPROVEMENT for x in s.signals)]
    if improving:
        out.append(_("Ideas tested near a signal of improvement: %(ideas)s.",
                     ideas="; ".join(f"“{s.idea.title}”" for s in improving)))
    return out


SPREAD_COLUMNS = (N_("change idea"), N_("local to"), N_("first tested by"), N_("first tested on"),
                  N_("teams testing"), N_("adopted"), N_("adapted"), N_("abandoned"), N_("still testing"),
                  N_("linked signals"))


def spread_csv(spreads: list[IdeaSpread], team_names: dict[str, str]) -> str:
    """The spread table for a spreadsheet or a learning-session slide."""
    return csv_text([_(h) for h in SPREAD_COLUMNS], [
        [s.idea.title, team_names.get(s.idea.team_id, "") if s.idea.team_id else "",
                      team_names.get(s.first_team, s.first_team), s.first_date.isoformat(), len(s.testing),
                      len(s.teams_with("adopt")), len(s.teams_with("adapt")), len(s.teams_with("abandon")),
         len(s.teams_with(None)), " | ".join(x.text(team_names) for x in s.signals)] for s in spreads])


def team_names(store: Store) -> dict[str, str]:
    return {t.id: t.name for t in store.list(Team)}
