"""The effectiveness summary, the "document results" step at the end of a collaborative.

For every team and measure the end is judged against the baseline by signals, not by raw
differences: the baseline median is frozen from the data before the team's first action
period, and the run-chart rules then say whether what came after is a signal of improvement,
of concern, or no signal. Beside it: change ideas adopted, the dose received, and the path of
the assessment scale from the first month scored to the last.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..base.language import N_, Labels, n_
from ..model import AssessmentScore, Measure, Phase, Team, current
from ..spc.signals import CHANGE, CONCERN, IMPROVEMENT
from ..store import Store
from .dosage import RoleDose, role_doses
from .measure_analysis import analyse_across_teams
from .measure_data import chart_direction, points_by_team
from .reading import Reading
from .spread import IdeaSpread, spread
from .sustain import HELD_WORDS, gains_held

MIN_BASELINE = 6   # fewer baseline points than this: the whole series' median is used, and said so
VERDICT_WORDS = Labels({IMPROVEMENT: N_("Improved"), CONCERN: N_("Worse"), CHANGE: N_("Changed"),
                        "no_signal": N_("No signal"), "too_few": N_("Too little data")})


@dataclass(frozen=True)
class MeasureResult:
    team_id: str
    measure: Measure
    baseline_points: int
    reading: Reading
    held: str | None = None     # in the sustain phase, whether an improvement held (sustain.HELD_WORDS)

    @property
    def verdict(self) -> str:
        return VERDICT_WORDS.get(self.reading.verdict, self.reading.verdict)


@dataclass(frozen=True)
class ScorePath:
    first: tuple[dt.date, float] | None
    last: tuple[dt.date, float] | None


@dataclass
class Effectiveness:
    teams: list[Team]
    measures: list[Measure]
    results: dict[tuple[str, str], MeasureResult]
    spreads: list[IdeaSpread]
    doses: dict[str, list[RoleDose]]
    scores: dict[tuple[str, str], ScorePath]       # (team, source) -> first and last score

    def adopted(self, team_id: str) -> list[str]:
        return [s.idea.title for s in self.spreads if s.decisions.get(team_id) == "adopt"]

    def tally(self) -> dict[str, int]:
        """How many team × measure pairs end in each verdict (by its code: "improvement", "too_few")."""
        out = dict.fromkeys(VERDICT_WORDS, 0)
        for r in self.results.values():
            out[r.reading.verdict] = out.get(r.reading.verdict, 0) + 1
        return out

    def sentences(self) -> list[str]:
        tally = self.tally()
        pairs = len(self.results)
        adopted = [s for s in self.spreads if s.teams_with("adopt")]
        up = [(t, p) for (t, src), p in self.scores.items() if src == "faculty" and p.first and p.last]
        rose = sum(p.last[1] > p.first[1] for _t, p in up)
        return [n_("Of %(n)s team-and-measure pair, %(improved)s shows a signal of improvement against its baseline, "
                   "%(worse)s a signal of concern, %(changed)s a change, and %(none)s no signal; %(few)s has too "
                   "little data to judge.",
                   "Of %(n)s team-and-measure pairs, %(improved)s show a signal of improvement against their "
                   "baseline, %(worse)s a signal of concern, %(changed)s a change, and %(none)s no signal; %(few)s "
                   "have too little data to judge.", pairs, improved=tally[IMPROVEMENT], worse=tally[CONCERN],
                   changed=tally[CHANGE], none=tally["no_signal"], few=tally["too_few"]),
                n_("%(n)s change idea was adopted by at least one team, %(adoptions)s adoptions in all.",
                   "%(n)s change ideas were adopted by at least one team, %(adoptions)s adoptions in all.",
                   len(adopted), adoptions=sum(len(s.teams_with("adopt")) for s in adopted)),
                n_("Faculty’s assessment-scale score rose for %(rose)s of %(n)s team from its first scored month to "
                   "its last.", "Faculty’s assessment-scale score rose for %(rose)s of %(n)s teams from their first "
                   "scored month to their last.", len(up), rose=rose)] + self.sustain_sentences()

    def sustain_sentences(self) -> list[str]:
        """In the sustain phase: of the improvements, how many held, judged by the run-chart rules."""
        judged = [r.held for r in self.results.values() if r.held is not None]
        if not judged:
            return []
        count = {code: judged.count(code) for code in HELD_WORDS}
        return [n_("In the sustain phase, of %(n)s improvement: %(held)s held, %(slipped)s slipped and %(improving)s "
                   "kept improving, by the run-chart rules against the level reached; %(few)s has too few points "
                   "yet to judge.",
                   "In the sustain phase, of %(n)s improvements: %(held)s held, %(slipped)s slipped and %(improving)s "
                   "kept improving, by the run-chart rules against the level reached; %(few)s have too few points "
                   "yet to judge.", len(judged), held=count["held"], slipped=count["slipped"],
                   improving=count["improving"], few=count["too_few"])]


def baseline_end(team: Team, phases: list[Phase]) -> dt.date:
    """Data before the team's first action period is its baseline."""
    starts = [p.start for p in phases if p.kind == "action_period"]
    first = min(starts) if starts else team.joined
    return max(first, team.joined)


def effectiveness(store: Store, today: dt.date) -> Effectiveness:
    store = store.as_of(today)
    collab = store.collaborative()
    teams = store.teams()
    phases = store.list(Phase)
    measures = current(store.list(Measure), today)
    results: dict[tuple[str, str], MeasureResult] = {}
    for m in measures:
        points = points_by_team(store, m)          # as analyse_across_teams counts them
        freeze = {}
        for t in teams:
            n = sum(p < baseline_end(t, phases) for p in points.get(t.id, []))
            if MIN_BASELINE <= n < len(points.get(t.id, [])):
                freeze[t.id] = n
        result, readings = analyse_across_teams(store, m.id, freeze=freeze or None)
        for t in teams:
            reading = readings[t.id]
            held = None
            if collab.sustaining(today) or (collab.sustain_until and today > collab.last_day):
                if reading.verdict == IMPROVEMENT and reading.began is not None and not result.empty:
                    held = gains_held(result[result["facet1"] == t.id], pd.Timestamp(reading.began).date(),
                                      collab.end, chart_direction(m))
            results[(t.id, m.id)] = MeasureResult(t.id, m, freeze.get(t.id, 0), reading, held)
    scores: dict[tuple[str, str], ScorePath] = {}
    by: dict[tuple[str, str], list[AssessmentScore]] = {}
    for s in store.list(AssessmentScore):
        by.setdefault((s.team_id, s.source), []).append(s)
    for key, got in by.items():
        got.sort(key=lambda s: s.month)
        scores[key] = ScorePath((got[0].month, got[0].score), (got[-1].month, got[-1].score))
    doses: dict[str, list[RoleDose]] = {}
    for d in role_doses(store):
        doses.setdefault(d.team_id, []).append(d)
    return Effectiveness(teams, measures, results, spread(store, today), doses, scores)
