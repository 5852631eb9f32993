"""``bsc``: a thin command line over the Python API (workspace, import/export, serving)."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import BscError, WorkspaceError
from .store import Store, display_url, resolve_db


class BscGroup(click.Group):
    """Turns every failure into a plain message and exit status 1, never a traceback.

    The package's own errors say what to do; a file the system refused names the file; anything
    else is a fault of ours, said in one line (``BSC_DEBUG=1`` shows the traceback).
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BscError as exc:
            click.secho(str(exc), err=True, fg="red")
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            click.secho(f"The system refused{where}: {exc.strerror or exc}. Nothing else was changed.", err=True,
                        fg="red")
        except Exception as exc:  # noqa: BLE001 - a bug of ours must still not print a traceback to a person
            if os.environ.get("BSC_DEBUG"):
                raise
            click.secho(f"bsc stopped on an unexpected problem ({type(exc).__name__}: {str(exc)[:200]}). "
                        "Run it again with BSC_DEBUG=1 to see the details, and please report it.", err=True,
                        fg="red")
        sys.exit(1)


db_option = click.option("--db", envvar="BSC_DB", metavar="URL-OR-PATH",
                         help="Workspace: a SQLite file path or a SQLAlchemy URL. "
                              "Default: $BSC_DB, else ./workspace/bsc.sqlite.")


@click.group(cls=BscGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bsc")
def main():
    """BSC Workbooks: coaching workbooks for Breakthrough Series Collaboratives."""


@main.command()
@db_option
@click.option("--sample", is_flag=True, help="Load the sample collaborative (“Growing Together”).")
@click.option("--force", is_flag=True, help="With --sample: replace whatever the workspace already holds.")
def init(db, sample, force):
    """Create a workspace, optionally loaded with the sample collaborative."""
    store = Store.open(db, create=True)
    where = display_url(store.url)
    if sample:
        from .portable import read_folder
        from .sample import sample_folder
        from .services import COMMAND_LINE
        from .services.workspace import load_collaborative

        if not store.is_empty() and not force:
            click.echo(f"The workspace {where} already holds data; left as it is (use --force to replace it).")
            return
        load_collaborative(store, COMMAND_LINE, read_folder(sample_folder()), replace=force)
        click.echo(f"Created the sample collaborative in {where}.")
    else:
        click.echo(f"Workspace ready: {where}")


@main.command(name="import")
@db_option
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Folder import: replace everything the workspace holds.")
@click.option("--team", metavar="TEAM", help="Spreadsheet import: the team the rows belong to.")
@click.option("--measure", metavar="MEASURE", help="Spreadsheet import: the measure the rows belong to.")
@click.option("--replace-existing", is_flag=True,
              help="Spreadsheet import: overwrite periods that already hold different numbers.")
def import_(db, path, replace, team, measure, replace_existing):
    """Import an export folder, or a team's measure data from a .csv or .xlsx sheet.

    A folder (framework.yaml plus CSV files) loads a whole collaborative, in one
    transaction. A sheet adds measure data: one row per period, with Numerator and
    Denominator columns, or a Value column. Nothing is written unless all of it is valid.
    """
    from .services import COMMAND_LINE

    if path.is_dir():
        from .portable import read_folder
        from .services.workspace import load_collaborative

        dataset = read_folder(path)              # every problem found before the workspace is touched
        store = Store.open(db, create=True)
        load_collaborative(store, COMMAND_LINE, dataset, replace=replace)
        click.echo(f"Imported {len(dataset)} records from {path} into {display_url(store.url)}.")
        return
    from .services.measures import import_sheet

    store = Store.open(db)
    plan = import_sheet(store, COMMAND_LINE, path, team, measure, replace_existing=replace_existing)
    click.echo(f"Imported {path.name}: {plan.summary()}.")


@main.command()
@db_option
@click.argument("path", type=click.Path(path_type=Path))
def export(db, path):
    """Export the whole workspace to a folder of CSV files plus framework.yaml."""
    from .portable import write_folder
    from .portable.folder import CSV_FILES, FRAMEWORK_FILE

    if path.exists() and not path.is_dir():
        raise BscError(f"{path} is a file; give a folder to export into.")
    if path.is_dir():
        foreign = [p.name for p in path.iterdir() if p.name not in CSV_FILES and p.name != FRAMEWORK_FILE
                   and not p.name.startswith(".")]
        if foreign:
            raise BscError(f"{path} already holds other files ({', '.join(sorted(foreign)[:5])}); "
                           "export into an empty folder.")
    store = Store.open(db, read_only=True)  # an export only reads: it works on a read-only workspace
    dataset = store.dataset()
    try:
        write_folder(dataset, path)
    except OSError as exc:
        raise BscError(f"The export cannot be written to {path}: {exc.strerror or exc}. Choose a folder you "
                       "can write to.") from None
    click.echo(f"Exported {len(dataset)} records to {path}.")


@main.command()
@db_option
@click.option("--ip", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8866, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workbooks", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of workbooks to serve (default: the project's workbooks/).")
@click.option("--preheat", default=0, show_default=True, type=click.IntRange(0, 20),
              help="Keep this many kernels per workbook started and imported ahead of visitors "
                   "(about 150 MB each); 0 starts a kernel per visit.")
def serve(db, ip, port, workbooks, preheat):
    """Serve the workbooks with Voilà against the workspace."""
    from .serve import serve as run
    from .paths import workbooks_dir

    Store.open(db)  # fail here, plainly, if the workspace is missing
    sys.exit(run(workbooks or workbooks_dir(), resolve_db(db), ip, port, preheat=preheat))


@main.command()
@db_option
@click.option("--period", default=None, metavar="YYYY-MM",
              help="The month to report (default: last month).")
@click.option("--team", "teams", multiple=True, metavar="TEAM", help="Only this team (repeatable).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("reports"),
              show_default=True, help="Reports go in OUT/YYYY-MM/ (the month reported).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Reports made at once (default: the cores available).")
@click.option("--timeout", type=click.IntRange(10, 86_400), default=600, show_default=True,
              help="Seconds after which one report is stopped.")
@click.option("--pdf", is_flag=True, help="Also print each report to PDF (needs Chromium).")
@click.option("--shared-plotly", is_flag=True,
              help="Put plotly.js once beside the reports instead of inside each (smaller files; keep the folder "
                   "together).")
@click.option("--final", is_flag=True, help="Instead, the end-of-collaborative effectiveness summary "
              "(documenting results), in OUT/final/.")
@click.option("--system", is_flag=True, help="Instead, the leaders' PD-matrix system assessment, in "
              "OUT/system-assessment/.")
def reports(db, period, teams, out, workers, timeout, pdf, shared_plotly, final, system):
    """Make every team's monthly report and the collaborative's, as offline HTML files."""
    from .reports.batch import chromium, index_html, plan, plan_one, run_reports, share_plotly, to_pdf
    from .report_calendar import check_report_month, parse_month
    from .clock import today as today_of

    if final and system:
        raise click.UsageError("Choose one of --final and --system.")
    if (final or system) and (period or teams):
        raise click.UsageError("--period and --team are for the monthly reports, not --final or --system.")
    store = Store.open(db)
    if store.collaborative() is None and not system:
        raise WorkspaceError("This workspace has no collaborative yet.")
    today = today_of()
    if pdf and chromium() is None:
        raise BscError("--pdf needs Chromium (apt-get install chromium).")
    if final or system:
        kind = "final" if final else "system"
        folder = out / ("final" if final else "system-assessment")
        jobs = plan_one(kind, store, folder, resolve_db(db), today, timeout, shared_plotly)
        title = jobs[0].title
    else:
        try:
            month = parse_month(period) if period else (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            check_report_month(store.collaborative(), month, today)
        except (ValueError, BscError) as exc:
            raise click.BadParameter(str(exc), param_hint="--period") from None
        folder = out / f"{month:%Y-%m}"
        jobs = plan(store, month, folder, list(teams), resolve_db(db), today, timeout, shared_plotly)
        title = f"{store.collaborative().name}: reports for {month:%B %Y}"
    if shared_plotly:
        share_plotly(folder)
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    click.echo(f"Making {len(jobs)} report(s) in {folder}/ with {min(workers, len(jobs))} worker(s)…")
    with click.progressbar(length=len(jobs), label="Reports", show_pos=True) as bar:
        outcomes = run_reports(jobs, min(workers, len(jobs)), on_done=lambda o: bar.update(1))
    (folder / "index.html").write_text(index_html(title, outcomes), encoding="utf-8")
    failed = [o for o in outcomes if not o.ok]
    if pdf:
        with click.progressbar([o for o in outcomes if o.ok], label="PDF") as made:
            for o in made:
                to_pdf(folder / o.file)
    click.echo(f"{len(outcomes) - len(failed)} of {len(outcomes)} reports made; index: {folder / 'index.html'}")
    for o in failed:
        click.echo(f"  failed: {o.title}: {o.problem}", err=True)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
