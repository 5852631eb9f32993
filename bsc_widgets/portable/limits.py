"""How large an import may be: each limit well above any real collaborative's files, and far below
what would hang the import. A file past a limit is refused with the limit it crossed, before the
work that would take long (a sheet's rows are counted as they are read, and reading stops there)."""
from ..base.language import _, number
from ..model.base import TEXT_LENGTH
from ..model.history import REMOVAL_CONTENT

MB = 1024 * 1024

# a team's spreadsheet (upload, paste or ``bsc import sheet``): one row per period
SHEET_BYTES = 10 * MB            # the file on disk
SHEET_ROWS = 20_000              # rows holding anything (20 years of weekly data is 1,040)
SHEET_COLUMNS = 50
SHEET_CELLS = 200_000            # cells holding a value
SHEET_ROWS_SCANNED = 100_000     # rows read at all, empty ones included
PASTE_CHARACTERS = 2_000_000     # rows pasted into the page at once

# inside an .xlsx (a zip of XML parts), checked before any part is parsed
XLSX_UNPACKED = 50 * MB          # all parts, uncompressed
XLSX_PART = 30 * MB              # any one part (the sheet, its shared strings)
XLSX_PARTS = 1_000

# a file a team shares (``uploads``): a phone's photo is 2-6 MB, a family letter's PDF well under 1 MB
UPLOAD_BYTES = 10 * MB           # as sent, checked before anything is opened
UPLOAD_PIXELS = 50_000_000       # a photo's pixels, read from its header before it is decoded (a 200 MP phone: refused)
UPLOAD_SIDE = 1600               # a shared photo's longest side, enough for a poster's figure
THUMBNAIL_SIDE = 480             # a card's picture, on a phone
UPLOAD_WIRE_BYTES = 64 * MB      # what the server takes in one message: a file past UPLOAD_BYTES still arrives,
                                 # so its sender is told why it was not added (tornado's own cap is 10 MB)

# the export folder (``bsc import FOLDER``)
FOLDER_FILE_BYTES = 100 * MB     # any one file
FOLDER_ROWS = 1_000_000          # rows in any one CSV file
# a CSV cell may be longer than any text field, so that an over-long one gets the field's own
# message ("at most 20,000 characters"); past this the reader stops at once
CSV_FIELD = REMOVAL_CONTENT + 4 * TEXT_LENGTH    # a removal's kept records are the longest cell


def bounded_rows(rows, name: str) -> list[list[object]]:
    """A sheet's rows, read one at a time and refused at the first sheet limit they cross."""
    from ..base.errors import ImportRejected, Problem

    def refuse(why: str) -> ImportRejected:
        return ImportRejected(_("This sheet cannot be imported."), [Problem(why, file=name)])

    out: list[list[object]] = []
    cells = filled_rows = 0
    for scanned, row in enumerate(rows, start=1):
        if scanned > SHEET_ROWS_SCANNED:
            raise refuse(_("It has more than %(n)s rows.", n=number(SHEET_ROWS_SCANNED)))
        values = list(row)
        if len(values) > SHEET_COLUMNS and any(v not in (None, "") for v in values[SHEET_COLUMNS:]):
            raise refuse(_("Row %(row)s has more than %(n)s columns.", row=scanned, n=SHEET_COLUMNS))
        values = values[:SHEET_COLUMNS]
        filled = sum(v not in (None, "") for v in values)
        cells, filled_rows = cells + filled, filled_rows + bool(filled)
        if filled_rows > SHEET_ROWS:
            raise refuse(_("It has more than %(n)s rows with data.", n=number(SHEET_ROWS)))
        if cells > SHEET_CELLS:
            raise refuse(_("It holds more than %(n)s cells with values.", n=number(SHEET_CELLS)))
        out.append(values)
    return out


def csv_problem(exc: Exception) -> str:
    """Python's csv error, said plainly (the row is the reader's to give)."""
    said = str(exc)
    if "unexpected end of data" in said:
        return _("A quoted cell is never closed: a closing “\"” is missing.")
    if "field limit" in said:
        return _("A cell is longer than %(n)s characters.", n=number(CSV_FIELD))
    if "expected after" in said:
        return _("A quote mark (“\"”) is out of place: a quoted cell must end with a quote followed by a comma or "
                 "the end of the row, and a quote inside a cell is written twice (“\"\"”).")
    return _("It is not well-formed CSV (%(why)s).", why=said)


def _set_csv_field_limit() -> None:
    import csv

    csv.field_size_limit(CSV_FIELD)  # process-wide in Python's csv module; every reader here shares it


_set_csv_field_limit()
