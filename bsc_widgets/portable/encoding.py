"""Turning an uploaded or imported file's bytes into text: detected exactly, or refused; never guessed.

UTF-8 (with or without the byte-order mark Excel adds) is read as it is. A file with no UTF-8
in it at all is Windows-1252, as Excel on Windows saves "CSV". A file that mixes the two (UTF-8
with one stray Windows byte) is refused with the row, since reading it either way would store
mojibake ("NiÃ±os") in place of what the team typed.
"""
from __future__ import annotations

import re

from ..base.errors import ImportRejected, Problem
from ..base.language import _

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _row(raw: bytes, position: int) -> int:
    return raw.count(b"\n", 0, position) + 1


def decode(raw: bytes, file: str, windows_ok: bool = True) -> str:
    """The file's text; ``windows_ok`` False for our own export format, which is always UTF-8. A NUL near the start is
    the sign of a binary file; in our own format, only one in its first line (the header, which never holds one):
    a NUL further on is text an older workspace held, which the import takes out."""
    if b"\x00" in (raw[:4096] if windows_ok else raw.split(b"\n", 1)[0]):
        raise ImportRejected(_("This is not a text file."), [Problem(_(
            "This is not a text file: it looks like a binary file, such as a spreadsheet saved in another format. "
            "Save the sheet as CSV, or upload the .xlsx itself."), file=file)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    where = dict(file=file, row=_row(raw, bad))
    if not windows_ok:
        raise ImportRejected(_("This file is not UTF-8 text."), [Problem(_(
            "This file is not UTF-8 text: byte %(byte)s on this row is not. Save it again from your spreadsheet "
            "program as “CSV UTF-8”.", byte=f"{raw[bad]:#04x}"), **where)])
    if _UTF8_MULTIBYTE.search(raw):
        raise ImportRejected(_("This file mixes two text encodings."), [Problem(_(
            "This file mixes two text encodings: most of it is UTF-8, but this row holds a byte (%(byte)s) that is "
            "not, so some letters would come out wrong. Save it again from your spreadsheet program as “CSV UTF-8”.",
            byte=f"{raw[bad]:#04x}"), **where)])
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportRejected(_("This file is not readable text."), [Problem(_(
            "This file is not readable text: byte %(byte)s is neither UTF-8 nor Windows text. Save it again from "
            "your spreadsheet program as “CSV UTF-8”.", byte=f"{raw[exc.start]:#04x}"),
            file=file, row=_row(raw, exc.start))]) from None
