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

from ..base.errors import ImportRejected, Problem
from ..base.language import N_, _, number
from . import limits

UNREADABLE = N_("This spreadsheet cannot be opened.")


def _refuse(name: str, why: str, headline: str = N_("This spreadsheet cannot be imported.")) -> ImportRejected:
    return ImportRejected(_(headline), [Problem(why, file=name)])


def _unreadable(name: str, what: str = "") -> ImportRejected:
    return _refuse(name, _("It is not a readable .xlsx file%(what)s. Save it again from your spreadsheet program as "
                           "an Excel workbook (.xlsx), or as CSV.", what=what), UNREADABLE)


def check_package(path: Path, name: str) -> None:
    """The limits a zip declares, checked before a single part is parsed."""
    size = path.stat().st_size
    if size > limits.SHEET_BYTES:
        raise _refuse(name, _("The file is %(size)s MB; a sheet to import may be at most %(most)s MB.",
                              size=number(round(size / limits.MB)), most=limits.SHEET_BYTES // limits.MB))
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _unreadable(name) from None
    if len(parts) > limits.XLSX_PARTS:
        raise _refuse(name, _("It holds %(n)s parts; an .xlsx to import may hold at most %(most)s.",
                              n=number(len(parts)), most=number(limits.XLSX_PARTS)))
    largest = max(parts, key=lambda p: p.file_size, default=None)
    if largest is not None and largest.file_size > limits.XLSX_PART:
        raise _refuse(name, _("One part of it (%(part)s) unpacks to %(size)s MB; at most %(most)s MB is taken. It "
                              "may be damaged, or made to overload the import.", part=largest.filename[:60],
                              size=number(round(largest.file_size / limits.MB)), most=limits.XLSX_PART // limits.MB))
    unpacked = sum(p.file_size for p in parts)
    if unpacked > limits.XLSX_UNPACKED:
        raise _refuse(name, _("It unpacks to %(size)s MB; at most %(most)s MB is taken.",
                              size=number(round(unpacked / limits.MB)), most=limits.XLSX_UNPACKED // limits.MB))


def read_xlsx(path: Path, name: str, wanted=None) -> list[list[object]]:
    """A sheet's rows (values, not formulas), within the sheet limits: the first sheet whose header row ``wanted``
    accepts (a team's own download puts its measures' definitions first and their data on a later sheet), else
    the first sheet."""
    check_package(path, name)
    from openpyxl import DEFUSEDXML, load_workbook

    if not DEFUSEDXML:  # a broken installation: never parse a stranger's XML unguarded
        raise _refuse(name, _(".xlsx files cannot be read safely here (defusedxml is missing); import the sheet "
                              "as CSV, or reinstall BSC Workbooks."))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            if not book.worksheets:
                raise _refuse(name, _("It holds no worksheet."))
            sheet = next((ws for ws in book.worksheets if wanted is not None and wanted(_header(ws))),
                         book.worksheets[0])
            rows = limits.bounded_rows(sheet.iter_rows(max_col=limits.SHEET_COLUMNS + 1, values_only=True), name)
        finally:
            book.close()
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged or crafted file: any parser error means "cannot be read"
        raise _unreadable(name, f" ({type(exc).__name__})") from None
    return rows


def _header(sheet) -> tuple:
    """A sheet's first row that holds anything (a handful of rows are looked at, no more)."""
    for row in sheet.iter_rows(max_row=10, max_col=limits.SHEET_COLUMNS + 1, values_only=True):
        if any(c not in (None, "") for c in row):
            return row
    return ()
