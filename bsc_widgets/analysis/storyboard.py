"""A team's storyboard for a learning session, drafted from its own data as of the session's first day: its aim,
the team by role, each measure's chart and reading, and the cycles since the session before, with their ramps and
decisions. The team adds three short things (``model.Storyboard``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..model import (
    SESSION_KINDS,
    Collaborative,
    Measure,
    Member,
    PdsaCycle,
    Phase,
    Ramp,
    Storyboard,
    Team,
    current,
    ramps,
)
from ..store import Store
from .charter import roles_sentence
from .measure_analysis import analyse_across_teams, analyse_measure
from .reading import Reading


@dataclass(frozen=True)
class MeasureOnBoard:
    """A measure as a storyboard shows it: the engine's result for the team, and its reading."""

    measure: Measure
    result: pd.DataFrame
    reading: Reading


@dataclass
class StoryboardDraft:
    team: Team
    collaborative: Collaborative
    session: Phase
    since: dt.date                      # the session before (or the collaborative's start)
    day: dt.date                        # the data as of this day: the session's first
    aim: str
    roles: str
    analyses: list[MeasureOnBoard]
    cycles: list[PdsaCycle]             # started or still running since the session before
    ramps: list[Ramp]                   # the ramps those cycles are on, whole
    words: Storyboard                   # what the team wrote (blank until it writes)


def sessions(store: Store) -> list[Phase]:
    """The sessions teams bring a storyboard to, in date order."""
    return sorted((p for p in store.list(Phase) if p.kind in SESSION_KINDS), key=lambda p: p.start)


def next_session(store: Store, today: dt.date) -> Phase | None:
    """The session a team is preparing for: the next one not over yet, else the last."""
    all_ = sessions(store)
    return next((p for p in all_ if p.end >= today), all_[-1] if all_ else None)


def storyboard(store: Store, team_id: str, session_id: str) -> StoryboardDraft:
    session = store.require(Phase, session_id)
    day = max(session.start, store.team(team_id).joined)     # a team that joined later: its first day
    snapshot = store.as_of(day)
    analyses = [analyse_measure(snapshot, team_id, m.id) for m in current(snapshot.list(Measure), day)]
    return _draft(store, snapshot, team_id, session, day,
                  [MeasureOnBoard(a.measure, a.result, a.reading) for a in analyses])


def storyboards(store: Store, session_id: str, team_ids: list[str]) -> list[StoryboardDraft]:
    """Every team's board for a session (teams that had joined by its first day), each measure analysed once for
    all of them (``analyse_across_teams``), as a page of a hundred teams needs."""
    session = store.require(Phase, session_id)
    snapshot = store.as_of(session.start)
    by_team: dict[str, list[MeasureOnBoard]] = {t: [] for t in team_ids}
    for m in current(snapshot.list(Measure), session.start):
        result, readings = analyse_across_teams(snapshot, m.id)
        rows = dict(iter(result.groupby("facet1", sort=False))) if not result.empty else {}
        for t in team_ids:
            by_team[t].append(MeasureOnBoard(m, rows.get(t, result.iloc[0:0]), readings[t]))
    return [_draft(store, snapshot, t, session, session.start, by_team[t]) for t in team_ids]


def _draft(store: Store, snapshot: Store, team_id: str, session: Phase, day: dt.date,
           measures: list[MeasureOnBoard]) -> StoryboardDraft:
    before = [p for p in sessions(store) if p.start < session.start]
    collab = store.collaborative()
    since = before[-1].start if before else collab.start
    team = snapshot.team(team_id)
    members = [m for m in snapshot.list(Member, team_id=team_id) if m.belonged_on(day)]
    cycles = [c for c in snapshot.list(PdsaCycle, team_id=team_id) if (c.end or day) >= since]
    ideas = {c.change_idea_id for c in cycles}
    words = store.get(Storyboard, team_id, session.id) or Storyboard.draft(team_id=team_id, phase_id=session.id)
    return StoryboardDraft(team, collab, session, since, day, team.aim or collab.aim, roles_sentence(members),
                           measures, sorted(cycles, key=lambda c: c.start),
                           [r for r in ramps(snapshot.list(PdsaCycle, team_id=team_id)) if r.change_idea_id in ideas],
                           words)
