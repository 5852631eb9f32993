"""Seconds per team report with `bsc reports`' machinery, sequential and with 2 workers, against the floor.

    python benchmarks/reports.py [--teams 8,100] [--floor-runs 5]

Collaboratives: the sample (8 teams), and one of N teams made by copying the sample's teams
with all their records (members, cycles, data, reports, scores, attendance). For each, every
team report plus the collaborative report is made once with 1 worker and once with 2; the
figure is wall time divided by the number of reports. The floor is papermill on a notebook
that only imports the same libraries and renders one empty figure to HTML, converted the same
way (time per notebook over a batch of --floor-runs, sequential). Also prints the size of one team report.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
import time
from pathlib import Path

from bsc_widgets.model import (
    AssessmentScore,
    Attendance,
    ChartMark,
    CoachAssignment,
    Comment,
    Event,
    Lesson,
    Member,
    MonthlyReport,
    Observation,
    PdsaCycle,
    Sample,
    Share,
    ShareReview,
    Storyboard,
    StratumObservation,
    Team,
    TeamChangeIdea,
    TeamFile,
)
from bsc_widgets.portable import read_folder
from bsc_widgets.portable.sample import sample_folder
from bsc_widgets.reports.batch import Job, plan, run_reports
from bsc_widgets.store import Store

PERIOD, TODAY = dt.date(2026, 10, 1), dt.date(2026, 11, 22)
FLOOR = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "id": "p", "metadata": {"tags": ["parameters"]}, "outputs": [],
         "source": ["team = ''"]},
        {"cell_type": "code", "execution_count": None, "id": "f", "metadata": {}, "outputs": [],
         "source": ["import bsc_widgets.reports.team, bsc_widgets.reports.collaborative\n",
                    "import plotly.graph_objects as go\n", "from IPython.display import HTML, display\n",
                    "display(HTML(go.Figure().to_html(full_html=False, include_plotlyjs=True)))"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def collaborative_of(n_teams: int, folder: Path) -> Path:
    """A workspace with ``n_teams`` teams: the sample's, then copies of them."""
    ds = read_folder(sample_folder())
    base_teams = ds.all(Team)
    copies = []
    for k in range(n_teams - len(base_teams)):
        t = base_teams[k % len(base_teams)]
        suffix = f"-copy{k + 1}"
        new_id = t.id + suffix
        copies.append(t.model_copy(update={"id": new_id, "name": f"{t.name} ({k + 1})"}))
        members = {m.id: m.id + suffix for m in ds.all(Member) if m.team_id == t.id}
        copies += [m.model_copy(update={"id": members[m.id], "team_id": new_id}) for m in ds.all(Member)
                   if m.team_id == t.id]
        for model in (TeamChangeIdea, Observation, Event, Sample, StratumObservation, MonthlyReport, AssessmentScore):
            copies += [r.model_copy(update={"team_id": new_id}) for r in ds.all(model) if r.team_id == t.id]
        copies += [c.model_copy(update={"id": c.id + suffix, "team_id": new_id}) for model in (PdsaCycle, ChartMark)
                   for c in ds.all(model) if c.team_id == t.id]
        copies += [a.model_copy(update={"member_id": members[a.member_id]}) for a in ds.all(Attendance)
                   if a.member_id in members]
        copies += [f.model_copy(update={"id": f.id + suffix, "team_id": new_id, "pdsa_cycle_id": f.pdsa_cycle_id
                                        and f.pdsa_cycle_id + suffix}) for f in ds.all(TeamFile) if f.team_id == t.id]
        shares = {x.id: x.id + suffix for x in ds.all(Share) if x.team_id == t.id}     # what the team shared
        copies += [x.model_copy(update={"id": shares[x.id], "team_id": new_id, "item_id": x.item_id if
                                        x.kind == "storyboard" else x.item_id + suffix,
                                        "contact_id": members.get(x.contact_id)}) for x in ds.all(Share)
                   if x.id in shares]
        copies += [c.model_copy(update={"id": c.id + suffix, "about_team_id": new_id, "share_id": shares.get(
            c.share_id), "pdsa_cycle_id": c.pdsa_cycle_id and c.pdsa_cycle_id + suffix, "team_id": new_id if
            c.team_id == t.id else c.team_id}) for c in ds.all(Comment) if c.about_team_id == t.id]
        copies += [r.model_copy(update={"share_id": shares[r.share_id]}) for r in ds.all(ShareReview)
                   if r.share_id in shares]
        copies += [x.model_copy(update={"team_id": new_id}) for x in ds.all(Storyboard) if x.team_id == t.id]
        copies += [x.model_copy(update={"team_id": new_id}) for x in ds.all(CoachAssignment) if x.team_id == t.id]
        copies += [x.model_copy(update={"id": new_id, "team_id": new_id}) for x in ds.all(Lesson)
                   if x.team_id == t.id]
    ds.extend(copies)
    db = folder / f"teams-{n_teams}.sqlite"
    store = Store.open(str(db), create=True)
    store.load(ds)
    store.close()
    return db


def per_report(db: Path, out: Path, workers: int) -> tuple[float, int, float]:
    store = Store.open(str(db))
    jobs = plan(store, PERIOD, out, None, str(db), TODAY, timeout=900)
    start = time.perf_counter()
    outcomes = run_reports(jobs, workers)
    took = time.perf_counter() - start
    failed = [o for o in outcomes if not o.ok]
    if failed:
        raise SystemExit(f"{len(failed)} reports failed: {failed[0].problem}")
    size = (out / f"{jobs[1].name}.html").stat().st_size / 1e6
    return took / len(jobs), len(jobs), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teams", default="8,100")
    parser.add_argument("--floor-runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        floor_nb = tmp / "floor.ipynb"
        floor_nb.write_text(json.dumps(FLOOR))
        # the floor runs as the reports do: a batch of notebooks through one pool, time per notebook
        jobs = [Job(f"floor{i}", "floor", floor_nb, {}, tmp / "floor", 600) for i in range(args.floor_runs)]
        start = time.perf_counter()
        run_reports(jobs, 1)
        floor = (time.perf_counter() - start) / len(jobs)
        print(f"floor (papermill + nbconvert; the same imports and one empty figure): {floor:.2f} s per notebook "
              f"over {len(jobs)}; size {(tmp / 'floor' / 'floor0.html').stat().st_size / 1e6:.2f} MB")
        print(f"{'teams':>5} {'reports':>7} {'workers':>7} {'s/report':>9} {'ratio to floor':>15} {'report MB':>10}")
        for n in map(int, args.teams.split(",")):
            db = collaborative_of(n, tmp)
            for workers in (1, 2):
                each, count, size = per_report(db, tmp / f"out-{n}-{workers}", workers)
                print(f"{n:5d} {count:7d} {workers:7d} {each:9.2f} {each / floor:15.2f} {size:10.2f}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
