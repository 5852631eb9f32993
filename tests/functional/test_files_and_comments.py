"""All teach, all learn, beyond cycles: a team keeps photos and PDFs beside its cycles and shares them; other teams and
faculty comment; a person is told what is new for them, on the page and in a weekly digest by e-mail. Real pages
(widgets) on a real store, real export folders, and a real SMTP server on loopback."""
import csv
import datetime as dt
import io
import os

import pytest
from click.testing import CliRunner
from PIL import Image
from sqlalchemy import func, select

from bsc_widgets import services as all_services
from bsc_widgets.base.errors import ImportRejected
from bsc_widgets.cli import main
from bsc_widgets.forms.pdsa import PdsaPage
from bsc_widgets.forms.shared_review import SharedReviewPage
from bsc_widgets.forms.storyboard import StoryboardPage
from bsc_widgets.model import Comment, Phase, Share, TeamFile
from bsc_widgets.portable import read_folder, write_folder
from bsc_widgets.services import Actor
from bsc_widgets.services import sharing as services
from bsc_widgets.services.access import access_of
from bsc_widgets.services.comments import comment
from bsc_widgets.services.removals import put_back
from bsc_widgets.store import Store
from bsc_widgets.store.schema import FILE_CONTENTS
from tests import builders
from tests.support import MailCatcher

TODAY = dt.date(2026, 11, 22)
A, B = "team-a", "team-b"


@pytest.fixture(autouse=True)
def product_day(monkeypatch):
    monkeypatch.setenv("BSC_TODAY", TODAY.isoformat())


@pytest.fixture
def store(empty_store):
    builders.collaborative(empty_store)
    builders.team(empty_store, A, name="Alder Head Start")
    builders.team(empty_store, B, name="Birch Family Child Care", language="es")
    builders.member(empty_store, A, id="a-rosa", name="Rosa Quintero", email="rosa@a.example.org")
    builders.member(empty_store, B, id="b-sam", name="Sam Okafor", email="sam@b.example.org", language="es")
    builders.idea(empty_store, "songs", title="Transition songs")
    builders.cycle(empty_store, A, "songs", id="a-shared", title="Songs at clean-up")
    builders.cycle(empty_store, A, "songs", id="a-private", title="Songs at nap time")
    builders.cycle(empty_store, B, "songs", id="b-own", title="Our first song")
    return empty_store


def gps_photo() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 200)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def pdsa_page(store, team, cycle, access=None):
    page = PdsaPage(store, store.team(team), TODAY, access)
    page.picker.value = cycle
    return page


def upload(page, name: str, data: bytes, title: str = "") -> None:
    """What the browser's file picker sends: one file, its name and bytes (a widget message, so untrusted)."""
    page.files.upload.set_state({"value": [{"name": name, "type": "image/png", "size": 3, "content": memoryview(data),
                                             "last_modified": 0}]})
    page.files.title.value = title
    page.files.add_button.click()


def stored_contents(store) -> int:
    with store.reading() as tx:
        return tx.conn.execute(select(func.count()).select_from(FILE_CONTENTS)).scalar_one()


def test_a_photo_is_kept_without_its_position_and_reaches_other_teams_only_when_shared(store):
    a = pdsa_page(store, A, "a-shared")
    upload(a, "IMG_2041.jpg", gps_photo(), "Our song chart")
    [kept] = store.list(TeamFile)
    assert "Added “Our song chart”" in a.message.value and kept.pdsa_cycle_id == "a-shared"
    content = store.contents([kept.sha256])[kept.sha256]
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825) == {}, "its GPS position is gone"
    assert 'src="data:image/jpeg;base64,' in a.files.shown.value

    b = pdsa_page(store, B, "b-own")
    assert "Our song chart" not in b.from_others.cards.value, "nothing leaves a team until it shares"
    a.files.share.share_button.click()
    b = pdsa_page(store, B, "b-own")
    seen = b.from_others.cards.value
    assert "Our song chart" in seen and "Alder Head Start" in seen and 'src="data:image/jpeg;base64,' in seen
    b.from_others.file_pick.value = b.from_others.file_pick.options[0][1]
    b.from_others.save_button.click()
    assert 'download="Our song chart.jpg"' in b.from_others.link.value

    a.files.share.take_back_button.click()
    assert "Our song chart" not in pdsa_page(store, B, "b-own").from_others.cards.value


def test_a_file_that_is_not_what_its_name_says_is_refused_plainly_and_leaves_nothing(store):
    a = pdsa_page(store, A, "a-shared")
    upload(a, "schedule.png", b"<html><script>alert(1)</script></html>")
    assert ("“schedule.png” was not added: only photos (JPEG, PNG, WebP, GIF) and PDF files can be shared, and "
            "this file is neither, whatever its name says.") in a.message.value
    assert "Traceback" not in a.message.value
    assert store.list(TeamFile) == [] and stored_contents(store) == 0
    a.files.upload.set_state({"value": [{"name": 7, "type": "", "size": 0, "content": "not bytes",
                                         "last_modified": 0}]})          # a forged widget message
    a.files.add_button.click()
    assert "Choose a photo or a PDF first." in a.message.value and store.list(TeamFile) == []


def test_a_removed_file_can_be_put_back_and_export_carries_the_bytes(store, tmp_path):
    a = pdsa_page(store, A, "a-shared")
    upload(a, "letter.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
           "Letter to families")
    a.files.share.share_button.click()
    a.files.remove_button.click()
    assert store.list(TeamFile) == [] and "Removed file “Letter to families”" in widget_recent(a)
    a.recent.undo_buttons[0].click()
    [file] = store.list(TeamFile)

    write_folder(store.dataset(), tmp_path / "export")
    assert (tmp_path / "export" / "files" / file.sha256).read_bytes() == store.contents([file.sha256])[file.sha256]
    copy = Store.open(tmp_path / "copy.sqlite", create=True)
    try:
        copy.load(read_folder(tmp_path / "export"))
        assert copy.contents([file.sha256]) == store.contents([file.sha256])
    finally:
        copy.close()

    # removed again, then exported: the export keeps its bytes, so putting it back in the copy brings them too
    removal = all_services.remove(store, Actor.for_team(A), store.get(TeamFile, file.id))
    write_folder(store.dataset(), tmp_path / "later")
    copy = Store.open(tmp_path / "later.sqlite", create=True)
    try:
        copy.load(read_folder(tmp_path / "later"))
        put_back(copy, Actor.for_team(A), copy.get(type(removal), removal.id))
        assert copy.contents([file.sha256]) == store.contents([file.sha256])
    finally:
        copy.close()

    (tmp_path / "export" / "files" / file.sha256).write_bytes(b"%PDF-1.4 changed after the export\n%%EOF")
    with pytest.raises(ImportRejected, match="Nothing was written") as refused:
        read_folder(tmp_path / "export")
    assert "This file is not the one its name says (it was changed after the export)." in str(refused.value)


def widget_recent(page) -> str:
    return page.recent.message.value


def test_comments_reach_whoever_may_read_the_item_and_nobody_else(store):
    shared = services.share(store, Actor.for_team(A), A, "cycle", "a-shared", TODAY)
    b = pdsa_page(store, B, "b-own")
    b.from_others.pick.value = shared.id
    b.from_others.thread.text.value = "Which songs did the children like best?"
    b.from_others.thread.button.click()
    assert "Posted." in b.message.value
    assert "Which songs did the children like best?" in b.from_others.cards.value
    assert "Birch Family Child Care" in b.from_others.cards.value and "Sam" not in b.from_others.cards.value

    a = pdsa_page(store, A, "a-shared")
    assert "1 new comment" in a.news.value and "Which songs" in a.news.value      # without sign-in: the last week
    assert "Which songs" in a.on_shared.words.value

    # faculty's word on a cycle the team did not share: the team reads it, the other team does not
    comment(store, Actor.collaborative(name="coach"), store.get(type(a.form.record), "a-private"),
            "What will you measure at nap time?")
    assert "What will you measure at nap time?" in pdsa_page(store, A, "a-private").with_faculty.words.value
    assert "nap time" not in pdsa_page(store, B, "b-own").news.value

    # a forged message on B's page: its comment box pointed at A's unshared cycle, or at A's item taken back
    b = pdsa_page(store, B, "b-own")
    before = store.list(Comment)
    b.from_others.thread.on = store.get(type(a.form.record), "a-private")
    b.from_others.thread.text.value = "Let me in"
    b.from_others.thread.button.click()
    assert "Only the team and faculty comment on a cycle the team has not shared" in b.message.value
    services.take_back(store, Actor.for_team(A), store.get(Share, shared.id), TODAY)
    b.from_others.thread.on = store.get(Share, shared.id)
    b.from_others.thread.button.click()
    assert "This item is no longer shared; your comment was not saved." in b.message.value
    assert store.list(Comment) == before

    # a page left open on a cycle someone has since removed: said plainly, the words kept in the box
    left_open = pdsa_page(store, A, "a-private")
    all_services.remove(store, Actor.for_team(A), store.get(type(a.form.record), "a-private"))
    left_open.with_faculty.text.value = "Is this still on?"
    left_open.with_faculty.button.click()
    assert "This cycle was removed; your comment was not saved." in left_open.message.value
    assert left_open.with_faculty.text.value == "Is this still on?" and store.list(Comment) == before


def test_signed_in_a_person_is_told_once_and_faculty_write_as_faculty(store):
    builders.account(store, "rosa@a.example.org")
    builders.account(store, "coach@example.org", "faculty")
    rosa, coach = access_of(store, "rosa@a.example.org"), access_of(store, "coach@example.org")
    page = pdsa_page(store, A, "a-private", access=coach)      # faculty open the team's page
    page.with_faculty.text.value = "Try it after lunch too?"
    page.with_faculty.button.click()
    [said] = store.list(Comment)
    assert said.team_id is None and said.author == "coach@example.org", "written as faculty, not as the team"
    assert "Faculty" in page.with_faculty.words.value

    first = pdsa_page(store, A, "a-shared", access=rosa)
    assert "1 new comment" in first.news.value and "Try it after lunch too?" in first.news.value
    assert pdsa_page(store, A, "a-shared", access=rosa).news.value == "", "read once, not again"
    review = SharedReviewPage(store, TODAY, access=coach)
    assert review.news.value == "", "nobody is told of their own words"


def test_a_team_shares_its_storyboard_and_the_other_team_sees_it_for_that_session(store):
    store.save(Phase(id="ls1", kind="learning_session", number=1, name="Learning Session 1",
                     start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 2)))
    a = StoryboardPage(store, store.team(A), TODAY)
    a.form.fields["learned"].set("Songs beat timers.")
    a.form.save()
    a.share.share_button.click()
    assert store.get(Share, store.list(Share)[0].id).kind == "storyboard"
    b = StoryboardPage(store, store.team(B), TODAY)
    assert "Songs beat timers." in b.others.cards.value and "Alder Head Start" in b.others.cards.value


@pytest.fixture
def mail():
    with MailCatcher() as catcher:
        yield catcher


def digest(db, *args):
    result = CliRunner().invoke(main, ["digest", "--db", str(db), *args],
                                env={"LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": "", "BSC_TODAY": "2026-11-23"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_the_weekly_digest_goes_to_each_person_once_in_their_language(sample_db, mail, tmp_path):
    """The sample, on Monday 23 November: last week faculty asked Riverbend a question (Riverbend answered), and
    Nuestra Casa commented, in Spanish, on the photo Sunrise shared."""
    store = Store.open(sample_db)
    try:
        builders.account(store, "riverbend-2@example.org")
        builders.account(store, "nuestra-2@example.org")
        builders.account(store, "sunrise-2@example.org")
    finally:
        store.close()
    log = tmp_path / "digest.csv"
    dry = digest(sample_db, "--log", str(log), *mail.options())
    assert dry.exit_code == 0 and mail.messages == [] and "Add --yes" in dry.output, dry.output

    sent = digest(sample_db, "--yes", "--log", str(log), "--site", "https://workbooks.example.org", *mail.options())
    assert sent.exit_code == 0, sent.output
    by_address = {to[0]: m for to, m in mail.messages}
    assert len(by_address) == len(mail.messages), "each person once"
    sunrise = by_address["sunrise-2@example.org"].get_content()
    assert "1 new comment" in sunrise and "Nuestra Casa Family Child Care Network" in sunrise
    assert "¡Qué buena idea!" in sunrise
    riverbend = by_address["riverbend-2@example.org"]
    assert "Faculty on “Huddle before any send-home”" in riverbend.get_content()
    assert "Mostly the same three children" not in riverbend.get_content(), "nobody is told of their own team's words"
    nuestra = by_address["nuestra-2@example.org"]
    assert "lo nuevo para usted (semana del 16 de noviembre de 2026)" in nuestra["Subject"]
    assert "Hola, Nuestra-2:" in nuestra.get_content() and "compartió" in nuestra.get_content()
    assert "https://workbooks.example.org/voila/render/00_home.ipynb" in riverbend.get_content()
    assert "renee.okafor@example.org" in by_address, "faculty hear of the team's answer"

    again = digest(sample_db, "--yes", "--log", str(log), *mail.options())
    assert len(mail.messages) == len(by_address), "nothing twice"
    assert "Sent before, so not again" in again.output
    rows = list(csv.DictReader(log.open(encoding="utf-8")))
    assert {r["kind"] for r in rows} == {"digest"}
    assert os.path.getsize(log) > 0


def test_shared_text_keeps_its_teams_language_and_is_marked_for_a_reader_of_another(store):
    builders.cycle(store, B, "songs", id="b-spanish", title="Canciones al recoger",
                   objective="Ver si las canciones calman la hora de recoger.")
    services.share(store, Actor.for_team(B), B, "cycle", "b-spanish", TODAY)
    seen = pdsa_page(store, A, "a-shared").from_others.cards.value
    assert "Written in Español by the team." in seen
    assert '<dd lang="es">Ver si las canciones calman la hora de recoger.</dd>' in seen
    assert '<h4 lang="es">Canciones al recoger' in seen
