"""Questions for the coaching call, read from a team's data; the same rules say who needs attention.

One function, ``coaching_questions``, serves the per-team report and the coach's dashboard,
so a coach never sees a team flagged on one and not the other. Everything is read once and
the charts are analysed for all teams in one vectorised call per measure, so 300 teams are
cheap.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base.clock import add_months
from ..base.language import N_, Labels, _, day, number
from ..model import (
    AssessmentScore,
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

KINDS = Labels({
    "no_data": N_("No data"),
    "unexplained_signal": N_("Signal without a PDSA"),
    "no_study": N_("PDSA without Study"),
    "score_gap": N_("Score gap"),
    "report_missing": N_("Report missing"),
})


@dataclass(frozen=True)
class Question:
    team_id: str
    kind: str
    text: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]


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
            if not any(near_signal(c.start, c.end, reading.began, reading.ended)
                       for c in aimed_at(by_team_cycles.get(tid, []), m.id)):
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

    reports = store.list(MonthlyReport, **mine)
    for team in teams:
        owed = [s for s in report_months(collab, team, reports, today, phases) if s.overdue]
        recent = [s for s in owed if s.month >= add_months(this_month, -3)]
        if recent:
            out[team.id].append(Question(team.id, "report_missing", _(
                "Monthly report not in for %(months)s.", months=", ".join(day(s.month, "month") for s in recent))))
    return out
