"""Run the report notebooks with papermill for every team and the collaborative, in parallel.

Each report is executed in its own kernel by a worker process (spawned, so no state or
sockets are shared), converted to one self-contained HTML file without code, and written
atomically. A report that fails or hangs gets an error page naming the problem; the others
finish. An index page links everything.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Callable

from ..base.errors import BscError, KernelDidNotStart, ReportFailed, ReportTimedOut, WorkspaceError
from ..base.kernels import IOPUB_WAIT, AllMessagesKernels
from ..base.language import _, day, from_environment, speak
from ..base.paths import report_templates_dir
from ..base.text import shorten
from ..render import exported_html, render, stylesheet
from .printing import chromium, to_pdf

TEMPLATES = report_templates_dir()
KERNEL_START_RETRIES = 3   # parallel kernels can race for the same ports (jupyter-stack §3.4)


@dataclass(frozen=True)
class Job:
    name: str            # file stem: the team id, or "collaborative"
    title: str
    notebook: Path
    parameters: dict
    out_dir: Path
    timeout: int


@dataclass(frozen=True)
class Batch:
    """What ``make_reports`` made: the folder, its index's title, and one outcome per report."""

    folder: Path
    title: str
    outcomes: list
    month: dt.date | None = None      # the month reported on (monthly reports)

    @property
    def failed(self) -> list:
        return [o for o in self.outcomes if not o.ok]

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


@dataclass(frozen=True)
class Outcome:
    name: str
    title: str
    ok: bool
    seconds: float
    problem: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.html"


def page(title: str, body: str) -> str:
    """A whole HTML document around a report's body (a template's, or nbconvert's export of one)."""
    return render("reports/page.html", "document", title=title, body=body)


def error_page(title: str, problem: str) -> str:
    return page(title, render("reports/page.html", "failed", style=stylesheet(), title=title, problem=problem))


def write_whole(path: Path, text: str) -> None:
    """Written aside, then moved into place: a reader never meets half a file."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def failure(exc: BaseException, timeout: int) -> ReportFailed:
    """What went wrong with one report, as one of our own errors, told apart by the exception's type
    (and, for a kernel that did not start, by where it was raised), never by its wording."""
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError
    from zmq.error import ZMQError

    if isinstance(exc, ReportFailed):
        return exc
    timed_out = ReportTimedOut(_("It took longer than %(n)s seconds and was stopped.", n=timeout))
    if isinstance(exc, TimeoutError):  # nbclient's CellTimeoutError is one
        return timed_out
    if isinstance(exc, PapermillExecutionError):  # a cell raised: its exception's type is ``ename``
        return timed_out if exc.ename in ("CellTimeoutError", "TimeoutError") else \
            ReportFailed(f"{exc.ename}: {shorten(str(exc.evalue), 400)}")
    frames = traceback.extract_tb(exc.__traceback__)
    if isinstance(exc, (ZMQError, DeadKernelError)) or (
            isinstance(exc, RuntimeError) and frames and "jupyter_client" in frames[-1].filename):
        return KernelDidNotStart(_("Its kernel did not start (%(why)s).", why=f"{type(exc).__name__}: {shorten(str(exc), 200)}"))
    return ReportFailed(f"{type(exc).__name__}: {shorten(str(exc), 400)}")


def _worker_started(parent: int) -> None:
    """Each worker: kernels' start-up chatter goes nowhere (each report's problems are caught and written to its page,
    in the language the command speaks), and it ends with the command that started it (``_end_with_parent``)."""
    speak(from_environment())
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    threading.Thread(target=_end_with_parent, args=(parent,), daemon=True).start()


def _end_with_parent(parent: int, every: float = 0.5) -> None:
    """``bsc reports`` stopped without a word (``kill -9``, a closed terminal): the worker stops too, and its kernel,
    which watches its own parent, with it. Nothing outlives the command (``parent`` is the command's own process,
    given when the worker was asked for: a worker still starting when the command died sees a new parent at once)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def execute(notebook: Path, executed: Path, parameters: dict, cwd: str | Path, timeout: int | None = None) -> None:
    """Run ``notebook`` with papermill as every report is run: each message of a page's burst kept, and its last
    ones waited for (``base.kernels``). Without both, a large page on a busy machine came out with its end cut off."""
    import papermill as pm

    pm.execute_notebook(str(notebook), str(executed), parameters=parameters, kernel_name="python3",
                        progress_bar=False, cwd=str(cwd), execution_timeout=timeout, log_output=False,
                        iopub_timeout=IOPUB_WAIT, kernel_manager_class=AllMessagesKernels)


def run_job(job: Job) -> Outcome:
    """Execute one notebook and write its HTML (or its error page). Runs in a worker process."""
    from nbconvert import HTMLExporter

    start = time.perf_counter()
    target = job.out_dir / f"{job.name}.html"
    with tempfile.TemporaryDirectory(prefix="bsc-report-") as tmp:
        executed = Path(tmp) / "executed.ipynb"
        for attempt in range(KERNEL_START_RETRIES):
            try:
                execute(job.notebook, executed, job.parameters, cwd=tmp, timeout=job.timeout)
                break
            except Exception as exc:  # noqa: BLE001 - each report fails alone, with its reason
                why = failure(exc, job.timeout)
                if isinstance(why, KernelDidNotStart) and attempt + 1 < KERNEL_START_RETRIES:
                    time.sleep(random.uniform(0.2, 1.0))
                    continue
                write_whole(target, error_page(job.title, why.message))
                return Outcome(job.name, job.title, False, time.perf_counter() - start, why.message)
        exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                                exclude_output_prompt=True)
        body, _ = exporter.from_filename(str(executed))
    write_whole(target, page(job.title, exported_html(body)))
    return Outcome(job.name, job.title, True, time.perf_counter() - start)


def plan(store, period: dt.date, out_dir: Path, teams: list[str] | None, db_url: str, today: dt.date,
         timeout: int, shared_plotly: bool = False, lang: str = "") -> list[Job]:
    """The month's reports: the collaborative's, and each team's in its own language (or all in ``lang``)."""
    chosen = [store.team(t) for t in teams] if teams else store.teams()
    common = dict(period=f"{period:%Y-%m}", db=db_url, today=today.isoformat(), shared_plotly=shared_plotly,
                  lang=lang)
    jobs = [Job("collaborative", f"{store.collaborative().name}: {day(period, 'month')}",
                TEMPLATES / "collaborative_report.ipynb", dict(common), out_dir, timeout)]
    jobs += [Job(t.id, f"{t.name}: {day(period, 'month')}", TEMPLATES / "team_report.ipynb", dict(common, team=t.id),
                 out_dir, timeout) for t in chosen]
    return jobs


def plan_one(kind: str, store, out_dir: Path, db_url: str, today: dt.date, timeout: int,
             shared_plotly: bool = False) -> list[Job]:
    """The end-of-collaborative effectiveness summary ("final") or the leaders' system assessment ("system")."""
    if kind == "final":
        return [Job("final", _("%(collaborative)s: effectiveness summary", collaborative=store.collaborative().name), TEMPLATES / "final_report.ipynb",
                    dict(db=db_url, today=today.isoformat(), shared_plotly=shared_plotly), out_dir, timeout)]
    return [Job("system-assessment", _("System assessment: the PD Matrix"), TEMPLATES / "system_assessment.ipynb",
                dict(db=db_url, today=today.isoformat()), out_dir, timeout)]


def index_html(title: str, outcomes: list[Outcome]) -> str:
    ordered = sorted(outcomes, key=lambda o: (o.name != "collaborative", o.title))
    return page(title, render("reports/page.html", "index", style=stylesheet(), title=title, outcomes=ordered,
                              failed=sum(not o.ok for o in outcomes)))


def run_reports(jobs: list[Job], workers: int, on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run every job, ``workers`` at a time; a failure never stops the others."""
    if not TEMPLATES.is_dir():
        raise BscError(_("The report templates are missing (%(folder)s).", folder=TEMPLATES))
    for job in jobs:
        job.out_dir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=get_context("spawn"),
                             initializer=_worker_started, initargs=(os.getpid(),)) as pool:
        pending = {pool.submit(run_job, job): job for job in jobs}
        while pending:
            done = wait(pending, return_when=FIRST_COMPLETED)[0]
            for future in done:
                job = pending.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died: the report fails alone
                    outcome = Outcome(job.name, job.title, False, 0.0, failure(exc, job.timeout).message)
                    write_whole(job.out_dir / outcome.file, error_page(job.title, outcome.problem))
                outcomes.append(outcome)
                if on_done:
                    on_done(outcome)
    return outcomes


def share_plotly(out_dir: Path) -> Path:
    """plotly.js once, beside the reports that load it (``--shared-plotly``): the bundle the workbooks draw with."""
    from ..charts.plotly_js import offline_text
    from .page import PLOTLY_FILE

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / PLOTLY_FILE
    write_whole(target, offline_text())
    return target


def make_reports(db: str | None, kind: str = "monthly", month: dt.date | None = None, teams: tuple[str, ...] = (),
                 out: Path = Path("reports"), workers: int | None = None, timeout: int = 600, pdf: bool = False,
                 shared_plotly: bool = False, lang: str = "", on_planned: Callable[[int, Path, int], None] | None = None,
                 on_done: Callable[[Outcome], None] | None = None) -> Batch:
    """``bsc reports``: the monthly reports of ``month`` (default: last month), the effectiveness summary
    (``kind="final"``) or the system assessment (``"system"``), made in parallel, with their index. Each team's
    report is in the team's language, unless ``lang`` chooses one for all.

    ``on_planned(reports, folder, workers)`` is called once the reports are known, ``on_done`` as each is made.
    """
    from ..analysis.report_calendar import check_report_month, month_due_now
    from ..base.clock import today as today_of
    from ..model import Phase
    from ..store import Store, resolve_db

    store = Store.open_to_read(db)      # reports only read: a read-only workspace will do
    collab = store.collaborative()
    if collab is None and kind != "system":
        raise WorkspaceError(_("This workspace has no collaborative yet."))
    today = today_of()
    if pdf and chromium() is None:
        raise BscError(_("--pdf needs Chromium (apt-get install chromium)."))
    if kind in ("final", "system"):
        folder = out / ("final" if kind == "final" else "system-assessment")
        jobs = plan_one(kind, store, folder, resolve_db(db), today, timeout, shared_plotly)
        title = jobs[0].title
    else:
        month = month or month_due_now(collab, store.list(Phase), today)    # the last month that has ended
        check_report_month(collab, month, today)
        folder = out / f"{month:%Y-%m}"
        jobs = plan(store, month, folder, list(teams), resolve_db(db), today, timeout, shared_plotly, lang)
        title = _("%(collaborative)s: reports for %(month)s", collaborative=collab.name, month=day(month, "month"))
    if shared_plotly:
        share_plotly(folder)
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = min(workers, len(jobs))
    if on_planned:
        on_planned(len(jobs), folder, workers)
    outcomes = run_reports(jobs, workers, on_done=on_done)
    (folder / "index.html").write_text(index_html(title, outcomes), encoding="utf-8")
    if pdf:
        for o in outcomes:
            if o.ok:
                to_pdf(folder / o.file)
    return Batch(folder, title, outcomes, month if kind == "monthly" else None)
