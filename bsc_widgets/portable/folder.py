"""The portable format: a folder of CSV files plus ``framework.yaml``.

``write_folder`` and ``read_folder`` are exact inverses: export then import gives
the same records. Reading collects every problem, each placed by file, row and
column, before anything is written. Files are read within ``limits``: UTF-8 only,
strict CSV, and ``framework.yaml`` through ``safe_yaml`` (no aliases, anchors, deep
nesting or repeated keys).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..base.errors import BscError, ImportRejected, InvalidRecord, Problem
from ..base.language import _, n_, number
from ..base.text import storable
from ..model import (
    Account,
    AffinityGroup,
    AssessmentLevel,
    AssessmentScore,
    Attendance,
    ChangeIdea,
    ChartMark,
    CoachAssignment,
    Collaborative,
    Comment,
    Dataset,
    Driver,
    DriverLink,
    Event,
    FrameworkChange,
    Grouping,
    Lesson,
    Measure,
    Member,
    MonthlyReport,
    Observation,
    PdOffering,
    PdsaCycle,
    Phase,
    ReadinessTick,
    Record,
    Removal,
    Sample,
    Share,
    ShareReview,
    Storyboard,
    Stratum,
    StratumObservation,
    SupportContact,
    Team,
    TeamChangeIdea,
    TeamFile,
)
from ..model.files import FILE_TYPES, kept_files
from . import limits, safe_yaml
from .cells import from_cell, to_cell
from .encoding import decode
from .uploads import digest, sniff

FORMAT = "bsc-workbooks/1"
FRAMEWORK_FILE = "framework.yaml"
CONTENTS_FOLDER = "files"          # the bytes of the files teams keep, each named by its SHA-256
# framework.yaml sections, in order
SECTIONS: dict[str, type[Record]] = {
    "calendar": Phase,
    "assessment_scale": AssessmentLevel,
    "affinity_groups": AffinityGroup,
    "groupings": Grouping,
    "groups": Stratum,
    "measures": Measure,
    "drivers": Driver,
    "change_ideas": ChangeIdea,
    "links": DriverLink,
}
CSV_FILES: dict[str, type[Record]] = {
    "teams.csv": Team,
    "members.csv": Member,
    "team_change_ideas.csv": TeamChangeIdea,
    "pdsa_cycles.csv": PdsaCycle,
    "team_files.csv": TeamFile,
    "shares.csv": Share,
    "share_reviews.csv": ShareReview,
    "comments.csv": Comment,
    "observations.csv": Observation,
    "events.csv": Event,
    "samples.csv": Sample,
    "monthly_reports.csv": MonthlyReport,
    "assessment_scores.csv": AssessmentScore,
    "lessons.csv": Lesson,
    "storyboards.csv": Storyboard,
    "attendance.csv": Attendance,
    "group_observations.csv": StratumObservation,
    "framework_changes.csv": FrameworkChange,
    "pd_offerings.csv": PdOffering,
    "accounts.csv": Account,  # names and permission roles only: passwords never leave the workspace
    "coach_assignments.csv": CoachAssignment,
    "support_contacts.csv": SupportContact,
    "readiness_ticks.csv": ReadinessTick,
    "chart_marks.csv": ChartMark,
    "removals.csv": Removal,   # what was removed, kept whole to be put back
}
# Files added after the first format: an older export without them still imports.
OPTIONAL_FILES = {"team_change_ideas.csv", "group_observations.csv", "framework_changes.csv", "pd_offerings.csv",
                  "accounts.csv", "events.csv", "samples.csv", "chart_marks.csv", "removals.csv", "shares.csv",
                  "share_reviews.csv", "lessons.csv",
                  "storyboards.csv", "team_files.csv", "comments.csv", "coach_assignments.csv",
                  "support_contacts.csv", "readiness_ticks.csv"}


def columns(model: type[Record]) -> list[str]:
    return [name for name in model.model_fields if name != "version"]


# ---- export -----------------------------------------------------------------------------

def _yaml_ready(record: Record) -> dict[str, Any]:
    return {k: v for k, v in record.data().items() if v is not None and v != []}


def export_folder(dataset: Dataset, path: str | os.PathLike) -> Path:
    """``bsc export``: into a new or empty folder (or an earlier export), never over other files."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise BscError(_("%(path)s is a file; give a folder to export into.", path=folder))
    if folder.is_dir():
        foreign = [p.name for p in folder.iterdir() if p.name not in CSV_FILES and p.name != FRAMEWORK_FILE
                   and not p.name.startswith(".") and not (p.name == CONTENTS_FOLDER and p.is_dir())]
        if foreign:
            raise BscError(_("%(folder)s already holds other files (%(files)s); export into an empty folder.",
                             folder=folder, files=", ".join(sorted(foreign)[:5])))
    try:
        return write_folder(dataset, folder)
    except OSError as exc:
        raise BscError(_("The export cannot be written to %(folder)s: %(why)s. Choose a folder you can write to.",
                         folder=folder, why=exc.strerror or exc)) from None


def write_folder(dataset: Dataset, path: str | os.PathLike) -> Path:
    """Write the dataset; files appear whole (written aside, then moved into place)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write(folder / FRAMEWORK_FILE, framework_yaml(dataset))
    for name, model in CSV_FILES.items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        cols = columns(model)
        writer.writerow(cols)
        for record in _sorted(dataset, model):
            data = record.data()
            writer.writerow([to_cell(data[c]) for c in cols])
        _atomic_write(folder / name, buf.getvalue())
    if dataset.contents:
        (folder / CONTENTS_FOLDER).mkdir(exist_ok=True)
        for sha, content in dataset.contents.items():
            if not (folder / CONTENTS_FOLDER / sha).exists():     # named by content: one already there is the same
                _atomic_write(folder / CONTENTS_FOLDER / sha, content)
    return folder


def framework_yaml(dataset: Dataset) -> str:
    """The collaborative and its framework (calendar, scale, groups, measures, drivers, ideas, links) as YAML."""
    collab = dataset.collaborative()
    doc: dict[str, Any] = {"format": FORMAT, "collaborative": _yaml_ready(collab) if collab else None}
    for section, model in SECTIONS.items():
        doc[section] = [_yaml_ready(r) for r in _sorted(dataset, model)]
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def write_framework(dataset: Dataset, path: Path) -> Path:
    """A framework file alone (the next collaborative's starting point), written whole."""
    _atomic_write(path, framework_yaml(dataset))
    return path


def read_framework(path: str | os.PathLike) -> Dataset:
    """A framework file alone (``bsc init --framework``): checked whole, every problem listed, nothing written."""
    file = Path(path)
    if not file.is_file():
        raise ImportRejected(_("“%(path)s” is not a file. Give the framework file a change package wrote (%(name)s).",
                               path=file, name=FRAMEWORK_FILE))
    dataset = Dataset()
    doc, problems = _framework_doc(file, dataset)
    if doc is not None:
        problems += _read_framework(file, doc, dataset)
        problems += dataset.problems() if not problems else []
    if problems:
        raise ImportRejected(n_("The framework file %(file)s was refused: %(n)s problem. Nothing was written.",
                                "The framework file %(file)s was refused: %(n)s problems. Nothing was written.",
                                len(problems), file=file.name), problems)
    return dataset


def _sorted(dataset: Dataset, model: type[Record]) -> list[Record]:
    return sorted(dataset.records[model].values(), key=lambda r: r.sort_key())


def _atomic_write(path: Path, text: str | bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with (os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


# ---- import -----------------------------------------------------------------------------

def read_folder(path: str | os.PathLike) -> Dataset:
    """Read and check a whole folder; raises ImportRejected listing every problem found."""
    folder = Path(path)
    if not folder.is_dir():
        raise ImportRejected(_("“%(path)s” is not a folder. An export is a folder holding %(framework)s and CSV "
                               "files.", path=folder, framework=FRAMEWORK_FILE))
    dataset = Dataset()
    problems: list[Problem] = []
    doc, problems = _framework_doc(folder / FRAMEWORK_FILE, dataset)
    if doc is not None:
        problems += _read_framework(folder / FRAMEWORK_FILE, doc, dataset)
    for name, model in CSV_FILES.items():
        if name in OPTIONAL_FILES and not (folder / name).exists():
            continue
        problems += _read_csv(folder / name, model, dataset)
    problems += _read_contents(folder / CONTENTS_FOLDER, dataset)
    unknown = sorted(p.name for p in folder.iterdir()
                     if p.is_file() and not p.name.startswith(".") and p.name not in CSV_FILES
                     and p.name != FRAMEWORK_FILE)
    problems += [Problem(_("This file is not part of the export format; rename or remove it."), file=n)
                 for n in unknown]
    # Checks across records run even when some rows failed, except "no such team" and the like,
    # which a row that failed to read would cause; and none at all when framework.yaml could not be
    # read, since every record points into it.
    if doc is not None:
        problems += [p for p in dataset.problems() if not (problems and p.message.startswith("There is no "))]
    if problems:
        problems.sort(key=lambda p: (p.file or "", p.row or 0))
        raise ImportRejected(n_("The import from %(folder)s was refused: %(n)s problem. Nothing was written.",
                                "The import from %(folder)s was refused: %(n)s problems. Nothing was written.",
                                len(problems), folder=folder.name), problems)
    return dataset


def _read_contents(folder: Path, dataset: Dataset) -> list[Problem]:
    """The files' bytes named by ``team_files.csv``: each checked to be what its name (its SHA-256) says, and a
    photo or PDF by its first bytes, as an upload is."""
    wanted = {sha for f in dataset.all(TeamFile) + kept_files(dataset.all(Removal)) for sha in f.shas}
    problems = []
    for sha in sorted(wanted):
        path, shown = folder / sha, f"{CONTENTS_FOLDER}/{sha[:12]}…"
        if not path.is_file():
            continue            # said by the dataset's check, beside the file's row
        if path.stat().st_size > limits.UPLOAD_BYTES:
            problems.append(Problem(_("This file is too large to import (over %(most)s MB).",
                                      most=limits.UPLOAD_BYTES // limits.MB), file=shown))
            continue
        data = path.read_bytes()
        if digest(data) != sha or sniff(data) not in FILE_TYPES:
            problems.append(Problem(_("This file is not the one its name says (it was changed after the export)."),
                                    file=shown))
            continue
        dataset.contents[sha] = data
    return problems


def _read_text(path: Path, dataset: Dataset) -> tuple[str | None, list[Problem]]:
    """A file's text, less any character no workspace can store (an older SQLite workspace could hold a NUL), each
    counted in ``dataset.taken_out`` for the import to say."""
    if not path.exists():
        return None, [Problem(_("This file is missing from the export folder."), file=path.name)]
    if path.stat().st_size > limits.FOLDER_FILE_BYTES:
        return None, [Problem(_("This file is too large to import (over %(most)s MB).",
                                most=limits.FOLDER_FILE_BYTES // limits.MB), file=path.name)]
    try:
        text, removed = storable(decode(path.read_bytes(), path.name, windows_ok=False))
    except ImportRejected as exc:
        return None, exc.problems
    if removed:
        dataset.taken_out[path.name] = removed
    return text, []


def _framework_doc(path: Path, dataset: Dataset) -> tuple[dict | None, list[Problem]]:
    """framework.yaml as a mapping, or None with why it cannot be read at all."""
    text, problems = _read_text(path, dataset)
    if text is None:
        return None, problems
    try:
        doc = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or _("it is not valid YAML")
        return None, [Problem(_("This YAML cannot be read: %(why)s.", why=reason), file=path.name, row=row)]
    if not isinstance(doc, dict):
        return None, [Problem(_("The file must be a YAML mapping with sections such as “collaborative:” and "
                                "“measures:”."), file=path.name)]
    return doc, []


def _read_framework(path: Path, doc: dict, dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    if doc.get("format") != FORMAT:
        problems.append(Problem(_("Unknown format “%(given)s”; expected “%(format)s”.", given=doc.get("format"),
                                  format=FORMAT),
                                file=path.name, column="format"))
    known = {"format", "collaborative", *SECTIONS}
    problems += [Problem(_("“%(section)s” is not a section of the framework file.", section=k), file=path.name,
                         column=str(k))
                 for k in doc if k not in known]
    problems += _build(Collaborative, doc.get("collaborative"), dataset, path.name, "collaborative", None)
    for section, model in SECTIONS.items():
        items = doc.get(section) or []
        if not isinstance(items, list):
            problems.append(Problem(_("“%(section)s” must be a list.", section=section), file=path.name,
                                    column=section))
            continue
        for i, item in enumerate(items, start=1):
            problems += _build(model, item, dataset, path.name, section, i)
    return problems


def _build(model: type[Record], values: Any, dataset: Dataset, file: str, section: str,
           item: int | None) -> list[Problem]:
    where = _("%(section)s item %(n)s", section=section, n=item) if item else section
    if isinstance(values, dict) and isinstance(values.get("id"), str):
        where += f" ({values['id'][:40]})"
    if not isinstance(values, dict):
        return [Problem(_("%(where)s must be a mapping of field: value.", where=where), file=file)]
    values = {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in values.items()}
    try:
        record = model.build(_columns=True, **values)
    except InvalidRecord as exc:
        return [p.located(file=file, record=where) for p in exc.problems]
    dataset.add(record, file=file, row=None)
    return []


def _read_csv(path: Path, model: type[Record], dataset: Dataset) -> list[Problem]:
    text, problems = _read_text(path, dataset)
    if text is None:
        return problems
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        for row in reader:
            if len(rows) > limits.FOLDER_ROWS:
                return [Problem(_("This file has more than %(n)s rows.", n=number(limits.FOLDER_ROWS)),
                                file=path.name)]
            rows.append(row)
    except csv.Error as exc:
        return [Problem(_("The CSV cannot be read. %(why)s", why=limits.csv_problem(exc)), file=path.name,
                        row=reader.line_num)]
    if not rows:
        return [Problem(_("This file is empty; it needs at least its header row."), file=path.name)]
    header, cols = [h.strip() for h in rows[0]], columns(model)
    unknown = [h for h in header if h not in cols]
    missing = [c for c in cols if c not in header and model.model_fields[c].is_required()]
    dupes = sorted({h for h in header if header.count(h) > 1})
    problems += [Problem(_("This column is not part of the format."), file=path.name, row=1, column=h)
                 for h in unknown]
    problems += [Problem(_("This required column is missing."), file=path.name, row=1, column=c) for c in missing]
    problems += [Problem(_("This column appears more than once."), file=path.name, row=1, column=c) for c in dupes]
    if problems:
        return problems
    fields = model.model_fields
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(_("This row has %(cells)s cells but the header has %(header)s.", cells=len(row),
                                      header=len(header)),
                                    file=path.name, row=row_number))
            continue
        values = {h: from_cell(cell, fields[h].annotation) for h, cell in zip(header, row)}
        values = {k: v for k, v in values.items() if v is not None}
        try:
            record = model.build(_columns=True, **values)
        except InvalidRecord as exc:
            problems += [p.located(file=path.name, row=row_number) for p in exc.problems]
            continue
        dataset.add(record, file=path.name, row=row_number)
    return problems
