"""Participation and dosage by role, on a real store: hours per member, PDSA roles, the plain answer."""
import datetime as dt

import pytest

from bsc_widgets.base.clock import today

from bsc_widgets.analysis.dosage import expected_by_now, participation_sentence, role_doses, years_so_far
from bsc_widgets.model import Member
from tests import builders


def test_hours_per_member_and_cycles_per_role(empty_store):
    builders.collaborative(empty_store)
    builders.team(empty_store, "t")
    ana = builders.member(empty_store, "t", role="teacher", joined_on=builders.START)
    ben = builders.member(empty_store, "t", role="teacher", joined_on=builders.START)
    builders.attended(empty_store, ana.id, 6, dt.date(2026, 2, 12))
    builders.attended(empty_store, ana.id, 4, dt.date(2026, 5, 14))
    builders.attended(empty_store, ben.id, 5, dt.date(2026, 2, 12))
    builders.idea(empty_store)
    builders.cycle(empty_store, "t", "idea", participant_roles=["teacher", "family"])
    dose = next(d for d in role_doses(empty_store.as_of(dt.date(2026, 6, 1)), "t") if d.role == "teacher")
    assert (dose.members, dose.learning_hours, dose.pdsa_cycles) == (2, 7.5, 1)


def test_one_team_or_all_teams_agree(sample_store):
    everyone = [d for d in role_doses(sample_store) if d.team_id == "sunrise-head-start"]
    assert everyone == role_doses(sample_store, "sunrise-head-start")


def test_families_who_never_take_part_are_named(empty_store):
    builders.collaborative(empty_store)
    builders.team(empty_store, "t")
    director = builders.member(empty_store, "t", role="administrator", joined_on=builders.START)
    builders.attended(empty_store, director.id, 10)
    for _k in range(2):
        builders.member(empty_store, "t", role="family", joined_on=builders.START)
    text = participation_sentence(role_doses(empty_store.as_of(dt.date(2026, 6, 1)), "t"), 0.5)
    assert text.startswith("No family members took part yet.")
    assert "Family members: 0 of 2" in text


def test_expected_dose_follows_the_brief():
    assert expected_by_now("learning_session", 1.0) == (30.0, 35.0)
    assert expected_by_now("affinity_group", 0.5) == (25.0, 25.0)
    assert years_so_far(dt.date(2025, 9, 1), dt.date(2026, 12, 31), dt.date(2026, 9, 1)) == pytest.approx(1.0, 0.01)


def test_families_far_behind_directors_are_said_with_their_hours(sample_store):
    from bsc_widgets.analysis.dosage import network_doses

    doses = network_doses(role_doses(sample_store))
    by_role = {d.role: d for d in doses}
    assert sum(d.members for d in doses) == len([m for m in sample_store.list(Member) if m.belonged_on(today())])
    assert by_role["family"].learning_hours < by_role["administrator"].learning_hours * 0.6
    text = participation_sentence(doses, 1.0)
    assert text.startswith("Family members take part far less than administrators: "
                           f"{by_role['family'].learning_hours:.0f} h of learning sessions each")


def test_a_low_dose_is_flagged_in_words_on_the_chart_and_in_the_table(sample_store):
    """Participation by role: a chart, and a table a phone can read, each saying which roles had a low dose."""
    from bsc_widgets.base.text import plotly_lines
    from bsc_widgets.charts.dosage import dosage_figure
    from bsc_widgets.charts.tables import dosage_html
    from bsc_widgets.analysis.dosage import low_dose
    from bsc_widgets.model import Team

    family = [m.id for m in sample_store.list(Member, team_id="lincoln-prek") if m.role == "family"]
    with sample_store.transaction() as tx:
        for mid in family:
            tx.conn.exec_driver_sql("delete from attendance where member_id = ?", (mid,))
    years = years_so_far(dt.date(2025, 9, 1), dt.date(2026, 12, 31), dt.date(2026, 11, 22))
    doses = role_doses(sample_store)
    lincoln_family = next(d for d in doses if d.team_id == "lincoln-prek" and d.role == "family")
    assert low_dose(lincoln_family, years) and lincoln_family.learning_hours == 0
    teams = sample_store.list(Team)
    fig = dosage_figure(doses, teams, years)
    bars = {t.name: t for t in fig.data}
    lincoln = sample_store.team("lincoln-prek").name
    family_bar = bars["Family member"]
    assert family_bar.text[list(family_bar.y).index(plotly_lines(lincoln))].endswith("· low")
    assert all(len(line) <= 16 for name in family_bar.y for line in name.split("<br>")), "long names wrap"
    table = dosage_html(doses, teams, years)
    assert "Low dose." in table and "h LS" not in table and "bsc-stack" in table
    assert not low_dose(next(d for d in doses if d.team_id == "sunrise-head-start" and d.role == "administrator"),
                        years)
