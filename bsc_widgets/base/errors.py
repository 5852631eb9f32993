"""One exception hierarchy for the whole package, so callers catch ``BscError``.

Every error carries plain-language ``problems`` that a team member can act on:
what is wrong and where (file, row, column or field), never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass

from .language import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, said plainly, with where it is."""

    message: str
    field: str | None = None      # the label a person sees, e.g. "Numerator"
    record: str | None = None     # e.g. "team sunrise-head-start"
    file: str | None = None
    row: int | None = None        # 1-based, counting the header as row 1
    column: str | None = None

    def where(self) -> str:
        parts = [self.file] if self.file else []
        if self.row is not None:
            parts.append(_("row %(n)s", n=self.row))
        if self.record:
            parts.append(self.record)
        if self.column:
            parts.append(_("column “%(column)s”", column=self.column))
        elif self.field and not self.message.startswith(self.field):
            parts.append(self.field)
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def located(self, **where) -> "Problem":
        """The same problem, placed in a file/row/column (as an import finds it)."""
        fields = {k: getattr(self, k) for k in ("message", "field", "record", "file", "row", "column")}
        fields.update({k: v for k, v in where.items() if v is not None})
        return Problem(**fields)


class BscError(Exception):
    """Base of every error this package raises on purpose."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = [self.message] + [f"  - {p}" for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append("  " + _("… and %(n)s more", n=len(self.problems) - 50))
        return "\n".join(lines)


class InvalidRecord(BscError):
    """A record, or a set of records, breaks a rule of the domain."""


class ConflictError(BscError):
    """Someone else saved this record after you opened it; your save was refused."""


class NotFound(BscError):
    """The record asked for does not exist."""


class UnknownTeam(NotFound):
    """A team identifier that is malformed or not in this collaborative."""


class NotAllowed(BscError):
    """The person (or page) asking may not see this, or make this change; nothing was written."""


class NotYourTeam(NotAllowed):
    """The team asked for is not one the person may open: the page offers their own instead."""


class ImportRejected(BscError):
    """An import file has problems; nothing was written."""


class WorkspaceError(BscError):
    """The workspace cannot be opened or created."""


class SchemaBehind(WorkspaceError):
    """A workspace opened read-only is from an older version: it must be upgraded (opened with write access) first."""


class DamagedRecord(WorkspaceError):
    """A stored row no longer passes the record's checks (edited outside the app, or from an older version).

    ``what`` names it the way a person would ("send-homes for March 2026"); ``key`` is its stored key,
    so a page can tell whose it is (an observation's team and period) and show everyone else's.
    """

    def __init__(self, message: str, what: str, problem: "Problem", key: tuple = (), version: int = 0):
        super().__init__(message, [problem])
        self.what, self.key, self.version = what, key, version


class StoreBusy(BscError):
    """The workspace stayed locked by other writers for too long."""


class NotADate(BscError, ValueError):
    """Text that cannot be read as a day."""


class NotAMonth(BscError, ValueError):
    """A report period that is not a real month of the collaborative that has begun."""


class ReportFailed(BscError):
    """One report of a batch could not be made; the others are."""


class ReportTimedOut(ReportFailed):
    """A report ran past its time and was stopped."""


class KernelDidNotStart(ReportFailed):
    """The kernel a report runs in did not start (parallel kernels can race for ports): worth a retry."""
