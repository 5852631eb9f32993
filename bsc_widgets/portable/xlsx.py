"""Reading a team's .xlsx within bounds: sizes checked before anything is parsed, rows counted as read.

An .xlsx is a zip of XML parts. A crafted one can declare tiny files that unpack to gigabytes
(shared strings or rows), or XML entities that expand without end. So: the sizes the zip declares
are checked first (Python's zipfile never unpacks more than a part declares); the XML is parsed
by openpyxl through defusedxml, its own guard against entity attacks; and rows, columns and cells
are counted as the first sheet is streamed, stopping at the first limit crossed.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import ImportRejected, Problem
from . import limits

RESAVE = ("Save it again from your spreadsheet program as an Excel workbook (.xlsx), or as CSV.")


def _refuse(name: str, why: str, headline: str = "This spreadsheet cannot be imported.") -> ImportRejected:
    return ImportRejected(headline, [Problem(why, file=name)])


UNREADABLE = "This spreadsheet cannot be opened."


def check_package(path: Path, name: str) -> None:
    """The limits a zip declares, checked before a single part is parsed."""
    size = path.stat().st_size
    if size > limits.SHEET_BYTES:
        raise _refuse(name, f"The file is {size / limits.MB:.0f} MB; a sheet to import may be at most "
                            f"{limits.SHEET_BYTES // limits.MB} MB.")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refuse(name, f"It is not a readable .xlsx file. {RESAVE}", UNREADABLE) from None
    if len(parts) > limits.XLSX_PARTS:
        raise _refuse(name, f"It holds {len(parts):,} parts; an .xlsx to import may hold at most "
                            f"{limits.XLSX_PARTS:,}.")
    largest = max(parts, key=lambda p: p.file_size, default=None)
    if largest is not None and largest.file_size > limits.XLSX_PART:
        raise _refuse(name, f"One part of it ({largest.filename[:60]}) unpacks to "
                            f"{largest.file_size / limits.MB:,.0f} MB; at most {limits.XLSX_PART // limits.MB} MB "
                            "is taken. It may be damaged, or made to overload the import.")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > limits.XLSX_UNPACKED:
        raise _refuse(name, f"It unpacks to {unpacked / limits.MB:,.0f} MB; at most "
                            f"{limits.XLSX_UNPACKED // limits.MB} MB is taken.")


def read_xlsx(path: Path, name: str) -> list[list[object]]:
    """The first sheet's rows (values, not formulas), within the sheet limits."""
    check_package(path, name)
    from openpyxl import DEFUSEDXML, load_workbook

    if not DEFUSEDXML:  # a broken installation: never parse a stranger's XML unguarded
        raise _refuse(name, ".xlsx files cannot be read safely here (defusedxml is missing); import the sheet "
                            "as CSV, or reinstall BSC Workbooks.")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            if not book.worksheets:
                raise _refuse(name, "It holds no worksheet.")
            rows = limits.bounded_rows(book.worksheets[0].iter_rows(max_col=limits.SHEET_COLUMNS + 1,
                                                                    values_only=True), name)
        finally:
            book.close()
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged or crafted file: any parser error means "cannot be read"
        raise _refuse(name, f"It is not a readable .xlsx file ({type(exc).__name__}). {RESAVE}", UNREADABLE) from None
    return rows
