"""Import and export: the portable folder format, and measure data from teams' spreadsheets.

These read and check; writing what they read is ``services``' (``load_collaborative``, ``import_sheet``)."""
from .folder import export_folder, read_folder, read_framework, write_folder, write_framework
from .spreadsheet import MeasureImport, read_measure_sheet, read_rows, rows_from_text, rows_from_upload

__all__ = ["read_folder", "write_folder", "read_framework", "write_framework", "export_folder", "read_measure_sheet", "read_rows", "MeasureImport", "rows_from_text",
           "rows_from_upload"]
