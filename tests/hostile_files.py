"""Files made to hang, crash or fool an import: each a name, a maker, and what the refusal must say.

Shared by tests/functional/test_hostile_files.py (each is refused plainly, writes nothing, shows no
traceback, and finishes) and benchmarks/hostile_files.py (how many seconds each refusal takes).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bsc_widgets.portable.limits import CSV_FIELD
from tests.support import xlsx_bytes

TEAM, MEASURE = "riverbend-prek", "positive-feedback"   # a proportion measure of the sample
SHEET_HEADER = "Month,Numerator,Denominator\n"


# ---- .xlsx: a real workbook, then one part replaced ----------------------------------------------

def _with_part(path: Path, part: str, content: bytes, lie_about_size: bool = False) -> Path:
    """A copy of a small valid workbook with one part replaced (compressed, so it stays small on disk)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Month", "Numerator", "Denominator"],
                                                         ["2026-11", 14, 20]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
        target.writestr(part, content)
    data = out.getvalue()
    if lie_about_size:  # say the part unpacks to 1 kB, in both headers; the data really is far larger
        data = _declare_size(data, part.encode(), 1024)
    path.write_bytes(data)
    return path


def _declare_size(data: bytes, name: bytes, size: int) -> bytes:
    buf = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := buf.find(signature, at)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if buf[name_at:name_at + len(name)] == name:
                buf[at + offset:at + offset + 4] = size.to_bytes(4, "little")
            at += 4
    return bytes(buf)


SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet_xml(rows_xml: str, dimension: str = "A1:C2", doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet {_NS}><dimension ref="{dimension}"/>'
            f"<sheetData>{rows_xml}</sheetData></worksheet>").encode()


def _row(r: int, values) -> str:
    cells = "".join(f'<c r="{_col(i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' if isinstance(v, str) else
                    f'<c r="{_col(i)}{r}"><v>{v}</v></c>' for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def _col(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


HEADER_ROW = _row(1, ["Month", "Numerator", "Denominator"])


def shared_strings_bomb(path: Path) -> Path:
    strings = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    return _with_part(path, STRINGS, b'<sst ' + _NS.encode() + b'>' + strings * 100_000 + b"</sst>")  # 100 MB


def rows_bomb(path: Path) -> Path:
    row = _row(2, ["2026-11", 14, 20]).encode()
    return _with_part(path, SHEET, _sheet_xml("").replace(b"<sheetData></sheetData>",
                                                          b"<sheetData>" + row * 800_000 + b"</sheetData>"))


def lying_sizes(path: Path) -> Path:
    """The zip says the sheet unpacks to 1 kB; it unpacks to 60 MB."""
    row = _row(2, ["2026-11", 14, 20]).encode()
    return _with_part(path, SHEET, _sheet_xml("").replace(b"<sheetData></sheetData>",
                                                          b"<sheetData>" + row * 600_000 + b"</sheetData>"),
                      lie_about_size=True)


def entity_bomb(path: Path) -> Path:
    entities = '<!ENTITY a "AAAAAAAAAA">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    doctype = f"<!DOCTYPE worksheet [{entities}]>"
    return _with_part(path, SHEET, _sheet_xml(HEADER_ROW + _row(2, ["2026-11", 14, 20]).replace(
        "2026-11", "&j;"), doctype=doctype))


def empty_rows_to_the_end(path: Path) -> Path:
    """Two real rows, then one at Excel's last row: a reader that fills the gap reads a million rows."""
    return _with_part(path, SHEET, _sheet_xml(HEADER_ROW + _row(2, ["2026-11", 14, 20])
                                              + _row(1_048_576, ["2026-12", 1, 2]), "A1:C1048576"))


def too_many_columns(path: Path) -> Path:
    return _with_part(path, SHEET, _sheet_xml(HEADER_ROW + _row(2, ["2026-11", 14, 20] + [1] * 60), "A1:BO2"))


def too_many_rows(path: Path) -> Path:
    rows = "".join(_row(r, ["2026-11", 1, 2]) for r in range(2, 20_100))
    return _with_part(path, SHEET, _sheet_xml(HEADER_ROW + rows, "A1:C20100"))


def lying_dimension(path: Path) -> Path:
    """A dimension claiming every cell of the sheet, over two real rows: must import, and quickly."""
    return _with_part(path, SHEET, _sheet_xml(HEADER_ROW + _row(2, ["2026-11", 14, 20]), "A1:XFD1048576"))


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    return path


def huge_file(path: Path) -> Path:
    path.write_bytes(b"PK" + b"\0" * (11 * 1024 * 1024))
    return path


# ---- CSV sheets -----------------------------------------------------------------------------------

def _csv(text: str | bytes):
    def make(path: Path) -> Path:
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path
    return make


# name: (file name, maker, what the refusal says) — the sheet is imported for TEAM and MEASURE
SHEETS = {
    "xlsx shared strings unpack to 100 MB": ("bomb.xlsx", shared_strings_bomb, "(xl/sharedStrings.xml) unpacks to 97 MB"),
    "xlsx rows unpack to 60 MB": ("rows.xlsx", rows_bomb, "unpacks to"),
    "xlsx sizes declared falsely": ("liar.xlsx", lying_sizes, "not a readable .xlsx file"),
    "xlsx XML entity expansion": ("laughs.xlsx", entity_bomb, "not a readable .xlsx file"),
    "xlsx a row at the end of the sheet": ("far.xlsx", empty_rows_to_the_end, "more than 100,000 rows"),
    "xlsx too many columns": ("wide.xlsx", too_many_columns, "more than 50 columns"),
    "xlsx too many rows": ("long.xlsx", too_many_rows, "more than 20,000 rows with data"),
    "xlsx not a zip": ("broken.xlsx", not_a_zip, "not a readable .xlsx file"),
    "xlsx over 10 MB on disk": ("big.xlsx", huge_file, "at most 10 MB"),
    "csv infinite value": ("inf.csv", _csv(SHEET_HEADER + "2026-11,inf,20\n"),
                           "Numerator must be an ordinary number; “inf” is not one"),
    "csv overflowing value": ("e309.csv", _csv(SHEET_HEADER + "2026-11,14,1e309\n"),
                              "Denominator must be an ordinary number; “1e309” is not one"),
    "csv not a number": ("nan.csv", _csv(SHEET_HEADER + "2026-11,nan,20\n"),
                         "Numerator must be an ordinary number; “nan” is not one"),
    "csv mixed encodings": ("mixed.csv", _csv("Month,Numerator,Denominator,Note\n2026-10,3,4,Niños\n"
                                              .encode() + "2026-11,5,6,Ni\u00f1as\n".encode("cp1252")),
                            "mixes two text encodings"),
    "csv unterminated quote": ("quote.csv", _csv(SHEET_HEADER + '2026-11,14,20\n"2026-12,1,2\n'),
                               "A quoted cell is never closed"),
    "csv 5 MB cell": ("cell.csv", _csv(SHEET_HEADER + "2026-11,14,20," + "x" * 5_000_000 + "\n"),
                      f"A cell is longer than {CSV_FIELD:,} characters"),
    "csv over 10 MB": ("big.csv", _csv(SHEET_HEADER + "2026-11,14,20\n" + "2026-11,14,20\n" * 800_000),
                       "at most 10 MB"),
}


# ---- the export folder ----------------------------------------------------------------------------

def _framework_edit(old: str, new: str, count: int = 1):
    def mutate(folder: Path) -> None:
        path = folder / "framework.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def _append_framework(text: str):
    def mutate(folder: Path) -> None:
        with (folder / "framework.yaml").open("a", encoding="utf-8") as fh:
            fh.write(text)
    return mutate


def _csv_edit(name: str, old: str, new: str):
    def mutate(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


LAUGHS = ("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
          + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)))
BILLION_LAUGHS = "format: bsc-workbooks/1\n" + LAUGHS + "collaborative: *i\n"
DEEP = "format: bsc-workbooks/1\ncollaborative: " + "[" * 20_000 + "]" * 20_000 + "\n"
OBSERVATION = "eastside-community,circle-minutes,2025-03-01,,,24,"

# where the sample's framework.yaml opens its links section (the second one appended is refused, naming it)
_FRAMEWORK_LINES = (Path(__file__).parents[1] / "sample_data" / "collaborative" / "framework.yaml").read_text(
    encoding="utf-8").splitlines()
_LINKS_ROW = _FRAMEWORK_LINES.index("links:") + 1
_CALENDAR_ROW = _FRAMEWORK_LINES.index("calendar:") + 1

# name: (mutation of a copy of the sample export, what the refusal says, where it says it is)
FOLDERS = {
    "yaml billion laughs": (lambda f: (f / "framework.yaml").write_text(BILLION_LAUGHS), "anchor (&name)",
                            "framework.yaml, row 2"),
    "yaml nested 20,000 deep": (lambda f: (f / "framework.yaml").write_text(DEEP), "nested more than 20 levels",
                                "framework.yaml, row 2"),
    "yaml alias to another section": (_framework_edit("calendar:\n", "calendar: &cal\n"), "anchor (&name)",
                                      f"framework.yaml, row {_CALENDAR_ROW}"),
    "yaml duplicated key": (_framework_edit("  topic: ", "  name: Another name\n  topic: "), "“name” appears twice",
                            "framework.yaml, row 5"),
    "yaml second links section": (_append_framework("links:\n- source_id: feeling-word\n  target_id: equity\n"),
                                  f"“links” appears twice (first on row {_LINKS_ROW})", "framework.yaml"),
    "csv infinite value": (_csv_edit("observations.csv", OBSERVATION, OBSERVATION.replace(",24,", ",inf,")),
                           "Value must be an ordinary number; “inf” is not one",
                           "observations.csv, row 2, column “value”"),
    "csv 5 MB cell": (_csv_edit("teams.csv", "Eastside", "Eastside" + "x" * 5_000_000),
                      f"A cell is longer than {CSV_FIELD:,} characters", "teams.csv"),
    "csv text past its limit": (_csv_edit("teams.csv", "Eastside", "Eastside" + "x" * 30_000),
                                "Team name is too long: at most 200 characters", "teams.csv, row"),
    "csv stray quote": (_csv_edit("members.csv", "Carl Jefferson", '"Carl" Jefferson'),
                        "A quote mark (“\"”) is out of place", "members.csv, row 2"),
    "csv unterminated quote": (lambda f: (f / "members.csv").open("a").write('"hearth-9,hearth-fcc,Ana\n'),
                               "A quoted cell is never closed", "members.csv"),
    "driver and idea share an identifier": (_framework_edit("- id: feeling-word\n", "- id: equity\n"),
                                            "“equity” is used twice in the driver diagram (driver, change idea)",
                                            "framework.yaml"),
}
