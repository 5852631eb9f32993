"""Compiles the translation catalogs (``.po`` → ``.mo``) whenever the package is built or installed, editable
installs included, so a fresh clone's ``make run`` serves every language."""
from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted(Path(self.root, "bsc_widgets", "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle)
            with po.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)
            build_data.setdefault("artifacts", []).append(po.with_suffix(".mo").relative_to(self.root).as_posix())
