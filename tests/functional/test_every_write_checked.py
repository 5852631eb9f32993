"""Every write is checked whole before anything is stored, whatever called it (issue "Trust", cases 5 and 6).

The forms check first, but the service layer must not rely on them: a record copied with
``model_copy(update=…)`` skips pydantic's checks, and a crafted widget message can carry any text.
"""
import contextlib
import datetime as dt

import pytest
from click.testing import CliRunner

from bsc_widgets import services
from bsc_widgets.cli import main
from bsc_widgets.base.errors import InvalidRecord
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.model import MonthlyReport, PdsaCycle
from bsc_widgets.services import Actor
from bsc_widgets.store import Store

TEAM = "sunrise-head-start"
TODAY = dt.date(2026, 11, 22)


def test_a_record_copied_past_its_limits_is_refused_before_it_is_stored_and_export_still_works(sample_db, tmp_path):
    sample_store = Store.open(sample_db)
    team = sample_store.team(TEAM)
    too_long = team.model_copy(update={"aim": "x" * 20_001})        # skips pydantic's own checks
    with pytest.raises(InvalidRecord) as refused:
        services.save(sample_store, Actor.for_team(TEAM), too_long)
    assert "Team aim is too long: at most 20,000 characters (this has 20,001)" in str(refused.value)
    assert sample_store.team(TEAM) == team
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("bad", ["before\x00after", "half an emoji \ud83d here", "\udfff"])
def test_text_no_workspace_can_hold_is_refused_in_plain_words_and_nothing_is_stored(sample_store, bad):
    report = sample_store.get(MonthlyReport, TEAM, dt.date(2026, 10, 1))
    with pytest.raises(InvalidRecord) as refused:
        services.save(sample_store, Actor.for_team(TEAM), report.model_copy(update={"highlights": bad}))
    said = str(refused.value)
    assert "Highlights holds an invisible character that cannot be stored" in said
    assert "Traceback" not in said and "UnicodeEncodeError" not in said
    assert sample_store.get(MonthlyReport, TEAM, dt.date(2026, 10, 1)) == report


def test_a_list_field_is_checked_too(sample_store):
    cycle = sample_store.list(PdsaCycle, team_id=TEAM)[0]
    with pytest.raises(InvalidRecord):
        services.save(sample_store, Actor.for_team(TEAM), cycle.model_copy(update={"participant_roles": ["x\x00"]}))


def test_a_form_sent_a_null_character_says_so_under_the_field(sample_store):
    page = PdsaPage(sample_store, sample_store.team(TEAM), TODAY)
    before = sample_store.get(PdsaCycle, page.form.record.id)
    page.form.fields["objective"].input.value = "Try it\x00 at drop-off"
    assert "Objective holds an invisible character" in page.form.fields["objective"].message.value
    assert sample_store.get(PdsaCycle, before.id) == before


def test_a_workspace_that_held_a_null_character_is_cleaned_when_opened_and_moves_elsewhere(sample_db, tmp_path):
    """Text stored before the rule: the migration takes the NUL out, and the workspace exports and imports."""
    import sqlite3

    from tests.support import downgrade

    downgrade(sample_db, "0009")
    with contextlib.closing(sqlite3.connect(sample_db)) as con, con:     # as that older version stored it
        con.execute("UPDATE teams SET aim = ? WHERE id = ?", ("By June\x00 2027", TEAM))
    store = Store.open(sample_db)
    assert store.team(TEAM).aim == "By June 2027"
    store.close()
    runner = CliRunner()
    out = tmp_path / "export"
    assert runner.invoke(main, ["export", "--db", str(sample_db), str(out)]).exit_code == 0
    again = tmp_path / "again.sqlite"
    result = runner.invoke(main, ["import", "--db", str(again), str(out)])
    assert result.exit_code == 0, result.output
    assert Store.open(again).team(TEAM).aim == "By June 2027"


def test_an_export_holding_a_null_character_imports_with_it_taken_out_and_counted(sample_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "export"
    assert runner.invoke(main, ["export", "--db", str(sample_db), str(out)]).exit_code == 0
    teams = out / "teams.csv"
    teams.write_text(teams.read_text(encoding="utf-8").replace("Sunrise Head Start", "Sunrise\x00 Head\x00 Start", 1),
                     encoding="utf-8")
    result = runner.invoke(main, ["import", "--db", str(tmp_path / "new.sqlite"), str(out)])
    assert result.exit_code == 0, result.output
    assert "teams.csv held 2 invisible characters that no workspace can store" in result.output
    assert Store.open(tmp_path / "new.sqlite").team(TEAM).name == "Sunrise Head Start"
