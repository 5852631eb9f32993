"""Sheets made to hang or fool an import are refused plainly, within a bound, and write nothing.

Each import runs through the real ``bsc import`` command in a forked process that is stopped if it
runs past a generous bound (``tests.support.bsc_bounded``). How long each refusal actually takes
is printed by ``benchmarks/hostile_files.py``. Hostile export folders are in test_portable.py.
"""
import pytest

from bsc_widgets.model import Observation
from bsc_widgets.store import Store
from tests.hostile_files import MEASURE, SHEETS, TEAM, lying_dimension
from tests.support import bsc_bounded as bsc


def observations(db) -> list:
    store = Store.open(db)
    try:
        return [o.model_dump() for o in store.list(Observation)]
    finally:
        store.close()


@pytest.mark.parametrize("case", sorted(SHEETS))
def test_a_hostile_sheet_is_refused_plainly_and_writes_nothing(case, sample_db, tmp_path):
    name, make, says = SHEETS[case]
    path = make(tmp_path / name)
    before = observations(sample_db)
    code, output = bsc("import", "--db", sample_db, path, "--team", TEAM, "--measure", MEASURE)
    assert code == 1, output
    assert says in output, output
    assert "Traceback" not in output
    assert observations(sample_db) == before


def test_a_sheet_claiming_every_cell_imports_its_two_rows(sample_db, tmp_path):
    code, output = bsc("import", "--db", sample_db, lying_dimension(tmp_path / "dim.xlsx"), "--team", TEAM,
                       "--measure", MEASURE, "--replace-existing")
    assert code == 0, output
    assert "Imported dim.xlsx" in output


def test_openpyxl_reads_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML, "defusedxml is a declared dependency: openpyxl must use it"
