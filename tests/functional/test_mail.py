"""Reminders that a monthly report is due, e-mailed through a real SMTP server on loopback: a dry run by default,
each team in its language, nothing sent twice, a refused address not stopping the others, and a log of it all."""
import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from bsc_widgets.cli import main
from bsc_widgets.model import Member, MonthlyReport
from bsc_widgets.services import Actor, save
from tests.support import MailCatcher


@pytest.fixture
def mail():
    with MailCatcher() as catcher:
        yield catcher


def remind(db, *args, log=None):
    result = CliRunner().invoke(main, ["remind", "--db", str(db), "--period", "2026-11", "--log", str(log), *args],
                                env={"LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _members_with_email(store, team_id):
    return [m for m in store.list(Member, team_id=team_id) if m.email and m.left_on is None]


def test_a_reminder_run_is_a_dry_run_unless_yes_and_sends_nothing_twice(sample_store, sample_db, mail, tmp_path):
    log = tmp_path / "reminders.csv"
    expected = sum(len(_members_with_email(sample_store, t.id)) for t in sample_store.teams())
    dry = remind(sample_db, *mail.options(), log=log)
    assert dry.exit_code == 0 and mail.messages == [] and not log.exists()
    assert dry.output.count("would send:") == expected and "Add --yes" in dry.output

    sent = remind(sample_db, "--yes", "--site", "https://workbooks.example.org", *mail.options(), log=log)
    assert sent.exit_code == 0, sent.output
    assert len(mail.messages) == expected and f"Sent: {expected}." in sent.output
    spanish = [m for to, m in mail.messages if "nuestra-casa" in str(m["To"]) or "Nuestra Casa" in m["Subject"]]
    english = [m for to, m in mail.messages if "Maple Street" in m["Subject"]]
    assert spanish and all("vence el 5 de diciembre de 2026" in m["Subject"] for m in spanish)
    assert english and all("is due on 5 December 2026" in m["Subject"] for m in english)
    body = english[0].get_content()
    assert "https://workbooks.example.org/voila/render/05_monthly_report.ipynb?team=maple-street-ehs" in body
    assert english[0]["From"] == "Growing Together <advisor@example.org>" and english[0]["Message-ID"]

    again = remind(sample_db, "--yes", *mail.options(), log=log)
    assert len(mail.messages) == expected, "a repeated run sent again"
    assert f"Sent before, so not again: {expected}." in again.output
    rows = list(csv.DictReader(log.open(encoding="utf-8")))
    assert [r["status"] for r in rows].count("sent") == expected
    assert [r["status"] for r in rows].count("sent before") == expected


def test_a_team_that_reported_is_not_reminded_and_a_refused_address_stops_nothing(sample_store, sample_db, mail,
                                                                                  tmp_path):
    team = "maple-street-ehs"
    save(sample_store, Actor.for_team(team), MonthlyReport.build(team_id=team, month="2026-11",
                                                                 highlights="We did it.", version=0))
    first = _members_with_email(sample_store, "hearth-fcc")[0]
    save(sample_store, Actor.for_team("hearth-fcc"), first.model_copy(update={"email": "refused@example.org"}))
    result = remind(sample_db, "--yes", *mail.options(), log=tmp_path / "log.csv")
    assert result.exit_code == 0, result.output
    subjects = [m["Subject"] for _to, m in mail.messages]
    assert not any("Maple Street" in s for s in subjects)
    assert "refused: refused@example.org" in result.output and "Refused by the server: 1." in result.output
    assert any("Hearth" in s for s in subjects)    # the rest of that team still got theirs


def test_a_line_break_typed_in_a_name_adds_no_header(sample_store, sample_db, mail, tmp_path):
    team = sample_store.team("hearth-fcc")
    save(sample_store, Actor.collaborative(), team.model_copy(update={"name": "Hearth\nBcc: everyone@example.org"}))
    result = remind(sample_db, "--yes", *mail.options(), log=tmp_path / "log.csv")
    assert result.exit_code == 0, result.output
    hearth = [(to, m) for to, m in mail.messages if "Hearth" in m["Subject"]]
    assert hearth and all(m["Bcc"] is None and "\n" not in m["Subject"] for _to, m in hearth)
    assert all(len(to) == 1 for to, _m in mail.messages)          # each message to its one person


def test_sending_says_plainly_when_no_server_is_given(sample_db, tmp_path):
    result = CliRunner().invoke(main, ["remind", "--db", str(sample_db), "--period", "2026-11", "--yes", "--log",
                                       str(tmp_path / "log.csv")],
                                env={"BSC_SMTP_HOST": "", "BSC_MAIL_FROM": "", "LANG": "C.UTF-8"})
    assert result.exit_code == 1 and "Sending needs an SMTP server and a sender address" in result.output
    unreachable = CliRunner().invoke(main, ["remind", "--db", str(sample_db), "--period", "2026-11", "--yes",
                                            "--smtp-host", "127.0.0.1", "--smtp-port", "9", "--smtp-security", "none",
                                            "--from", "a@example.org", "--log", str(tmp_path / "log.csv")],
                                     env={"LANG": "C.UTF-8"})
    assert unreachable.exit_code == 1 and "Nothing was sent." in unreachable.output
    assert not Path(tmp_path / "log.csv").exists()
