"""The collaborative's monthly report: who reported, scores, PDSA activity, every measure across teams,
the spread of change ideas, and who takes part in learning sessions."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import plotly.graph_objects as go
from markupsafe import Markup

from ..analysis.attention import coaching_questions
from ..analysis.dosage import role_doses, years_so_far
from ..analysis.measure_analysis import REBASE_RUN, analyse_across_teams, rebased_across_teams
from ..analysis.network import funnel_for_month, network_total
from ..analysis.report_calendar import MISSING, NOT_YET_DUE, REPORTED, as_of, report_months
from ..base.clock import add_months
from ..base.language import _
from ..base.language import day as show_day
from ..base.text import plotly_text
from ..charts import funnel_figure, rebased_multiples, small_multiples, spc_figure
from ..charts.mdc_icons import icons_html
from ..charts.tables import DECISION_WORDS, dosage_html, matrix_html
from ..model import (
    ROLE_LABELS,
    AssessmentLevel,
    AssessmentScore,
    Attendance,
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
from ..spc.signals import SIGNALS
from ..store import Store
from .final import equity_section
from .page import Charts

PARTS = "reports/collaborative.html"

MONTHS_SHOWN = 6


def recent_months(period: dt.date, n: int = MONTHS_SHOWN) -> list[dt.date]:
    return [add_months(period, k) for k in range(1 - n, 1)]


def network_html(store: Store, m: Measure, month: dt.date, names: dict[str, str], charts: Charts) -> Markup:
    """The network's view of a proportion or rate: the month's funnel plot and the total's P′ or U′ chart."""
    found = funnel_for_month(store, m.id, month)
    total = network_total(store, m.id)
    if found is None and total is None:
        return Markup("")
    funnel_chart = charts.html(funnel_figure(found.points, found.curve, names, m.multiplier == 100,
                                             _("%(measure)s, %(month)s: teams by size", measure=m.name,
                                               month=show_day(month, "month")),
                                             m.denominator or _("denominator")),
                                _("%(measure)s: funnel plot", measure=m.name)) \
        if found else ""
    total_chart = charts.html(spc_figure(total[0], _("%(measure)s: all teams together (%(chart)s chart)",
                                                     measure=m.name, chart="P′" if m.kind == "proportion" else "U′"),
                                         percent=m.multiplier == 100),
                              _("%(measure)s: the network's total", measure=m.name)) if total else ""
    return render(PARTS, "network", funnel=funnel_chart, funnel_sentences=found.sentences if found else [],
                  total=total_chart, total_sentences=total[1].sentences if total else [])


def collaborative_report_html(store: Store, period: dt.date, today: dt.date,
                              shared_plotly: bool = False) -> str:
    day = as_of(period, today)
    store = store.as_of(day)            # the report reads the workspace as it stood at the end of its period
    collab = store.collaborative()
    teams = store.teams()
    months = recent_months(period)
    names = {t.id: t.name for t in teams}
    charts = Charts(shared=shared_plotly)

    reports, phases = store.list(MonthlyReport), store.list(Phase)
    marks = {REPORTED: _("✓ reported"), MISSING: _("✗ missing"), NOT_YET_DUE: _("not yet due")}
    owed = {t.id: {s.month: marks[s.state] for s in report_months(collab, t, reports, day, phases)} for t in teams}
    reported = matrix_html([(t.name, [owed[t.id].get(m, "—") for m in months]) for t in teams],
                           [show_day(m, "short_month") for m in months], _("Who reported"))

    levels = {lv.score: lv.label for lv in store.list(AssessmentLevel)}
    counts: dict[float, Counter] = defaultdict(Counter)
    for s in store.list(AssessmentScore):
        if s.source == "team" and s.month in months:
            counts[s.score][s.month] += 1
    fig = go.Figure([go.Bar(name=plotly_text(f"{score:g} {levels.get(score, '')}"), x=[show_day(m, "short_month") for m in months],
                            y=[counts[score][m] for m in months]) for score in sorted(counts)])
    fig.update_layout(barmode="stack", title=_("Teams at each level of the assessment scale (team's own scores)"),
                      height=360, template="plotly_white", yaxis_title=_("teams"))
    scale = charts.html(fig, _("Assessment scale distribution")) if counts else render(PARTS, "no_scores")

    started = Counter((c.team_id, c.start.replace(day=1)) for c in store.list(PdsaCycle))
    pdsa = matrix_html([(t.name, [str(started[(t.id, m)]) for m in months]) for t in teams],
                   [show_day(m, "short_month") for m in months], _("PDSA cycles started per team per month"))

    measure_html = []
    for m in current(store.list(Measure), period):
        result, readings = analyse_across_teams(store, m.id)
        if result.empty:
            continue
        fig = small_multiples(result, names, percent=m.multiplier == 100, title=m.name)
        signals = [(names[t], r.sentences[0] if r.sentences else "", icons_html(result[result["facet1"] == t], 28))
                   for t, r in sorted(readings.items(), key=lambda kv: names.get(kv[0], ""))
                   if r.verdict in SIGNALS]
        points, medians = rebased_across_teams(store, m.id)
        rebased = ""
        if (medians["run_type"] == "sustained").any():   # runcharter's view, where a team's median moved
            moved = medians[medians["group"].isin(medians.loc[medians["run_type"] == "sustained", "group"])]
            rebased = charts.panels(rebased_multiples(points, moved, names, percent=m.multiplier == 100,
                                                      title=_("%(measure)s: medians re-based after each sustained "
                                                              "run", measure=m.name)),
                                    _("%(measure)s: re-based medians", measure=m.name))
        measure_html.append(render(PARTS, "measure", name=m.name, chart=charts.panels(fig, m.name), signals=signals,
                                   rebased=rebased, run=REBASE_RUN, network=network_html(store, m, period, names,
                                                                                         charts)))

    ideas = store.list(ChangeIdea)
    state = {(r.team_id, r.change_idea_id): DECISION_WORDS[r.latest_decision] for r in ramps(store.list(PdsaCycle))}
    used = [i for i in ideas if any((t.id, i.id) in state for t in teams)]
    spread = matrix_html([(i.title, [state.get((t.id, i.id), "") for t in teams]) for i in used],
                     [t.name for t in teams], _("Change ideas across teams")) if used else render(PARTS, "no_cycles")

    members = {m.id: m for m in store.list(Member)}
    sessions = [p for p in store.list(Phase) if p.kind == "learning_session" and p.start <= day]
    hours: dict[tuple[str, str], float] = defaultdict(float)
    for a in store.list(Attendance):
        if a.event_kind == "learning_session" and a.phase_id and a.member_id in members:
            hours[(a.phase_id, members[a.member_id].role)] += a.hours
    roles = list(ROLE_LABELS)
    participation = matrix_html([(p.name, [f"{hours[(p.id, r)]:g} h" for r in roles]) for p in sessions],
                            [ROLE_LABELS[r] for r in roles], _("Learning-session hours by role"))

    dosage = dosage_html(role_doses(store), teams, years_so_far(collab.start, collab.end, day))
    questions = coaching_questions(store, day)
    flagged = [(names[t], [q.label for q in qs]) for t, qs in questions.items() if qs]
    return render(PARTS, "monthly", style=stylesheet(), collab=collab, period=period, teams=len(teams), flagged=flagged,
                  reported=reported, scale=scale, pdsa=pdsa, measures=Markup("").join(measure_html), spread=spread,
                  equity=equity_section(store, charts), participation=participation, dosage=dosage)
