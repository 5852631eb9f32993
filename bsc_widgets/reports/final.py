"""The effectiveness summary at the end of a collaborative ("document results"): ``bsc reports --final``.

Every team and measure, baseline against the end, judged by run-chart signals; change ideas
adopted and spread; the dose each role received; the assessment scale's path; and the equity
views of measures shown by group (small groups suppressed).
"""
from __future__ import annotations

import datetime as dt

from ..charts.equity import gap_figure, group_figure
from ..charts.tables import dosage_html, effectiveness_html, group_table_html, matrix_html, spread_html
from ..dosage import years_so_far
from ..effectiveness import MIN_BASELINE, effectiveness
from ..equity import group_view, stratified_measures
from ..spread import spread_sentences, team_names
from ..store import Store
from ..text import esc
from .page import Charts, section, wrap


def equity_section(store: Store, charts: Charts) -> str:
    """Each measure shown by group, for the network, as the equity workbook shows it."""
    out = []
    for m in stratified_measures(store):
        view = group_view(store, m.id)
        reading = "".join(f"<li>{esc(s)}</li>" for s in view.sentences)
        body = "" if view.table.empty else (charts.html(group_figure(view), f"{m.name} by group")
                                             + charts.html(gap_figure(view), "Gap between groups")
                                             + group_table_html(view, last=6))
        out.append(f"<h3>{esc(m.name)} by {esc(view.grouping.name.lower())}</h3>"
                   f"<ul class='bsc-reading'>{reading}</ul>{body}")
    return "".join(out) or "<p>No measure is shown by group.</p>"


def final_report_html(store: Store, today: dt.date, shared_plotly: bool = False) -> str:
    collab = store.collaborative()
    e = effectiveness(store, today)
    names = team_names(store)
    charts = Charts(shared=shared_plotly)
    tally = e.tally()
    scores = matrix_html([(t.name, [_path(e.scores.get((t.id, src))) for src in ("team", "faculty")])
                          for t in e.teams], ["Team’s own score", "Faculty score"], "Assessment scale, first to last")
    adopted = matrix_html([(t.name, [str(len(e.adopted(t.id))), ", ".join(e.adopted(t.id)) or "—"])
                           for t in e.teams], ["Ideas adopted", "Which"], "Change ideas adopted per team")
    readings = "".join(f"<li><strong>{esc(names[t])}, {esc(r.measure.name)}</strong>: "
                       f"{esc(r.reading.sentences[0] if r.reading.sentences else '')}</li>"
                       for (t, _), r in e.results.items() if r.reading.verdict in ("improvement", "concern"))
    method = (f"<p>Each team’s baseline is its data before its first action period; with at least {MIN_BASELINE} "
              "baseline points the median is frozen there, and the run-chart rules judge everything after it. "
              "“Improved” means a signal of improvement (a shift or too few crossings in the better direction), "
              "not a higher number.</p>")
    return wrap(f"<h1>{esc(collab.name)}: effectiveness summary</h1><p>Documenting results, {today:%-d %B %Y}. "
                f"{len(e.teams)} teams, {len(e.measures)} measures.</p>"
                + section("In brief", "<ul class='bsc-reading'>" + "".join(f"<li>{esc(s)}</li>" for s in
                                                                          e.sentences()) + "</ul>")
                + section("Baseline against the end, by signals", method + effectiveness_html(e)
                          + "<p>" + esc(", ".join(f"{k}: {v}" for k, v in tally.items())) + ".</p>"
                          + (f"<ul class='bsc-reading'>{readings}</ul>" if readings else ""))
                + section("Change ideas adopted", adopted)
                + section("Spread across the network", "<ul class='bsc-reading'>" + "".join(
                    f"<li>{esc(s)}</li>" for s in spread_sentences(e.spreads, names)) + "</ul>"
                    + spread_html(e.spreads, names))
                + section("Dose received, by role", dosage_html([d for ds in e.doses.values() for d in ds], e.teams,
                                                                 years_so_far(collab.start, collab.end, today)))
                + section("Assessment scale: first scored month to last", scores)
                + section("Equity: measures by group", equity_section(store, charts)))


def _path(p) -> str:
    if p is None or p.first is None:
        return "not scored"
    return f"{p.first[1]:g} ({p.first[0]:%b %Y}) → {p.last[1]:g} ({p.last[0]:%b %Y})"
