"""Import and export: the portable folder format, and measure data from teams' spreadsheets."""
from .folder import read_folder, write_folder
from .spreadsheet import (MeasureImport, import_measure_rows, import_measure_sheet, read_measure_sheet,
                          rows_from_text, rows_from_upload)

__all__ = ["read_folder", "write_folder", "read_measure_sheet", "import_measure_sheet", "MeasureImport",
           "import_measure_rows", "rows_from_text", "rows_from_upload"]
