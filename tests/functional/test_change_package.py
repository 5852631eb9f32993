"""The change package: every change idea teams tested, with its evidence; the state's offline copy; and the next
collaborative's framework, which ``bsc init --framework`` starts a new workspace from."""
import datetime as dt

import pytest
from click.testing import CliRunner

from bsc_widgets.analysis.change_package import change_package
from bsc_widgets.analysis.spread import spread
from bsc_widgets.base.errors import NotAllowed
from bsc_widgets.cli import main
from bsc_widgets.forms.change_package import ChangePackagePage
from bsc_widgets.forms.monthly_report import MonthlyReportPage
from bsc_widgets.model import (
    ChangeIdea,
    Driver,
    DriverLink,
    Lesson,
    Measure,
    PdsaCycle,
    current,
)
from bsc_widgets.reports.final import final_report_html
from bsc_widgets.services import Actor, add
from bsc_widgets.services.access import access_of
from bsc_widgets.store import Store
from tests import builders
from tests.support import widget_text

END = dt.date(2026, 12, 31)


def test_every_tested_idea_appears_with_the_counts_of_the_spread_table_and_the_cycles(sample_store):
    package = change_package(sample_store, END)
    spreads = {s.idea.id: s for s in spread(sample_store, END)}
    assert {e.idea.id for e in package.tested} == set(spreads) and len(package.tested) >= 8
    cycles = sample_store.list(PdsaCycle)
    for e in package.tested:
        s = spreads[e.idea.id]
        assert [c.team.id for c in e.conditions] == s.testing
        assert {c.team.id: c.decision for c in e.conditions} == s.decisions
        assert e.cycles == len([c for c in cycles if c.change_idea_id == e.idea.id])
    untested = {i.id for i in package.untested}
    assert untested.isdisjoint(spreads) and "five-to-one" in untested
    solution = next(e for e in package.tested if e.idea.id == "solution-kit")
    assert "2 teams abandoned it" in solution.summary() and "Abandoned in: Maple Street" in solution.summary()
    maple = next(c for c in solution.conditions if c.team.id == "maple-street-ehs")
    assert maple.words().endswith("; infants and toddlers"), "where it was abandoned: with the youngest children"
    assert [w for w, _lesson in package.lessons][-1] == "The collaborative"


def test_the_framework_file_starts_the_next_collaborative_with_the_evidence_attached(sample_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "package"
    done = runner.invoke(main, ["change-package", "--db", str(sample_db), str(out), "--today", "2026-12-31",
                                "--no-pdf"])
    assert done.exit_code == 0, done.output
    html = (out / "change-package.html").read_text(encoding="utf-8")
    assert "A visual schedule in every room" in html and "Visual schedules worked once teachers" in html
    assert "Rosa" not in html and "@example.org" not in html, "no one's name or address in the state's copy"
    nxt = tmp_path / "next.sqlite"
    started = runner.invoke(main, ["init", "--db", str(nxt), "--framework", str(out / "framework.yaml")])
    assert started.exit_code == 0, started.output
    old, new = Store.open(sample_db), Store.open(nxt)
    assert [d.id for d in current(old.list(Driver), END)] == [d.id for d in new.list(Driver)]
    assert [m.id for m in current(old.list(Measure), END)] == [m.id for m in new.list(Measure)]
    ideas = {i.id: i for i in new.list(ChangeIdea)}
    assert {i.id for i in current(old.list(ChangeIdea), END) if i.team_id is None} <= set(ideas)
    assert all(i.team_id is None for i in ideas.values()) and new.list(PdsaCycle) == []
    assert ideas["visual-schedules"].evidence.startswith("Tested by 4 teams in 12 PDSA cycles. 4 teams adopted it.")
    assert ideas["five-to-one"].evidence is None                   # not tested: nothing claimed
    kept = {(lk.source_id, lk.target_id) for lk in new.list(DriverLink)}
    assert kept == {(lk.source_id, lk.target_id) for lk in old.list(DriverLink)
                    if lk.source_id in ideas | {d.id: d for d in new.list(Driver)}
                    and lk.target_id in ideas | {d.id: d for d in new.list(Driver)}}
    again = runner.invoke(main, ["init", "--db", str(nxt), "--framework", str(out / "framework.yaml")])
    assert again.exit_code != 0 and "already holds a collaborative" in again.output


def test_a_framework_file_that_is_not_one_is_refused_plainly(tmp_path):
    bad = tmp_path / "framework.yaml"
    bad.write_text("format: bsc-workbooks/1\nmeasures:\n  - id: x\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["init", "--db", str(tmp_path / "w.sqlite"), "--framework", str(bad)])
    assert done.exit_code != 0 and "was refused" in done.output and "Nothing was written" in done.output
    assert "Traceback" not in done.output and not (tmp_path / "w.sqlite").exists()


@pytest.fixture
def accounts(sample_store):
    for role in ("leader", "faculty"):
        builders.account(sample_store, f"{role}@example.org", role)
    return sample_store


def test_a_leader_reads_the_change_package_and_no_team_item(accounts):
    store = accounts
    leader = widget_text(ChangePackagePage(store, END, access_of(store, "leader@example.org")))
    faculty = widget_text(ChangePackagePage(store, END, access_of(store, "faculty@example.org")))
    assert "Change ideas teams tested" in leader and "Lessons learned" in leader
    shared = "Visual schedules in every room (Sunrise Head Start, PDSA cycle)"     # a cycle Sunrise shared
    photo = "Our visual schedule in the Butterflies room (Sunrise Head Start, file)"
    storyboard = "Learning Session 4 (Maple Street Early Head Start, storyboard)"   # Maple tested the solution kit
    assert shared in faculty and photo in faculty and storyboard in faculty
    assert shared not in leader and photo not in leader and "Shared by teams" not in leader
    assert "The collaborative’s lessons learned" in faculty and "The collaborative’s lessons learned" not in leader
    with pytest.raises(NotAllowed):
        add(store, Actor.collaborative(access=access_of(store, "leader@example.org")),
            Lesson(id="collaborative", team_id=None, learned="A leader's word"))


def test_a_team_writes_its_lessons_learned_and_the_final_report_keeps_them(sample_store):
    team = sample_store.team("lincoln-prek")
    page = MonthlyReportPage(sample_store, team, dt.date(2026, 12, 10))
    form = page.children[-1]
    form.fields["learned"].input.value = "Huddles before a send-home changed the conversation."
    assert sample_store.get(Lesson, "lincoln-prek").learned == "Huddles before a send-home changed the conversation."
    assert "Huddles before a send-home changed the conversation." in final_report_html(sample_store, END)
    with pytest.raises(NotAllowed):   # a team's page cannot write another team's lessons, or the collaborative's
        add(sample_store, Actor.for_team("lincoln-prek"), Lesson(id="little-acorns", team_id="little-acorns"))
    with pytest.raises(NotAllowed):
        add(sample_store, Actor.for_team("lincoln-prek"), Lesson(id="collaborative", team_id=None, learned="x"))
