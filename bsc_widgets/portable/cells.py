"""Writing and reading single cells of the portable CSV format, losslessly.

Text that a spreadsheet would run as a formula (starting with = + - @) is written
with a leading apostrophe, and the apostrophe is removed again on import, so
export → import gives back exactly what was typed.
"""
from __future__ import annotations

import datetime as dt
import typing
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
LIST_SEP = ";"


def base_type(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, __import__("types").UnionType) and len(args) == 1:
        return base_type(args[0])
    if origin is typing.Annotated:
        return base_type(args[0])
    return annotation


def is_list(annotation: Any) -> bool:
    return typing.get_origin(base_type(annotation)) is list


def may_be_empty(annotation: Any) -> bool:
    """Whether the field may hold None (an optional list's empty cell is None: "not chosen yet", not "none")."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return type(None) in typing.get_args(annotation)


def to_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, int)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def from_cell(text: str, annotation: Any) -> Any:
    """A cell's text to what the record expects; validation then says what is wrong, if anything."""
    if is_list(annotation):
        if text.strip() == "" and may_be_empty(annotation):
            return None
        return [part.strip() for part in text.split(LIST_SEP) if part.strip()]
    if text == "":
        return None
    if base_type(annotation) is str and text.startswith("'"):
        return text[1:]
    return text


def csv_text(header: list[str], rows: list[list[Any]]) -> str:
    """A small table as CSV text for people to open in a spreadsheet (formulas defused, as in exports)."""
    import csv
    import io

    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(header)
    out.writerows([to_cell(v) for v in row] for row in rows)
    return buf.getvalue()
