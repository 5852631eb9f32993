"""Measure data from the spreadsheets teams already keep: one row per period, per event, or per value.

Columns are recognised by name (Period/Month/Week/Date, Numerator, Denominator,
Value/Count; Note). For rare events each row is a date (with how many that day, 1 if
blank); for several values a period, each row is one value and a period may repeat. Every problem names the file, row and column. This module reads and
checks a sheet and says what it would change; ``services.measures`` writes it, all or
nothing. Files are read within the
limits of ``limits``, text is decoded exactly or refused (``encoding``), and a CSV
that is not well formed (an unclosed quote) is refused, never read half-way.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..base.dates import month_number, read_day
from ..base.errors import ImportRejected, InvalidRecord, Problem
from ..base.ids import is_slug
from ..base.language import _, n_, number
from ..base.language import day as show_day
from ..model import Event, Measure, Observation, Record, Sample, Team, period_label, period_start
from ..model.base import outside_calendar
from ..store import Store
from . import limits
from .encoding import decode
from .xlsx import read_xlsx

HEADERS = {   # English and Spanish headings alike: a sheet is read whatever the page's language
    "period": {"period", "month", "week", "date", "week of", "week starting", "month of", "period start",
               "periodo", "período", "mes", "semana", "fecha", "semana del"},
    "numerator": {"numerator", "num", "numerador"},
    "denominator": {"denominator", "den", "denom", "denominador"},
    "value": {"value", "count", "score", "result", "valor", "cantidad", "conteo", "puntaje", "resultado"},
    "note": {"note", "notes", "comment", "comments", "nota", "notas", "comentario", "comentarios"},
    "team": {"team", "team id", "equipo"},
    "measure": {"measure", "measure id", "medida"},
}


@dataclass
class MeasureImport:
    """What a sheet would change: new rows, changed rows, unchanged ones; and what was ignored.

    ``removed`` are a period's stored values beyond those the sheet gives for it (several values a
    period): replacing the period's values takes them away."""

    new: list[Record] = field(default_factory=list)
    changed: list[tuple[Record, Record]] = field(default_factory=list)  # (stored, incoming)
    unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)

    def summary(self) -> str:
        kinds = {type(r) for r in self.new + [i for _i, i in self.changed] + self.removed}
        n = len(self.new)
        new = (n_("%(n)s new day with events", "%(n)s new days with events", n) if kinds == {Event} else
               n_("%(n)s new value", "%(n)s new values", n) if kinds == {Sample} else
               n_("%(n)s new period", "%(n)s new periods", n))
        text = _("%(new)s, %(changed)s changed, %(unchanged)s unchanged", new=new,
                 changed=len(self.changed) + len(self.removed), unchanged=self.unchanged)
        if self.ignored_columns:
            text = _("%(summary)s; ignored columns: %(columns)s", summary=text, columns=", ".join(self.ignored_columns))
        return text


def _norm(header: object) -> str:
    return re.sub(r"[\s_]+", " ", str(header or "")).strip().lower()


def parse_period(value: object) -> dt.date | None:
    """Dates as spreadsheets hold them: a date cell, a month (2026-03, 3/2026, Mar 2026), or any day the
    forms read (3/1/2026, 1 Mar 2026, 2026-03-01)."""
    try:
        return _parse_period(value)
    except ValueError:  # 13/2026, 2026-02-30
        return None


def _parse_period(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        return dt.date(int(m[2]), int(m[1]), 1)
    if (m := re.fullmatch(r"([A-Za-zñé]{3,10})\.?[\s-]+(\d{4})", text)) and month_number(m[1]):
        return dt.date(int(m[2]), month_number(m[1]), 1)
    return read_day(text)


def csv_rows(text: str, name: str, delimiter: str = ",") -> list[list[object]]:
    """Rows of CSV text, strictly: an unclosed quote or a stray one is refused with its row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return limits.bounded_rows(reader, name)
    except csv.Error as exc:
        raise ImportRejected(_("%(file)s cannot be read; nothing was written.", file=name),
                             [Problem(limits.csv_problem(exc), file=name, row=reader.line_num or None)]) from None


def _rows_from_csv(path: Path) -> list[list[object]]:
    size = path.stat().st_size
    if size > limits.SHEET_BYTES:
        raise ImportRejected(_("This sheet cannot be imported."), [Problem(
            _("The file is %(size)s MB; a sheet to import may be at most %(most)s MB.", size=round(size / limits.MB),
              most=limits.SHEET_BYTES // limits.MB), file=path.name)])
    return csv_rows(decode(path.read_bytes(), path.name), path.name)


def read_rows(path: str | Path) -> list[list[object]]:
    path = Path(path)
    if not path.is_file():
        raise ImportRejected(_("There is no file “%(file)s”.", file=path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _rows_from_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, path.name, wanted=has_period)
    raise ImportRejected(_("“%(file)s” is neither a .csv nor an .xlsx file.", file=path.name), [Problem(
        _("Measure data can be imported from .csv or .xlsx files."), file=path.name)])


def has_period(header: tuple) -> bool:
    """A header row with a period column: the sheet of an .xlsx that holds measure data (a team's own download
    has its measures' definitions first, and their data on "Measure data")."""
    return any(_norm(h) in HEADERS["period"] for h in header)


def _number(value: object) -> object:
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if text.endswith("%"):
            return text  # validation will say a number is needed
        return text or None
    return value


def read_measure_sheet(store: Store, path: str | Path, team: str | None = None, measure: str | None = None,
                       rows: list[list[object]] | None = None, name: str | None = None) -> MeasureImport:
    """Check a sheet against the workspace and say what it would change (nothing is written here)."""
    path = Path(path)
    file = name or path.name
    rows = read_rows(path) if rows is None else rows
    rows = [r for r in rows if any(c not in (None, "") and str(c).strip() for c in r)]
    if not rows:
        raise ImportRejected(_("The sheet is empty."), [Problem(_("No header row and no data were found."), file=file)])
    if len(rows) > limits.SHEET_ROWS + 1:  # rows given directly (not read through ``read_rows``)
        raise ImportRejected(_("The sheet is too long."), [Problem(_("More than %(n)s rows.", n=limits.SHEET_ROWS),
                                                                file=file)])
    header = [_norm(h) for h in rows[0]]
    where: dict[str, int] = {}
    ignored = []
    for i, h in enumerate(header):
        role = next((k for k, names in HEADERS.items() if h in names), None)
        if role and role not in where:
            where[role] = i
        elif h:
            ignored.append(str(rows[0][i]).strip())
    problems = []
    if "period" not in where:
        problems.append(Problem(_("No period column: name one “Period”, “Month” or “Week”."), file=file, row=1))
    measures = {m.id: m for m in store.list(Measure)}
    only_events = measure in measures and measures[measure].kind == "events"   # a date alone is one event
    if "value" not in where and not {"numerator", "denominator"} <= where.keys() and not only_events:
        problems.append(Problem(_("Need a “Numerator” and a “Denominator” column, or a “Value” column. Found: "
                                  "%(found)s.", found=", ".join(str(h) for h in rows[0] if h) or _("no headers")),
                                file=file, row=1))
    if problems:
        raise ImportRejected(_("%(file)s cannot be imported; nothing was written.", file=file), problems)

    teams = {t.id: t for t in store.list(Team)}
    collab = store.collaborative()
    result = MeasureImport(ignored_columns=ignored)
    seen: dict[tuple, int] = {}
    in_period: dict[tuple, int] = {}       # several values a period: how many so far
    incoming: list[tuple[int, Record]] = []
    for number, row in enumerate(rows[1:], start=2):
        cell = lambda role: row[where[role]] if role in where and where[role] < len(row) else None  # noqa: E731
        numbers = [cell(k) for k in ("numerator", "denominator", "value")]
        if all(v in (None, "") for v in numbers) and not (only_events and cell("period") not in (None, "")):
            continue  # a period not yet collected
        team_id = str(cell("team")).strip() if cell("team") not in (None, "") else team
        measure_id = str(cell("measure")).strip() if cell("measure") not in (None, "") else measure
        at = dict(file=file, row=number)
        if not team_id or not is_slug(team_id) or team_id not in teams:
            problems.append(Problem(_("Unknown team “%(team)s”.", team=team_id) if team_id else
                                    _("Which team? Choose the team, or add a “Team” column."),
                                    column="Team", **at))
            continue
        if not measure_id or not is_slug(measure_id) or measure_id not in measures:
            problems.append(Problem(_("Unknown measure “%(measure)s”.", measure=measure_id) if measure_id else
                                    _("Which measure? Choose the measure, or add a “Measure” column."),
                                    column="Measure", **at))
            continue
        m: Measure = measures[measure_id]
        raw_period = cell("period")
        day = parse_period(raw_period) if raw_period not in (None, "") else None
        if day is None:
            problems.append(Problem(_("“%(typed)s” is not a date; write it like 2026-03 or 2026-03-01.",
                                      typed=raw_period or ""),
                                    column=str(rows[0][where["period"]]), **at))
            continue
        period = day if m.kind == "events" else period_start(day, m.frequency)
        key = (team_id, measure_id, period)
        if key in seen and m.kind != "subgroups":
            shown = show_day(day) if m.kind == "events" else period_label(period, m.frequency)
            problems.append(Problem(_("%(period)s appears twice (also row %(row)s).", period=shown, row=seen[key]),
                                    column=str(rows[0][where["period"]]), **at))
            continue
        seen.setdefault(key, number)
        note = str(cell("note")).strip() if cell("note") not in (None, "") else None
        model, values = _record_values(m, team_id, period, note, {
            role: _number(cell(role)) for role in ("numerator", "denominator", "value")
            if role in where and _number(cell(role)) not in (None, "")})
        if model is Sample:
            in_period[key] = values["number"] = in_period.get(key, 0) + 1
        try:
            obs = model.build(**values)
        except InvalidRecord as exc:
            problems += [_at_cell(p, rows[0], where, at) for p in exc.problems]
            continue
        when = getattr(obs, model.AS_OF)
        found = obs.against(m) + outside_calendar(collab, when, obs.field_label(model.AS_OF), None, earliest=True)
        if found:
            problems += [_at_cell(p, rows[0], where, at) for p in found]
            continue
        incoming.append((number, obs))
    if problems:
        raise ImportRejected(n_("%(file)s was not imported: %(n)s problem. Nothing was written.",
                                "%(file)s was not imported: %(n)s problems. Nothing was written.", len(problems),
                                file=file), problems)
    existing = {o.key(): o for model, mid in {(type(obs), obs.measure_id) for _, obs in incoming}
                for o in store.list(model, measure_id=mid)}
    for number, obs in incoming:
        stored = existing.get(obs.key())
        if stored is None:
            result.new.append(obs)
        elif stored.data() == obs.data() or _same_numbers(stored, obs):
            result.unchanged += 1
        else:
            result.changed.append((stored, obs.model_copy(update={"version": stored.version})))
    given = {obs.key() for _, obs in incoming}
    result.removed = [o for o in existing.values() if isinstance(o, Sample) and o.key() not in given
                      and (o.team_id, o.measure_id, o.period) in in_period]
    return result


def _record_values(m: Measure, team_id: str, when: dt.date, note: str | None, numbers: dict) -> tuple[type, dict]:
    """The record a row makes for this kind of measure, and its values (validation says what is wrong)."""
    base = dict(team_id=team_id, measure_id=m.id)
    if m.kind == "events":
        count = numbers.pop("value", 1)
        return Event, dict(base, day=when, count=count, note=note, **numbers)
    if m.kind == "subgroups":
        return Sample, dict(base, period=when, **numbers)
    return Observation, dict(base, period=when, note=note, **numbers)


def _same_numbers(a: Record, b: Record) -> bool:
    return a.numbers() == b.numbers() and not getattr(b, "note", None)


def _at_cell(p: Problem, header_row: list[object], where: dict[str, int], at: dict) -> Problem:
    return replace(p, record=None, column=_header_for(p.field, header_row, where), **at)


def _header_for(label: str | None, header_row: list[object], where: dict[str, int]) -> str | None:
    for role in ("numerator", "denominator", "value", "period", "note"):
        if label and label.lower() == role and role in where:
            return str(header_row[where[role]])
    return label


def rows_from_text(text: str) -> list[list[object]]:
    """Rows pasted from a spreadsheet: tab-separated as spreadsheets copy them, or comma-separated."""
    if len(text) > limits.PASTE_CHARACTERS:
        raise ImportRejected(_("Too much was pasted at once."), [Problem(
            _("%(n)s characters were pasted; at most %(most)s are taken at once. Paste fewer rows, or upload the file.",
              n=number(len(text)), most=number(limits.PASTE_CHARACTERS)), file=_("pasted rows"))])
    text = text.replace("\r\n", "\n").strip("\n")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","
    return csv_rows(text, _("pasted rows"), delimiter)


def rows_from_upload(name: str, content: bytes) -> list[list[object]]:
    """An uploaded file's rows; the name only tells .csv from .xlsx (it is never used as a path)."""
    import tempfile

    suffix = Path(str(name)).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise ImportRejected(_("“%(file)s” is neither a .csv nor an .xlsx file.", file=name), [Problem(
            _("Measure data can be uploaded as .csv or .xlsx files."), file=str(name))])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            return read_rows(path)
        except ImportRejected as exc:
            raise ImportRejected(exc.message.replace(path.name, str(name)),
                                 [replace(p, file=str(name)) for p in exc.problems]) from None
