"""`bsc reports` end to end: real papermill runs in worker processes, real HTML files, failures isolated."""
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

pytestmark = pytest.mark.kernel
BSC = [sys.executable, "-m", "bsc_widgets.cli"]
TEAMS = ["eastside-community", "hearth-fcc", "lincoln-prek", "little-acorns", "maple-street-ehs",
         "nuestra-casa-fcc", "riverbend-prek", "sunrise-head-start"]
CDN_HOSTS = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "cdn.plot.ly", "ajax.googleapis.com",
             "cdn.mathjax.org")


def reports(db, out, *extra):
    return subprocess.run([*BSC, "reports", "--db", str(db), "--out", str(out), "--period", "2026-10", *extra],
                          capture_output=True, text=True, timeout=900, env={**__import__("os").environ,
                                                                              "BSC_TODAY": "2026-11-22"})


@pytest.fixture(scope="module")
def made(tmp_path_factory, pristine_db):
    base = tmp_path_factory.mktemp("reports")
    db = base / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = reports(db, base / "out", "--workers", "2")
    return result, base / "out" / "2026-10"


def test_one_report_per_team_plus_the_collaborative_and_an_index(made):
    result, folder = made
    assert result.returncode == 0, result.stderr
    assert "9 of 9 reports made" in result.stdout
    assert sorted(p.stem for p in folder.glob("*.html")) == sorted(TEAMS + ["collaborative", "index"])
    index = (folder / "index.html").read_text()
    assert all(f'href="{t}.html"' in index for t in TEAMS) and 'href="collaborative.html"' in index


@pytest.mark.parametrize("name", ["sunrise-head-start", "hearth-fcc", "collaborative"])
def test_reports_are_self_contained_without_code(made, name):
    html = (made[1] / f"{name}.html").read_text()
    assert "plotly-graph-div" in html and "Plotly.newPlot" in html
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html), "something loads from the web"
    assert not any(host in html for host in CDN_HOSTS)
    assert "team_report(" not in html and "collaborative_report(" not in html and "jp-InputArea" not in html


def test_every_team_report_is_light_enough_to_e_mail(made):
    """Many mailboxes refuse attachments of a few MB: each team's report, charting library inside, stays under
    1 MB (it was 5 MB with plotly's full bundle), and draws its charts with no network (test_reports_offline)."""
    from bsc_widgets.reports.page import DEFERRED

    sizes = {team: (made[1] / f"{team}.html").stat().st_size for team in TEAMS}
    assert max(sizes.values()) < 1_000_000, sizes
    html = (made[1] / "sunrise-head-start.html").read_text()
    assert html.count("DecompressionStream") == 1 and html.count(f'<script type="{DEFERRED}">') >= 3


def test_a_team_report_holds_its_sections(made):
    html = (made[1] / "sunrise-head-start.html").read_text()
    for part in ["Sunrise Head Start: report for October 2026", "Questions for the coaching call", "Who takes part",
                 "Driver diagram", "PDSA ramps", "Measures", "Assessment scale", "Last monthly report"]:
        assert part in html
    collab = (made[1] / "collaborative.html").read_text()
    for part in ["Who needs attention", "Who reported", "PDSA cycles per team per month", "Measures across teams",
                 "Spread: change ideas across teams", "Dosage and participation by role, per team"]:
        assert part in collab


def test_a_team_with_damaged_data_gets_its_report_naming_the_damage(tmp_path, pristine_db):
    """One damaged number must not cost a team its report: the chart says which period it left out."""
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    con = sqlite3.connect(db)
    con.execute("update observations set numerator = 'lots' where team_id = 'hearth-fcc' and "
                "measure_id = 'positive-feedback' and period = '2026-09-01'")
    con.commit()
    con.close()
    result = reports(db, tmp_path / "out", "--workers", "2")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "2026-10"
    hearth = (folder / "hearth-fcc.html").read_text()
    assert "September 2026 (its stored number is damaged: Numerator is “lots”." in hearth
    assert "plotly-graph-div" in hearth, "its charts are still drawn"
    for team in TEAMS:
        assert "plotly-graph-div" in (folder / f"{team}.html").read_text(), team
    assert "✗ failed" not in (folder / "index.html").read_text()


@pytest.mark.parametrize("args,says", [
    (["--team", "nobody"], "There is no team “nobody”"),
    (["--team", "../etc"], "is not a team identifier"),
    (["--period", "October"], "is not a month"),
])
def test_bad_arguments_get_a_plain_message(tmp_path, pristine_db, args, says):
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([*BSC, "reports", "--db", str(db), "--out", str(tmp_path / "o"), *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and says in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_hung_report_is_stopped_by_its_timeout(tmp_path):
    from pathlib import Path

    from bsc_widgets.reports.batch import Job, run_reports

    hung = Path(__file__).parents[1] / "fixtures" / "notebooks" / "sleeps_forever.ipynb"
    job = Job("stuck-team", "Stuck team", hung, {"seconds": 3600}, tmp_path, timeout=10)
    [outcome] = run_reports([job], workers=1)
    assert not outcome.ok and "longer than 10 seconds" in outcome.problem
    assert outcome.seconds < 120
    assert "could not be made" in (tmp_path / "stuck-team.html").read_text()


def test_a_report_whose_messages_come_late_is_made_all_the_same(tmp_path):
    """Thirty reports at once on two cores: a kernel's messages can reach papermill more than 4 seconds after
    its cell finished, and papermill failed the report ("Timeout waiting for IOPub output"). Here every
    message leaves the kernel 6 seconds late, and the report is made, with what the cell displayed."""
    from pathlib import Path

    from bsc_widgets.reports.batch import Job, run_reports

    late = Path(__file__).parents[1] / "fixtures" / "notebooks" / "messages_arrive_late.ipynb"
    [outcome] = run_reports([Job("busy-team", "Busy team", late, {}, tmp_path, timeout=120)], workers=1)
    assert outcome.ok, outcome.problem
    assert "Every message arrived." in (tmp_path / "busy-team.html").read_text()


@pytest.mark.browser
def test_shared_plotly_and_pdf(tmp_path, pristine_db):
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = reports(db, tmp_path / "out", "--team", "sunrise-head-start", "--shared-plotly", "--pdf")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "2026-10"
    html = (folder / "sunrise-head-start.html").read_text()
    assert '<script src="plotly.min.js"></script>' in html and (folder / "plotly.min.js").stat().st_size > 1e6
    assert len(html) < 1_000_000
    assert not any(host in (folder / "plotly.min.js").read_text() for host in CDN_HOSTS)
    pdf = folder / "sunrise-head-start.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


def _one(db, out, *flags, copy_to=None):
    """``bsc reports`` with ``flags`` (on a private copy of ``db`` when ``copy_to`` is given)."""
    if copy_to is not None:
        db = shutil.copy(db, copy_to / "bsc.sqlite")
    return subprocess.run([*BSC, "reports", "--db", str(db), "--out", str(out), *flags], capture_output=True,
                          text=True, timeout=900, env={**__import__("os").environ, "BSC_TODAY": "2026-11-22"})


def test_final_makes_the_effectiveness_summary_offline(tmp_path, pristine_db):
    result = _one(pristine_db, tmp_path / "out", "--final", copy_to=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "final" / "final.html").read_text()
    assert "effectiveness summary" in html and "Baseline against the end, by signals" in html
    assert "Plotly.newPlot" in html and not any(host in html for host in CDN_HOSTS)
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html)
    assert "final_report(" not in html
    assert 'href="final.html"' in (tmp_path / "out" / "final" / "index.html").read_text()


def test_system_makes_the_leaders_assessment_offline(tmp_path, pristine_db):
    result = _one(pristine_db, tmp_path / "out", "--system", copy_to=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "system-assessment" / "system-assessment.html").read_text()
    assert "Professional Development Matrix" in html and "<svg" in html and "Q3: Organizational coaching" in html
    assert "Plotly" not in html and not any(host in html for host in CDN_HOSTS)


@pytest.mark.parametrize("flags,says", [
    (["--final", "--system"], "Choose one of --final and --system."),
    (["--final", "--period", "2026-10"], "--period and --team are for the monthly reports"),
])
def test_final_and_system_refuse_mixed_arguments(tmp_path, pristine_db, flags, says):
    result = _one(pristine_db, tmp_path / "out", *flags)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


def _marked(marker: str) -> list[int]:
    """Processes whose environment carries ``marker`` (those one run started, however deep)."""
    from pathlib import Path

    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_killing_bsc_reports_leaves_no_worker_or_kernel_running(tmp_path, pristine_db):
    """Issue "Trust", case 8: `kill -9` of the command (a closed terminal, an out-of-memory kill) stops its workers and
    their kernels too, instead of leaving them running for good."""
    import os
    import signal
    import time
    import uuid
    from pathlib import Path

    db = shutil.copy(pristine_db, tmp_path / "bsc.sqlite")
    marker = f"BSC_KILL_TEST={uuid.uuid4().hex}"
    command = subprocess.Popen([*BSC, "reports", "--db", str(db), "--out", str(tmp_path / "out"), "--period",
                                "2026-10", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "BSC_TODAY": "2026-11-22", marker.split("=")[0]: marker.split("=")[1]})
    deadline = time.time() + 120
    while len(_marked(marker)) < 4 and time.time() < deadline:      # the command, its workers, a kernel
        time.sleep(0.2)
    assert len(_marked(marker)) >= 4, "the workers never started"
    command.send_signal(signal.SIGKILL)
    command.wait()
    deadline = time.time() + 20
    while _marked(marker) and time.time() < deadline:
        time.sleep(0.3)
    left = _marked(marker)
    names = []
    for pid in left:
        try:
            names.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:80])
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    assert not left, f"{len(left)} processes outlived `bsc reports`: {names}"


def test_a_read_only_workspace_makes_its_reports(tmp_path, pristine_db):
    """Reports only read: a workspace that cannot be written (here made immutable, which even root cannot write)
    makes its reports, and is not changed."""
    folder = tmp_path / "ws"
    folder.mkdir()
    db = shutil.copy(pristine_db, folder / "bsc.sqlite")
    before = db.read_bytes()
    locked = subprocess.run(["chattr", "+i", str(db), str(folder)], capture_output=True, text=True)
    if locked.returncode != 0:
        pytest.skip(f"this file system cannot make a file read-only for every user: {locked.stderr.strip()}")
    try:
        result = _one(db, tmp_path / "out", "--period", "2026-10", "--team", "hearth-fcc")
    finally:
        subprocess.run(["chattr", "-i", str(db), str(folder)], check=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "2026-10" / "hearth-fcc.html").is_file() and db.read_bytes() == before


@pytest.mark.chromium
def test_the_change_package_for_the_state_prints_to_pdf(tmp_path, pristine_db):
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([*BSC, "change-package", "--db", str(db),
                             str(tmp_path / "package"), "--today", "2026-12-31"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "package" / "change-package.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    assert (tmp_path / "package" / "framework.yaml").stat().st_size > 5_000


@pytest.mark.chromium
def test_every_teams_storyboard_for_a_session_prints_as_one_pdf_one_poster_at_a_time(tmp_path, pristine_db):
    """What faculty print the night before a learning session: every team's poster, each starting a new page."""
    from pypdf import PdfReader

    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    result = subprocess.run([*BSC, "print", "storyboard", "--db", str(db), "--session", "4", "--pdf", "--out",
                             str(tmp_path / "posters")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    pages = [p.extract_text() for p in PdfReader(tmp_path / "posters" / "storyboards-ls4-letter.pdf").pages]
    firsts = [text.splitlines()[0] for text in pages if "Storyboard for Learning Session 4" in text]
    assert len(firsts) == 8 and "Sunrise Head Start" in firsts and "Maple Street Early Head Start" in firsts
