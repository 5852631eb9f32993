"""One team's monthly report: everything a coach wants open before the coaching call, as offline HTML."""
from __future__ import annotations

import datetime as dt

from ..analysis.attention import coaching_questions
from ..analysis.charter import missing_roles, roles_sentence
from ..analysis.dosage import departed, participation_sentence, role_doses, years_so_far
from ..analysis.ideas import team_diagram
from ..analysis.measure_analysis import analyse_measure
from ..analysis.report_calendar import as_of, next_month
from ..analysis.support import support_doses
from ..analysis.timeline import position
from ..base.language import _, first_known, speaking
from ..charts import figure_for
from ..charts.driver_diagram import driver_diagram_html
from ..charts.mdc_icons import icons_html
from ..charts.ramp import ramp_list_html, ramp_svg, stage_words
from ..charts.scores import score_history_figure
from ..model import (
    AssessmentLevel,
    AssessmentScore,
    ChangeIdea,
    Measure,
    Member,
    MonthlyReport,
    PdsaCycle,
    Phase,
    current,
    ramps,
)
from ..render import render, stylesheet
from ..store import Store
from .page import Charts


def team_report_html(store: Store, team_id: str, period: dt.date, today: dt.date,
                     shared_plotly: bool = False, lang: str = "") -> str:
    """One team's monthly report, in the team's own language unless ``lang`` chooses another."""
    team = store.team(team_id)
    with speaking(first_known(lang, team.language)):
        return _team_report(store.translated(), team_id, period, today, shared_plotly)


def _team_report(store: Store, team_id: str, period: dt.date, today: dt.date, shared_plotly: bool) -> str:
    day = as_of(period, today)
    store = store.as_of(day)            # the report reads the workspace as it stood at the end of its period
    team = store.team(team_id)
    collab = store.collaborative()
    charts = Charts(shared=shared_plotly)
    members = [m for m in store.list(Member, team_id=team.id) if m.belonged_on(day)]
    where = position(collab, store.list(Phase), day)
    measures = current(store.list(Measure), period)
    analyses = {m.id: analyse_measure(store, team.id, m.id) for m in measures}
    doses = role_doses(store, team.id)
    questions = coaching_questions(store, day, team_id=team.id, analyses=analyses).get(team.id, [])

    cycles = store.list(PdsaCycle, team_id=team.id)
    plan = team_diagram(store, team.id, period)
    in_play = [i for i in plan.ideas if i.id in plan.in_play]     # the report shows what the team chose or tested
    diagram = driver_diagram_html(plan.aim, plan.drivers, in_play, plan.links, plan.tags, plan.in_play)
    titles = {i.id: i.title for i in store.list(ChangeIdea) if i.team_id in (None, team.id)}
    month_end = next_month(period) - dt.timedelta(days=1)
    active = [(c, stage_words(c)) for c in cycles if c.start <= month_end and (c.end is None or c.end >= period)]

    measure_parts = []
    for m in measures:
        a = analyses[m.id]
        chart = charts.html(figure_for(a, height=380), _("%(measure)s: run chart", measure=m.name)) if not a.result.empty else ""
        measure_parts.append((m.name, chart, a.reading, icons_html(a.result)))
    levels = {lv.score: lv.label for lv in store.list(AssessmentLevel)}
    scores = store.list(AssessmentScore, team_id=team.id)
    reports = [r for r in store.list(MonthlyReport, team_id=team.id) if r.month <= period]
    last = max(reports, key=lambda r: r.month, default=None)
    return render("reports/team.html", "report", style=stylesheet(), team=team, collab=collab, period=period,
                  where=where.sentence(), members=roles_sentence(members), gaps=missing_roles(members),
                  questions=[(q.label, q.text) for q in questions],
                  who=participation_sentence(doses, years_so_far(collab.start, collab.end, day),
                                             departed(store, team.id).get(team.id, 0)),
                  support=support_doses(store, day, [team.id])[team.id].sentence(), diagram=diagram, active=active,
                  ramps=[(titles.get(r.change_idea_id, r.change_idea_id), ramp_svg(r, titles.get(r.change_idea_id, "")),
                          ramp_list_html(r)) for r in ramps(cycles)],
                  measures=measure_parts,
                  scores=charts.html(score_history_figure(scores, levels), _("Assessment scale history")) if scores
                  else None,
                  last=dict(month=last.month, rows=[(label, getattr(last, f)) for f, label in [
                      ("highlights", _("Highlights")), ("barriers", _("Barriers")),
                      ("support_requested", _("Support requested")), ("measures_status", _("Measures"))]]) if last
                  else None)
