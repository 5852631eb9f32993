"""A file a team keeps beside its tests (a photo of a visual schedule, a family letter, a checklist), to share with
other teams if it chooses.

The record says what the file is; its bytes are kept once in the workspace by their SHA-256 (``store.files``),
so a backup or ``bsc export`` carries them, and a file put back after removal finds its content again. What may
be stored is checked by content on the way in (``portable.uploads``).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Iterable, Literal

from pydantic import Field, StringConstraints

from ..base.errors import Problem
from ..base.language import N_, Labels, _
from .base import NAME_LENGTH, Context, OptionalSlug, Record, RequiredText, Slug, optional, register
from .history import Removal
from .pdsa import PdsaCycle

JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
FileType = Literal["image/jpeg", "image/png", "application/pdf"]
FILE_TYPES = (JPEG, PNG, PDF)
FILE_TYPE_LABELS = Labels({JPEG: N_("Photo"), PNG: N_("Picture"), PDF: N_("PDF document")})
EXTENSIONS = {JPEG: "jpg", PNG: "png", PDF: "pdf"}
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


@register
class TeamFile(Record):
    TABLE: ClassVar[str] = "team_files"
    NOUN: ClassVar[str] = N_("file")
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    AS_OF: ClassVar[str | None] = "added_on"
    # not a reference the database holds to: a cycle removed by mistake keeps its files, to come back with it
    REFS: ClassVar[dict[str, str]] = {"team_id": "teams", "change_idea_id": "change_ideas"}
    ORDER_BY: ClassVar[tuple[str, ...]] = ("team_id", "added_on")

    id: Slug = Field(title=N_("Identifier"))
    team_id: Slug = Field(title=N_("Team"))
    title: RequiredText = Field(title=N_("What it shows"), max_length=NAME_LENGTH)
    change_idea_id: OptionalSlug = Field(None, title=N_("Change idea"))
    pdsa_cycle_id: OptionalSlug = Field(None, title=N_("PDSA cycle"))
    file_type: FileType = Field(title=N_("Kind of file"))
    sha256: Sha256 = Field(title=N_("Content"), max_length=64)
    thumbnail_sha256: optional(Sha256) = Field(None, title=N_("Small picture"), max_length=64)
    size: int = Field(title=N_("Size in bytes"), ge=1, le=100_000_000)
    added_on: dt.date = Field(title=N_("Added on"))

    def describe(self) -> str:
        return _("file “%(title)s”", title=self.title)

    def new_id_base(self) -> str:
        return f"{self.team_id}-file"

    @property
    def file_name(self) -> str:
        """A name to save it under: its title, made safe for any computer, and its kind."""
        stem = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in self.title).strip()[:60] or "file"
        return f"{' '.join(stem.split())}.{EXTENSIONS[self.file_type]}"

    @property
    def shas(self) -> tuple[str, ...]:
        """The contents it names: the file, and its small picture if it has one."""
        return (self.sha256,) + ((self.thumbnail_sha256,) if self.thumbnail_sha256 else ())

    @property
    def is_picture(self) -> bool:
        return self.file_type != PDF

    def context_problems(self, ctx: Context) -> list[Problem]:
        """A file kept beside a cycle is beside one of this team's cycles."""
        out = super().context_problems(ctx)
        cycle = ctx.lookup(PdsaCycle, (self.pdsa_cycle_id,)) if self.pdsa_cycle_id else None
        if cycle is not None and cycle.team_id != self.team_id:
            out.append(Problem(_("A file can be kept only beside this team’s own PDSA cycles."),
                               field=self.field_label("pdsa_cycle_id"), record=self.describe()))
        return out


def kept_files(removals: Iterable[Removal]) -> list[TeamFile]:
    """Files removed by mistake and kept whole to be put back: their bytes stay in the workspace and its exports."""
    out: list[TeamFile] = []
    for removal in removals:
        if removal.record_table == TeamFile.TABLE:
            try:
                out += [r for r in removal.records() if isinstance(r, TeamFile)]
            except (ValueError, KeyError, TypeError):      # a damaged removal: there is nothing to put back
                continue
    return out
