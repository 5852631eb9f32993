"""The coach dashboard's widgets on a real store: filters, who needs attention, links to each team."""
import datetime as dt

from bsc_widgets.forms.dashboard import MAX_PANELS, DashboardPage

TODAY = dt.date(2026, 11, 22)


def test_dashboard_shows_attention_chart_and_team_links(sample_store):
    page = DashboardPage(sample_store, TODAY)
    assert "Hearth Family Child Care Network" in page.attention.value and "Score gap" in page.attention.value
    assert page.chart.panels is not None and len(page.chart.panels.items) >= 8   # a small chart for each team
    assert 'href="04_measures.ipynb?team=sunrise-head-start"' in page.team_table.value


def test_filters_narrow_everything(sample_store):
    page = DashboardPage(sample_store, TODAY)
    page.program.value = "family_child_care_network"
    assert "Sunrise Head Start" not in page.team_table.value and "Hearth" in page.team_table.value
    page.team.value = "sunrise-head-start"
    assert "None of these 0 teams" in page.attention.value
    page.program.value = ""
    assert "Sunrise Head Start" in page.team_table.value and "Hearth" not in page.team_table.value
    page.measure.value = "family-notes"
    page.period.value = dt.date(2026, 3, 1)
    assert page.chart.panels.title == "Families receiving a positive note this week"
    import numpy as np
    assert max(max(t.x) for _, fig in page.chart.panels.items for t in fig.data
               if t.x is not None and len(t.x)) < np.datetime64("2026-04-01")


def test_a_collaborative_of_300_teams_stays_usable(sample_store):
    """Many teams: the attention list covers all of them, charts are capped, filters stay quick."""
    from bsc_widgets.model import Observation, Team
    base = sample_store.team("sunrise-head-start")
    obs = sample_store.list(Observation, team_id=base.id, measure_id="positive-feedback")
    with sample_store.transaction() as tx:
        tx.insert_many(Team, [base.model_copy(update={"id": f"clone-{i:03d}", "name": f"Clone {i:03d}"})
                              for i in range(292)])
        tx.insert_many(Observation, [o.model_copy(update={"team_id": f"clone-{i:03d}"}) for i in range(292)
                                     for o in obs])
    page = DashboardPage(sample_store, TODAY)
    assert len(page.teams) == 300
    assert f"Showing {MAX_PANELS} of 300 teams" in page.readings.value
    assert len(page.chart.panels.items) == MAX_PANELS


def test_text_typed_by_advisors_is_escaped_in_the_collaborative_report(sample_store):
    from bsc_widgets.model import AssessmentLevel
    from bsc_widgets.reports.collaborative import collaborative_report_html

    level = sample_store.get(AssessmentLevel, 3.0)
    sample_store.save(level.model_copy(update={"label": "<img src=x onerror=alert(1)>"}))
    html = collaborative_report_html(sample_store, dt.date(2026, 10, 1), TODAY)
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_rebased_medians_across_teams_as_runcharter_draws_them(sample_store):
    from bsc_widgets.analysis.measure_analysis import rebased_across_teams
    from bsc_widgets.reports.collaborative import collaborative_report_html
    page = DashboardPage(sample_store, TODAY)
    page.measure.value = "visual-schedules"
    page.view.value = "rebased"
    assert "re-based after each sustained run" in page.chart.panels.title
    _, medians = rebased_across_teams(sample_store, "visual-schedules")
    moved = medians[medians["run_type"] == "sustained"]
    assert len(moved) >= 1
    solid_lines = [t for _, fig in page.chart.panels.items for t in fig.data
                   if t.mode == "lines" and t.line.dash == "solid"]
    assert len(solid_lines) == len(medians), "one solid segment for each median of each team"
    report = collaborative_report_html(sample_store, dt.date(2026, 10, 1), TODAY)
    assert "re-based medians" in report
    page.view.value = "charts"
    assert page.chart.panels.title == page.measures["visual-schedules"].name


def test_funnel_plot_compares_teams_by_size_for_the_data_up_to_month(sample_store):
    from bsc_widgets.model import Observation
    from bsc_widgets.reports.collaborative import collaborative_report_html
    page = DashboardPage(sample_store, TODAY)
    page.measure.value = "positive-feedback"
    page.period.value = dt.date(2026, 10, 1)
    page.view.value = "funnel"
    fig = page.chart.figure
    teams = next(t for t in fig.data if t.name == "teams")
    october = [o for o in sample_store.list(Observation, measure_id="positive-feedback")
               if o.period == dt.date(2026, 10, 1)]
    assert sorted(teams.x) == sorted(o.denominator for o in october)      # x is each team's denominator
    network = sum(o.numerator for o in october) / sum(o.denominator for o in october) * 100
    assert next(t for t in fig.data if t.name == "network").y[0] == network
    assert f"{network:.3g}%" in page.readings.value
    page.view.value = "network"
    assert "all teams together" in page.chart.figure.layout.title.text
    assert "all teams together" in page.readings.value
    page.measure.value = "staff-stress"                                   # a value: no funnel
    assert "is not a proportion or a rate" in page.readings.value
    report = collaborative_report_html(sample_store, dt.date(2026, 10, 1), TODAY)
    assert "Teams compared fairly by size" in report and "All teams together" in report
