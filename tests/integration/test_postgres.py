"""The same store code on PostgreSQL, for hosted, multi-machine deployments.

Runs against $BSC_TEST_POSTGRES_URL (``make test`` starts a local server when it can).
Skips on a laptop without one; fails under CI=true, where the server must be there.
"""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bsc_widgets.base.errors import ConflictError, InvalidRecord
from bsc_widgets.model import Attendance, Member, MonthlyReport, Observation
from bsc_widgets.portable import read_folder
from bsc_widgets.store import Store

pytestmark = pytest.mark.postgres
HERE = Path(__file__).resolve().parent


@pytest.fixture
def pg_store(sample_folder):
    url = os.environ["BSC_TEST_POSTGRES_URL"]     # the postgres marker saw to it (conftest.py)
    engine = create_engine(url)
    with engine.begin() as conn:  # a clean database for each test
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    store = Store.open(url)
    store.load(read_folder(sample_folder))
    yield store
    store.close()


def test_sample_collaborative_round_trips_through_postgres(pg_store, sample_store):
    assert pg_store.dataset().content() == sample_store.dataset().content()


def test_versions_and_conflicts_on_postgres(pg_store):
    mine = pg_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1))
    pg_store.save(mine.model_copy(update={"highlights": "theirs"}))
    with pytest.raises(ConflictError):
        pg_store.save(mine.model_copy(update={"highlights": "mine"}))
    obs = Observation(team_id="sunrise-head-start", measure_id="send-homes", period=dt.date(2026, 11, 1), value=1)
    pg_store.save(obs)
    with pytest.raises(ConflictError, match="already exist"):
        pg_store.save(obs)
    with pytest.raises(InvalidRecord, match="larger than the denominator"):
        pg_store.save(Observation(team_id="sunrise-head-start", measure_id="positive-feedback",
                                  period=dt.date(2026, 11, 1), numerator=5, denominator=2))


def test_concurrent_writers_on_postgres(pg_store):
    members = [m.id for m in pg_store.list(Member)][:4]
    version = pg_store.team("maple-street-ehs").version
    writers = [subprocess.Popen([sys.executable, str(HERE / "writer.py"), pg_store.url, m, "100"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for m in members]
    for w in writers:
        _, err = w.communicate(timeout=600)
        assert w.returncode == 0, err
    assert len([a for a in pg_store.list(Attendance) if a.event_kind == "coaching_call"]) == 4 * 50
    team = pg_store.team("maple-street-ehs")
    assert team.meeting_rhythm == "200" and team.version == version + 200


def test_people_adding_members_at_once_never_collide_on_postgres(pg_store):
    """READ COMMITTED lets two adders pick the same identifier; the loser takes the next one."""
    before = {m.id for m in pg_store.list(Member, team_id="hearth-fcc")}
    procs = [subprocess.Popen([sys.executable, str(HERE / "adder.py"), pg_store.url, "hearth-fcc", "25", f"P{p}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in range(4)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    added = [m for m in pg_store.list(Member, team_id="hearth-fcc") if m.id not in before]
    assert sorted(m.name for m in added) == sorted(f"P{p} {i}" for p in range(4) for i in range(25))


def test_text_postgres_cannot_hold_is_refused_in_plain_words_not_by_the_database(pg_store):
    from bsc_widgets import services
    from bsc_widgets.services import Actor

    report = pg_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1))
    for bad in ("before\x00after", "cut \ud83d in two"):
        with pytest.raises(InvalidRecord, match="Highlights holds an invisible character that cannot be stored"):
            services.save(pg_store, Actor.for_team("sunrise-head-start"), report.model_copy(update={"highlights": bad}))
    assert pg_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1)) == report


def test_a_sqlite_workspace_that_held_a_null_character_moves_to_postgres(pg_store, sample_db, tmp_path):
    """Opened once (its migration takes the NUL out), exported, and imported into PostgreSQL."""
    from click.testing import CliRunner

    from bsc_widgets.cli import main

    import contextlib
    import sqlite3

    from tests.support import downgrade

    downgrade(sample_db, "0009")                          # as that older version left it, then stored the NUL
    with contextlib.closing(sqlite3.connect(sample_db)) as con, con:
        con.execute("UPDATE members SET title = ? WHERE id = (SELECT min(id) FROM members)", ("Lead\x00 teacher",))
    out = tmp_path / "export"
    assert CliRunner().invoke(main, ["export", "--db", str(sample_db), str(out)]).exit_code != 0  # not upgraded yet
    Store.open(sample_db).close()
    assert CliRunner().invoke(main, ["export", "--db", str(sample_db), str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["import", "--db", pg_store.url, "--replace", str(out)])
    assert result.exit_code == 0, result.output
    assert any(m.title == "Lead teacher" for m in pg_store.list(Member))


def test_a_workspace_in_its_own_schema_is_read_read_only_there(sample_folder):
    """Read-only opens (the reports, the loading screen's team name under the hub) keep the URL's own options: a
    workspace in a schema of its own (search_path) is read there, not taken for an empty database."""
    from bsc_widgets.model import Team
    from tests.support import postgres_schema

    url = postgres_schema(os.environ["BSC_TEST_POSTGRES_URL"], "bsc_read_only_schema")
    writer = Store.open(url, create=True)
    writer.load(read_folder(sample_folder))
    writer.close()
    reader = Store.open(url, read_only=True)
    try:
        assert reader.get(Team, "sunrise-head-start").name == "Sunrise Head Start"
        with pytest.raises(Exception, match="read-only"):
            with reader.engine.begin() as conn:
                conn.execute(text("create table nothing_written (x int)"))
    finally:
        reader.close()
