"""The store against real SQLite files: atomic writes, versions, conflicts, untrusted team ids."""
import datetime as dt
import sqlite3

import pytest

from bsc_widgets.base.errors import ConflictError, InvalidRecord, NotFound, UnknownTeam, WorkspaceError
from bsc_widgets.model import ORDER, MonthlyReport, Observation, Team
from bsc_widgets.store import Store


def test_sqlite_workspace_uses_wal_and_foreign_keys(sample_store, sample_db):
    with sample_store.reading() as tx:
        assert tx.conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert tx.conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert tx.conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    con = sqlite3.connect(sample_db)
    assert con.execute("select version_num from alembic_version").fetchone() == ("0016",)


def test_a_workspace_from_the_first_schema_is_upgraded_in_place(tmp_path):
    """A workspace made before teams could mark change ideas opens, gains the table, keeps its data."""
    from alembic import command
    from sqlalchemy import create_engine

    from bsc_widgets.store import migrate

    db = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        cfg = migrate._config(conn)
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("insert into affinity_groups (id, name, version) values ('g', 'Group', 1)")
    engine.dispose()
    store = Store.open(str(db))
    with store.reading() as tx:
        assert tx.conn.exec_driver_sql("select version_num from alembic_version").scalar() == "0016"
        assert tx.conn.exec_driver_sql("select count(*) from team_change_ideas").scalar() == 0
        assert tx.conn.exec_driver_sql("select name from affinity_groups").scalar() == "Group"


def test_every_save_bumps_the_version(sample_store):
    team = sample_store.team("sunrise-head-start")
    saved = sample_store.save(team.model_copy(update={"meeting_rhythm": "Mondays"}))
    assert saved.version == team.version + 1
    assert sample_store.team("sunrise-head-start").meeting_rhythm == "Mondays"


def test_a_save_from_a_stale_copy_is_refused_and_loses_nothing(sample_store):
    mine = sample_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1))
    theirs = mine.model_copy(update={"highlights": "Their edit"})
    sample_store.save(theirs)
    with pytest.raises(ConflictError) as info:
        sample_store.save(mine.model_copy(update={"highlights": "My edit"}))
    assert "changed by someone else" in info.value.message
    assert sample_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1)).highlights == "Their edit"


def test_adding_a_record_that_someone_just_added_is_a_conflict(sample_store):
    obs = Observation(team_id="sunrise-head-start", measure_id="send-homes", period=dt.date(2026, 11, 1), value=1)
    sample_store.save(obs)
    with pytest.raises(ConflictError, match="already exist"):
        sample_store.save(obs.model_copy(update={"value": 3}))
    assert sample_store.get(Observation, *obs.key()).value == 1


def test_saving_a_deleted_record(sample_store):
    obs = sample_store.save(Observation(team_id="sunrise-head-start", measure_id="send-homes",
                                        period=dt.date(2026, 11, 1), value=1))
    sample_store.delete(obs)
    with pytest.raises(NotFound, match="no longer exist"):
        sample_store.save(obs.model_copy(update={"value": 2}))


def test_save_checks_against_other_records(sample_store):
    with pytest.raises(InvalidRecord) as info:
        sample_store.save(Observation(team_id="sunrise-head-start", measure_id="positive-feedback",
                                      period=dt.date(2026, 11, 1), numerator=9, denominator=4))
    assert "larger than the denominator" in str(info.value)
    with pytest.raises(InvalidRecord, match="There is no team “ghost-team”"):
        sample_store.save(Observation(team_id="ghost-team", measure_id="send-homes",
                                      period=dt.date(2026, 11, 1), value=1))


def test_a_transaction_writes_all_or_nothing(sample_store):
    good = Observation(team_id="sunrise-head-start", measure_id="send-homes", period=dt.date(2026, 11, 1), value=1)
    bad = Observation(team_id="sunrise-head-start", measure_id="send-homes", period=dt.date(2027, 6, 1), value=1)
    with pytest.raises(InvalidRecord, match="outside the collaborative"):
        sample_store.save_many([good, bad])
    assert sample_store.get(Observation, *good.key()) is None


@pytest.mark.parametrize("raw", ["../../etc", "<script>alert(1)</script>", "SUNRISE", "", "sunrise-head-start/x",
                                 "a" * 500, None, 42])
def test_untrusted_team_ids_are_refused_before_any_query(sample_store, raw):
    with pytest.raises(UnknownTeam) as info:
        sample_store.team(raw)
    assert len(info.value.message) < 120


def test_unknown_but_wellformed_team(sample_store):
    with pytest.raises(UnknownTeam, match="There is no team “nobody-here”"):
        sample_store.team("nobody-here")


def test_missing_workspace_says_how_to_make_one(tmp_path):
    with pytest.raises(WorkspaceError, match="bsc init --sample"):
        Store.open(tmp_path / "nope" / "bsc.sqlite")


def test_text_is_stored_exactly_as_typed(sample_store):
    text = "<script>alert('x')</script> & “quotes”, émojis 🌱\n\ttabs and trailing spaces  "
    team = sample_store.team("hearth-fcc")
    sample_store.save(team.model_copy(update={"aim": text}))
    assert sample_store.team("hearth-fcc").aim == text


def test_load_refuses_to_mix_collaboratives(sample_store):
    with pytest.raises(ConflictError, match="already holds a collaborative"):
        sample_store.load(sample_store.dataset())
    before = sample_store.dataset().content()
    sample_store.load(sample_store.dataset(), replace=True)
    assert sample_store.dataset().content() == before


def test_env_and_default_workspace(tmp_path, monkeypatch, sample_db):
    from bsc_widgets.store import resolve_db

    monkeypatch.setenv("BSC_DB", str(sample_db))
    assert resolve_db() == f"sqlite:///{sample_db}"
    monkeypatch.delenv("BSC_DB")
    (tmp_path / "proj" / "workspace").mkdir(parents=True)
    (tmp_path / "proj" / "workspace" / "bsc.sqlite").write_bytes(sample_db.read_bytes())
    (tmp_path / "proj" / "workbooks").mkdir()
    monkeypatch.chdir(tmp_path / "proj" / "workbooks")
    assert resolve_db() == f"sqlite:///{tmp_path / 'proj' / 'workspace' / 'bsc.sqlite'}"
    assert resolve_db("postgresql+psycopg://u:secret@db/bsc").startswith("postgresql+psycopg://")


def test_migrations_build_exactly_the_schema_the_code_expects(sample_store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bsc_widgets.store.schema import metadata

    with sample_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == [], f"the models changed: add a migration (alembic revision --autogenerate): {diff}"


def test_dataset_reads_every_record(sample_store, sample_folder):
    ds = sample_store.dataset()
    assert all(ds.all(m) for m in ORDER), "the sample has records of every type"
    assert len(ds.all(Team)) == 8


def test_deleting_a_record_others_depend_on_is_refused_plainly(sample_store):
    from bsc_widgets.model import Member
    member = sample_store.list(Member, team_id="hearth-fcc")[0]
    with pytest.raises(InvalidRecord, match="other records depend on this one"):
        sample_store.delete(member)
    assert sample_store.get(Member, member.id) is not None


def test_the_quick_head_revision_agrees_with_alembic(sample_store):
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from bsc_widgets.store import migrate

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate._config()).get_current_head()
    with sample_store.reading() as tx:
        assert migrate.current_revision(tx.conn) == MigrationContext.configure(tx.conn).get_current_revision()


def test_a_description_of_several_things_takes_were(sample_store):
    """Issue "Trust", case 8: "The numbers for October 2026 were changed", "The figures of one group … were"."""
    from bsc_widgets.model import StratumObservation

    mine = sample_store.get(Observation, "sunrise-head-start", "positive-feedback", dt.date(2026, 10, 1))
    sample_store.save(mine.model_copy(update={"note": "theirs"}))
    with pytest.raises(ConflictError, match="The numbers for October 2026 were changed by someone else"):
        sample_store.save(mine.model_copy(update={"note": "mine"}))
    group = sample_store.list(StratumObservation)[0]
    sample_store.save(group.model_copy(update={"numerator": group.numerator}))
    with pytest.raises(ConflictError, match=r"^The figures of one group for .* were changed"):
        sample_store.save(group)
    report = sample_store.get(MonthlyReport, "sunrise-head-start", dt.date(2026, 10, 1))
    sample_store.save(report)
    with pytest.raises(ConflictError, match=r"^Monthly report for October 2026 was changed"):
        sample_store.save(report)


def test_a_workspace_a_command_only_reads_is_opened_read_only_after_an_upgrade(sample_db):
    """The reports open the workspace read-only (a read-only disk will do); one from before an upgrade is brought up
    to date first, as any first open after an upgrade is, instead of being refused."""
    from bsc_widgets.base.errors import SchemaBehind
    from tests.support import downgrade

    Store.open(sample_db).close()
    downgrade(sample_db, "0010")
    with pytest.raises(SchemaBehind):
        Store.open(sample_db, read_only=True)
    store = Store.open_to_read(sample_db)
    assert store.read_only and store.team("sunrise-head-start").name == "Sunrise Head Start"
    with store.reading() as tx:
        assert tx.conn.exec_driver_sql("select version_num from alembic_version").scalar() == "0016"
