"""A team's measure data: one period typed, many periods from a sheet, a paste or an upload, figures by group.

Every row is checked first (``portable.read_measure_sheet``); then all are written in one
transaction, or none. A period that already holds different numbers is never overwritten
unless asked, and even then one edited by someone else meanwhile is a conflict.
"""
from __future__ import annotations

from pathlib import Path

from ..base.errors import ImportRejected, Problem
from ..base.language import _, day, n_, number
from ..model import Event, Sample, StratumObservation
from ..portable import MeasureImport, read_measure_sheet, read_rows
from ..store import Store
from ..store.store import stale
from .actor import Actor, check


def save_measure_rows(store: Store, actor: Actor, rows: list[list[object]], name: str, team: str | None = None,
                      measure: str | None = None, replace_existing: bool = False) -> MeasureImport:
    """Rows already read (a sheet, an upload, a paste): check all, then write all or nothing.

    A team's own workbook (an actor of one team) may only bring that team's rows.
    """
    team = actor.team_id or team
    plan = read_measure_sheet(store, name, team, measure, rows=rows, name=name)
    if actor.team_id:
        others = sorted({o.team_id for o in plan.new + [i for _, i in plan.changed]} - {actor.team_id})
        if others:
            raise ImportRejected(_("%(file)s holds rows for other teams (%(teams)s); nothing was written.", file=name,
                                   teams=", ".join(others)),
                                 [Problem(_("Remove the Team column, or the rows of other teams."), file=name)])
    if (plan.changed or plan.removed) and not replace_existing:
        raise ImportRejected(
            n_("%(n)s row in %(file)s would change numbers already in the workspace. Nothing was written. Import "
               "again choosing to replace them if the sheet is right.",
               "%(n)s rows in %(file)s would change numbers already in the workspace. Nothing was written. Import "
               "again choosing to replace them if the sheet is right.", len(plan.changed) + len(plan.removed),
               file=name),
            [Problem(_("%(when)s: workspace has %(stored)s, the sheet says %(sheet)s.", when=_when(s), stored=_shown(s),
                       sheet=_shown(o)), file=name) for s, o in plan.changed] +
            [Problem(_("%(when)s: workspace has %(stored)s as value %(n)s, which the sheet does not give.",
                       when=_when(s), stored=_shown(s), n=s.number), file=name) for s in plan.removed])
    with store.transaction() as tx:
        for record in [*plan.new, *(incoming for _, incoming in plan.changed)]:
            check(tx, actor, record)
            tx.save(record)
        for record in plan.removed:
            check(tx, actor, record)
            tx.delete(record)
    return plan


def import_sheet(store: Store, actor: Actor, path: str | Path, team: str | None = None, measure: str | None = None,
                 replace_existing: bool = False) -> MeasureImport:
    """A team's own spreadsheet (``bsc import sheet.xlsx``): read within bounds, then as ``save_measure_rows``."""
    return save_measure_rows(store, actor, read_rows(path), Path(path).name, team, measure, replace_existing)


def save_period_values(store: Store, actor: Actor, team_id: str, measure_id: str, period, values: list[float],
                       read: list[Sample]) -> list[Sample]:
    """A period's several values, all replaced at once; ``read`` is what the form showed, so that values
    someone else saved meanwhile are never silently replaced."""
    wanted = [Sample.build(team_id=team_id, measure_id=measure_id, period=period, number=k, value=v)
              for k, v in enumerate(values, start=1)]
    with store.transaction() as tx:
        stored = {s.number: s for s in tx.list(Sample, team_id=team_id, measure_id=measure_id, period=period)}
        if {(s.number, s.version) for s in stored.values()} != {(s.number, s.version) for s in read}:
            changed = next(iter(stored.values()), None)
            raise stale(_("the values for %(period)s", period=day(period, "month")),
                        tx.last_save(changed) if changed else None, many=True)
        out = []
        for record in wanted:
            old = stored.pop(record.number, None)
            record = record.model_copy(update={"version": old.version}) if old else record
            check(tx, actor, record)
            out.append(record if old and old.value == record.value else tx.save(record))
        for extra in stored.values():
            check(tx, actor, extra)
            tx.delete(extra)
    return out


def save_group_figures(store: Store, actor: Actor, figures: list[StratumObservation]) -> None:
    """One period's figures by group, all together; each carries the version its form read."""
    with store.transaction() as tx:
        for record in figures:
            check(tx, actor, record)
            tx.save(record)


def _when(o) -> str:
    return day(o.day) if isinstance(o, Event) else day(o.period, "month")


def _shown(o) -> str:
    if isinstance(o, Event):
        return _("%(n)s that day", n=o.count)
    if o.value is not None:
        return number(o.value)
    return f"{number(o.numerator)}/{number(o.denominator)}"
