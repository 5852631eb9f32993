"""`bsc reports --send`: the month's reports made by papermill, then e-mailed through a real SMTP server on
loopback, each team's report attached to a message to each member, in the team's language; a repeated run
sends nothing twice, and a dry run sends nothing."""
import os
import shutil
import subprocess
import sys

import pytest

from bsc_widgets.model import Member
from bsc_widgets.store import Store
from tests.support import MailCatcher

pytestmark = pytest.mark.kernel
TEAM = "nuestra-casa-fcc"


def send(db, out, *extra):
    return subprocess.run([sys.executable, "-m", "bsc_widgets.cli", "reports", "--db", str(db), "--out", str(out),
                           "--period", "2026-10", "--team", TEAM, "--send", *extra], capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, BSC_TODAY="2026-11-22", LANG="C.UTF-8"))


def test_reports_go_to_each_member_once_with_the_report_attached(tmp_path, pristine_db):
    db = tmp_path / "bsc.sqlite"
    shutil.copy(pristine_db, db)
    store = Store.open(str(db), read_only=True)
    members = sorted(m.email.lower() for m in store.list(Member, team_id=TEAM) if m.email)
    assert members
    with MailCatcher() as mail:
        dry = send(db, tmp_path / "out", *mail.options())
        assert dry.returncode == 0, dry.stderr
        assert mail.messages == [] and dry.stdout.count("would send:") == len(members)
        sent = send(db, tmp_path / "out", "--yes", *mail.options())
        assert sent.returncode == 0, sent.stderr
        assert sorted(to[0].lower() for to, _m in mail.messages) == members
        report = (tmp_path / "out" / "2026-10" / f"{TEAM}.html").read_bytes()
        for _to, message in mail.messages:
            assert "informe mensual de octubre de 2026" in message["Subject"]       # the team works in Spanish
            assert "Hola" in message.get_body(("plain",)).get_content()
            attached = [p for p in message.iter_attachments()]
            assert [p.get_filename() for p in attached] == [f"{TEAM}.html"]
            assert attached[0].get_content_type() == "text/html" and attached[0].get_payload(decode=True) == report
        again = send(db, tmp_path / "out", "--yes", *mail.options())
        assert again.returncode == 0 and len(mail.messages) == len(members)
        assert f"Sent before, so not again: {len(members)}." in again.stdout
    log = (tmp_path / "out" / "2026-10" / "sent.csv").read_text(encoding="utf-8")
    assert log.count(",sent,") == len(members) and log.count(",sent before,") == len(members)
