"""Measure data from the spreadsheets teams keep: .xlsx and .csv, one row per period."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bsc_widgets.cli import main
from bsc_widgets.base.errors import ImportRejected
from bsc_widgets.model import Observation
from bsc_widgets.portable.spreadsheet import parse_period
from bsc_widgets.services import COMMAND_LINE
from bsc_widgets.services.measures import import_sheet
from tests.support import xlsx_bytes

TEAM = "riverbend-prek"


def xlsx(path, rows):
    path.write_bytes(xlsx_bytes(rows))
    return path


def csv_file(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def count(store):
    return len(store.list(Observation))


def test_xlsx_with_numerator_and_denominator(sample_store, tmp_path):
    path = xlsx(tmp_path / "feedback.xlsx", [
        ["Month", "Numerator", "Denominator", "Percent", "Notes"],
        [dt.datetime(2026, 11, 1), 14, 20, "=B2/C2", "new observer"],
        ["Dec 2026", None, None, None, None],  # not yet collected: skipped
    ])
    plan = import_sheet(sample_store, COMMAND_LINE, path, TEAM, "positive-feedback")
    assert len(plan.new) == 1 and plan.ignored_columns == ["Percent"]
    saved = sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 11, 1))
    assert (saved.numerator, saved.denominator, saved.note) == (14, 20, "new observer")


def test_csv_with_values_from_excel_on_windows(sample_store, tmp_path):
    path = csv_file(tmp_path / "stress.csv", "Period,Value,Comment\r\n2026-11,3.1,Semana difícil\r\n", "cp1252")
    import_sheet(sample_store, COMMAND_LINE, path, TEAM, "staff-stress")
    saved = sample_store.get(Observation, TEAM, "staff-stress", dt.date(2026, 11, 1))
    assert saved.value == 3.1 and saved.note == "Semana difícil"


def test_weekly_dates_fall_into_their_week(sample_store, tmp_path):
    path = csv_file(tmp_path / "notes.csv", "Week of,Numerator,Denominator\n11/18/2026,30,49\n")
    import_sheet(sample_store, COMMAND_LINE, path, TEAM, "family-notes")
    assert sample_store.get(Observation, TEAM, "family-notes", dt.date(2026, 11, 16)) is not None


def test_team_and_measure_columns(sample_store, tmp_path):
    path = csv_file(tmp_path / "all.csv", "team,measure,month,value\nhearth-fcc,send-homes,2026-11,0\n"
                                          "lincoln-prek,send-homes,2026-11,1\n")
    plan = import_sheet(sample_store, COMMAND_LINE, path)
    assert len(plan.new) == 2


BAD_SHEETS = {
    "no period column": ("Numerator,Denominator\n3,4\n", "No period column", "row 1"),
    "no number columns": ("Month,Percent\n2026-11,50%\n", "Need a “Numerator” and a “Denominator” column", "row 1"),
    "bad date": ("Month,Numerator,Denominator\nNovembre,3,4\n", "“Novembre” is not a date", "row 2, column “Month”"),
    "duplicate period": ("Month,Numerator,Denominator\n2026-11,3,4\n2026-11-15,3,5\n",
                         "November 2026 appears twice (also row 2)", "row 3"),
    "numerator above denominator": ("Month,Numerator,Denominator\n2026-11,9,4\n",
                                    "numerator (9) is larger than the denominator (4)", "row 2, column “Numerator”"),
    "percent sign": ("Month,Numerator,Denominator\n2026-11,45%,100\n", "must be a number", "row 2"),
    "outside calendar": ("Month,Numerator,Denominator\n2027-03,3,4\n", "outside the collaborative’s calendar", "row 2"),
    "unknown team column": ("Team,Month,Numerator,Denominator\n../../etc,2026-11,3,4\n", "Unknown team", "row 2"),
    "empty": ("\n\n", "The sheet is empty", "feedback.csv"),
}


@pytest.mark.parametrize("case", sorted(BAD_SHEETS))
def test_bad_sheet_names_row_and_column_and_writes_nothing(case, sample_store, tmp_path):
    text, expected, where = BAD_SHEETS[case]
    path = csv_file(tmp_path / "feedback.csv", text)
    before = count(sample_store)
    with pytest.raises(ImportRejected) as info:
        import_sheet(sample_store, COMMAND_LINE, path, TEAM, "positive-feedback")
    message = str(info.value)
    assert expected in message and where in message, message
    assert count(sample_store) == before


def test_one_bad_row_blocks_the_whole_sheet(sample_store, tmp_path):
    path = csv_file(tmp_path / "f.csv", "Month,Numerator,Denominator\n2026-11,3,4\n2026-12,5,4\n")
    with pytest.raises(ImportRejected, match="row 3"):
        import_sheet(sample_store, COMMAND_LINE, path, TEAM, "positive-feedback")
    assert sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 11, 1)) is None


def test_changed_periods_are_not_overwritten_silently(sample_store, tmp_path):
    stored = sample_store.get(Observation, TEAM, "send-homes", dt.date(2026, 10, 1))
    path = csv_file(tmp_path / "s.csv", f"Month,Value\n2026-10,{stored.value + 5:g}\n2026-09,"
                                        f"{sample_store.get(Observation, TEAM, 'send-homes', dt.date(2026, 9, 1)).value:g}\n")
    with pytest.raises(ImportRejected) as info:
        import_sheet(sample_store, COMMAND_LINE, path, TEAM, "send-homes")
    assert "October 2026: workspace has" in str(info.value)
    assert sample_store.get(Observation, *stored.key()).value == stored.value
    plan = import_sheet(sample_store, COMMAND_LINE, path, TEAM, "send-homes", replace_existing=True)
    assert plan.unchanged == 1 and len(plan.changed) == 1
    assert sample_store.get(Observation, *stored.key()).value == stored.value + 5


def test_a_corrupt_xlsx_is_refused_plainly(sample_store, tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(ImportRejected, match="not a readable .xlsx file"):
        import_sheet(sample_store, COMMAND_LINE, path, TEAM, "positive-feedback")
    path = tmp_path / "data.ods"
    path.write_text("x")
    with pytest.raises(ImportRejected, match="neither a .csv nor an .xlsx"):
        import_sheet(sample_store, COMMAND_LINE, path, TEAM, "positive-feedback")


def test_cli_sheet_import(sample_db, tmp_path):
    path = xlsx(tmp_path / "s.xlsx", [["Month", "Value"], ["2026-11", 2]])
    result = CliRunner().invoke(main, ["import", "--db", str(sample_db), str(path), "--team", TEAM,
                                       "--measure", "send-homes"])
    assert result.exit_code == 0, result.output
    assert "1 new period, 0 changed" in result.output


@pytest.mark.parametrize("text,expected", [
    ("2026-03", dt.date(2026, 3, 1)), ("2026-03-17", dt.date(2026, 3, 17)), ("3/2026", dt.date(2026, 3, 1)),
    ("3/17/2026", dt.date(2026, 3, 17)), ("March 2026", dt.date(2026, 3, 1)), ("Mar-2026", dt.date(2026, 3, 1)),
    ("Sept 2026", dt.date(2026, 9, 1)), ("someday", None), ("13/2026", None)])
def test_period_formats(text, expected):
    try:
        assert parse_period(text) == expected
    except ValueError:
        assert expected is None


def test_a_sheet_of_event_dates_adds_a_day_each_and_counts_blank_as_one(sample_store, tmp_path):
    from bsc_widgets.model import Event
    path = xlsx(tmp_path / "send-homes.xlsx", [
        ["Date", "Count", "Note"],
        [dt.datetime(2026, 11, 3), None, "early pick-up call"],
        ["11/17/2026", 2, None],
    ])
    plan = import_sheet(sample_store, COMMAND_LINE, path, TEAM, "send-home-days")
    assert plan.summary().startswith("2 new days with events")
    assert sample_store.get(Event, TEAM, "send-home-days", dt.date(2026, 11, 3)).count == 1
    assert sample_store.get(Event, TEAM, "send-home-days", dt.date(2026, 11, 17)).count == 2
    again = csv_file(tmp_path / "again.csv", "Date,Count\n2026-11-17,3\n2026-11-17,1\n2026-11-40,1\n")
    with pytest.raises(ImportRejected) as refused:
        import_sheet(sample_store, COMMAND_LINE, again, TEAM, "send-home-days")
    text = str(refused.value) + " ".join(str(p) for p in refused.value.problems)
    assert "17 November 2026 appears twice (also row 2)" in text and "row 4" in text
    assert sample_store.get(Event, TEAM, "send-home-days", dt.date(2026, 11, 17)).count == 2   # nothing written
    with pytest.raises(ImportRejected, match="would change numbers"):
        import_sheet(sample_store, COMMAND_LINE, csv_file(tmp_path / "c.csv", "Date,Count\n2026-11-17,3\n"),
                     TEAM, "send-home-days")
    import_sheet(sample_store, COMMAND_LINE, tmp_path / "c.csv", TEAM, "send-home-days", replace_existing=True)
    assert sample_store.get(Event, TEAM, "send-home-days", dt.date(2026, 11, 17)).count == 3


def test_a_sheet_of_several_values_a_period_numbers_them_and_replaces_a_period_whole(sample_store, tmp_path):
    from bsc_widgets.model import Sample
    nov = dt.date(2026, 11, 1)
    path = csv_file(tmp_path / "scores.csv", "Month,Value\n2026-11,4.5\nNov 2026,5\n2026-11-20,6\n")
    plan = import_sheet(sample_store, COMMAND_LINE, path, TEAM, "classroom-interactions")
    assert plan.summary().startswith("3 new values")
    assert [(s.number, s.value) for s in sample_store.list(Sample, team_id=TEAM, period=nov)] == [
        (1, 4.5), (2, 5), (3, 6)]
    fewer = csv_file(tmp_path / "fewer.csv", "Month,Value\n2026-11,4.5\n2026-11,5.5\n")
    with pytest.raises(ImportRejected) as refused:
        import_sheet(sample_store, COMMAND_LINE, fewer, TEAM, "classroom-interactions")
    assert "as value 3, which the sheet does not give" in " ".join(str(p) for p in refused.value.problems)
    import_sheet(sample_store, COMMAND_LINE, fewer, TEAM, "classroom-interactions", replace_existing=True)
    assert [s.value for s in sample_store.list(Sample, team_id=TEAM, period=nov)] == [4.5, 5.5]
    with pytest.raises(ImportRejected, match="not imported"):   # a count sheet for a values measure
        import_sheet(sample_store, COMMAND_LINE, csv_file(tmp_path / "n.csv", "Month,Numerator,Denominator\n"
                                                          "2026-10,1,2\n"), TEAM, "classroom-interactions")


def test_one_number_a_period_is_refused_for_an_events_measure(sample_store, tmp_path):
    from bsc_widgets.model import Observation as O
    with pytest.raises(Exception, match="enter the date of each event"):
        sample_store.save(O(team_id=TEAM, measure_id="send-home-days", period=dt.date(2026, 11, 1), value=3))
