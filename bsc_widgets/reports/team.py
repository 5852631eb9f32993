"""One team's monthly report: everything a coach wants open before the coaching call, as offline HTML."""
from __future__ import annotations

import datetime as dt

from ..attention import coaching_questions
from ..charter import missing_roles, roles_sentence
from ..dosage import participation_sentence, role_doses, years_so_far
from ..charts import figure_for
from ..charts.driver_diagram import driver_diagram_svg, idea_tags
from ..charts.ramp import ramp_list_html, ramp_svg, stage_words
from ..charts.scores import score_history_figure
from ..model import (current, AssessmentLevel, AssessmentScore, ChangeIdea, Driver, DriverLink, Measure, Member,
                     MonthlyReport, PdsaCycle, Phase, TeamChangeIdea, ramps)
from ..report_calendar import as_of, next_month
from ..store import Store
from ..measure_analysis import analyse_measure
from ..text import esc
from ..timeline import position
from .page import Charts, section, wrap


def team_report_html(store: Store, team_id: str, period: dt.date, today: dt.date,
                     shared_plotly: bool = False) -> str:
    team = store.team(team_id)
    collab = store.collaborative()
    day = as_of(period, today)
    charts = Charts(shared=shared_plotly)
    members = store.list(Member, team_id=team.id)
    where = position(collab, store.list(Phase), day)
    gaps = missing_roles(members)
    head = (f"<h1>{esc(team.name)}: report for {period:%B %Y}</h1><p>{esc(collab.name)}</p>"
            f"<p>{esc(where.sentence())}</p><p><strong>Team aim:</strong> {esc(team.aim or 'not written yet')}</p>"
            f"<p><strong>Team:</strong> {esc(roles_sentence(members) or 'no members')}."
            + (f' <span class="bsc-warn">Missing: {esc(", ".join(gaps))}.</span>' if gaps else "") + "</p>")

    measures = current(store.list(Measure), period)
    analyses = {m.id: analyse_measure(store, team.id, m.id) for m in measures}
    doses = role_doses(store, team.id)
    who = participation_sentence(doses, years_so_far(collab.start, collab.end, day))
    questions = coaching_questions(store, day, team_id=team.id, analyses=analyses).get(team.id, [])
    q_html = ('<ul class="bsc-questions">' + "".join(f"<li><strong>{esc(q.label)}:</strong> {esc(q.text)}</li>"
                                                      for q in questions) + "</ul>") if questions else \
        "<p>Nothing stands out in the data this month: ask what the team is proudest of.</p>"

    cycles = store.list(PdsaCycle, team_id=team.id)
    ideas = [i for i in store.list(ChangeIdea) if i.team_id in (None, team.id)]
    chosen = {c.change_idea_id for c in store.list(TeamChangeIdea, team_id=team.id)}
    by_idea = {r.change_idea_id: list(r.cycles) for r in ramps(cycles)}
    in_play = [i for i in ideas if i.id in chosen or i.id in by_idea]
    diagram = driver_diagram_svg(collab.aim, current(store.list(Driver), period), in_play, store.list(DriverLink),
                                 idea_tags(in_play, chosen, by_idea), set(by_idea))

    titles = {i.id: i.title for i in ideas}
    ramp_html = "".join(f"<h3>{esc(titles.get(r.change_idea_id, r.change_idea_id))}</h3><div class='bsc-scroll'>"
                        f"{ramp_svg(r, titles.get(r.change_idea_id, ''))}</div>{ramp_list_html(r)}"
                        for r in ramps(cycles)) or "<p>No PDSA cycles yet.</p>"
    month_end = next_month(period) - dt.timedelta(days=1)
    active = [c for c in cycles if c.start <= month_end and (c.end is None or c.end >= period)]
    rows = "".join(f"<tr><td>{esc(c.title)}</td><td>{esc(stage_words(c))}</td>"
                   f"<td><div class='bsc-side'><div>{esc(c.predictions or '—')}</div>"
                   f"<div>{esc(c.study_notes or 'not studied yet')}</div></div></td>"
                   f"<td>{esc(c.next_steps or '')}</td></tr>" for c in active)
    this_month = ("<table><thead><tr><th>Cycle</th><th>Stage</th><th>Predicted / found</th><th>Next</th></tr>"
                  f"</thead><tbody>{rows}</tbody></table>") if rows else "<p>No cycle was active this month.</p>"

    measure_html = []
    for m in measures:
        s = analyses[m.id]
        reading = "".join(f"<li>{esc(t)}</li>" for t in s.reading.sentences)
        chart = charts.html(figure_for(s, height=380), f"{m.name}: run chart") if not s.result.empty else ""
        measure_html.append(f"<h3>{esc(m.name)}</h3>{chart}<ul class='bsc-reading'>{reading}</ul>")

    levels = {lv.score: lv.label for lv in store.list(AssessmentLevel)}
    scores = store.list(AssessmentScore, team_id=team.id)
    score_html = charts.html(score_history_figure(scores, levels), "Assessment scale history") if scores else \
        "<p>No scores yet.</p>"

    reports = [r for r in store.list(MonthlyReport, team_id=team.id) if r.month <= period]
    last = max(reports, key=lambda r: r.month, default=None)
    last_html = (f"<h3>{last.month:%B %Y}</h3><table>" + "".join(
        f"<tr><th scope='row'>{esc(label)}</th><td>{esc(getattr(last, f) or '—')}</td></tr>"
        for f, label in [("highlights", "Highlights"), ("barriers", "Barriers"),
                         ("support_requested", "Support requested"), ("measures_status", "Measures")])
        + "</table>") if last else "<p>No monthly report yet.</p>"

    return wrap(head + section("Questions for the coaching call", q_html)
                + section("Who takes part", f"<p>{esc(who)}</p>")
                + section("Driver diagram: the ideas this team is testing",
                          f"<div class='bsc-scroll'>{diagram}</div>")
                + section("PDSA cycles this month", this_month) + section("PDSA ramps", ramp_html)
                + section("Measures", "".join(measure_html))
                + section("Assessment scale: the team's own scores and faculty's", score_html)
                + section("Last monthly report", last_html))
