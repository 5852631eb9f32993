"""Where the sample collaborative lives: the repository's sample_data/, or the copy inside a wheel."""
from __future__ import annotations

from pathlib import Path

from ..base.errors import WorkspaceError
from ..base.language import _

_CANDIDATES = (
    Path(__file__).resolve().parents[1] / "_sample",                           # installed wheel
    Path(__file__).resolve().parents[2] / "sample_data" / "collaborative",  # source checkout
)


def sample_folder() -> Path:
    for folder in _CANDIDATES:
        if (folder / "framework.yaml").exists():
            return folder
    raise WorkspaceError(_("The sample collaborative is not installed with this copy of BSC Workbooks."))
