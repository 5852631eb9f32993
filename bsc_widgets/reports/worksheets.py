"""Paper worksheets for the huddle with no device: a PDSA cycle's worksheet and a measure's data-collection sheet.

Each is one print-ready HTML page (a print stylesheet: US Letter, no page break inside a step), blank or
filled with what the team entered, in the team's language; ``printing.pdf_bytes`` makes the PDF.
The PDSA worksheet follows IHI's: the cycle's change idea, objective, questions and predictions, the plan
(who, what, when, where, and the data to collect), then room to write what happened, what the results
show against the predictions, and the decision.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base.clock import add_months
from ..base.errors import BscError
from ..base.language import _, day, speaking
from ..model import (
    DECISION_LABELS,
    ChangeIdea,
    Event,
    Measure,
    Observation,
    PdsaCycle,
    Sample,
    period_label,
    period_start,
)
from ..render import render
from ..store import Store
from .printing import to_pdf

BLANK_PERIODS = 12     # rows on a blank data sheet: the next year of months (or twelve weeks)
EVENT_ROWS = 15


def pdsa_worksheet_html(store: Store, team_id: str, cycle_id: str | None = None, idea_id: str | None = None,
                        lang: str | None = None) -> str:
    """The worksheet for a cycle (filled), or a blank one (for ``idea_id``, when given)."""
    team = store.team(team_id)
    found = store.get(PdsaCycle, cycle_id) if cycle_id else None
    if cycle_id and (found is None or found.team_id != team.id):
        raise BscError(_("%(team)s has no PDSA cycle “%(cycle)s”.", team=team.name, cycle=cycle_id))
    with speaking(lang or team.language):
        translated = store.translated()
        cycle = translated.require(PdsaCycle, cycle_id) if cycle_id else None
        idea = translated.get(ChangeIdea, cycle.change_idea_id if cycle else idea_id) if (cycle or idea_id) else None
        return render("worksheets.html", "pdsa", collab=translated.collaborative(), team=team,
                      cycle=cycle, idea=idea, decisions=list(DECISION_LABELS.items()))


def _periods(measure: Measure, first: dt.date, count: int) -> list[dt.date]:
    out, when = [], period_start(first, measure.frequency)
    for _ in range(count):
        out.append(when)
        when = add_months(when, 1) if measure.frequency == "monthly" else when + dt.timedelta(days=7)
    return out


def data_sheet_html(store: Store, team_id: str, measure_id: str, today: dt.date, blank: bool = False,
                    lang: str | None = None) -> str:
    """A measure's sheet: its definition, then one row per period (or per day, for rare events), filled with
    what the team entered unless ``blank``, and rows to write the coming periods in. A damaged stored row is left
    out, as from the chart (the measures page names it)."""
    team = store.team(team_id)
    with speaking(lang or team.language):
        translated = store.translated()
        measure = translated.require(Measure, measure_id)
        rows = []
        if measure.kind == "events":
            if not blank:
                rows = [(day(e.day, "short"), [e.count], e.note or "") for e in store.list(
                    Event, team_id=team.id, measure_id=measure.id, damaged=[])]
            rows += [("", [], "")] * EVENT_ROWS
        else:
            entered = {}
            if not blank and measure.kind == "subgroups":
                for s in store.list(Sample, team_id=team.id, measure_id=measure.id, damaged=[]):
                    entered.setdefault(s.period, ([], ""))[0].append(s.value)
            elif not blank:
                for o in store.list(Observation, team_id=team.id, measure_id=measure.id, damaged=[]):
                    entered[o.period] = ([o.numerator, o.denominator] if measure.uses_denominator else [o.value],
                                         o.note or "")
            coming = _periods(measure, today, BLANK_PERIODS if blank else BLANK_PERIODS // 2)
            for when in sorted(set(entered) | set(coming)):
                values, note = entered.get(when, ([], ""))
                rows.append((period_label(when, measure.frequency), values, note))
        return render("worksheets.html", "data_sheet", collab=translated.collaborative(),
                      team=team, measure=measure, rows=rows, blank=blank)


def write_sheet(store: Store, kind: str, team_id: str, folder: Path, today: dt.date, cycle_id: str | None = None,
                measure_id: str | None = None, blank: bool = False, pdf: bool = False,
                lang: str | None = None) -> list[Path]:
    """``bsc print``: a worksheet (``kind`` "pdsa" or "data-sheet") written to ``folder`` as HTML, and as PDF too."""
    team = store.team(team_id)
    if kind == "pdsa":
        html = pdsa_worksheet_html(store, team.id, None if blank else cycle_id, lang=lang)
        stem = f"pdsa-worksheet-{team.id}-{'blank' if blank or not cycle_id else cycle_id}"
    else:
        if not measure_id:
            raise BscError(_("A data sheet is for one measure: give --measure."))
        html = data_sheet_html(store, team.id, measure_id, today, blank=blank, lang=lang)
        stem = f"data-sheet-{team.id}-{measure_id}" + ("-blank" if blank else "")
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{stem}.html"
    page.write_text(html, encoding="utf-8")
    return [page, to_pdf(page)] if pdf else [page]
