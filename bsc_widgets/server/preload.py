"""The scripts every workbook page loads after its HTML, named in the page's head so that a browser fetches them
while the page's kernel is still running its notebook.

Voilà's page asks for its script at the end of the HTML, which arrives only once the notebook has run; that script
then asks for its chunks, they for the widget manager's, in five waves of round trips: 1.2 MB fetched after the
kernel's work rather than during it. The list (``preload.txt``) is what a page loads, in the order it asks; a browser
test compares it with what a page really loads, so an upgrade of Voilà or ipywidgets that changes it fails the tests
(``BSC_WRITE_PRELOAD=1`` writes it again).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LIST = Path(__file__).with_name("preload.txt")


@lru_cache(maxsize=1)
def preloaded() -> tuple[str, ...]:
    """Each script's address under the server's base URL (``voila/static/v0.5.13/voila.js``, …)."""
    return tuple(line for line in LIST.read_text(encoding="utf-8").split() if line)
