"""A whole collaborative's records in memory: what import builds, export writes and checks run on."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..base.errors import InvalidRecord, Problem
from ..base.language import _, n_
from .account import Account
from .attendance import Attendance
from .base import RECORD_TYPES, Record
from .caseload import CoachAssignment
from .collaborative import AssessmentLevel, Collaborative, Phase
from .comments import Comment
from .equity import Grouping, Stratum, StratumObservation
from .events import Event, Sample
from .files import TeamFile
from .framework import ChangeIdea, Driver, DriverLink, Measure, TeamChangeIdea
from .history import FrameworkChange, Removal
from .lessons import Lesson
from .marks import ChartMark
from .observation import Observation
from .pdsa import PdsaCycle
from .readiness import ReadinessTick
from .report import AssessmentScore, MonthlyReport
from .sharing import Share, ShareReview
from .storyboard import Storyboard
from .support import SupportContact
from .system import PdOffering
from .team import AffinityGroup, Member, Team

# Insert order: every record comes after the records it points at.
ORDER: tuple[type[Record], ...] = (
    Collaborative, Phase, AssessmentLevel, AffinityGroup, Team, Grouping, Stratum, Measure, Driver, ChangeIdea,
    DriverLink, Member, TeamChangeIdea, PdsaCycle, TeamFile, Share, ShareReview, Comment, Observation, Event, Sample,
    StratumObservation, MonthlyReport, AssessmentScore, Lesson, Storyboard, Attendance, FrameworkChange, PdOffering,
    Account, CoachAssignment, SupportContact, ReadinessTick, ChartMark, Removal,
)
assert set(RECORD_TYPES.values()) == set(ORDER), "every record type needs a place in ORDER"


@dataclass
class Dataset:
    """Records by type, keyed; remembers where each came from (file, row) to locate problems."""

    records: dict[type[Record], dict[tuple, Record]] = field(default_factory=lambda: {m: {} for m in ORDER})
    origins: dict[tuple[str, tuple], tuple[str, int | None]] = field(default_factory=dict)
    duplicates: list[Problem] = field(default_factory=list)
    taken_out: dict[str, int] = field(default_factory=dict)   # file -> characters no workspace can store, removed
    contents: dict[str, bytes] = field(default_factory=dict)  # the bytes of the files teams keep, by SHA-256

    # ---- building ----
    def add(self, record: Record, file: str | None = None, row: int | None = None) -> None:
        table = self.records[type(record)]
        key = record.key()
        if key in table:
            first = self.origins.get((record.TABLE, key))
            what = record.describe()
            said = (_("The %(record)s appears twice (first at row %(row)s).", record=what, row=first[1])
                    if first and first[1] else _("The %(record)s appears twice.", record=what))
            self.duplicates.append(Problem(said,
                                           record=record.describe(), file=file, row=row))
            return
        table[key] = record
        if file:
            self.origins[(record.TABLE, key)] = (file, row)

    def extend(self, records: Iterable[Record]) -> None:
        for r in records:
            self.add(r)

    # ---- reading ----
    def all(self, model: type[Record]) -> list[Record]:
        return list(self.records[model].values())

    def __iter__(self) -> Iterator[Record]:
        for model in ORDER:
            yield from self.records[model].values()

    def __len__(self) -> int:
        return sum(len(t) for t in self.records.values())

    def lookup(self, model: type[Record], key: tuple) -> Record | None:
        return self.records[model].get(key)

    def collaborative(self) -> Collaborative | None:
        found = self.all(Collaborative)
        return found[0] if found else None

    def content(self) -> dict[str, list[dict]]:
        """Plain data for comparison: every record's fields, versions left out, in key order."""
        return {m.TABLE: [r.data() for _, r in sorted(self.records[m].items(), key=lambda kv: _sortable(kv[0]))]
                for m in ORDER}

    # ---- checking ----
    def problems(self) -> list[Problem]:
        out = list(self.duplicates)
        collabs = self.all(Collaborative)
        if len(collabs) != 1:
            out.append(Problem(_("A workspace holds exactly one collaborative; this data has %(n)s.", n=len(collabs))))
        for record in self:
            file, row = self.origins.get((record.TABLE, record.key()), (None, None))
            out += [p.located(file=file, row=row) for p in record.context_problems(self)]
        for f in self.all(TeamFile):
            file, row = self.origins.get((f.TABLE, f.key()), (None, None))
            out += [Problem(_("The content of the %(file)s is missing (files/%(sha)s).", file=f.describe(), sha=sha),
                            file=file, row=row) for sha in f.shas if sha not in self.contents]
        return list(dict.fromkeys(out))  # a clash between two records is said once, not by each

    def check(self) -> "Dataset":
        problems = self.problems()
        if problems:
            raise InvalidRecord(n_("%(n)s problem found; nothing was saved.", "%(n)s problems found; nothing was saved.",
                                   len(problems)), problems)
        return self


def _sortable(key: tuple) -> tuple:
    return tuple(str(k) for k in key)
