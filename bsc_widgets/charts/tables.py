"""HTML tables shared by the workbooks and the offline reports, so both say the same thing the same way.

Made by ``charts/tables.html`` and ``common.html``: every value escaped. Tables scroll sideways inside
their own box on a phone.
"""
from __future__ import annotations

from ..analysis.dosage import RoleDose, expected_by_now, low_dose
from ..analysis.effectiveness import Effectiveness
from ..analysis.equity import SUPPRESSED, GroupView
from ..analysis.spread import IdeaSpread
from ..analysis.sustain import HELD_WORDS
from ..base.language import N_, Labels, _
from ..model import DECISION_WORDS as MODEL_DECISION_WORDS
from ..model import ROLE_LABELS, ROLE_PLURALS, Team, period_label
from ..render import render

DECISION_WORDS = Labels({None: N_("testing"), **dict(dict.items(MODEL_DECISION_WORDS))})   # read when shown


def matrix_html(rows: list[tuple[str, list[str]]], columns: list[str], label: str) -> str:
    """Rows named in their first cell, one column each (teams × months, ideas × teams…)."""
    return render("common.html", "matrix", rows=rows, columns=columns, label=label)


def dosage_html(doses: list[RoleDose], teams: list[Team], years: float) -> str:
    """Per team and role: who takes part, learning-session and affinity-group hours, PDSA cycles."""
    low, high = expected_by_now("learning_session", years)
    found = {(d.team_id, d.role): d for d in doses}
    rows = [(t.name, [(found.get((t.id, r)), low_dose(found[(t.id, r)], years) if (t.id, r) in found else False)
                      for r in ROLE_LABELS]) for t in teams]
    return render("charts/tables.html", "dosage", low=low, high=high,
                  affinity=expected_by_now("affinity_group", years)[0], rows=rows,
                  columns=[ROLE_PLURALS[r] for r in ROLE_LABELS])


def spread_html(spreads: list[IdeaSpread], names: dict[str, str]) -> str:
    rows = [dict(title=x.idea.title, retired=not x.idea.is_current(), first_team=names.get(x.first_team, x.first_team),
                 first_date=x.first_date, testing=len(x.testing), adopted=len(x.teams_with("adopt")),
                 stands=", ".join(f"{names.get(t, t)} ({DECISION_WORDS[x.decisions[t]]})" for t in x.testing),
                 signals=[sig.text(names) for sig in x.signals]) for x in spreads]
    return render("charts/tables.html", "spread", rows=rows)


def group_table_html(view: GroupView, last: int = 12) -> str:
    """The last periods by group; a suppressed cell says "suppressed" and nothing else."""
    table = view.table
    periods = sorted(set(table["period"]))[-last:]
    groups = [s for s in view.strata if s.id in set(table["stratum_id"])]
    sign = "%" if view.percent else ""
    cell = {(r.period, r.stratum_id): _(SUPPRESSED) if r.suppressed else
            _("%(value)s (%(numerator)s of %(denominator)s)", value=f"{r.value:.0f}{sign}", numerator=f"{r.numerator:g}",
              denominator=f"{r.denominator:g}") for r in table.itertuples()}
    rows = [(period_label(p.date(), view.measure.frequency), [cell.get((p, s.id), "—") for s in groups])
            for p in reversed(periods)]
    return matrix_html(rows, [s.label for s in groups], _("%(measure)s by group", measure=view.measure.name))


def _verdict(result) -> str:
    """The end against the baseline, and in the sustain phase whether an improvement held."""
    if result.held is None:
        return result.verdict
    return _("%(verdict)s · %(held)s", verdict=result.verdict, held=HELD_WORDS[result.held])


def effectiveness_html(e: Effectiveness) -> str:
    """Team × measure: the end against the baseline, judged by signals."""
    rows = [(t.name, [_verdict(e.results[(t.id, m.id)]) for m in e.measures]) for t in e.teams]
    return matrix_html(rows, [m.name for m in e.measures], _("End against baseline, by signals"))


def framework_history_html(record, changes: list) -> str:
    """A framework record's retirement and earlier wording: what older data was entered against."""
    label = type(record).field_label
    return render("charts/tables.html", "framework_history",
                  retired_on=None if record.is_current() else record.retired_on,
                  changes=[dict(on=c.changed_on, label=label(c.field), before=c.before, after=c.after, by=c.changed_by)
                           for c in sorted(changes, key=lambda c: c.changed_on)])
