"""Export then import gives identical data; every malformed import gets its own clear error, and writes nothing."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bsc_widgets.cli import main
from bsc_widgets.store import Store
from tests.hostile_files import FOLDERS
from tests.support import bsc_bounded

BSC = [sys.executable, "-m", "bsc_widgets.cli"]


def run_bsc(*args, env=None):
    return subprocess.run([*BSC, *map(str, args)], capture_output=True, text=True, env=env, timeout=120)


def test_export_then_import_round_trips_exactly(sample_db, tmp_path):
    first, second = tmp_path / "export1", tmp_path / "export2"
    new_db = tmp_path / "new" / "bsc.sqlite"
    assert run_bsc("export", "--db", sample_db, first).returncode == 0
    result = run_bsc("import", "--db", new_db, first)
    assert result.returncode == 0, result.stderr
    assert run_bsc("export", "--db", new_db, second).returncode == 0
    for f in sorted(p for p in first.rglob("*") if p.is_file()):
        assert f.read_bytes() == (second / f.relative_to(first)).read_bytes(), f.name
    a, b = Store.open(sample_db), Store.open(new_db)
    assert a.dataset().content() == b.dataset().content()


def test_round_trip_keeps_tricky_text(sample_store, tmp_path):
    tricky = ["=HYPERLINK(\"http://evil\")", "+1 234", "-two absences", "@mention", "'quoted", "''two",
              "line one\nline two, with \"quotes\"", "<script>alert(1)</script>", "Niños 🌱 ünïcode", "  spaces  "]
    team = sample_store.team("nuestra-casa-fcc")
    for text in tricky:
        sample_store.save(sample_store.team("nuestra-casa-fcc").model_copy(update={"aim": text}))
        folder = tmp_path / f"e{tricky.index(text)}"
        runner = CliRunner()
        assert runner.invoke(main, ["export", "--db", sample_store.url.removeprefix("sqlite:///"), str(folder)]).exit_code == 0
        cell = (folder / "teams.csv").read_text()
        assert "\n=HYP" not in cell and ",=HYP" not in cell, "formulas are defused for spreadsheets"
        from bsc_widgets.portable import read_folder
        assert read_folder(folder).lookup(type(team), ("nuestra-casa-fcc",)).aim == text


def _edit(path: Path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _append(path: Path, line: str):
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


OBS = "observations.csv"
MALFORMED = {
    # name: (mutation(folder), expected fragment, expected location fragment)
    "framework file missing": (lambda f: (f / "framework.yaml").unlink(),
                               "This file is missing", "framework.yaml"),
    "framework not YAML": (lambda f: _edit(f / "framework.yaml", "calendar:\n", "calendar: [\n"),
                           "This YAML cannot be read", "framework.yaml, row"),
    "framework not a mapping": (lambda f: (f / "framework.yaml").write_text("- just\n- a list\n"),
                                "must be a YAML mapping", "framework.yaml"),
    "unknown framework section": (lambda f: _append(f / "framework.yaml", "colour_scheme: blue"),
                                  "is not a section of the framework file", "colour_scheme"),
    "empty collaborative aim": (lambda f: _edit(f / "framework.yaml", "  aim: By December 2026", "  aim: ''\n  x_: By"),
                                "Aim cannot be empty", "framework.yaml"),
    "unknown measure kind": (lambda f: _edit(f / "framework.yaml", "kind: count", "kind: tally"),
                             "“tally” is not one of the allowed choices", "column “kind”"),
    "numerator above denominator": (lambda f: _edit(f / OBS, ",2025-09-01,17,43,,", ",2025-09-01,47,43,,"),
                                    "numerator (47) is larger than the denominator (43)", "observations.csv, row 13"),
    "text in a number column": (lambda f: _edit(f / OBS, ",2025-09-01,17,43,,", ",2025-09-01,seventeen,43,,"),
                                "Numerator must be a number; “seventeen” is not", "row 13, column “numerator”"),
    "duplicate period": (lambda f: _append(f / OBS, "eastside-community,family-notes,2025-09-01,10,43,,"),
                         "appears twice (first at row 13)", "observations.csv, row"),
    "date outside the calendar": (lambda f: _append(f / OBS, "eastside-community,send-homes,2030-01-01,,,2,"),
                                  "1 January 2030 is outside the collaborative’s calendar", "observations.csv, row"),
    "unknown role": (lambda f: _edit(f / "members.csv", ",administrator,", ",principal,"),
                     "“principal” is not one of the allowed choices", "members.csv, row 2, column “role”"),
    "unknown column": (lambda f: _edit(f / "members.csv", "left_on\n", "left_on,shoe_size\n"),
                       "This column is not part of the format", "column “shoe_size”"),
    "missing required column": (lambda f: _edit(f / "teams.csv", "id,name,", "id,nom,"),
                                "This required column is missing", "teams.csv, row 1, column “name”"),
    "malicious team identifier": (lambda f: _edit(f / "teams.csv", "eastside-community,", "../../etc,"),
                                  "“../../etc” is not a valid identifier", "teams.csv, row 2, column “id”"),
    "not UTF-8": (lambda f: (f / "members.csv").write_bytes((f / "members.csv").read_bytes().replace(
        "Díaz".encode(), "Díaz".encode("latin-1"))), "is not UTF-8 text", "members.csv"),
    "binary file": (lambda f: (f / "teams.csv").write_bytes(b"PK\x03\x04\x00\x00binary"),
                    "This is not a text file", "teams.csv"),
    "short row": (lambda f: _append(f / "teams.csv", "lone-team,Lone Team"),
                  "This row has 2 cells but the header has 9", "teams.csv, row 10"),
    "empty csv": (lambda f: (f / "attendance.csv").write_text(""),
                  "This file is empty", "attendance.csv"),
    "link to an unknown driver": (lambda f: _edit(f / "framework.yaml", "target_id: relationships",
                                                  "target_id: relationshipz"),
                                  "There is no driver or change idea “relationshipz”", "framework.yaml"),
    "cycle tests an unknown change idea": (lambda f: _edit(f / "pdsa_cycles.csv", ",feeling-word,", ",feelings,"),
                                           "There is no change idea “feelings”", "pdsa_cycles.csv, row"),
    "score between half steps": (lambda f: _edit(f / "assessment_scores.csv", ",team,2,", ",team,2.3,"),
                                 "Score goes in steps of 0.5; 2.3 is not one of them", "assessment_scores.csv, row"),
    "stray file": (lambda f: (f / "notes.txt").write_text("hello"),
                   "not part of the export format", "notes.txt"),
    **FOLDERS,  # made to hang or fool the import: YAML bombs, repeated keys, impossible numbers, huge cells
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_import_names_the_problem_and_writes_nothing(case, sample_folder, tmp_path):
    mutate, expected, location = MALFORMED[case]
    folder = tmp_path / "bad"
    shutil.copytree(sample_folder, folder)
    mutate(folder)
    db = tmp_path / "target" / "bsc.sqlite"
    code, output = bsc_bounded("import", "--db", db, folder)  # stopped, and failed, if it hangs
    assert code == 1, output
    assert expected in output, output
    assert location in output, output
    assert "Traceback" not in output
    assert not db.exists(), "a refused import leaves no workspace behind"


def test_there_are_at_least_fifteen_distinct_malformed_cases():
    assert len({expected for _, expected, _ in MALFORMED.values()}) >= 15


def test_import_into_a_workspace_with_data_needs_replace(sample_db, sample_folder):
    result = CliRunner().invoke(main, ["import", "--db", str(sample_db), str(sample_folder)])
    assert result.exit_code == 1 and "--replace" in result.output
    result = CliRunner().invoke(main, ["import", "--db", str(sample_db), "--replace", str(sample_folder)])
    assert result.exit_code == 0, result.output


def test_export_refuses_a_folder_with_other_files(sample_db, tmp_path):
    (tmp_path / "mine.docx").write_text("x")
    result = CliRunner().invoke(main, ["export", "--db", str(sample_db), str(tmp_path)])
    assert result.exit_code == 1 and "export into an empty folder" in result.output


def test_a_refused_import_into_an_existing_workspace_changes_nothing(sample_db, sample_folder, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(sample_folder, folder)
    _edit(folder / "members.csv", ",administrator,", ",principal,")
    before = Store.open(sample_db).dataset().content()
    result = CliRunner().invoke(main, ["import", "--db", str(sample_db), "--replace", str(folder)])
    assert result.exit_code == 1 and "principal" in result.output
    assert Store.open(sample_db).dataset().content() == before


def test_an_export_from_before_team_change_ideas_still_imports(sample_folder, tmp_path):
    old = tmp_path / "old-export"
    shutil.copytree(sample_folder, old)
    (old / "team_change_ideas.csv").unlink()
    db = tmp_path / "ws.sqlite"
    result = run_bsc("import", "--db", db, old)
    assert result.returncode == 0, result.stderr
    from bsc_widgets.model import PdsaCycle, TeamChangeIdea
    store = Store.open(str(db))
    assert store.list(TeamChangeIdea) == [] and store.list(PdsaCycle)
