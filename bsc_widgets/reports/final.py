"""The effectiveness summary at the end of a collaborative ("document results"): ``bsc reports --final``.

Every team and measure, baseline against the end, judged by run-chart signals; change ideas
adopted and spread; the dose each role received; the assessment scale's path; and the equity
views of measures shown by group (small groups suppressed).
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..analysis.dosage import years_so_far
from ..analysis.effectiveness import MIN_BASELINE, VERDICT_WORDS, effectiveness
from ..analysis.equity import group_view, stratified_measures
from ..analysis.spread import spread_sentences, team_names
from ..analysis.support import support_doses
from ..base.language import _, day, number
from ..charts.equity import gap_figure, group_figure
from ..charts.tables import dosage_html, effectiveness_html, group_table_html, matrix_html, spread_html
from ..model import SUPPORT_KIND_LABELS
from ..render import render, stylesheet
from ..spc.signals import CONCERN, IMPROVEMENT
from ..store import Store
from .change_package import lessons_html
from .page import Charts

PARTS = "reports/collaborative.html"


def equity_section(store: Store, charts: Charts) -> str:
    """Each measure shown by group, for the network, as the equity workbook shows it."""
    out = []
    for m in stratified_measures(store):
        view = group_view(store, m.id)
        body = "" if view.table.empty else (charts.panels(group_figure(view), _("%(measure)s by group", measure=m.name))
                                             + charts.html(gap_figure(view), _("Gap between groups"))
                                             + group_table_html(view, last=6))
        out.append(render(PARTS, "equity_measure", name=m.name, grouping=view.grouping.name.lower(),
                          sentences=view.sentences, body=body))
    return Markup("").join(out) or render(PARTS, "no_equity")


def final_report_html(store: Store, today: dt.date, shared_plotly: bool = False) -> str:
    store = store.as_of(today)
    collab = store.collaborative()
    e = effectiveness(store, today)
    names = team_names(store)
    charts = Charts(shared=shared_plotly)
    tally = e.tally()
    scores = matrix_html([(t.name, [_path(e.scores.get((t.id, src))) for src in ("team", "faculty")])
                          for t in e.teams], [_("Team’s own score"), _("Faculty score")],
                         _("Assessment scale, first to last"))
    adopted = matrix_html([(t.name, [str(len(e.adopted(t.id))), ", ".join(e.adopted(t.id)) or "—"])
                           for t in e.teams], [_("Ideas adopted"), _("Which")], _("Change ideas adopted per team"))
    readings = [(names[t], r.measure.name, r.reading.sentences[0] if r.reading.sentences else "")
                for (t, _m), r in e.results.items() if r.reading.verdict in (IMPROVEMENT, CONCERN)]
    return render(PARTS, "final", style=stylesheet(), collab=collab, today=today, teams=len(e.teams),
                  measures=len(e.measures), brief=e.sentences(), method_points=MIN_BASELINE,
                  results=effectiveness_html(e), tally=", ".join(f"{VERDICT_WORDS[k]}: {v}" for k, v in tally.items()),
                  readings=readings, adopted=adopted, spread_sentences=spread_sentences(e.spreads, names),
                  spread=spread_html(e.spreads, names),
                  dosage=dosage_html([d for ds in e.doses.values() for d in ds], e.teams,
                                     years_so_far(collab.start, collab.end, today)),
                  support=support_beside_results(e, support_doses(store, today, [t.id for t in e.teams])),
                  scores=scores, equity=equity_section(store, charts), lessons=lessons_html(store, today))


def support_beside_results(e, doses: dict) -> str:
    """Per team: the support it received, by kind, hours and who took part, beside how many measures improved."""
    kinds = list(SUPPORT_KIND_LABELS)
    rows = []
    for t in e.teams:
        d = doses[t.id]
        improved = sum(1 for m in e.measures if (r := e.results.get((t.id, m.id))) and r.reading.verdict == IMPROVEMENT)
        rows.append((t.name, [str(d.contacts[k]) for k in kinds] + [number(round(d.hours, 1)), d.who() or "—",
                                                                     f"{improved} / {len(e.measures)}"]))
    return matrix_html(rows, [SUPPORT_KIND_LABELS[k] for k in kinds] + [
        _("Hours"), _("Who took part (contacts)"), _("Measures with a signal of improvement")],
        _("Support each team received, beside its results"))


def _path(p) -> str:
    if p is None or p.first is None:
        return _("not scored")
    return f"{p.first[1]:g} ({day(p.first[0], 'short_month')}) → {p.last[1]:g} ({day(p.last[0], 'short_month')})"
