"""Questions for the coaching call, read from a team's data; the same rules say who needs attention.

One function, ``coaching_questions``, serves the per-team report and the coach's dashboard,
so a coach never sees a team flagged on one and not the other. Everything is read once and
the charts are analysed for all teams in one vectorised call per measure, so 300 teams are
cheap.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


from .model import AssessmentScore, current, Measure, MonthlyReport, Observation, PdsaCycle, Phase, Sample, Team
from .report_calendar import report_months
from .store import Store
from .clock import add_months
from .measure_analysis import analyse_across_teams, analyse_measure
from .spc.reading import near_signal

SIGNAL_VERDICTS = ("improvement", "concern", "change")
KINDS = {
    "no_data": "No data",
    "unexplained_signal": "Signal without a PDSA",
    "no_study": "PDSA without Study",
    "score_gap": "Score gap",
    "report_missing": "Report missing",
}


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
    for team, measure, period, *_ in [o.key() for o in observations] + [d.key for d in damaged]:
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
            months = " and ".join(f"{d:%B}" for d in sorted(last_two))
            out[team.id].append(Question(team.id, "no_data", f"No data for {months} on: {', '.join(silent)}. "
                                         "What is getting in the way of collecting it?"))

    for m in measures:
        if team_id:
            one = (analyses or {}).get(m.id) or analyse_measure(store, team_id, m.id, rules=rules)
            readings = {team_id: one.reading}
        else:
            _, readings = analyse_across_teams(store, m.id, rules=rules)
        for tid, reading in readings.items():
            if reading.verdict not in SIGNAL_VERDICTS or tid not in out or reading.began is None:
                continue
            # a signal over a whole phase (too few crossings) has an end too: a cycle anywhere near it counts
            if not any(near_signal(c.start, c.end, reading.began, reading.ended) for c in by_team_cycles.get(tid, [])):
                word = {"improvement": "improvement", "concern": "concern", "change": "change"}[reading.verdict]
                out[tid].append(Question(tid, "unexplained_signal",
                                             f"{m.name} shows a signal of {word}, with no PDSA cycle near it. "
                                             "What changed? Is there a test we have not recorded?"))

    for c in cycles:
        if c.team_id in out and c.end and c.end <= today - dt.timedelta(days=7) and not c.study_notes:
            out[c.team_id].append(Question(c.team_id, "no_study", f"The cycle “{c.title}” ended on "
                                           f"{c.end:%-d %B} but has no Study recorded. What did you learn?"))

    scores: dict[tuple[str, dt.date], dict[str, float]] = {}
    for s in store.list(AssessmentScore, **mine):
        scores.setdefault((s.team_id, s.month), {})[s.source] = s.score
    latest: dict[str, tuple[dt.date, dict[str, float]]] = {}
    for (tid, month), both in scores.items():
        if {"team", "faculty"} <= both.keys() and (tid not in latest or month > latest[tid][0]):
            latest[tid] = (month, both)
    for tid, (month, both) in latest.items():
        if tid in out and abs(both["team"] - both["faculty"]) >= 1.0:
            out[tid].append(Question(tid, "score_gap", f"In {month:%B %Y} the team scored itself "
                                         f"{both['team']:g} and faculty scored {both['faculty']:g}. "
                                         "What does each side see?"))

    reports = store.list(MonthlyReport, **mine)
    for team in teams:
        owed = [s for s in report_months(collab, team, reports, today, phases) if s.overdue]
        recent = [s for s in owed if s.month >= add_months(this_month, -3)]
        if recent:
            out[team.id].append(Question(team.id, "report_missing", "Monthly report not in for "
                                         + ", ".join(f"{s.month:%B %Y}" for s in recent) + "."))
    return out
