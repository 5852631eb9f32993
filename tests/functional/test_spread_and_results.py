"""Spread of change ideas, the effectiveness summary and the leaders' system assessment, on real stores."""
import csv
import datetime as dt
import io

import pytest
from markupsafe import escape

from bsc_widgets.analysis.effectiveness import effectiveness
from bsc_widgets.forms.spread import SpreadPage
from bsc_widgets.forms.system_assessment import SystemAssessmentPage
from bsc_widgets.model import ChangeIdea, PdOffering, PdsaCycle
from bsc_widgets.reports.final import final_report_html
from bsc_widgets.reports.system import system_assessment_html
from bsc_widgets.analysis.spread import spread, spread_csv, team_names
from bsc_widgets.analysis.system_assessment import assess, quadrant_weights
from tests.support import HOSTILE, widget_text

TODAY = dt.date(2026, 11, 22)


def test_spread_names_who_tested_first_and_counts_adoptions(sample_store):
    spreads = {s.idea.id: s for s in spread(sample_store, TODAY)}
    visual = spreads["visual-schedules"]
    cycles = [c for c in sample_store.list(PdsaCycle) if c.change_idea_id == "visual-schedules"]
    first = min(cycles, key=lambda c: c.start)
    assert (visual.first_team, visual.first_date) == (first.team_id, first.start)
    assert set(visual.testing) == {c.team_id for c in cycles}
    assert len(visual.teams_with("adopt")) == 4
    assert any(x.verdict == "improvement" and x.team_id == "sunrise-head-start" for x in visual.signals)
    assert "visual-schedules" not in {s.idea.id for s in spread(sample_store, TODAY) if not s.testing}


def test_the_spread_export_is_spreadsheet_safe(sample_store):
    idea = sample_store.require(ChangeIdea, "visual-schedules")
    sample_store.save(idea.model_copy(update={"title": HOSTILE["formula"]}))
    text = spread_csv(spread(sample_store, TODAY), team_names(sample_store))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["change idea", "local to", "first tested by"]
    assert "'" + HOSTILE["formula"] in [r[0] for r in rows], "a formula is written as text"
    page = SpreadPage(sample_store, TODAY)
    shown = widget_text(page)
    assert 'download="spread-of-change-ideas.csv"' in shown and "spread furthest" in shown
    assert str(escape(HOSTILE["formula"])) in shown  # shown as text, quotes escaped


def test_effectiveness_judges_the_end_against_the_baseline_by_signals(sample_store):
    e = effectiveness(sample_store, TODAY)
    sunrise = e.results[("sunrise-head-start", "positive-feedback")]
    assert sunrise.verdict == "Improved" and sunrise.baseline_points >= 6
    assert e.results[("maple-street-ehs", "positive-feedback")].verdict == "No signal"
    assert sum(e.tally().values()) == len(e.teams) * len(e.measures)
    assert "circle-minutes" not in {m.id for m in e.measures}, "a retired measure is not judged"
    html = final_report_html(sample_store, TODAY)
    for heading in ("Baseline against the end, by signals", "Change ideas adopted", "Spread across the network",
                    "Dose received, by role", "Assessment scale: first scored month to last",
                    "Equity: measures by group"):
        assert heading in html


@pytest.mark.parametrize("audience,purpose,expected", [
    (10, 10, {"Q1": 1}), (10, 90, {"Q2": 1}), (90, 90, {"Q3": 1}), (90, 10, {"Q4": 1}),
    (50, 90, {"Q2": 0.5, "Q3": 0.5}), (50, 50, {"Q1": 0.25, "Q2": 0.25, "Q3": 0.25, "Q4": 0.25}),
])
def test_an_offering_on_a_middle_line_counts_half_on_each_side(audience, purpose, expected):
    o = PdOffering(id="x", name="x", reach=10, hours=1, audience=audience, purpose=purpose)
    got = {k: v for k, v in quadrant_weights(o).items() if v}
    assert got == expected


def test_the_assessment_names_thin_quadrants_and_where_a_bsc_sits(sample_store):
    result = assess(sample_store.list(PdOffering))
    assert [q.key for q in result.thin()] == ["Q3", "Q4"]
    text = " ".join(result.sentences)
    assert "less robust than those for individuals" in text and "A BSC sits in Quadrant 3" in text
    assert sum(q.share for q in result.quadrants.values()) == pytest.approx(1)
    assert assess([]).sentences[0].startswith("Enter your system’s PD offerings")


def test_the_leaders_page_adds_an_offering_and_exports_an_offline_report(sample_store):
    page = SystemAssessmentPage(sample_store, lambda store: system_assessment_html(store, TODAY))
    editor = next(c for c in page.children if getattr(c, "noun", None) == "PD offering")
    f = editor.form.fields
    f["name"].input.value = HOSTILE["script"]
    f["reach"].input.value = "400"
    f["hours"].input.value = "30"
    f["audience"].input.value = "90"
    f["purpose"].input.value = "95"
    editor.form.save_button.click()
    assert "Added " in editor.message.value and 'role="status"' in editor.message.value   # said, not silent
    added = [o for o in sample_store.list(PdOffering) if o.name == HOSTILE["script"]]
    assert added and added[0].id.startswith("script-window")
    html = system_assessment_html(sample_store, TODAY)
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    offline = html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http://" not in offline and "https://" not in offline, "nothing is loaded from the network"
    assert 'download="system-assessment.html"' in page.export.value
    editor.form.fields["reach"].input.value = "lots"
    assert "Reach (people a year) must be a number" in widget_text(editor)


def test_dots_on_the_matrix_never_hide_each_other(sample_store):
    """Offerings placed at the same point (or close) are nudged apart inside their own quadrant."""
    import math
    import re

    from bsc_widgets.charts.pd_matrix import pd_matrix_svg
    offerings = sample_store.list(PdOffering) + [
        PdOffering(id=f"same-{k}", name=f"Same {k}", reach=100 * (k + 1), hours=10, audience=5, purpose=5)
        for k in range(4)]
    svg = str(pd_matrix_svg(offerings, assess(offerings)))
    dots = [tuple(map(float, d)) for d in re.findall(r'cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', svg)]
    assert len(dots) == len(offerings)
    for i, (x1, y1, r1) in enumerate(dots):
        for x2, y2, r2 in dots[i + 1:]:
            assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2, "two dots overlap"
    from bsc_widgets.charts.pd_matrix import CELL, LEFT, TOP
    assert all(LEFT <= x - r and x + r <= LEFT + 2 * CELL and TOP <= y - r <= TOP + 2 * CELL for x, y, r in dots)
    same = dots[-4:]                      # all four at (5, 5): still in Q1, the bottom-left quadrant
    assert all(x + r <= LEFT + CELL and y - r >= TOP + CELL for x, y, r in same)
