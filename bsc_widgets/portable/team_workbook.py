"""A team's own data as one .xlsx, for the team to keep or work with: nothing of any other team in it.

One sheet per kind of record the team entered (its measures' numbers, events and values, group figures,
PDSA cycles, its own change ideas, monthly reports and scores, chart marks, its roster and attendance),
headed by the fields' names in the team's language, plus the shared measures' definitions. Every text
cell is written as text, never as a formula, whatever it starts with.
"""
from __future__ import annotations

import io

from ..base.language import N_, _, speaking
from ..model import (
    AssessmentScore,
    Attendance,
    ChangeIdea,
    ChartMark,
    Event,
    Measure,
    Member,
    MonthlyReport,
    Observation,
    PdsaCycle,
    Record,
    Sample,
    StratumObservation,
)
from ..store import Store
from .cells import LIST_SEP

SHEETS: list[tuple[str, type[Record]]] = [
    (N_("Measure data"), Observation), (N_("Events"), Event), (N_("Several values"), Sample),
    (N_("Group figures"), StratumObservation), (N_("PDSA cycles"), PdsaCycle), (N_("Our change ideas"), ChangeIdea),
    (N_("Monthly reports"), MonthlyReport), (N_("Scores"), AssessmentScore), (N_("Chart marks"), ChartMark),
    (N_("Members"), Member), (N_("Attendance"), Attendance),
]
LEFT_OUT = {"team_id", "version"}      # every row is the team's own


def team_records(store: Store, team_id: str, model: type[Record]) -> list[Record]:
    """The team's records of one kind (attendance through its members; change ideas only its own)."""
    if model is Attendance:
        members = {m.id for m in store.list(Member, team_id=team_id)}
        return [a for a in store.list(Attendance, damaged=[]) if a.member_id in members]
    return store.list(model, team_id=team_id, damaged=[])        # a damaged row is named on its page, not copied


def team_workbook(store: Store, team_id: str, lang: str | None = None) -> bytes:
    """The .xlsx file's bytes."""
    from openpyxl import Workbook

    team = store.team(team_id)
    book = Workbook()
    book.remove(book.active)
    with speaking(lang or team.language):
        _sheet(book, _("Measures"), Measure, store.translated().list(Measure))
        for title, model in SHEETS:
            _sheet(book, _(title), model, team_records(store, team.id, model))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book, title: str, model: type[Record], records: list[Record]) -> None:
    sheet = book.create_sheet(title[:31])        # Excel's limit on a sheet's name
    names = [n for n in model.model_fields if n not in LEFT_OUT and not n.endswith("_es")]
    sheet.append([model.field_label(n) for n in names])
    for record in records:
        data = record.data()
        sheet.append([_cell(data.get(n)) for n in names])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"             # text stays text: "=…" is never run as a formula
    sheet.freeze_panes = "A2"


def _cell(value):
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    return value
