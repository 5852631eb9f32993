"""The rules behind "questions for the coaching call" and "who needs attention", on a real store."""
import datetime as dt

from bsc_widgets.analysis.attention import coaching_questions
from bsc_widgets.model import PdsaCycle

TODAY = dt.date(2026, 11, 22)


def kinds(store, team, **kw):
    return [q.kind for q in coaching_questions(store, TODAY, **kw)[team]]


def test_the_sample_flags_a_score_gap_and_a_missing_report(sample_store):
    # signals with no PDSA cycle near them are asked about too (under the sample's rules, Anhøj and IHI)
    assert [k for k in kinds(sample_store, "hearth-fcc") if k != "unexplained_signal"] == ["score_gap",
                                                                                           "report_missing"]
    assert [k for k in kinds(sample_store, "sunrise-head-start") if k != "unexplained_signal"] == []


def test_no_data_for_two_months(sample_store):
    with sample_store.transaction() as tx:
        tx.conn.exec_driver_sql("delete from observations where team_id = 'lincoln-prek' "
                                "and measure_id = 'send-homes' and period >= '2026-09-01'")
    questions = coaching_questions(sample_store, TODAY)["lincoln-prek"]
    assert [q.kind for q in questions if q.kind != "unexplained_signal"] == ["no_data"]
    assert "No data for September 2026 and October 2026" in questions[0].text and "Send-homes" in questions[0].text


def test_a_signal_with_no_pdsa_near_it(sample_store):
    with sample_store.transaction() as tx:
        tx.conn.exec_driver_sql("delete from pdsa_cycles where team_id = 'sunrise-head-start'")
    assert "unexplained_signal" in kinds(sample_store, "sunrise-head-start")


def test_a_finished_cycle_without_study(sample_store):
    cycle = sample_store.list(PdsaCycle, team_id="little-acorns")[-1]
    sample_store.save(cycle.model_copy(update={"end": dt.date(2026, 11, 2), "study_notes": None, "decision": None}))
    questions = coaching_questions(sample_store, TODAY)["little-acorns"]
    assert any(q.kind == "no_study" and cycle.title in q.text for q in questions)


def test_one_team_or_all_teams_give_the_same_questions(sample_store):
    everyone = coaching_questions(sample_store, TODAY)
    for team, questions in everyone.items():
        assert coaching_questions(sample_store, TODAY, team_id=team)[team] == questions
