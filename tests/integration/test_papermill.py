"""The workbooks under papermill, run as the advisor's batch runs its reports (``reports.batch.execute``)."""
import json
from pathlib import Path

import pytest

from bsc_widgets.reports.batch import execute

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.kernel


def test_home_runs_under_papermill_for_a_team(sample_db, tmp_path):
    out = tmp_path / "home-sunrise.ipynb"
    execute(ROOT / "workbooks" / "00_home.ipynb", out,
            {"team": "sunrise-head-start", "db": str(sample_db), "today": "2026-03-01"}, cwd=tmp_path)
    nb = json.loads(out.read_text())
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected, "papermill found the parameters cell"
    assert not any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
    state = json.dumps(nb["metadata"].get("widgets", {}))
    assert "Sunrise Head Start" in state
    assert "We are in Action Period 2 (day 16 of 89)" in state


def test_an_unknown_team_parameter_is_a_message_not_a_failure(sample_db, tmp_path):
    out = tmp_path / "home-bad.ipynb"
    execute(ROOT / "workbooks" / "00_home.ipynb", out, {"team": "../../etc", "db": str(sample_db)}, cwd=tmp_path)
    state = json.dumps(json.loads(out.read_text())["metadata"].get("widgets", {}))
    assert "is not a team identifier" in state


@pytest.mark.parametrize("workbook,shows", [
    ("01_charter.ipynb", "Team charter and roster"),
    ("02_driver_diagram.ipynb", "Primary drivers"),
    ("03_pdsa.ipynb", "Ramp of"),
    ("04_measures.ipynb", "What the chart says"),
    ("05_monthly_report.ipynb", "What each score means"),
    ("06_storyboard.ipynb", "Poster, letter"),
])
def test_each_team_workbook_runs_under_papermill_for_a_team(sample_db, tmp_path, workbook, shows):
    out = tmp_path / workbook
    execute(ROOT / "workbooks" / workbook, out, {"team": "hearth-fcc", "db": str(sample_db), "today": "2026-11-22"},
            cwd=tmp_path)
    nb = json.loads(out.read_text())
    assert not any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
    assert not any(o.get("name") == "stderr" for c in nb["cells"] for o in c.get("outputs", []))
    state = json.dumps(nb["metadata"].get("widgets", {}), ensure_ascii=False)
    assert "Hearth Family Child Care Network" in state and shows in state
    assert "Something went wrong" not in state


@pytest.mark.parametrize("workbook,shows", [
    ("collaborative_setup.ipynb", "Change framework: measures"),
    ("participation.ipynb", "Take attendance"),
    ("support_log.ipynb", "Support so far"),
    ("equity.ipynb", "suppressed"),
    ("spread.ipynb", "spread furthest"),
    ("shared_by_teams.ipynb", "Hide from other teams"),
    ("change_package.ipynb", "Change ideas teams tested"),
    ("storyboards.ipynb", "Every team’s storyboard"),
    ("leaders/system_assessment.ipynb", "Q3: Organizational coaching"),
])
def test_each_collaborative_workbook_runs_under_papermill(sample_db, tmp_path, workbook, shows):
    out = tmp_path / workbook.replace("/", "-")
    execute(ROOT / "workbooks" / workbook, out, {"db": str(sample_db), "today": "2026-11-22"}, cwd=tmp_path)
    nb = json.loads(out.read_text())
    assert not any(o.get("output_type") == "error" for c in nb["cells"] for o in c.get("outputs", []))
    assert not any(o.get("name") == "stderr" for c in nb["cells"] for o in c.get("outputs", []))
    state = json.dumps(nb["metadata"].get("widgets", {}), ensure_ascii=False)
    assert shows in state and "Something went wrong" not in state
