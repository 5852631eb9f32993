"""The sample collaborative through the engine: every chart has a reading; figures show signals and escape text."""
import datetime as dt
import json

import pytest

from bsc_widgets.charts import figure_for, small_multiples, spc_figure
from bsc_widgets.charts.palette import CONCERN, IMPROVEMENT
from bsc_widgets.charts.spc_chart import Marker, chart_key
from bsc_widgets.model import Measure, Team
from bsc_widgets.analysis.measure_analysis import analyse_measure, analyse_across_teams


def test_every_chart_in_the_sample_carries_a_plain_language_reading(sample_store):
    teams = {t.id for t in sample_store.list(Team)}
    for measure in sample_store.list(Measure):
        result, readings = analyse_across_teams(sample_store, measure.id, rules=("anhoej", "ihi", "mdc"))
        assert set(readings) == teams, measure.id
        for team, reading in readings.items():
            assert reading.text.startswith(measure.name + ":"), (measure.id, team)
            assert reading.verdict in ("improvement", "concern", "change", "no_signal", "too_few")
            assert len(reading.text) > 60


def test_the_sample_shows_a_sustained_shift_where_one_was_built(sample_store):
    s = analyse_measure(sample_store, "sunrise-head-start", "positive-feedback")
    assert s.reading.verdict == "improvement"
    assert "a signal of improvement" in s.reading.text
    flat = analyse_measure(sample_store, "maple-street-ehs", "positive-feedback")
    assert flat.reading.verdict == "no_signal"


def test_study_of_a_team_one_at_a_time_equals_the_vectorised_one(sample_store):
    one = analyse_measure(sample_store, "hearth-fcc", "send-homes").result
    allteams, _ = analyse_across_teams(sample_store, "send-homes")
    same = allteams[allteams["facet1"] == "hearth-fcc"].reset_index(drop=True)
    for col in ("y", "cl", "n_useful", "longest_run", "n_crossings", "runs_signal"):
        assert one[col].reset_index(drop=True).equals(same[col]), col


def test_figure_highlights_signals_escapes_text_and_needs_no_network(sample_store):
    s = analyse_measure(sample_store, "sunrise-head-start", "positive-feedback")
    fig = spc_figure(s.result, title="<script>alert(1)</script>", percent=True, goal=70,
                     markers=[Marker(dt.date(2026, 1, 12), "Cycle <b>“notes”</b>"),
                              Marker(dt.date(2026, 2, 12), "Learning Session 2", "session")])
    data = json.loads(fig.to_json())
    assert "<script>" not in json.dumps(data["layout"]["title"])
    assert any("&lt;b&gt;" in a.get("hovertext", "") for a in data["layout"]["annotations"])
    assert [k.label for k in chart_key(fig)] == ["Cycle <b>“notes”</b>", "Learning Session 2"]  # escaped on the page
    hover = " ".join(data["data"][0]["hovertext"])
    assert "run longer than" in hover and "(IHI)" in hover
    # the signal points are named in the legend, in the colour of what they show (here: improvement)
    legend = {t["name"]: t["marker"]["color"] for t in data["data"] if t.get("showlegend", True) and "marker" in t}
    assert legend["signal of improvement"] == IMPROVEMENT and legend["data"] not in (IMPROVEMENT, CONCERN)
    assert "http" not in json.dumps(data)


def test_improvement_and_concern_are_told_apart_on_the_chart(sample_store):
    """The same data is an improvement where higher is better and a concern where lower is: the analysis says
    which, and the chart draws what it says."""
    measure = sample_store.require(Measure, "positive-feedback")
    for direction, kind, colour in (("up", "signal of improvement", IMPROVEMENT),
                                    ("down", "signal of concern", CONCERN)):
        sample_store.save(sample_store.require(Measure, measure.id).model_copy(update={"direction": direction}))
        s = analyse_measure(sample_store, "sunrise-head-start", measure.id)
        assert s.direction == direction and set(s.result["direction"]) == {direction}
        traces = {t.name: t for t in figure_for(s).data}
        assert kind in traces and traces[kind].marker.color == colour
    assert IMPROVEMENT != CONCERN


def test_small_multiples_has_a_panel_per_team(sample_store):
    result, _ = analyse_across_teams(sample_store, "send-homes")
    names = {t.id: t.name for t in sample_store.list(Team)}
    panels = small_multiples(result, names)
    assert sorted(name for name, _ in panels.items) == sorted(names.values())
    ranges = {tuple(fig.layout.yaxis.range) for _, fig in panels.items}
    assert len(ranges) == 1, "every panel on one y scale, so teams can be compared"


def test_a_team_without_data_gets_a_reading_not_an_error(sample_store):
    from bsc_widgets.model import Observation
    for o in sample_store.list(Observation, team_id="riverbend-prek", measure_id="staff-stress"):
        sample_store.delete(o)
    s = analyse_measure(sample_store, "riverbend-prek", "staff-stress")
    assert s.reading.verdict == "too_few" and "no data yet" in s.reading.text
    _, readings = analyse_across_teams(sample_store, "staff-stress")
    assert "no data yet" in readings["riverbend-prek"].text and len(readings) == 8
    for o in sample_store.list(Observation, measure_id="staff-stress"):
        sample_store.delete(o)
    result, readings = analyse_across_teams(sample_store, "staff-stress")
    assert result.empty and all("no data yet" in r.text for r in readings.values())


@pytest.mark.parametrize("team", ["../../etc", "nobody"])
def test_study_refuses_unknown_teams(sample_store, team):
    from bsc_widgets.base.errors import UnknownTeam
    with pytest.raises(UnknownTeam):
        analyse_measure(sample_store, team, "send-homes")


def test_a_teams_chart_is_annotated_with_its_cycles_and_the_learning_sessions(sample_store):
    from bsc_widgets.charts import figure_for
    s = analyse_measure(sample_store, "sunrise-head-start", "positive-feedback")
    fig = figure_for(s)
    texts = [a["text"] for a in fig.to_dict()["layout"]["annotations"]]
    key = {k.tag: k.label for k in chart_key(fig)}
    assert key["LS2"] == "Learning Session 2" and "LS2" in texts          # numbered marks, named in the key
    assert any(label.startswith("PDSA: Two positive notes home a week") for label in key.values())
    assert not any("Visual schedules" in label for label in key.values()), "a cycle aimed at another measure"
    assert all(t in texts for t in key), "every tag in the key is on the chart"
    assert not [a for a in fig.to_dict()["layout"]["annotations"] if a.get("textangle")], "no vertical labels"
    assert any("goal 70%" in t for t in texts)
