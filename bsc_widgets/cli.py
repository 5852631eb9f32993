"""``bsc``: a thin command line over the Python API (workspace, import/export, serving).

What it says (what happened, what went wrong) is in the terminal's language (``LANG=es_US.UTF-8``); its ``--help``
is English, like click's own words around it."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from . import __version__
from .base.errors import BscError
from .base.language import LANGUAGES, _, from_environment, n_, speaking
from .model import ROLE_LABELS
from .store import Store, display_url, resolve_db


class BscGroup(click.Group):
    """Turns every failure into a plain message and exit status 1, never a traceback.

    The package's own errors say what to do; a file the system refused names the file; anything
    else is a fault of ours, said in one line (``BSC_DEBUG=1`` shows the traceback).
    """

    def invoke(self, ctx):
        with speaking(from_environment()):      # the terminal's language, for this command only
            return self._invoke(ctx)

    def _invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BscError as exc:
            click.secho(str(exc), err=True, fg="red")
        except OSError as exc:
            why = exc.strerror or str(exc)
            click.secho(_("The system refused (%(file)s): %(why)s. Nothing else was changed.", file=exc.filename,
                          why=why) if exc.filename else
                        _("The system refused: %(why)s. Nothing else was changed.", why=why), err=True, fg="red")
        except Exception as exc:  # noqa: BLE001 - a bug of ours must still not print a traceback to a person
            if os.environ.get("BSC_DEBUG"):
                raise
            click.secho(_("bsc stopped on an unexpected problem (%(problem)s). Run it again with BSC_DEBUG=1 to see "
                          "the details, and please report it.", problem=f"{type(exc).__name__}: {str(exc)[:200]}"),
                        err=True, fg="red")
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
@click.option("--framework", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Start from the framework file a change package wrote (bsc change-package): the measures, "
                   "driver diagram and tested change ideas, with their evidence.")
def init(db, sample, force, framework):
    """Create a workspace, optionally loaded with the sample collaborative or a previous one's framework."""
    if framework is not None:
        from .portable import read_framework
        from .services import COMMAND_LINE
        from .services.workspace import load_collaborative

        dataset = read_framework(framework)          # checked whole before the workspace is touched
        store = Store.open(db, create=True)
        if not store.is_empty():
            raise BscError(_("The workspace %(where)s already holds a collaborative; start the next one in a new "
                             "workspace (--db).", where=display_url(store.url)))
        load_collaborative(store, COMMAND_LINE, dataset)
        click.echo(_("Started %(name)s in %(where)s from %(file)s: set its calendar and teams in the set-up.",
                     name=dataset.collaborative().name, where=display_url(store.url), file=framework.name))
        return
    store = Store.open(db, create=True)
    where = display_url(store.url)
    if sample:
        from .services import COMMAND_LINE
        from .services.workspace import load_sample

        if load_sample(store, COMMAND_LINE, force):
            click.echo(_("Created the sample collaborative in %(where)s.", where=where))
        else:
            click.echo(_("The workspace %(where)s already holds data; left as it is (use --force to replace it).",
                         where=where))
    else:
        click.echo(_("Workspace ready: %(where)s", where=where))


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
    Denominator columns, or a Value column; for rare events one row per day (Date, and
    Count if more than one); for several values a period, one row per value. Nothing is
    written unless all of it is valid.
    """
    from .services import COMMAND_LINE

    if path.is_dir():
        from .portable import read_folder
        from .services.workspace import load_collaborative

        dataset = read_folder(path)              # every problem found before the workspace is touched
        store = Store.open(db, create=True)
        load_collaborative(store, COMMAND_LINE, dataset, replace=replace)
        click.echo(n_("Imported %(n)s record from %(path)s into %(where)s.",
                      "Imported %(n)s records from %(path)s into %(where)s.", len(dataset), path=path,
                      where=display_url(store.url)))
        for file, n in sorted(dataset.taken_out.items()):
            click.echo(n_("%(file)s held %(n)s invisible character that no workspace can store (a null character); "
                          "it was taken out, and the text around it kept.",
                          "%(file)s held %(n)s invisible characters that no workspace can store (null characters); "
                          "they were taken out, and the text around them kept.", n, file=file))
        return
    from .services.measures import import_sheet

    store = Store.open(db)
    plan = import_sheet(store, COMMAND_LINE, path, team, measure, replace_existing=replace_existing)
    click.echo(_("Imported %(file)s: %(summary)s.", file=path.name, summary=plan.summary()))


@main.command()
@db_option
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--deidentified", is_flag=True, help="For researchers: coded teams and members, no names, e-mail "
              "addresses or free text, small figures suppressed (CSV files and a README).")
def export(db, path, deidentified):
    """Export the whole workspace to a folder of CSV files plus framework.yaml."""
    store = Store.open(db, read_only=True)  # an export only reads: a read-only workspace will do
    if deidentified:
        from .analysis.deidentified import export_deidentified

        click.echo(_("Exported the de-identified data to %(path)s.", path=export_deidentified(store, path)))
        return
    from .portable import export_folder

    dataset = store.dataset()
    export_folder(dataset, path)
    click.echo(n_("Exported %(n)s record to %(path)s.", "Exported %(n)s records to %(path)s.", len(dataset),
                  path=path))


@main.command()
@db_option
@click.option("--ip", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8866, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workbooks", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of workbooks to serve (default: the project's workbooks/).")
@click.option("--preheat", default=None, type=click.IntRange(0, 20),
              help="Keep this many kernels per workbook started and imported ahead of visitors "
                   "(about 150 MB each); 0 starts a kernel per visit. Default: 1 when the machine has the memory "
                   "free, else 0.")
def serve(db, ip, port, workbooks, preheat):
    """Serve the workbooks with Voilà against the workspace."""
    from .base.paths import workbooks_dir
    from .server.serve import serve as run

    Store.open(db)  # fail here, plainly, if the workspace is missing
    sys.exit(run(workbooks or workbooks_dir(), resolve_db(db), ip, port, preheat=preheat))


@main.command()
@db_option
@click.option("--ip", default="127.0.0.1", show_default=True, help="Address to listen on (keep loopback behind a "
              "TLS proxy).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--public-url", default=None, metavar="URL",
              help="The address people use, for the links in invitations (default: http://IP:PORT).")
@click.option("--hub-db", default=None, metavar="URL",
              help="The hub's own database: a SQLAlchemy URL such as postgresql+psycopg://… "
                   "(default: a SQLite file in the hub's folder).")
@click.option("--state", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The hub's folder (default: hub/ beside a SQLite workspace, else ./hub-state).")
@click.option("--idle-timeout", default=3600, show_default=True, type=click.IntRange(60, 7 * 86_400),
              help="Seconds after which an idle person's server is stopped.")
@click.option("--trusted-proxy", "trusted", multiple=True, metavar="ADDRESS",
              help="The TLS proxy in front of the hub (an address, or a network such as 10.0.0.0/8; repeatable): "
                   "the visitor's address it forwards is believed, so sign-in limits apply to each visitor.")
@click.option("--sso", type=click.Choice(["oidc"]), default=None,
              help="Sign in through the organization's own accounts (OpenID Connect: Microsoft Entra ID, Google, "
                   "Okta…), set by BSC_SSO_ISSUER, BSC_SSO_CLIENT_ID and BSC_SSO_CLIENT_SECRET (README: “Single "
                   "sign-on”). Passwords and sign-in cards still work for people the provider does not know.")
def hub(db, ip, port, public_url, hub_db, state, idle_timeout, trusted, sso):
    """Serve the workbooks to many people, with sign-in (JupyterHub)."""
    from .hub.run import hub_settings, run_hub

    Store.open(db).close()  # fail here, plainly, if the workspace is missing
    sys.exit(run_hub(hub_settings(resolve_db(db), ip, port, state, hub_db, public_url, idle_timeout, trusted,
                                  sso or "")))


def smtp_options(command, roles: bool = True):
    """Where e-mail goes out: options, else ``BSC_SMTP_HOST``, ``_PORT``, ``_SECURITY``, ``_USER`` and
    ``BSC_MAIL_FROM``; the password only from ``BSC_SMTP_PASSWORD`` (an option would show in the process list).
    With ``roles``, ``--to-role`` too (a team's members by role)."""
    for option in reversed([
        click.option("--yes", is_flag=True, help="Really send; without it, list what would be sent (a dry run)."),
        *([click.option("--to-role", "roles", multiple=True, type=click.Choice(list(ROLE_LABELS)),
                        help="Only members in this role (repeatable; default: every member with an e-mail "
                             "address).")] if roles else []),
        click.option("--smtp-host", default=None, help="SMTP server (default: $BSC_SMTP_HOST)."),
        click.option("--smtp-port", default=None, type=click.IntRange(1, 65535), help="Default: $BSC_SMTP_PORT, "
                     "else 587 (465 with ssl)."),
        click.option("--smtp-security", default=None, type=click.Choice(["starttls", "ssl", "none"]),
                     help="Default: $BSC_SMTP_SECURITY, else starttls."),
        click.option("--smtp-user", default=None, help="Default: $BSC_SMTP_USER (the password: $BSC_SMTP_PASSWORD)."),
        click.option("--from", "sender", default=None, help="The sender address (default: $BSC_MAIL_FROM)."),
    ]):
        command = option(command)
    return command


def _deliver(store, outgoing, yes, log, smtp) -> None:
    """List what would be sent, or send it with a progress bar; then say what happened."""
    from .mail import SmtpSettings, deliver

    if not yes:
        results = deliver(store, outgoing, None, log)
        for r in results:
            o = r.outgoing
            click.echo(("  " + _("would send: %(to)s: %(subject)s", to=f"{o.name} <{o.address}>", subject=o.subject))
                       if r.status == "would send" else
                       ("  " + _("sent before: %(to)s: %(subject)s", to=f"{o.name} <{o.address}>", subject=o.subject)))
        waiting = sum(r.status == "would send" for r in results)
        click.echo(n_("Dry run: %(n)s message would be sent. Add --yes to send it.",
                      "Dry run: %(n)s messages would be sent. Add --yes to send them.", waiting))
        return
    settings = SmtpSettings.from_environment(**smtp)
    with click.progressbar(length=len(outgoing), label=_("Sending"), show_pos=True) as bar:
        results = deliver(store, outgoing, settings, log, on_each=lambda _r: bar.update(1))
    counts = {status: sum(r.status == status for r in results) for status in ("sent", "sent before", "refused")}
    click.echo(_("Sent: %(sent)s. Sent before, so not again: %(before)s. Refused by the server: %(refused)s. "
                 "Log: %(log)s", sent=counts["sent"], before=counts["sent before"], refused=counts["refused"],
                 log=log))
    for r in results:
        if r.status == "refused":
            click.echo("  " + _("refused: %(to)s: %(problem)s", to=r.outgoing.address, problem=r.problem), err=True)


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
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default=None,
              help="Make every report in this language (default: each team's own language).")
@click.option("--shared-plotly", is_flag=True,
              help="Put plotly.js once beside the reports instead of inside each (smaller files; keep the folder "
                   "together).")
@click.option("--final", is_flag=True, help="Instead, the end-of-collaborative effectiveness summary "
              "(documenting results), in OUT/final/.")
@click.option("--system", is_flag=True, help="Instead, the leaders' PD-matrix system assessment, in "
              "OUT/system-assessment/.")
@click.option("--send", is_flag=True, help="Then e-mail each team's report to its members, in the team's language "
              "(a dry run unless --yes; what was sent before is not sent again).")
@smtp_options
def reports(db, period, teams, out, workers, timeout, pdf, lang, shared_plotly, final, system, send, yes, roles,
            smtp_host, smtp_port, smtp_security, smtp_user, sender):
    """Make every team's monthly report and the collaborative's, as offline HTML files."""
    from .analysis.report_calendar import parse_month
    from .base.errors import NotAMonth
    from .reports.batch import make_reports

    if final and system:
        raise click.UsageError(_("Choose one of --final and --system."))
    if (final or system) and (period or teams):
        raise click.UsageError(_("--period and --team are for the monthly reports, not --final or --system."))
    if send and (final or system or shared_plotly):
        raise click.UsageError(_("--send sends the monthly team reports, each whole in one file: not with --final, "
                                 "--system or --shared-plotly."))
    bar = None

    def planned(count, folder, used):
        nonlocal bar
        click.echo(n_("Making %(n)s report in %(folder)s/ with %(workers)s at once…",
                      "Making %(n)s reports in %(folder)s/ with %(workers)s at once…", count, folder=folder,
                      workers=used))
        bar = click.progressbar(length=count, label=_("Reports"), show_pos=True)
        bar.__enter__()

    try:
        batch = make_reports(db, "final" if final else "system" if system else "monthly",
                             parse_month(period) if period else None, teams, out, workers, timeout, pdf,
                             shared_plotly, lang or "", on_planned=planned, on_done=lambda o: bar.update(1))
    except NotAMonth as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    made = len(batch.outcomes) - len(batch.failed)
    click.echo(n_("%(made)s of %(n)s report made; index: %(index)s", "%(made)s of %(n)s reports made; index: %(index)s",
                  len(batch.outcomes), made=made, index=batch.index))
    for o in batch.failed:
        click.echo("  " + _("failed: %(report)s: %(problem)s", report=o.title, problem=o.problem), err=True)
    if send:
        from .base.clock import today
        from .mail import plan_reports

        store = Store.open(db, read_only=not yes)     # a dry run only reads; sending writes the mail log
        made = [o.name for o in batch.outcomes if o.ok and o.name != "collaborative"]
        _deliver(store, plan_reports(store, batch.month, batch.folder, made, today(), roles, lang or ""), yes,
                 batch.folder / "sent.csv", dict(host=smtp_host, port=smtp_port, security=smtp_security,
                                                 user=smtp_user, sender=sender))
    if batch.failed:
        sys.exit(1)


@main.command(name="change-package")
@db_option
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option("--today", "day", default=None, metavar="YYYY-MM-DD", help="The package as of this day (default: "
              "today).")
@click.option("--no-pdf", is_flag=True, help="Only the HTML and the framework file (no Chromium needed).")
def change_package_(db, out, day, no_pdf):
    """The change package for the state (offline HTML and PDF) and the next collaborative's framework file."""
    from .base.clock import today
    from .reports.change_package import write_change_package

    for path in write_change_package(Store.open(db, read_only=True), today(day), out, pdf=not no_pdf):
        click.echo(_("Written: %(path)s", path=path))


@main.command(name="print")
@db_option
@click.argument("kind", type=click.Choice(["pdsa", "data-sheet", "storyboard", "sign-in-cards"]))
@click.option("--team", default=None, metavar="TEAM", help="The team whose worksheet it is (storyboard: leave it out "
              "for every team's poster, one to a page).")
@click.option("--cycle", metavar="CYCLE", help="pdsa: the cycle to fill in (default: a blank worksheet).")
@click.option("--measure", metavar="MEASURE", help="data-sheet: the measure.")
@click.option("--session", type=click.IntRange(1, 50), metavar="N",
              help="storyboard: the learning session (1, 2…; the summative session after the last).")
@click.option("--size", type=click.Choice(["letter", "tabloid", "a3"]), default="letter", show_default=True,
              help="storyboard: the poster's paper size.")
@click.option("--blank", is_flag=True, help="Leave out what the team has entered.")
@click.option("--pdf", is_flag=True, help="Also print it to PDF (needs Chromium).")
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default=None,
              help="The worksheet's language (default: the team's).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("worksheets"),
              show_default=True, help="The folder to write it in.")
@click.option("--hub-url", default=None, metavar="URL", help="sign-in-cards: the hub's public address, as people "
              "reach it (default: $BSC_HUB_URL).")
def print_(db, kind, team, cycle, measure, session, size, blank, pdf, lang, out, hub_url):
    """Paper: a PDSA worksheet (blank or filled), a measure's data-collection sheet, a storyboard poster, or sign-in
    cards for a team's members without an e-mail address (each a one-time code and its QR code)."""
    from .base.clock import today

    if kind == "sign-in-cards":
        from .reports.sign_in_cards import print_sign_in_cards

        for line in print_sign_in_cards(Store.open(db), team, hub_url or os.environ.get("BSC_HUB_URL", ""), out, pdf):
            click.echo(line)
        return
    store = Store.open(db, read_only=True)
    if kind == "storyboard":
        from .reports.storyboard import write_storyboard

        if session is None:
            raise BscError(_("A storyboard is for one learning session: give --session (1 for the first)."))
        written = write_storyboard(store, team, session, out, size, pdf, lang)
    elif team is None:
        raise click.UsageError(_("Missing option “--team”: the team whose worksheet it is."))
    else:
        from .reports.worksheets import write_sheet

        written = write_sheet(store, kind, team, out, today(), cycle, measure, blank, pdf, lang)
    for path in written:
        click.echo(_("Written: %(path)s", path=path))


@main.command()
@db_option
@click.option("--period", default=None, metavar="YYYY-MM",
              help="The month whose report is due (default: the one due now, by the calendar).")
@click.option("--site", default=None, metavar="URL", envvar="BSC_PUBLIC_URL",
              help="The workbooks' address, for the link in each reminder (default: $BSC_PUBLIC_URL).")
@click.option("--log", "log", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write what was sent (default: reports/reminders-YYYY-MM.csv).")
@smtp_options
def remind(db, period, site, log, yes, roles, smtp_host, smtp_port, smtp_security, smtp_user, sender):
    """E-mail each team whose monthly report is not in: the month due now ("your report for November is due on
    5 December"), or overdue once its due day has passed."""
    from .analysis.report_calendar import check_report_month, month_due_now, parse_month
    from .base.clock import today
    from .base.errors import NotAMonth
    from .mail import plan_reminders, reports_missing
    from .model import Phase

    store = Store.open(db)
    collab = store.collaborative()
    if collab is None:
        raise BscError(_("This workspace has no collaborative yet."))
    month = None
    try:
        if period:
            month = parse_month(period)
            check_report_month(collab, month, today())
    except NotAMonth as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from None
    outgoing = plan_reminders(store, today(), month, site, roles)
    if month is None:
        for line in reports_missing(store, today()):
            click.echo(line)
    named = month or month_due_now(collab, store.list(Phase), today())
    _deliver(store, outgoing, yes, log or Path("reports") / f"reminders-{named:%Y-%m}.csv",
             dict(host=smtp_host, port=smtp_port, security=smtp_security, user=smtp_user, sender=sender))


@main.command()
@db_option
@click.option("--site", default=None, metavar="URL", envvar="BSC_PUBLIC_URL",
              help="The workbooks' address, for the link in each digest (default: $BSC_PUBLIC_URL).")
@click.option("--log", "log", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write what was sent (default: reports/digest-YYYY-MM-DD.csv).")
@functools.partial(smtp_options, roles=False)
def digest(db, site, log, yes, smtp_host, smtp_port, smtp_security, smtp_user, sender):
    """E-mail each person what was new for them last week: comments on their team's cycles and shared items, and
    what other teams shared. In each person's language; a week sent is never sent again."""
    from .base.clock import today
    from .mail.digest import plan_digests, week_of

    store = Store.open(db, read_only=not yes)
    if store.collaborative() is None:
        raise BscError(_("This workspace has no collaborative yet."))
    outgoing, had = plan_digests(store, today(), site)
    if had:
        click.echo(n_("Sent before, so not again: %(n)s person has had this week’s digest.",
                      "Sent before, so not again: %(n)s people have had this week’s digest.", had))
    if not outgoing:
        click.echo(_("Nothing new for anyone else last week: no digest to send.") if had else
                   _("Nothing new for anyone last week: no digest to send."))
        return
    _deliver(store, outgoing, yes, log or Path("reports") / f"digest-{week_of(today()):%Y-%m-%d}.csv",
             dict(host=smtp_host, port=smtp_port, security=smtp_security, user=smtp_user, sender=sender))


@main.command()
@db_option
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--team", default=None, metavar="TEAM", help="One team's calendar (default: the whole collaborative's).")
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default=None,
              help="The events' language (default: the team's, else English).")
def calendar(db, out, team, lang):
    """Write the calendar as an .ics file any calendar app imports: learning sessions, report due days, calls and
    visits."""
    from .base.language import first_known, speaking
    from .reports.calendar import calendar_ics

    store = Store.open(db, read_only=True)
    if store.collaborative() is None:
        raise BscError(_("This workspace has no collaborative yet."))
    chosen = store.team(team) if team else None
    with speaking(first_known(lang, chosen.language if chosen else None)):
        out.write_bytes(calendar_ics(store, team))
    click.echo(_("Written: %(path)s", path=out))


if __name__ == "__main__":
    main()
