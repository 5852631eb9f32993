"""An export for researchers: the collaborative's numbers without names, e-mail addresses or free text.

Teams and members get codes ("team-01", "member-001") in place of their identifiers, which are made from
names; every free-text field (notes, reports, cycles' plans, reasons) is left out; measure figures with a
denominator below the collaborative's threshold are suppressed, with the complementary suppression the
equity views use, so that no hidden figure can be worked out from the others. What stays: program types,
roles, dates, the shared framework's measures, the numbers, PDSA cycles' dates, stages and decisions,
attendance hours and scores, and the support each team received. Removals are left out: they keep whole
records, names and text included.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..base.errors import BscError
from ..base.language import _
from ..model import (
    AssessmentScore,
    Attendance,
    ChangeIdea,
    Event,
    Measure,
    Member,
    MonthlyReport,
    Observation,
    PdsaCycle,
    Sample,
    StratumObservation,
    SupportContact,
)
from ..portable.cells import csv_text
from ..store import Store
from .equity import suppression

README = """De-identified export of a Breakthrough Series Collaborative (BSC Workbooks)

Teams and members are coded (team-01, member-001); names, e-mail addresses and every free-text
field are left out. A measure figure whose denominator is below {threshold} is suppressed (left
empty, with suppressed=true), and so is the next smallest figure of the same period where only one
would be hidden. Files: teams, members, measures, observations, group_observations, events, samples,
pdsa_cycles, monthly_reports, assessment_scores, attendance, support (visits, calls and technical
assistance: kind, day, minutes, how and the roles that took part; no topic, note or coach's name).
"""


def _suppressed(frame: pd.DataFrame, threshold: int, margins: list[list[str]]) -> pd.DataFrame:
    """The equity views' rule for small cells (``equity.suppression``), on a table of figures."""
    if frame.empty:
        return frame.assign(suppressed=[])
    hidden = suppression(frame, threshold, margins).to_numpy(bool)
    frame = frame.copy()
    frame.loc[hidden, ["numerator", "denominator"]] = None
    frame["suppressed"] = hidden
    return frame


def deidentified_tables(store: Store) -> dict[str, str]:
    """Each file's name and CSV text."""
    collab = store.collaborative()
    if collab is None:
        raise BscError(_("This workspace has no collaborative yet."))
    threshold = collab.suppress_below
    teams = store.teams()
    team_code = {t.id: f"team-{n:02d}" for n, t in enumerate(sorted(teams, key=lambda t: t.joined.isoformat()
                                                                     + t.id), start=1)}
    members = sorted(store.list(Member), key=lambda m: (team_code[m.team_id], m.id))
    member_code = {m.id: f"member-{n:03d}" for n, m in enumerate(members, start=1)}
    own_ideas = [i for i in store.list(ChangeIdea) if i.team_id]
    idea_code = {i.id: f"{team_code[i.team_id]}-idea-{n}" for n, i in enumerate(own_ideas, start=1)}
    cycles = sorted(store.list(PdsaCycle), key=lambda c: (team_code[c.team_id], c.start, c.id))

    def idea(identifier: str) -> str:
        return idea_code.get(identifier, identifier)          # the shared framework's ideas keep their identifiers

    observations = pd.DataFrame([(team_code[o.team_id], o.measure_id, o.period, o.numerator, o.denominator, o.value)
                                 for o in store.list(Observation)],
                                columns=["team", "measure", "period", "numerator", "denominator", "value"])
    ratios = observations[observations["denominator"].notna()]
    ratios = _suppressed(ratios, threshold, [["measure", "period"]])
    observations = pd.concat([ratios, observations[observations["denominator"].isna()].assign(suppressed=False)])
    observations.loc[observations["suppressed"].astype(bool), "value"] = None
    groups = pd.DataFrame([(team_code[g.team_id], g.measure_id, g.period, g.stratum_id, g.numerator, g.denominator)
                           for g in store.list(StratumObservation)],
                          columns=["team", "measure", "period", "group", "numerator", "denominator"])
    groups = _suppressed(groups, threshold, [["team", "measure", "period"], ["group", "measure", "period"]])
    tables = {
        "teams.csv": (["team", "program_type", "joined", "language"],
                      [[team_code[t.id], t.program_type, t.joined, t.language] for t in teams]),
        "members.csv": (["member", "team", "role", "joined_on", "left_on", "language"],
                        [[member_code[m.id], team_code[m.team_id], m.role, m.joined_on, m.left_on, m.language]
                         for m in members]),
        "measures.csv": (["measure", "name", "type", "kind", "frequency", "direction", "goal", "operational_definition"],
                         [[m.id, m.name, m.type, m.kind, m.frequency, m.direction, m.goal, m.operational_definition]
                          for m in store.list(Measure)]),
        "observations.csv": (list(observations.columns), observations.sort_values(["team", "measure", "period"])
                             .astype(object).where(observations.notna(), None).values.tolist()),
        "group_observations.csv": (list(groups.columns), groups.sort_values(["team", "measure", "period", "group"])
                                   .astype(object).where(groups.notna(), None).values.tolist()),
        "events.csv": (["team", "measure", "day", "count"],
                       [[team_code[e.team_id], e.measure_id, e.day, e.count] for e in store.list(Event)]),
        "samples.csv": (["team", "measure", "period", "number", "value"],
                        [[team_code[s.team_id], s.measure_id, s.period, s.number, s.value] for s in store.list(Sample)]),
        "pdsa_cycles.csv": (["cycle", "team", "change_idea", "start", "end", "decision", "participant_roles"],
                            [[f"cycle-{n:03d}", team_code[c.team_id], idea(c.change_idea_id), c.start, c.end,
                              c.decision, c.participant_roles] for n, c in enumerate(cycles, start=1)]),
        "monthly_reports.csv": (["team", "month"], [[team_code[r.team_id], r.month]
                                                    for r in store.list(MonthlyReport)]),
        "assessment_scores.csv": (["team", "month", "source", "score"],
                                  [[team_code[s.team_id], s.month, s.source, s.score]
                                   for s in store.list(AssessmentScore)]),
        "attendance.csv": (["member", "event_kind", "date", "hours"],
                           [[member_code[a.member_id], a.event_kind, a.date, a.hours]
                            for a in store.list(Attendance) if a.member_id in member_code]),
        # the dose of support, for setting beside results: no topic, note or coach's name
        "support.csv": (["team", "kind", "day", "minutes", "mode", "roles", "host_team"],
                        [[team_code[c.team_id], c.kind, c.day, c.minutes, c.mode, c.roles,
                          team_code.get(c.host_team_id or "")] for c in store.list(SupportContact)]),
    }
    out = {name: csv_text(header, rows) for name, (header, rows) in tables.items()}
    out["README.txt"] = README.format(threshold=threshold)
    return out


def export_deidentified(store: Store, path: Path) -> Path:
    """``bsc export --deidentified``: into a new or empty folder."""
    folder = Path(path)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BscError(_("%(folder)s already exists and is not an empty folder; export into a new one.",
                         folder=folder))
    tables = deidentified_tables(store)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
