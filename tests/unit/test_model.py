"""Validation says what is wrong, in words a team member understands, naming the field."""
import datetime as dt

import pytest

from bsc_widgets.base.errors import InvalidRecord, Problem
from bsc_widgets.base.ids import is_slug, slugify
from bsc_widgets.model import (Collaborative, Dataset, Driver, DriverLink, ChangeIdea, Measure, Member,
                               MonthlyReport, Observation, PdsaCycle, Phase, Team, period_start, ramps)
from bsc_widgets.render import render


def problems(model, **values) -> list[str]:
    with pytest.raises(InvalidRecord) as info:
        model.build(**values)
    return [str(p) for p in info.value.problems]


PROPORTION = Measure(id="feedback", name="Routines with feedback", type="process", kind="proportion",
                     operational_definition="def", numerator="n", denominator="d", direction="up")
COUNT = Measure(id="send-homes", name="Send-homes", type="outcome", kind="count",
                operational_definition="def", direction="down")
WEEKLY = PROPORTION.model_copy(update={"id": "notes", "frequency": "weekly"})


def test_empty_aim_names_the_field():
    msgs = problems(Collaborative, id="c", name="N", topic="T", aim="   ", start="2025-09-01", end="2026-12-31")
    assert msgs == ["Aim cannot be empty."]


def test_unknown_role_lists_the_choices():
    msgs = problems(Member, id="m1", team_id="t", name="Ana", role="principal")
    assert len(msgs) == 1
    assert "“principal” is not one of the allowed choices" in msgs[0]
    assert "administrator, teacher, staff or family" in msgs[0]
    assert msgs[0].startswith("Role")


def test_numerator_larger_than_denominator():
    obs = Observation(team_id="t", measure_id="feedback", period=dt.date(2026, 3, 1), numerator=12, denominator=10)
    [p] = obs.against(PROPORTION)
    assert p.field == "Numerator"
    assert "numerator (12) is larger than the denominator (10)" in p.message


def test_rate_may_exceed_its_denominator():
    rate = PROPORTION.model_copy(update={"kind": "rate"})
    obs = Observation(team_id="t", measure_id="feedback", period=dt.date(2026, 3, 1), numerator=12, denominator=10)
    assert obs.against(rate) == []


def test_zero_denominator_and_text_numbers():
    msgs = problems(Observation, team_id="t", measure_id="m", period="2026-03-01", numerator="twelve", denominator=0)
    assert "Numerator must be a number; “twelve” is not." in msgs
    assert "Denominator must be more than 0; it was 0." in msgs


def test_count_must_be_whole_and_not_negative():
    obs = Observation(team_id="t", measure_id="send-homes", period=dt.date(2026, 3, 1), value=2.5)
    assert "whole number" in obs.against(COUNT)[0].message
    obs = Observation(team_id="t", measure_id="send-homes", period=dt.date(2026, 3, 1), value=-1)
    assert "whole number of 0 or more" in obs.against(COUNT)[0].message


def test_period_must_be_the_start_of_a_period():
    obs = Observation(team_id="t", measure_id="notes", period=dt.date(2026, 3, 4), numerator=1, denominator=2)
    assert "must be a Monday" in obs.against(WEEKLY)[0].message
    assert period_start(dt.date(2026, 3, 4), "weekly") == dt.date(2026, 3, 2)
    assert period_start(dt.date(2026, 3, 4), "monthly") == dt.date(2026, 3, 1)


def test_bad_date_is_named():
    msgs = problems(Team, id="t", name="T", program_type="head_start", joined="2026-02-30")
    assert msgs == ["Joined on must be a date written like 2026-03-01; “2026-02-30” is not."]


def test_identifiers_are_slugs():
    for bad in ("../../etc", "<script>", "Sunrise", "a b", "", "-x", "x" * 70):
        assert not is_slug(bad)
    assert is_slug("sunrise-head-start")
    assert slugify("Niños Felices FCC!") == "ninos-felices-fcc"
    assert any("not a valid identifier" in m for m in problems(Team, id="../../etc", name="T",
                                                                  program_type="head_start", joined="2026-01-01"))


def test_month_accepts_year_month_and_stores_first_day():
    r = MonthlyReport(team_id="t", month="2026-03")
    assert r.month == dt.date(2026, 3, 1)
    assert MonthlyReport(team_id="t", month=dt.date(2026, 3, 17)).month == dt.date(2026, 3, 1)


def test_pdsa_end_before_start():
    msgs = problems(PdsaCycle, id="c1", team_id="t", change_idea_id="i", title="T", objective="O",
                    start="2026-03-10", end="2026-03-01")
    assert msgs == ["The end date (1 March 2026) is before the start date (10 March 2026)."]


def test_phase_and_collaborative_date_order():
    assert problems(Collaborative, id="c", name="N", topic="T", aim="A", start="2026-01-01", end="2025-01-01") == [
        "The end date (1 January 2025) must come after the start date (1 January 2026)."]
    assert "ends" in problems(Phase, id="ls1", kind="learning_session", number=1, name="LS1",
                              start="2026-01-02", end="2026-01-01")[0]


def test_free_text_is_stored_as_typed():
    text = "  <b>Bold</b> & “quotes”\nnew line  "
    t = Team(id="t", name="T", program_type="head_start", joined=dt.date(2026, 1, 1), aim=text)
    assert t.aim == text
    shown = render("common.html", "paragraph", text=t.aim)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; “quotes”" in shown and "<b>" not in shown


def _calendar_dataset() -> Dataset:
    ds = Dataset()
    ds.add(Collaborative(id="c", name="N", topic="T", aim="A", start=dt.date(2025, 9, 1), end=dt.date(2026, 12, 31),
                         data_from=dt.date(2025, 3, 1)))
    ds.add(Team(id="t", name="Team T", program_type="head_start", joined=dt.date(2025, 9, 1)))
    ds.add(PROPORTION)
    return ds


def test_date_outside_the_calendar():
    ds = _calendar_dataset()
    ds.add(Observation(team_id="t", measure_id="feedback", period=dt.date(2024, 1, 1), numerator=1, denominator=2))
    [p] = ds.problems()
    assert "1 January 2024 is outside the collaborative’s calendar (1 March 2025 to 31 December 2026)" in p.message
    assert p.field == "Period"


def test_duplicate_period_is_reported_with_both_rows():
    ds = _calendar_dataset()
    obs = Observation(team_id="t", measure_id="feedback", period=dt.date(2026, 1, 1), numerator=1, denominator=2)
    ds.add(obs, file="observations.csv", row=3)
    ds.add(obs, file="observations.csv", row=9)
    [p] = ds.problems()
    assert p.row == 9 and "appears twice (first at row 3)" in p.message


def test_unknown_reference_and_link_kinds():
    ds = _calendar_dataset()
    ds.add(Driver(id="p1", kind="primary", title="P"))
    ds.add(Driver(id="s1", kind="secondary", title="S"))
    ds.add(ChangeIdea(id="i1", title="I"))
    ds.add(DriverLink(source_id="i1", target_id="s1"))
    ds.add(DriverLink(source_id="s1", target_id="p1", strength="weak"))
    ds.add(DriverLink(source_id="i1", target_id="s2"))
    ds.add(DriverLink(source_id="p1", target_id="s1"))
    ds.add(Member(id="m1", team_id="nobody", name="Ana", role="family"))
    msgs = [str(p) for p in ds.problems()]
    assert any("There is no driver or change idea “s2”" in m for m in msgs)
    assert any("A primary driver cannot link to a secondary driver" in m for m in msgs)
    assert any("There is no team “nobody”" in m for m in msgs)
    assert len(msgs) == 3


def test_ramps_order_cycles_by_date():
    base = dict(team_id="t", change_idea_id="i", title="T", objective="O")
    later = PdsaCycle(id="b", start=dt.date(2026, 3, 1), decision="adopt", **base)
    first = PdsaCycle(id="a", start=dt.date(2026, 1, 1), decision="adapt", study_notes="s", **base)
    [ramp] = ramps([later, first])
    assert [c.id for c in ramp.cycles] == ["a", "b"]
    assert ramp.latest_decision == "adopt"
    assert first.stage == "Act" and PdsaCycle(id="c", start=dt.date(2026, 1, 1), **base).stage == "Plan"


def test_problem_says_where():
    p = Problem("is wrong", file="observations.csv", row=4, column="numerator")
    assert str(p) == "observations.csv, row 4, column “numerator”: is wrong"
