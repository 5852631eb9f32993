"""IHI rules and the plain-language reading: their edge cases (MDC and runcharter have files of their own)."""
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from bsc_widgets.spc import qic
from bsc_widgets.spc.ihi import runs_limits
from bsc_widgets.analysis.reading import Cycle, read_chart

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


def _runs_of_points(lengths, low=1.0, high=9.0):
    """Points on alternating sides of a fixed median of 5, in runs of the given lengths."""
    return sum(([low if k % 2 == 0 else high] * n for k, n in enumerate(lengths)), [])


def test_too_few_runs_is_fewer_than_the_tables_lower_limit():
    six = ihi(_runs_of_points([4, 3, 3, 3, 3, 4]), cl=5)       # 20 useful points in 6 runs
    assert six["n_useful"].iloc[0] == 20 and six["ihi_runs"].iloc[0] == 6 and six["ihi_runs_low"].iloc[0] == 6
    assert not six["ihi_too_few_runs"].any(), "6 runs of 20 points is at the lower limit, not below it"
    five = ihi(_runs_of_points([4, 4, 4, 4, 4]), cl=5)
    assert five["ihi_runs"].iloc[0] == 5 and five["ihi_too_few_runs"].all()


def test_too_many_runs_is_more_than_the_tables_upper_limit():
    sixteen = ihi(_runs_of_points([2, 2, 2, 2] + [1] * 12), cl=5)   # 20 points in 16 runs
    assert sixteen["ihi_runs"].iloc[0] == 16 and sixteen["ihi_runs_high"].iloc[0] == 16
    assert not sixteen["ihi_too_many_runs"].any()
    seventeen = ihi(_runs_of_points([2, 2, 2] + [1] * 14), cl=5)
    assert seventeen["ihi_runs"].iloc[0] == 17 and seventeen["ihi_too_many_runs"].all()


def test_the_reading_says_when_a_runs_limit_is_unconfirmed():
    x = pd.date_range("2024-01-01", periods=24, freq="MS")
    few = qic(_runs_of_points([6, 6, 6, 6]), x=x, cl=5, rules="ihi")   # 24 points: not among the confirmed
    text = read_chart(few, "Attendance", "up", False, "monthly", rules=["ihi"]).text
    assert "The data form 4 runs" in text and "not been checked against the published table" in text
    confirmed = qic(_runs_of_points([4, 4, 4, 4, 4]), x=x[:20], cl=5, rules="ihi")
    assert "published table" not in read_chart(confirmed, "Attendance", "up", False, "monthly", rules=["ihi"]).text


def test_too_few_and_too_many_runs():
    few = ihi([1] * 6 + [9] * 6 + [1] * 6 + [9] * 6)     # 4 runs of 6, 24 useful points
    assert few["ihi_runs"].iloc[0] == 4 and few["ihi_too_few_runs"].all() and few["ihi_signal"].all()
    many = ihi([1, 9] * 10)                                  # 20 runs of 20 useful points
    assert many["ihi_runs"].iloc[0] == 20 and many["ihi_too_many_runs"].all()
    short = ihi([1, 9, 1, 9])
    assert np.isnan(short["ihi_runs_low"].iloc[0]) and not short["ihi_too_few_runs"].any()


# ---- the reading -------------------------------------------------------------------------------

MONTHS = pd.date_range("2025-03-01", periods=20, freq="MS")
BASE = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9]
SHIFTED = [30, 35, 32, 40, 28, 33, 36, 31, 34, 29, 60, 62, 58, 65, 61, 59, 63, 66, 60, 64]


def test_reading_names_the_improvement_and_the_cycle_running_then_without_claiming_a_cause():
    r = qic(SHIFTED, x=MONTHS, freeze=10)
    cycle = Cycle("visual schedules in every room", dt.date(2025, 11, 3), dt.date(2025, 12, 12), "adopt")
    reading = read_chart(r, "Feedback", "up", True, "monthly", [cycle])
    assert reading.verdict == "improvement"
    assert reading.lead == "Feedback: a signal of improvement, from January 2026."
    assert any("The last 10 months are all above the baseline median of 32" in w for w in reading.why)
    assert reading.notes[0] == ("A PDSA cycle was running when it began: ‘visual schedules in every room’ "
                                "(adopted). The chart shows when a change came, not what caused it.")
    assert reading.began == pd.Timestamp("2026-01-01")


def test_reading_tells_concern_by_direction():
    r = qic(SHIFTED, x=MONTHS, freeze=10)
    assert read_chart(r, "Send-homes", "down", False, "monthly").verdict == "concern"


def test_reading_with_too_few_points_says_how_many_more_and_never_stable():
    r = qic([3, 5, 4], x=MONTHS[:3])
    reading = read_chart(r, "Send-homes", "down", False, "monthly")
    assert reading.lead == "Send-homes: 4 more months are needed before the rules can show a change."
    assert "This does not mean nothing has changed" in reading.text and "stable" not in reading.text
    r = qic([3, 5, 4, 6, 2, 7, 1, 8], x=MONTHS[:8])
    reading = read_chart(r, "Send-homes", "down", False, "monthly")
    assert reading.verdict == "too_few"
    assert reading.lead == "Send-homes: no change yet, but 2 more months are needed for a dependable reading."


def test_reading_of_random_variation_with_enough_points():
    r = qic([5, 7, 4, 6, 5, 8, 4, 6, 7, 5, 6, 4], x=MONTHS[:12])
    reading = read_chart(r, "Stress", "down", False, "monthly")
    assert reading.verdict == "no_signal" and reading.lead == "Stress: no change yet: the data vary as before."


def test_reading_of_points_outside_the_limits():
    r = qic(BASE + [30], x=MONTHS[:13], chart="i")
    reading = read_chart(r, "Send-homes", "down", False, "monthly")
    assert reading.lead == "Send-homes: a signal of concern, from March 2026."
    assert "1 point outside the control limits, unusually poor: March 2026 (30)." in reading.why


def test_a_point_on_the_median_after_a_long_run_does_not_end_it():
    y = SHIFTED[:19] + [32.5]          # the last point sits on the baseline median
    r = qic(y, x=MONTHS, freeze=10)
    assert r["y"].iloc[-1] == r["cl"].iloc[-1]
    reading = read_chart(r, "Feedback", "up", True, "monthly")
    assert reading.verdict == "improvement"
    assert any("Since January 2026, every point off the baseline median" in w for w in reading.why)
