"""Each rule defined once: "a PDSA cycle near a signal" means the same on every page."""
import datetime as dt

from bsc_widgets.analysis.attention import coaching_questions
from bsc_widgets.analysis.measure_analysis import analyse_across_teams
from bsc_widgets.analysis.reading import near_signal
from bsc_widgets.analysis.spread import spread
from bsc_widgets.base.clock import add_months
from bsc_widgets.charts import small_multiples
from bsc_widgets.charts.palette import KIND_NAMES
from bsc_widgets.model import Measure, current
from bsc_widgets.spc.signals import SIGNALS

TODAY = dt.date(2026, 11, 22)
D = dt.date


def test_near_means_three_months_before_to_a_month_after():
    signal = D(2026, 5, 10)
    assert near_signal(D(2026, 2, 1), D(2026, 2, 14), signal), "ended in the third month before"
    assert not near_signal(D(2026, 1, 5), D(2026, 1, 31), signal), "ended four months before"
    assert near_signal(D(2026, 6, 30), None, signal), "started in the month after"
    assert not near_signal(D(2026, 7, 1), None, signal)
    assert near_signal(D(2025, 11, 1), None, signal, D(2026, 4, 1)) is False
    assert near_signal(D(2026, 5, 20), D(2026, 6, 1), D(2025, 3, 1), D(2026, 5, 1)), "within a phase-long signal"


def test_month_arithmetic_across_years():
    assert add_months(D(2026, 11, 22), 2) == D(2027, 1, 1)
    assert add_months(D(2026, 1, 31), -1) == D(2025, 12, 1)
    assert add_months(D(2026, 3, 1), -15) == D(2024, 12, 1)


def test_the_questions_the_reading_and_spread_agree_on_every_signal(sample_store):
    snapshot = sample_store.as_of(TODAY)
    questions = coaching_questions(snapshot, TODAY)
    linked = {(s.team_id, s.measure) for idea in spread(snapshot, TODAY) for s in idea.signals}
    checked = 0
    for m in current(snapshot.list(Measure), TODAY):
        _, readings = analyse_across_teams(snapshot, m.id)
        for team, reading in readings.items():
            if reading.verdict not in SIGNALS or reading.began is None \
                    or reading.ended is not None:
                continue
            checked += 1
            asked = any(q.kind in ("unexplained_signal", "concern") and q.text.startswith(m.name)
                        and "no PDSA cycle near it" in q.text for q in questions[team])
            assert asked == ((team, m.name) not in linked), (team, m.id)
            if asked:
                assert "A PDSA cycle was running" not in reading.text, (team, m.id)
    assert checked >= 3


def test_a_saved_baseline_means_the_same_on_the_workbook_the_dashboard_the_reports_and_effectiveness(sample_store):
    import datetime as dt

    from bsc_widgets.analysis.effectiveness import effectiveness
    from bsc_widgets.analysis.measure_analysis import analyse_across_teams, analyse_measure
    from bsc_widgets.model import ChartMark
    from bsc_widgets.reports.team import team_report_html
    from bsc_widgets.services import COMMAND_LINE, add

    day, team, measure = dt.date(2026, 11, 30), "little-acorns", "positive-feedback"
    add(sample_store, COMMAND_LINE, ChartMark(id="new", team_id=team, measure_id=measure, at=dt.date(2026, 1, 1),
                                              kind="baseline", reason="Before the huddles", set_on=day), on=day)
    snapshot = sample_store.as_of(day)
    own = analyse_measure(snapshot, team, measure)
    result, readings = analyse_across_teams(snapshot, measure)
    mine = result[result["facet1"] == team]
    assert own.result["baseline"].sum() == mine["baseline"].sum() == (mine["x"] <= "2026-01-01").sum()
    assert own.reading.sentences == readings[team].sentences
    assert effectiveness(sample_store, day).results[(team, measure)].reading.sentences == own.reading.sentences
    assert "baseline" in " ".join(own.reading.sentences)
    assert own.reading.sentences[0] in team_report_html(sample_store, team, dt.date(2026, 11, 1), day)


def test_every_small_chart_colours_its_points_as_the_sentence_under_it_reads(sample_store):
    """The dashboard's picture and its words come from the engine's columns: a sentence that says "a signal of
    concern from September" sits under orange points from September, and one that says "no change" under none."""
    snapshot = sample_store.as_of(TODAY)
    names = {t.id: t.name for t in snapshot.teams()}
    kinds = {name: kind for kind, name in KIND_NAMES.items()}
    verdicts = set()
    for m in current(snapshot.list(Measure), TODAY):
        result, readings = analyse_across_teams(snapshot, m.id)
        panels = dict(small_multiples(result, names).items)
        for team, reading in readings.items():
            rows = result[result["facet1"] == team]
            latest = rows[rows["part"] == rows["part"].max()]
            drawn = {}                                  # point's date -> the colour of signal it is drawn in
            for trace in panels[names[team]].data:
                if trace.name in kinds:
                    drawn |= {dt.date.fromisoformat(str(x)[:10]): kinds[trace.name] for x in trace.x}
            assert drawn == {r.x.date(): r.signal for r in rows.itertuples() if r.signal}, (team, m.id)
            in_part = {d: k for d, k in drawn.items() if d >= latest["x"].min().date()}
            verdicts.add(reading.verdict)
            if reading.verdict not in SIGNALS:
                assert not in_part, (team, m.id, reading.lead)
                continue
            end = (reading.ended or latest["x"].max()).date()
            named = {k for d, k in in_part.items() if reading.began.date() <= d <= end}
            assert reading.verdict in named or reading.ended is not None and reading.verdict == "change", \
                (team, m.id, reading.lead, named)
    assert {"improvement", "concern", "no_signal"} <= verdicts
