"""Paper worksheets (HTML and PDF, from the pages and from `bsc print`), a team's own data as one .xlsx with
nothing of other teams in it, and a de-identified export with no name, e-mail address or free text."""
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from bsc_widgets.cli import main
from bsc_widgets.analysis.deidentified import deidentified_tables
from bsc_widgets.model import Member, Observation, PdsaCycle, Team
from bsc_widgets.portable.team_workbook import team_workbook
from bsc_widgets.reports.printing import pdf_bytes
from bsc_widgets.services import Actor, save
from bsc_widgets.store import Store
from bsc_widgets.reports.worksheets import data_sheet_html, pdsa_worksheet_html

TODAY = dt.date(2026, 11, 22)
TEAM = "riverbend-prek"


def test_a_cycles_worksheet_holds_its_text_and_a_blank_one_none(sample_store):
    cycle = sample_store.list(PdsaCycle, team_id=TEAM)[0]
    filled = pdsa_worksheet_html(sample_store, TEAM, cycle.id)
    assert cycle.title in filled and cycle.objective in filled and "@page" in filled
    blank = pdsa_worksheet_html(sample_store, TEAM)
    assert cycle.title not in blank and "PDSA worksheet" in blank and "Study" in blank
    spanish = pdsa_worksheet_html(sample_store, "nuestra-casa-fcc")
    assert "Hoja de trabajo PDSA" in spanish and 'lang="es"' in spanish


@pytest.mark.chromium
def test_a_pdf_worksheet_is_made_and_holds_the_cycles_text(sample_store):
    from pypdf import PdfReader

    cycle = sample_store.list(PdsaCycle, team_id=TEAM)[0]
    pdf = pdf_bytes(pdsa_worksheet_html(sample_store, TEAM, cycle.id), "worksheet")
    assert pdf.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert " ".join(cycle.title.split()) in " ".join(text.split())
    assert "Predictions" in text or "predictions" in text


def test_a_data_sheet_lists_what_was_entered_and_rows_to_fill(sample_store):
    entered = sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 10, 1))
    sheet = data_sheet_html(sample_store, TEAM, "positive-feedback", TODAY)
    assert "October 2026" in sheet and f"<td>{entered.numerator:g}</td>" in sheet and "December 2026" in sheet
    blank = data_sheet_html(sample_store, TEAM, "positive-feedback", TODAY, blank=True)
    assert f"<td>{entered.numerator:g}</td>" not in blank and "Operational definition" in blank


@pytest.mark.chromium
def test_bsc_print_writes_the_worksheet_and_its_pdf(sample_db, tmp_path):
    out = tmp_path / "sheets"
    result = CliRunner().invoke(main, ["print", "pdsa", "--db", str(sample_db), "--team", TEAM, "--pdf", "--out",
                                       str(out)], env={"LANG": "C.UTF-8"})
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".pdf"]
    bad = CliRunner().invoke(main, ["print", "data-sheet", "--db", str(sample_db), "--team", TEAM, "--out",
                                    str(tmp_path)], env={"LANG": "C.UTF-8"})
    assert bad.exit_code == 1 and "give --measure" in bad.output
    theirs = Store.open(str(sample_db), read_only=True).list(PdsaCycle, team_id="hearth-fcc")[0]
    other = CliRunner().invoke(main, ["print", "pdsa", "--db", str(sample_db), "--team", TEAM, "--cycle", theirs.id,
                                      "--out", str(out)], env={"LANG": "C.UTF-8"})
    assert other.exit_code == 1 and "has no PDSA cycle" in other.output and theirs.title not in other.output


def _everything_of_other_teams(store, team_id) -> list[str]:
    found = []
    for team in store.teams():
        if team.id != team_id:
            found += [team.id, team.name]
            found += [x for m in store.list(Member, team_id=team.id) for x in (m.name, m.email) if x]
    return found


def test_a_teams_workbook_holds_its_own_data_and_nothing_of_other_teams(sample_store):
    from openpyxl import load_workbook

    note = "=HYPERLINK(\"http://example.org\",\"click\")"
    october = sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 10, 1))
    save(sample_store, Actor.for_team(TEAM), october.model_copy(update={"note": note}))
    book = load_workbook(io.BytesIO(team_workbook(sample_store, TEAM)))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    text = "\n".join(str(c.value) for c in cells)
    assert "Measure data" in book.sheetnames and "PDSA cycles" in book.sheetnames and "Members" in book.sheetnames
    own = sample_store.list(Member, team_id=TEAM)[0]
    assert own.name in text
    assert [x for x in _everything_of_other_teams(sample_store, TEAM) if x in text] == []
    formula = [c for c in cells if c.value == note]
    assert formula and all(c.data_type == "s" for c in formula)          # text, never run as a formula
    assert len(book["Measure data"]["A"]) - 1 == len(sample_store.list(Observation, team_id=TEAM))


def test_the_deidentified_export_has_no_name_email_or_free_text(sample_store, sample_db, tmp_path):
    result = CliRunner().invoke(main, ["export", "--deidentified", "--db", str(sample_db), str(tmp_path / "out")],
                                env={"LANG": "C.UTF-8"})
    assert result.exit_code == 0, result.output
    text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir())
    people = [x for m in sample_store.list(Member) for x in (m.name, m.email) if x]
    assert people and [x for x in people if x in text] == []
    assert [t.name for t in sample_store.list(Team) if t.name in text] == []
    assert [t.id for t in sample_store.list(Team) if t.id in text] == []
    typed = [c.objective for c in sample_store.list(PdsaCycle)] + [c.study_notes for c in sample_store.list(PdsaCycle)
                                                                   if c.study_notes]
    assert [x for x in typed if x in text] == []
    assert "Marcus Bell" not in text and "Ana Lucía Torres" not in text          # who logged the support
    tables = deidentified_tables(sample_store)
    from bsc_widgets.model import SupportContact
    assert len(tables["support.csv"].splitlines()) - 1 == len(sample_store.list(SupportContact))
    groups = [line.split(",") for line in tables["group_observations.csv"].splitlines()[1:]]
    threshold = sample_store.collaborative().suppress_below
    assert any(row[-1] == "true" and row[4] == row[5] == "" for row in groups)
    assert all(row[-1] == "true" or float(row[5]) >= threshold for row in groups)
    again = CliRunner().invoke(main, ["export", "--deidentified", "--db", str(sample_db), str(tmp_path / "out")],
                               env={"LANG": "C.UTF-8"})
    assert again.exit_code == 1 and "not an empty folder" in again.output
    assert Path(tmp_path / "out" / "README.txt").read_text().startswith("De-identified export")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_teams_own_download_imports_back_from_its_measure_data_sheet(sample_store, sample_db, tmp_path, lang):
    """Issue "Trust", case 8: the team's .xlsx puts its measures' definitions first and the data on a later sheet;
    the import reads the sheet that holds data (in either language) instead of refusing the first."""
    path = tmp_path / "ours.xlsx"
    path.write_bytes(team_workbook(sample_store, TEAM, lang))
    october = sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 10, 1))
    save(sample_store, Actor.for_team(TEAM), october.model_copy(update={"numerator": october.numerator - 1}))
    result = CliRunner().invoke(main, ["import", "--db", str(sample_db), str(path), "--team", TEAM, "--measure",
                                       "positive-feedback", "--replace-existing"], env={"LANG": "C.UTF-8"})
    assert result.exit_code == 0, result.output
    assert "0 new periods, 1 changed," in result.output
    assert sample_store.get(Observation, TEAM, "positive-feedback", dt.date(2026, 10, 1)).numerator == october.numerator
