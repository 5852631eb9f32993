"""Re-based medians: cases worked out by hand from runcharter's ``runcharter()`` definitions."""
import numpy as np
import pytest

from bsc_widgets.spc.rebase import rebase

BASELINE = [5, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 4, 5]      # 13 points, median 5


def medians_of(y, **kw):
    return rebase(y, **kw)[1]


def test_a_sustained_run_per_team():
    high = [9, 9, 10, 9, 8, 9, 10, 9, 9, 10, 9]
    y = BASELINE + high + BASELINE + BASELINE[:11]
    group = ["a"] * 24 + ["b"] * 24
    points, medians = rebase(y, list(range(24)) * 2, group)
    a = medians[medians["group"] == "a"]
    assert a["run_type"].tolist() == ["baseline", "sustained"] and a["median"].tolist() == [5, 9]
    assert medians[medians["group"] == "b"]["run_type"].tolist() == ["baseline"]
    assert points[points["group"] == "a"]["run_type"].tolist()[12:24] == ["baseline"] + ["sustained"] * 9 + \
        ["extended"] * 2


def test_the_new_median_is_taken_over_the_runs_own_points():
    # the point on the median (5) is skipped: the run is 9, 6, 6, 6, 6, 7, 7, 7, 7 and its median is 7
    y = BASELINE + [9, 5, 6, 6, 6, 6, 7, 7, 7, 7]
    medians = medians_of(y)
    assert medians["median"].tolist() == [5, 7]
    assert medians["start"].tolist() == [1, 14] and medians["end"].tolist() == [13, 23]


def test_missing_points_neither_break_nor_extend_a_run():
    y = BASELINE + [8, 8, np.nan, 8, 9, 9, 9, 9, 9, 9]
    medians = medians_of(y)
    assert medians["run_type"].tolist() == ["baseline", "sustained"]
    assert medians["median"].iloc[1] == 9 and medians["end"].iloc[1] == 23


def test_a_group_long_enough_for_a_baseline_keeps_it_even_if_too_short_for_a_run():
    medians = medians_of(BASELINE + [9, 9])
    assert medians["run_type"].tolist() == ["baseline"] and medians["median"].tolist() == [5]
    assert medians["extend_to"].tolist() == [15]


def test_a_group_shorter_than_the_baseline_gets_no_median():
    points, medians = rebase([1, 2, 3])
    assert medians.empty and points["median"].isna().all() and points["run_type"].isna().all()
    with pytest.raises(ValueError, match="direction"):
        rebase([1, 2], direction="sideways")


def test_a_median_extends_to_the_start_of_the_next_and_the_last_to_the_latest_point():
    y = BASELINE + [4, 9] + [9] * 9 + [20] * 9 + [20]
    medians = medians_of(y)
    assert medians["run_type"].tolist() == ["baseline", "sustained", "sustained"]
    assert medians["median"].tolist() == [5, 9, 20]
    assert medians["start"].tolist() == [1, 15, 25], "the tenth 9 sits on the new median and is skipped"
    assert medians["extend_to"].tolist() == [15, 25, 34]
    points = rebase(y)[0]
    assert points["median"].tolist() == [5] * 14 + [9] * 10 + [20] * 10


def test_direction_above_ignores_a_run_below():
    y = BASELINE + [1] * 9 + [9] * 9
    assert medians_of(y, direction="above")["median"].tolist() == [5, 9]
    assert medians_of(y, direction="below")["median"].tolist() == [5, 1]
    assert medians_of(y, direction="both")["median"].tolist() == [5, 1, 9]


def test_the_latest_point_is_the_latest_in_the_data_for_every_group():
    y = BASELINE + [9] * 9 + BASELINE + [9] * 12
    group = ["a"] * 22 + ["b"] * 25
    medians = medians_of(y, x=list(range(22)) + list(range(25)), group=group)
    assert set(medians[medians["run_type"] == "sustained"]["extend_to"]) == {24}, "as runcharter: max(date)"


def test_several_teams_at_once_equal_each_team_alone():
    a = BASELINE + [9, 5, 6, 6, 6, 6, 7, 7, 7, 7]
    b = BASELINE + [1] * 9 + [9] * 9
    both = medians_of(a + b, x=list(range(len(a))) + list(range(len(b))),
                      group=["a"] * len(a) + ["b"] * len(b))
    for key, values in (("a", a), ("b", b)):
        alone = medians_of(values, x=list(range(len(values))))
        mine = both[both["group"] == key]
        assert mine["median"].tolist() == alone["median"].tolist()
        assert mine["start"].tolist() == alone["start"].tolist()
