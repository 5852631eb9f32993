"""The sample collaborative reads like a real ECE BSC and has the patterns real data has."""
import datetime as dt
import statistics
from pathlib import Path
from collections import Counter, defaultdict

import pytest

from bsc_widgets.model import (AssessmentScore, Attendance, ChangeIdea, Driver, Event, Sample, DriverLink, Measure, Member,
                               MonthlyReport, Observation, PdsaCycle, Phase, Team, ramps)
from bsc_widgets.portable import read_folder


@pytest.fixture(scope="module")
def ds():
    return read_folder(Path(__file__).resolve().parents[2] / "sample_data" / "collaborative")


def test_eight_programs_of_every_kind(ds):
    teams = ds.all(Team)
    assert len(teams) == 8
    assert set(t.program_type for t in teams) == {"head_start", "community_child_care", "school_pre_k",
                                                  "family_child_care_network"}


def test_calendar_has_pre_work_four_learning_sessions_and_action_periods(ds):
    kinds = Counter(p.kind for p in ds.all(Phase))
    assert kinds["pre_work"] == 1 and kinds["learning_session"] == 4 and kinds["action_period"] >= 3
    c = ds.collaborative()
    assert (c.end.year - c.start.year) * 12 + c.end.month - c.start.month + 1 == 16


def test_driver_diagram_is_a_graph_with_an_equity_driver(ds):
    primary = [d for d in ds.all(Driver) if d.kind == "primary"]
    assert 2 <= len(primary) <= 5
    assert any("equit" in d.title.lower() or "cultur" in d.title.lower() for d in primary)
    into = Counter(link.source_id for link in ds.all(DriverLink))
    assert any(n > 1 for n in into.values()), "some node feeds several drivers (many-to-many)"
    assert {link.strength for link in ds.all(DriverLink)} == {"strong", "weak"}
    assert any(i.team_id for i in ds.all(ChangeIdea)), "teams added local change ideas"


def test_measures_of_every_kind(ds):
    measures = ds.all(Measure)
    assert 4 <= len(measures) <= 8
    assert {"events", "subgroups", "proportion", "value"} <= {m.kind for m in measures}
    assert {m.type for m in measures} == {"outcome", "process", "balancing"}
    assert any(m.kind in ("count", "rate") for m in measures)
    assert any(m.frequency == "weekly" for m in measures)
    prop = [m for m in measures if m.kind == "proportion" and m.frequency == "monthly"][0]
    dens = {o.denominator for o in ds.all(Observation) if o.measure_id == prop.id}
    assert len(dens) > 5, "proportion denominators vary"


def test_dated_send_homes_agree_with_the_monthly_counts(ds):
    counted = {(o.team_id, o.period): o.value for o in ds.all(Observation) if o.measure_id == "send-homes"}
    dated = defaultdict(int)
    for e in ds.all(Event):
        dated[(e.team_id, e.day.replace(day=1))] += e.count
    assert {k: v for k, v in counted.items() if v} == dict(dated)
    per_period = defaultdict(int)
    for s in ds.all(Sample):
        per_period[(s.team_id, s.period)] += 1
    assert set(per_period.values()) <= {3, 4, 5}, "several observation scores a month"


def test_teams_are_cross_role_with_families(ds):
    by_team = defaultdict(list)
    for m in ds.all(Member):
        by_team[m.team_id].append(m.role)
    for team, roles in by_team.items():
        assert 5 <= len(roles) <= 7, team
        assert set(roles) == {"administrator", "teacher", "staff", "family"}, team


def test_pdsa_ramps_with_every_decision(ds):
    per_team = Counter(c.team_id for c in ds.all(PdsaCycle))
    assert all(3 <= n <= 8 for n in per_team.values()) and len(per_team) == 8
    assert {c.decision for c in ds.all(PdsaCycle)} >= {"adopt", "adapt", "abandon"}
    assert any(len(r.cycles) >= 3 for r in ramps(ds.all(PdsaCycle)))


def test_reports_scores_and_attendance(ds):
    assert {s.source for s in ds.all(AssessmentScore)} == {"team", "faculty"}
    assert len(ds.all(MonthlyReport)) > 60
    assert {a.event_kind for a in ds.all(Attendance)} >= {"learning_session"}


def test_real_data_patterns(ds):
    obs = [o for o in ds.all(Observation) if o.measure_id == "positive-feedback"]
    by_team = defaultdict(dict)
    for o in obs:
        by_team[o.team_id][o.period] = o.numerator / o.denominator
    # a clear sustained shift at Sunrise, none at Maple Street
    sunrise = by_team["sunrise-head-start"]
    before = [v for d, v in sunrise.items() if d < dt.date(2026, 1, 1)]
    after = [v for d, v in sunrise.items() if d >= dt.date(2026, 1, 1)]
    assert min(after) > sorted(before)[len(before) // 2], "every point after the change is above the baseline median"
    # missing months
    months = set(by_team["eastside-community"])
    assert dt.date(2026, 1, 1) not in months and dt.date(2026, 2, 1) in months
    # ties and points on the median
    hearth = list(by_team["hearth-fcc"].values())
    assert len(hearth) - len(set(hearth)) >= 3
    assert hearth.count(statistics.median(hearth)) >= 3, "several points fall exactly on the median"
    # a team that joined late
    late = [t for t in ds.all(Team) if t.joined > ds.collaborative().start]
    assert [t.id for t in late] == ["riverbend-prek"]
    assert min(by_team["riverbend-prek"]) > ds.collaborative().data_from
