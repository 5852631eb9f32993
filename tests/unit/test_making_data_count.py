"""Making Data Count: cases worked out by hand from NHSRplotthedots 0.2.x's definitions (ptd_spc)."""
import numpy as np
import pandas as pd
import pytest

from bsc_widgets.spc import qic

BASE = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9]     # mean 10; moving ranges sum to 19 over 11


def mdc(values, direction="up", **kw):
    return qic(values, chart="i", rules=("anhoej", "mdc"), direction=direction, **kw)


# ---- limits ------------------------------------------------------------------------------------

def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges():
    r = mdc(BASE)
    amr = 19 / 11
    assert r["cl"].iloc[0] == pytest.approx(10)
    assert r["ucl"].iloc[0] == pytest.approx(10 + 2.66 * amr, abs=1e-12)
    assert r["lcl"].iloc[0] == pytest.approx(10 - 2.66 * amr, abs=1e-12)
    assert r["ucl_95"].iloc[0] == pytest.approx(10 + 2 * 2.66 / 3 * amr, abs=1e-12)
    plain = qic(BASE, chart="i")
    assert plain["ucl"].iloc[0] == pytest.approx(10 + 3 * amr / 1.128), "other rule sets keep qicharts2's limits"


def test_moving_ranges_of_3_267_times_their_mean_are_screened_once():
    y = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 40, 12]   # ranges: nine of 2, two of 28; mean 74/11
    r = mdc(y)
    assert r["cl"].iloc[0] == pytest.approx(162 / 12)
    assert r["ucl"].iloc[0] == pytest.approx(162 / 12 + 2.66 * 2), "both ranges of 28 exceed 3.267 × 74/11"


def test_freeze_counts_inside_each_part():
    y = BASE + [20, 21, 19, 20, 22, 30, 31, 29, 30, 32]
    r = mdc(y, part=[12], freeze=5)
    assert r["cl"].iloc[0] == pytest.approx(np.mean(BASE[:5]))
    assert r["cl"].iloc[-1] == pytest.approx(np.mean([20, 21, 19, 20, 22]))
    assert r["baseline"].tolist() == [True] * 5 + [False] * 7 + [True] * 5 + [False] * 5
    assert qic(y, chart="i", part=[12], freeze=5)["cl"].iloc[-1] == pytest.approx(np.mean(y[12:])), \
        "without MDC, a part overrides freeze as in qicharts2"


def test_a_part_of_fewer_than_12_points_has_provisional_limits():
    assert mdc(BASE[:11])["mdc_provisional"].all()
    assert not mdc(BASE)["mdc_provisional"].any()
    r = mdc(BASE + BASE[:8], part=[12])
    assert r["mdc_provisional"].tolist() == [False] * 12 + [True] * 8


def test_mdc_cannot_be_chosen_for_a_run_chart():
    with pytest.raises(ValueError, match="run chart has none"):
        qic(BASE, rules=("anhoej", "mdc"))


# ---- the rules ---------------------------------------------------------------------------------

def test_a_falling_trend_is_labelled_by_its_own_direction():
    # 9 → 12 rises into the trend's first point; the trend itself falls 12 … 9
    r = mdc(BASE + [12, 11.5, 11, 10.5, 10, 9.5, 9], direction="down", freeze=12)
    assert r["mdc_trend"].tolist()[-7:] == [True] * 7 and not r["mdc_trend"].iloc[:12].any()
    assert r["mdc_point_type"].tolist()[-7:] == ["special_cause_improvement"] * 7
    up = mdc(BASE + [12, 11.5, 11, 10.5, 10, 9.5, 9], direction="up", freeze=12)
    assert up["mdc_point_type"].tolist()[-7:] == ["special_cause_concern"] * 7


def test_a_peak_shared_by_two_trends_takes_the_step_after_it():
    rise, fall = [7, 8, 9, 10, 11, 12, 13], [12.5, 12, 11.5, 11, 10.5, 10]
    r = mdc(BASE + rise + fall, direction="up", freeze=12)
    kinds = r["mdc_point_type"].tolist()[12:]
    assert kinds[:6] == ["special_cause_improvement"] * 6
    assert kinds[6:] == ["special_cause_concern"] * 7, "the peak (13) starts the falling trend"


def test_a_tie_or_a_missing_period_breaks_a_trend():
    assert mdc(BASE + [9, 9.5, 10, 10.5, 11, 11.5, 12], freeze=12)["mdc_trend"].sum() == 7
    assert not mdc(BASE + [9, 9.5, 10, 10, 10.5, 11, 11.5], freeze=12)["mdc_trend"].any()
    assert not mdc(BASE + [9, 9.5, 10, np.nan, 10.5, 11, 11.5, 12], freeze=12)["mdc_trend"].any()


def test_a_point_on_the_mean_or_a_missing_period_breaks_a_shift():
    assert mdc(BASE + [10.5] * 7, freeze=12)["mdc_shift"].sum() == 7
    assert not mdc(BASE + [10.5] * 3 + [10] + [10.5] * 3, freeze=12)["mdc_shift"].any()
    gap = mdc(BASE + [10.5] * 3 + [np.nan] + [10.5] * 4, freeze=12)
    assert not gap["mdc_shift"].any(), "NHSRplotthedots counts 7 rows in a row; a missing one breaks them"
    after = mdc(BASE + [10.5] * 3 + [np.nan] + [10.5] * 7, freeze=12)
    assert after["mdc_shift"].tolist()[-8:] == [False] + [True] * 7


def test_a_trend_does_not_run_across_a_rebase():
    y = list(range(1, 15))
    r = mdc(y, part=[4])
    assert not r["mdc_trend"].iloc[:4].any() and r["mdc_trend"].iloc[4:].all()


def test_two_in_three_needs_two_near_the_limit_and_all_three_on_its_side():
    r = mdc(BASE, freeze=12)
    cl, near, limit = r["cl"].iloc[0], r["ucl_95"].iloc[0], r["ucl"].iloc[0]
    band = (near + limit) / 2
    hit = mdc(BASE + [band, cl + 0.1, band], freeze=12)
    assert hit["mdc_two_in_three"].tolist()[-3:] == [True, False, True]
    assert not mdc(BASE + [band, cl - 0.1, band], freeze=12)["mdc_two_in_three"].any()
    beyond = mdc(BASE + [band, limit + 1, cl + 0.1], freeze=12)
    assert not beyond["mdc_two_in_three"].any(), "a point beyond the limit is not near it"
    assert beyond["mdc_astronomical"].tolist()[-2] and beyond["mdc_point_type"].iloc[-2] == "special_cause_improvement"


def test_a_point_beyond_a_limit_and_the_direction():
    r = mdc(BASE + [30])
    assert r["mdc_astronomical"].tolist()[-1]
    assert r["mdc_point_type"].iloc[-1] == "special_cause_improvement"
    assert mdc(BASE + [30], direction="down")["mdc_point_type"].iloc[-1] == "special_cause_concern"
    assert mdc(BASE + [30], direction="neutral")["mdc_variation"].iloc[0] == "special_cause_neutral_high"


def test_a_beyond_the_limit_point_outranks_a_trend():
    r = mdc(BASE + [9, 9.5, 10, 10.5, 11, 11.5, 40], direction="down", freeze=12)
    assert r["mdc_astronomical"].iloc[-1] and r["mdc_trend"].iloc[-1]
    assert r["mdc_point_type"].iloc[-1] == "special_cause_concern"


# ---- icons -------------------------------------------------------------------------------------

def test_variation_is_the_last_point_of_each_part_and_assurance_only_the_last_part():
    y = BASE + [30] + BASE[:11] + [10]
    r = mdc(y, part=[13], target=0)
    assert r["mdc_variation"].iloc[0] == "special_cause_improvement", "part 1 ends on a point beyond its limit"
    assert r["mdc_variation"].iloc[-1] == "common_cause"
    assert r["mdc_assurance"].iloc[:13].isna().all()
    assert set(r["mdc_assurance"].iloc[13:]) == {"consistent_pass"}


def test_assurance_against_the_target():
    assert mdc(BASE, target=100)["mdc_assurance"].iloc[-1] == "consistent_fail"
    assert mdc(BASE, target=0)["mdc_assurance"].iloc[-1] == "consistent_pass"
    assert mdc(BASE, target=10)["mdc_assurance"].iloc[-1] == "inconsistent"
    assert mdc(BASE, direction="down", target=0)["mdc_assurance"].iloc[-1] == "consistent_fail"
    assert mdc(BASE, direction="neutral", target=10)["mdc_assurance"].iloc[-1] is None


def test_several_teams_at_once_equal_each_team_alone():
    a, b = BASE + [12, 11.5, 11, 10.5, 10, 9.5, 9], BASE[::-1] + [10.5] * 7
    both = mdc(a + b, facets=pd.DataFrame({"team": ["a"] * 19 + ["b"] * 19}), freeze={"a": 12, "b": 12}, target=0)
    for team, values in (("a", a), ("b", b)):
        alone = mdc(values, freeze=12, target=0)
        mine = both[both["facet1"] == team].reset_index(drop=True)
        for column in ("cl", "ucl", "lcl", "mdc_point_type", "mdc_variation", "mdc_assurance"):
            assert mine[column].tolist() == alone[column].tolist(), (team, column)
