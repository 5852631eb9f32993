"""Edge cases of the engine beyond the qicharts2 fixtures: hand-derived values and bad input."""
import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsc_widgets.spc import qic
from bsc_widgets.spc.critical import crossings_min, longest_run_max


def test_points_on_the_median_are_dropped_from_runs():
    r = qic([1, 2, 3, 3, 3, 4, 5])          # median 3: three points on it
    assert r["cl"].iloc[0] == 3
    assert r["n_obs"].iloc[0] == 7 and r["n_useful"].iloc[0] == 4
    assert r["longest_run"].iloc[0] == 2 and r["n_crossings"].iloc[0] == 1


def test_all_equal_series_has_no_useful_points_and_no_signal():
    r = qic([5] * 12)
    assert r["n_useful"].iloc[0] == 0
    assert r[["longest_run", "longest_run_max", "n_crossings", "n_crossings_min"]].isna().all().all()
    assert not r["runs_signal"].any()


def test_single_point():
    r = qic([7])
    assert r["cl"].iloc[0] == 7 and r["n_useful"].iloc[0] == 0 and not r["runs_signal"].iloc[0]
    i = qic([7], chart="i")
    assert np.isnan(i["ucl"].iloc[0])


def test_fewer_than_six_useful_points_cannot_signal():
    for n in range(1, 6):
        r = qic(list(range(n)), freeze=1) if n > 1 else qic([0])
        assert not r["runs_signal"].any(), n


def test_missing_values_are_dropped_not_counted():
    r = qic([1, np.nan, 2, 8, np.nan, 9, 1, 9])
    assert r["n_obs"].iloc[0] == 8 and r["n_useful"].iloc[0] == 6


def test_duplicated_x_is_aggregated():
    r = qic([1, 3, 10, 20, 5], x=[1, 1, 2, 2, 3])
    assert list(r["y"]) == [2, 15, 5] and list(r["y_length"]) == [2, 2, 1]
    s = qic([1, 3, 10], x=[1, 1, 2], agg_fun="sum")
    assert list(s["y"]) == [4, 10]
    p = qic([1, 2, 3], x=[1, 1, 2], n=[10, 10, 10], chart="p")
    assert list(p["y"]) == [0.15, 0.3]


def test_a_series_with_no_crossings_signals():
    r = qic([5, 6, 5, 6, 5, 6, 5, 6, 10, 11, 12, 10, 11, 12, 10, 11], freeze=8)
    later = r[~r["baseline"]]
    assert r["runs_signal"].all() and (later["y"] > later["cl"]).all() and r["longest_run"].iloc[0] == 9


def test_freeze_keeps_the_baseline_centre_and_tests_all_points():
    r = qic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], freeze=4)
    assert (r["cl"] == 2.5).all() and r["n_obs"].iloc[0] == 10


def test_part_labels_make_phases():
    r = qic(list(range(12)), part=["before"] * 6 + ["after"] * 6)
    assert list(r["part"]) == [1] * 6 + [2] * 6
    assert list(r.groupby("part")["cl"].first()) == [2.5, 8.5]


def test_per_team_freeze_and_part_in_one_call():
    y = list(range(10)) * 2
    team = ["a"] * 10 + ["b"] * 10
    r = qic(y, x=list(range(10)) * 2, facets=pd.DataFrame({"team": team}), freeze={"a": 4}, part={"b": [5]})
    a, b = r[r["facet1"] == "a"], r[r["facet1"] == "b"]
    assert (a["cl"] == 1.5).all()
    assert list(b.groupby("part")["cl"].first()) == [2, 7]
    with pytest.raises(ValueError, match="freeze names 'c', which is not one of the series"):
        qic(y, x=list(range(10)) * 2, facets=pd.DataFrame({"team": team}), freeze={"c": 4})
    with pytest.raises(ValueError, match="freeze must be between 1 and 10 .the number of subgroups for b."):
        qic(y, x=list(range(10)) * 2, facets=pd.DataFrame({"team": team}), freeze={"b": 14})


@pytest.mark.parametrize("kwargs,message", [
    (dict(y=[1, -2, 3], chart="c"), "A count cannot be negative: position 2"),
    (dict(y=[5, 12], n=[10, 10], chart="p"), "numerator (12) is larger than the denominator (10)"),
    (dict(y=[1, 2], n=[10, 0], chart="u"), "A denominator of zero at position 2"),
    (dict(y=[1, 2, 3], freeze=5), "freeze must be between 1 and 3"),
    (dict(y=[1, 2, 3], chart="xmr"), "Unknown chart type 'xmr'"),
    (dict(y=["1", "two", "3"]), "position 2 holds 'two'"),
    (dict(y=[1, 2, 3], chart="p"), "needs denominators"),
    (dict(y=[1, 2, 3], exclude=[4]), "exclude positions must be between 1 and 3"),
    (dict(y=[1, 2, 3], part=[3]), "part positions must be between 1 and 2"),
    (dict(y=[0, 2, 3], chart="t"), "more than zero"),
    (dict(y=[], chart="run"), "nothing to chart"),
    (dict(y=[1, 2], rules="westgard"), "Unknown rule set"),
    (dict(y=[np.nan, np.nan]), "every value is missing"),
    (dict(y=[1, 2], n=[0, 4]), "A denominator of zero at position 1"),
])
def test_bad_input_is_a_clear_value_error(kwargs, message):
    with pytest.raises(ValueError) as info:
        qic(**kwargs)
    assert message in str(info.value)


def _qbinom05_brute(m: int) -> int:
    cum = Fraction(0)
    for k in range(m + 1):
        cum += Fraction(math.comb(m, k), 2 ** m)
        if cum >= Fraction(1, 20):
            return k
    return m


def test_critical_values_follow_the_formulas_for_n_1_to_500():
    n = np.arange(1, 501)
    assert (longest_run_max(n) == np.array([round(math.log2(k)) + 3 for k in n])).all()
    assert (crossings_min(n) == np.array([_qbinom05_brute(int(k) - 1) for k in n])).all()


def test_critical_values_for_very_long_series_are_sane():
    assert crossings_min([5000, 100_000]).tolist() == [2441, 49739]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=2, max_size=40), st.sampled_from([0.5, 3, 1000]),
       st.sampled_from(["run", "i", "xbar"]))
def test_scaling_does_not_change_the_runs_analysis(values, k, chart):
    x = [i // 2 for i in range(len(values))] if chart == "xbar" else None
    a = qic(values, x=x, chart=chart)
    b = qic([v * k for v in values], x=x, chart=chart)
    for col in ("n_useful", "longest_run", "n_crossings", "runs_signal"):
        assert a[col].equals(b[col]) or (a[col].isna().all() and b[col].isna().all()), col
    for col in ("cl", "lcl", "ucl"):
        assert np.allclose(a[col] * k, b[col], equal_nan=True), col


@settings(max_examples=40, deadline=None)
@given(st.integers(6, 60))
def test_a_series_that_never_crosses_its_centre_signals(n):
    r = qic([1.0] * 3 + [10.0 + i for i in range(n)], freeze=3)
    assert r["n_crossings"].iloc[0] == 0 and r["runs_signal"].all()


def test_bestbox_and_cutbox_use_the_tabulated_limits():
    from bsc_widgets.spc.critical import runs_signal
    assert runs_signal(20, 5, 7, "bestbox") and not runs_signal(20, 6, 7, "bestbox")
    assert not runs_signal(10, 2, 5, "cutbox") and runs_signal(10, 2, 6, "cutbox")
    assert runs_signal(10, 2, 6, "anhoej") is False and runs_signal(10, 1, 6, "anhoej")
    assert runs_signal(8, 0, 3, "bestbox") == runs_signal(8, 0, 3, "anhoej"), "outside 10..100: Anhøj"
    r = qic([1, 2] * 10, method="bestbox")
    assert not r["runs_signal"].any()


def test_a_known_centre_line_is_used_as_given():
    r = qic([8, 9, 11, 12, 10, 9], chart="i", cl=10)
    assert (r["cl"] == 10).all()
    g = qic([3, 5, 8, 2, 9, 4], chart="g", cl=5)
    assert np.allclose(g["cl"], 0.693 * 5)


def test_funnel_limits_are_each_units_own_p_chart_limits_and_the_curve_the_same_formula():
    from bsc_widgets.spc.funnel import funnel
    points, curve = funnel([10, 30, 5, 60], [20, 50, 30, 80], ["a", "b", "c", "d"], "p", 100)
    p = 105 / 180                                          # qicharts2: one centre line over all units
    assert np.allclose(points["cl"], p * 100)
    sd = np.sqrt(p * (1 - p) / np.array([20, 50, 30, 80]))
    assert np.allclose(points["ucl"], np.minimum(1, p + 3 * sd) * 100)
    assert np.allclose(points["lcl"], np.maximum(0, p - 3 * sd) * 100)
    assert list(points["sigma_signal"]) == [False, False, True, True]
    assert not points["runs_signal"].any(), "a funnel has no runs analysis: its x is not time"
    at = curve.iloc[len(curve) // 2]
    assert np.isclose(at["ucl"], min(1, p + 3 * np.sqrt(p * (1 - p) / at["n"])) * 100)
    assert curve["n"].is_monotonic_increasing and (np.diff(curve["ucl"].to_numpy()) <= 1e-12).all()
    with pytest.raises(ValueError, match="appears once"):
        funnel([1, 2], [3, 4], ["a", "a"])
    u_points, _ = funnel([3, 9], [100, 150], ["x", "y"], "u")
    assert np.isclose(u_points["cl"].iloc[0], 12 / 250)
    assert np.allclose(u_points["ucl"], 12 / 250 + 3 * np.sqrt(12 / 250 / np.array([100, 150])))
