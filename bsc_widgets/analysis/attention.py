"""Questions for the coaching call, read from a team's data; the same rules say who needs attention.

One function, ``coaching_questions``, serves the per-team report and the coach's dashboard,
so a coach never sees a team flagged on one and not the other. Everything is read once and
the charts are analysed for all teams in one vectorised call per measure, so 300 teams are
cheap. Each team's questions come most urgent first, in the order of ``ATTENTION_REASONS``;
``ranked`` orders the teams by their most urgent one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base.clock import add_months
from ..base.language import N_, _, day, n_, number
from ..model import (
    ATTENTION_REASONS,
    AssessmentScore,
    Collaborative,
    Measure,
    MonthlyReport,
    Observation,
    PdsaCycle,
    Phase,
    Sample,
    Team,
    aimed_at,
    current,
)
from ..spc.signals import CHANGE, CONCERN, IMPROVEMENT, SIGNALS
from ..store import Store
from .measure_analysis import analyse_across_teams, analyse_measure
from .reading import near_signal
from .report_calendar import report_months

KINDS = ATTENTION_REASONS
RANK = {kind: i for i, kind in enumerate(ATTENTION_REASONS)}
RECENT_MONTHS = 3   # a signal of concern that ended longer ago than this is history, not a reason to call


@dataclass(frozen=True)
class Question:
    team_id: str
    kind: str
    text: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]

    @property
    def rank(self) -> int:
        return RANK[self.kind]


@dataclass(frozen=True)
class Ranked:
    """A team as the dashboard lists it: its most urgent question, and every reason it has."""

    team: Team
    first: Question
    reasons: tuple[str, ...]

    def flagged(self, collab: Collaborative) -> bool:
        """Whether the collaborative's chosen reasons make this team one that needs attention."""
        return self.first.kind in collab.attention_reasons


def ranked(teams: list[Team], questions: dict[str, list[Question]]) -> list[Ranked]:
    """The teams with a question, most urgent first (by their first reason, then by how many), then by name."""
    out = [Ranked(t, qs[0], tuple(dict.fromkeys(q.kind for q in qs))) for t in teams if (qs := questions.get(t.id))]
    return sorted(out, key=lambda r: (r.first.rank, -len(r.reasons), r.team.name.casefold()))


def coaching_questions(store: Store, today: dt.date, rules=None,
                       team_id: str | None = None, analyses: dict | None = None) -> dict[str, list[Question]]:
    """For every team (or one), the questions its data raise (an empty list when none).

    With ``team_id`` only that team's records are read, so one team's report never depends
    on (or fails because of) another team's data; its report may pass the ``analyses`` it
    has already made (measure id -> MeasureAnalysis) so the charts are not analysed twice.
    """
    store = store.as_of(today)          # the questions of a day never read what came after it
    collab = store.collaborative()
    teams = [store.team(team_id)] if team_id else store.list(Team)
    mine = {"team_id": team_id} if team_id else {}
    out: dict[str, list[Question]] = {t.id: [] for t in teams}
    if collab is None:
        return out
    phases = store.list(Phase)
    measures = current(store.list(Measure), today)
    damaged = []  # a damaged period still counts as entered: its chart's reading names it
    observations = store.list(Observation, damaged=damaged, **mine) + store.list(Sample, damaged=damaged, **mine)
    cycles = store.list(PdsaCycle, **mine)
    this_month = today.replace(day=1)
    last_two = {add_months(this_month, -1), add_months(this_month, -2)}
    seen: dict[tuple[str, str], set[dt.date]] = {}
    for team, measure, period, *_rest in [o.key() for o in observations] + [d.key for d in damaged]:
        seen.setdefault((team, measure), set()).add(period.replace(day=1))
    by_team_cycles: dict[str, list[PdsaCycle]] = {}
    for c in cycles:
        by_team_cycles.setdefault(c.team_id, []).append(c)

    for team in teams:
        if team.joined > add_months(this_month, -2):
            continue  # too new to owe two months of data
        silent = [m.name for m in measures if m.kind != "events"     # no event is news, not missing data
                  and not (seen.get((team.id, m.id), set()) & last_two)]
        if silent:
            first, second = (day(d, "month") for d in sorted(last_two))
            out[team.id].append(Question(team.id, "no_data", _(
                "No data for %(first)s and %(second)s on: %(measures)s. What is getting in the way of collecting it?",
                first=first, second=second, measures=", ".join(silent))))

    for m in measures:
        if team_id:
            one = (analyses or {}).get(m.id) or analyse_measure(store, team_id, m.id, rules=rules)
            readings = {team_id: one.reading}
        else:
            _view, readings = analyse_across_teams(store, m.id, rules=rules)
        for tid, reading in readings.items():
            if reading.verdict not in SIGNALS or tid not in out or reading.began is None:
                continue
            # a signal over a whole phase (too few crossings) has an end too: a cycle anywhere near it counts
            near = [c for c in aimed_at(by_team_cycles.get(tid, []), m.id)
                    if near_signal(c.start, c.end, reading.began, reading.ended)]
            recent = reading.ended is None or reading.ended.date() >= add_months(this_month, -RECENT_MONTHS)
            if reading.verdict == CONCERN and recent:
                since = day(reading.began.date(), "month")
                out[tid].append(Question(tid, "concern", _(
                    "%(measure)s shows a signal of concern from %(since)s, while “%(cycle)s” was being tested. "
                    "Look at the chart together: is the change making things worse, or is something else going on?",
                    measure=m.name, since=since, cycle=near[-1].title) if near else _(
                    "%(measure)s shows a signal of concern from %(since)s, with no PDSA cycle near it. What changed? "
                    "Is there a test we have not recorded?", measure=m.name, since=since)))
            elif not near:
                text = {IMPROVEMENT: N_("%(measure)s shows a signal of improvement, with no PDSA cycle near it. "
                                          "What changed? Is there a test we have not recorded?"),
                        CONCERN: N_("%(measure)s shows a signal of concern, with no PDSA cycle near it. What "
                                      "changed? Is there a test we have not recorded?"),
                        CHANGE: N_("%(measure)s shows a signal of change, with no PDSA cycle near it. What "
                                     "changed? Is there a test we have not recorded?")}[reading.verdict]
                out[tid].append(Question(tid, "unexplained_signal", _(text, measure=m.name)))

    for c in cycles:
        if c.team_id in out and c.end and c.end <= today - dt.timedelta(days=7) and not c.study_notes:
            out[c.team_id].append(Question(c.team_id, "no_study", _(
                "The cycle “%(title)s” ended on %(day)s but has no Study recorded. What did you learn?",
                title=c.title, day=day(c.end))))

    scores: dict[tuple[str, dt.date], dict[str, float]] = {}
    for s in store.list(AssessmentScore, **mine):
        scores.setdefault((s.team_id, s.month), {})[s.source] = s.score
    latest: dict[str, tuple[dt.date, dict[str, float]]] = {}
    for (tid, month), both in scores.items():
        if {"team", "faculty"} <= both.keys() and (tid not in latest or month > latest[tid][0]):
            latest[tid] = (month, both)
    for tid, (month, both) in latest.items():
        if tid in out and abs(both["team"] - both["faculty"]) >= 1.0:
            out[tid].append(Question(tid, "score_gap", _(
                "In %(month)s the team scored itself %(team)s and faculty scored %(faculty)s. What does each side see?",
                month=day(month, "month"), team=number(both["team"]), faculty=number(both["faculty"]))))

    _stalled(out, teams, collab, phases, by_team_cycles, today)
    _falling_scores(out, scores, collab, this_month)

    reports = store.list(MonthlyReport, **mine)
    for team in teams:
        owed = [s for s in report_months(collab, team, reports, today, phases) if s.overdue]
        recent = [s for s in owed if s.month >= add_months(this_month, -3)]
        if recent:
            out[team.id].append(Question(team.id, "report_missing", _(
                "Monthly report not in for %(months)s. What would make it easier to send? It can be filled in together "
                "on the call.", months=", ".join(day(s.month, "month") for s in recent))))
    return {tid: sorted(qs, key=lambda q: q.rank) for tid, qs in out.items()}


def _stalled(out: dict, teams: list[Team], collab: Collaborative, phases: list[Phase],
             cycles: dict[str, list[PdsaCycle]], today: dt.date) -> None:
    """No new PDSA cycle for ``stalled_weeks``, counted from the first action period (or the team's joining, if
    later): pre-work is for forming the team, not for testing."""
    testing_from = min((p.start for p in phases if p.kind == "action_period"), default=collab.start)
    weeks = collab.stalled_weeks
    for team in teams:
        starts = [c.start for c in cycles.get(team.id, []) if c.start <= today]
        since = max(starts, default=max(testing_from, team.joined))
        if today - since >= dt.timedelta(weeks=weeks) and today <= collab.last_day:
            out[team.id].append(Question(team.id, "stalled", n_(
                "No new PDSA cycle for %(weeks)s week (the last began on %(day)s). What got in the way? Plan one "
                "small test for this week together.",
                "No new PDSA cycle for %(weeks)s weeks (the last began on %(day)s). What got in the way? Plan one "
                "small test for this week together.", (today - since).days // 7, weeks=(today - since).days // 7,
                day=day(since)) if starts else n_(
                "No PDSA cycle yet, %(weeks)s week into the action period. What got in the way? Plan the first "
                "small test together.",
                "No PDSA cycle yet, %(weeks)s weeks into the action period. What got in the way? Plan the first "
                "small test together.", (today - since).days // 7, weeks=(today - since).days // 7)))


def _falling_scores(out: dict, scores: dict, collab: Collaborative, this_month: dt.date) -> None:
    """A team's own self-assessment score fell by ``score_drop`` or more from its month before, in a recent month."""
    own: dict[str, list[tuple[dt.date, float]]] = {}
    for (tid, month), by in scores.items():
        if "team" in by:
            own.setdefault(tid, []).append((month, by["team"]))
    for tid, months in own.items():
        months.sort()
        if tid not in out or len(months) < 2:
            continue
        (before, was), (month, now) = months[-2], months[-1]
        if was - now >= collab.score_drop and month >= add_months(this_month, -RECENT_MONTHS):
            out[tid].append(Question(tid, "falling_score", _(
                "The team’s self-assessment fell from %(was)s in %(before)s to %(now)s in %(month)s. Ask what "
                "made them score lower: it is often what they have learned, not what they lost.",
                was=number(was), before=day(before, "month"), now=number(now), month=day(month, "month"))))
