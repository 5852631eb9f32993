"""IHI and Making Data Count rules, runcharter re-basing and the plain-language reading: their edge cases."""
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bsc_widgets.spc import qic
from bsc_widgets.spc.ihi import runs_limits
from bsc_widgets.spc.reading import Cycle, read_chart
from bsc_widgets.spc.rebase import rebase

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def ihi(values, **kw):
    return qic(values, rules="ihi", **kw)


# ---- IHI ---------------------------------------------------------------------------------------

def test_shift_of_six_with_a_point_on_the_median_skipped():
    #         median = 5 (baseline of 5 points: 6,4,6,4,5)
    r = ihi([6, 4, 6, 4, 5, 7, 8, 5, 7, 9, 8, 7], freeze=5)
    assert r["cl"].iloc[0] == 5
    flagged = r.index[r["ihi_shift"]].tolist()
    assert flagged == [5, 6, 8, 9, 10, 11], "6 points above; the point on the median neither adds nor breaks"


def test_five_above_is_not_a_shift():
    r = ihi([6, 4, 6, 4, 5, 7, 8, 7, 9, 8, 4], freeze=5)
    assert not r["ihi_shift"].any()


def test_trend_counts_equal_neighbours_once():
    assert not ihi([10, 11, 12, 12, 13])["ihi_trend"].any(), "10, 11, 12, 12, 13 is only 4 distinct points"
    r = ihi([10, 11, 12, 12, 13, 14])
    assert r["ihi_trend"].all(), "the tie is part of the trend"
    assert ihi([9, 8, 7, 6, 5, 9])["ihi_trend"].tolist() == [True] * 5 + [False]


def test_trend_skips_missing_values_and_stays_within_a_part():
    assert ihi([1, 2, np.nan, 3, 4, 5])["ihi_trend"].sum() == 5
    r = ihi([1, 2, 3, 4, 5, 6], part=[3])
    assert not r["ihi_trend"].any()


def test_runs_table_fixture_matches_the_exact_distribution():
    table = pd.read_csv(FIXTURES / "runs_table_swed_eisenhart.csv", comment="#")
    for n, low, high in table.itertuples(index=False):
        assert runs_limits(n) == (low, high), n
    assert np.isnan(runs_limits(9)[0]) and np.isnan(runs_limits(61)[0])


def test_too_few_and_too_many_runs():
    few = ihi([1] * 6 + [9] * 6 + [1] * 6 + [9] * 6)     # 4 runs of 6, 24 useful points
    assert few["ihi_runs"].iloc[0] == 4 and few["ihi_too_few_runs"].all() and few["ihi_signal"].all()
    many = ihi([1, 9] * 10)                                  # 20 runs of 20 useful points
    assert many["ihi_runs"].iloc[0] == 20 and many["ihi_too_many_runs"].all()
    short = ihi([1, 9, 1, 9])
    assert np.isnan(short["ihi_runs_low"].iloc[0]) and not short["ihi_too_few_runs"].any()


# ---- Making Data Count -------------------------------------------------------------------------

def mdc(values, direction="up", **kw):
    return qic(values, chart="i", rules="mdc", direction=direction, **kw)


BASE = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9]


def test_astronomical_point_and_direction():
    r = mdc(BASE + [30])
    assert r["mdc_astronomical"].tolist()[-1]
    assert r["mdc_point_type"].iloc[-1] == "special_cause_improvement"
    assert mdc(BASE + [30], direction="down")["mdc_point_type"].iloc[-1] == "special_cause_concern"
    assert mdc(BASE + [30], direction="neutral")["mdc_variation"].iloc[0] == "special_cause_neutral_high"


def test_seven_point_trend_and_a_tie_breaks_it():
    rising = [1, 2, 3, 4, 5, 6, 7]
    assert mdc(BASE + rising)["mdc_trend"].sum() == 7
    assert not mdc(BASE + [1, 2, 3, 3, 4, 5, 6])["mdc_trend"].any()


def test_shift_of_seven_broken_by_a_point_on_the_mean():
    r = mdc(BASE + [10.5] * 7, freeze=12)
    assert r["mdc_shift"].sum() == 7
    cl = r["cl"].iloc[0]
    broken = mdc(BASE + [10.5] * 3 + [cl] + [10.5] * 3, freeze=12)
    assert not broken["mdc_shift"].any()


def test_two_of_three_counts_only_points_between_two_and_three_sigma_on_one_side():
    r = mdc(BASE, freeze=12)
    cl, u2, u3 = r["cl"].iloc[0], r["ucl_95"].iloc[0], r["ucl"].iloc[0]
    band = (u2 + u3) / 2
    hit = mdc(BASE + [band, cl + 0.1, band], freeze=12)
    assert hit["mdc_two_in_three"].tolist()[-3:] == [True, False, True]
    other_side = mdc(BASE + [band, cl - 0.1, band], freeze=12)
    assert not other_side["mdc_two_in_three"].any()


def test_assurance_against_the_goal():
    r = mdc(BASE, target=100)
    assert r["mdc_assurance"].iloc[-1] == "consistent_fail"
    assert mdc(BASE, target=0)["mdc_assurance"].iloc[-1] == "consistent_pass"
    assert mdc(BASE, target=10)["mdc_assurance"].iloc[-1] == "inconsistent"
    assert mdc(BASE, direction="neutral", target=10)["mdc_assurance"].iloc[-1] is None


# ---- runcharter re-basing ----------------------------------------------------------------------

def test_rebase_finds_a_sustained_run_per_team():
    low, high = [5, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 4, 5], [9, 9, 10, 9, 8, 9, 10, 9, 9, 10, 9]
    y = low + high + low + low[:11]
    group = ["a"] * 24 + ["b"] * 24
    x = list(range(24)) * 2
    points, medians = rebase(y, x, group, med_rows=13, runlength=9)
    assert medians[medians["group"] == "a"]["run_type"].tolist() == ["baseline", "sustained"]
    assert medians[medians["group"] == "a"]["median"].tolist() == [5, 9]
    assert medians[medians["group"] == "b"]["run_type"].tolist() == ["baseline"]
    assert points[points["group"] == "a"]["run_type"].iloc[13] == "sustained"


def test_rebase_leaves_out_groups_too_short():
    points, medians = rebase([1, 2, 3], med_rows=13, runlength=9)
    assert medians.empty and points["median"].isna().all()
    with pytest.raises(ValueError, match="direction"):
        rebase([1, 2], direction="sideways")


# ---- the reading -------------------------------------------------------------------------------

MONTHS = pd.date_range("2025-03-01", periods=20, freq="MS")
SHIFTED = [30, 35, 32, 40, 28, 33, 36, 31, 34, 29, 60, 62, 58, 65, 61, 59, 63, 66, 60, 64]


def test_reading_names_the_improvement_and_the_cycle_before_it():
    r = qic(SHIFTED, x=MONTHS, freeze=10)
    cycle = Cycle("visual schedules in every room", dt.date(2025, 11, 3), dt.date(2025, 12, 12), "adopt")
    reading = read_chart(r, "Feedback", "up", True, "monthly", [cycle])
    assert reading.verdict == "improvement"
    assert ("The last 10 months are all above the baseline median of 32.5%" in reading.text
            or "The last 10 months are all above the baseline median of 32%" in reading.text)
    assert "a signal of improvement that started in January 2026, after the cycle ‘visual schedules in every room’ " \
           "was adopted" in reading.text


def test_reading_tells_concern_by_direction():
    r = qic(SHIFTED, x=MONTHS, freeze=10)
    assert read_chart(r, "Send-homes", "down", False, "monthly").verdict == "concern"


def test_reading_with_too_few_points_says_how_many_more_and_never_stable():
    r = qic([3, 5, 4], x=MONTHS[:3])
    text = read_chart(r, "Send-homes", "down", False, "monthly").text
    assert "cannot signal yet" in text and "4 more months are needed before any signal" in text
    assert "stable" not in text.replace("cannot show that the process is stable", "")
    r = qic([3, 5, 4, 6, 2, 7, 1, 8], x=MONTHS[:8])
    reading = read_chart(r, "Send-homes", "down", False, "monthly")
    assert reading.verdict == "too_few" and "2 more months are needed for a dependable reading" in reading.text


def test_reading_of_random_variation_with_enough_points():
    r = qic([5, 7, 4, 6, 5, 8, 4, 6, 7, 5, 6, 4], x=MONTHS[:12])
    reading = read_chart(r, "Stress", "down", False, "monthly")
    assert reading.verdict == "no_signal" and "No signal of change" in reading.text


def test_reading_of_points_outside_the_limits():
    r = qic(BASE + [30], x=MONTHS[:13], chart="i")
    text = read_chart(r, "Send-homes", "down", False, "monthly").text
    assert "1 point falls outside the control limits, unusually poor: March 2026 (30)" in text


def test_a_point_on_the_median_after_a_long_run_does_not_end_it():
    y = SHIFTED[:19] + [32.5]          # the last point sits on the baseline median
    r = qic(y, x=MONTHS, freeze=10)
    assert r["y"].iloc[-1] == r["cl"].iloc[-1]
    text = read_chart(r, "Feedback", "up", True, "monthly").text
    assert "Since January 2026, every point off the baseline median" in text and "improvement" in text
