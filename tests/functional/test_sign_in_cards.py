"""Printed sign-in cards for the members a link cannot reach (no e-mail address), on a real workspace: who gets one,
what it opens and for how long, who may print them, and the page and the command that make them.
(A card used from a phone, through the hub: tests/browser/test_sign_in.py.)
"""
import datetime as dt
import re
import stat

import pytest
from click.testing import CliRunner

from bsc_widgets.base.errors import NotAllowed, NotFound
from bsc_widgets.base.language import from_browser
from bsc_widgets.cli import main
from bsc_widgets.forms.charter import CharterPage
from bsc_widgets.forms.invitations import SignInCards, TeamInvitations
from bsc_widgets.forms.setup import SetupPage
from bsc_widgets.model import Account, Member, Team
from bsc_widgets.render import qr_svg
from bsc_widgets.reports.sign_in_cards import card_link, sign_in_cards_html
from bsc_widgets.services import COMMAND_LINE, Actor
from bsc_widgets.services.access import access_of
from bsc_widgets.services.accounts import (CARD_ALPHABET, accept_invitation, card_code, invite_team, invited,
                                           new_link, sign_in)
from bsc_widgets.store.schema import CREDENTIALS
from tests.functional.test_access import PASSWORD, TODAY, account
from tests.support import walk

NUESTRA = "nuestra-casa-fcc"      # two family members without an address, both reading Spanish
HUB = "https://workbooks.example.org"


def test_cards_are_for_the_members_without_an_address_and_open_their_team_once(sample_store):
    made, left = invite_team(sample_store, COMMAND_LINE, NUESTRA, TODAY, cards=True)
    assert sorted(i.account.name for i in made) == ["Guadalupe Núñez", "Jorge Castillo"]
    assert left == []                               # the members with an address get links, not cards
    card = next(i for i in made if i.account.name == "Guadalupe Núñez")
    assert card.account.username == "nuestra-5" and card.account.by_card and card.account.email is None
    assert len(card.token) == 12 and set(card.token) <= set(CARD_ALPHABET)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", card.code)
    assert card_code(card.code.lower().replace("-", " ")) == card.token        # typed any way from the paper
    assert invited(sample_store, card.token).username == "nuestra-5"
    accept_invitation(sample_store, card.token, PASSWORD)
    with pytest.raises(NotFound, match="has been used"):
        accept_invitation(sample_store, card.token, "another long password")
    access = sign_in(sample_store, "nuestra-5", PASSWORD)
    assert access.own_teams == {NUESTRA} and access.language == "es" and access.role == "team_member"
    # a card made again for someone who has a password is an administrator's reset, never the roster's
    again, left = invite_team(sample_store, COMMAND_LINE, NUESTRA, TODAY, cards=True)
    assert [i.account.name for i in again] == ["Jorge Castillo"]
    assert "already chosen a password" in left[0].why
    reset = new_link(sample_store, COMMAND_LINE, "nuestra-5")
    assert len(reset.token) == 12                  # a card's account gets a card again


def test_a_card_runs_out_and_a_member_who_left_opens_nothing(sample_store):
    made, _ = invite_team(sample_store, COMMAND_LINE, NUESTRA, TODAY, cards=True)
    with sample_store.transaction() as tx:
        tx.conn.execute(CREDENTIALS.update().where(CREDENTIALS.c.username == "nuestra-6")
                        .values(invitation_expires=dt.datetime(2020, 1, 1)))
    jorge = next(i for i in made if i.account.username == "nuestra-6")
    assert invited(sample_store, jorge.token) is None
    guadalupe = next(i for i in made if i.account.username == "nuestra-5")
    accept_invitation(sample_store, guadalupe.token, PASSWORD)
    member = sample_store.get(Member, "nuestra-5")
    with sample_store.transaction() as tx:
        tx.save(member.model_copy(update={"left_on": TODAY - dt.timedelta(days=1)}))
    assert access_of(sample_store, "nuestra-5").own_teams == frozenset()
    # a card's sign-in name matches its own roster row only: an address-like name is never taken for an id
    assert not Account.build(username="nuestra-5@example.org", name="x", access="team_member").by_card
    assert not Account.build(username="nuestra-5", name="x", access="faculty").by_card


def test_the_teams_lead_may_print_its_cards_and_no_other_member_may(sample_store):
    lead = account(sample_store, "nuestra-1@example.org")
    team = sample_store.team(NUESTRA)
    with sample_store.transaction() as tx:
        tx.save(team.model_copy(update={"day_to_day_lead_id": "nuestra-1"}))
    made, _ = invite_team(sample_store, Actor.for_team(NUESTRA, access=lead), NUESTRA, TODAY, cards=True)
    assert len(made) == 2
    other = account(sample_store, "nuestra-2@example.org")
    with pytest.raises(NotAllowed):
        invite_team(sample_store, Actor.for_team(NUESTRA, access=other), NUESTRA, TODAY, cards=True)
    with pytest.raises(NotAllowed):     # a lead prints cards; links and accounts stay set-up's
        invite_team(sample_store, Actor.for_team(NUESTRA, access=lead), NUESTRA, TODAY)
    charter = CharterPage(sample_store, sample_store.team(NUESTRA), TODAY, lead)
    assert not [e for e in walk(charter) if isinstance(e, SignInCards)]        # without the hub, no cards
    maple_lead = account(sample_store, "maple-1@example.org")
    with pytest.raises(NotAllowed):     # a lead of another team
        invite_team(sample_store, Actor.for_team(NUESTRA, access=maple_lead), NUESTRA, TODAY, cards=True)


def test_the_sign_in_links_page_names_who_has_no_address_and_prints_their_cards(sample_store, monkeypatch):
    monkeypatch.setenv("BSC_HUB_URL", HUB)
    advisor = account(sample_store, "renee.okafor@example.org")
    setup = SetupPage(sample_store, TODAY, advisor)
    teams = next(e for e in walk(setup) if type(e).__name__ == "RecordEditor" and e.model is Team)
    teams.picker.value = NUESTRA
    links = next(e for e in walk(setup) if isinstance(e, TeamInvitations))
    cards = next(e for e in walk(links) if isinstance(e, SignInCards))
    said = " ".join(str(getattr(e, "value", "")) for e in walk(cards))
    assert "2 members have no e-mail address" in said and "Guadalupe Núñez, Jorge Castillo" in said
    button = next(e for e in walk(cards) if getattr(e, "description", "") == "Print sign-in cards (2)")
    button.click()
    assert "2 cards made" in cards.message.value
    assert 'download="sign-in-cards-nuestra-casa-fcc.html"' in cards.result.value
    assert sample_store.get(Account, "nuestra-5").name == "Guadalupe Núñez"


def test_a_card_is_in_its_members_language_and_its_qr_code_holds_its_link(sample_store):
    made, _ = invite_team(sample_store, COMMAND_LINE, NUESTRA, TODAY, cards=True)
    html = sign_in_cards_html(sample_store, NUESTRA, made, HUB)
    for card in made:
        link = card_link(HUB, card, "es")
        assert link == f"{HUB}/hub/invite/{card.token}?lang=es"
        assert str(qr_svg(link)) in html                  # segno draws the same link the same way
        assert card.code in html and card.account.username in html
    assert "Su tarjeta para iniciar sesión, Guadalupe Núñez" in html
    assert f"{HUB}/hub/card" in html


def test_bsc_print_sign_in_cards_writes_a_private_file_and_refuses_without_the_hubs_address(sample_db, tmp_path):
    out = tmp_path / "cards"
    args = ["print", "sign-in-cards", "--db", str(sample_db), "--team", NUESTRA, "--out", str(out)]
    refused = CliRunner().invoke(main, args, env={"BSC_HUB_URL": ""})
    assert refused.exit_code != 0 and "--hub-url" in refused.output and not out.exists()
    result = CliRunner().invoke(main, [*args, "--hub-url", HUB])
    assert result.exit_code == 0, result.output
    assert "2 cards made" in result.output
    page = out / f"sign-in-cards-{NUESTRA}.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert page.read_text().count('class="bsc-card"') == 2
    again = CliRunner().invoke(main, [*args[:5], "sunrise-head-start", *args[6:], "--hub-url", HUB])
    assert again.exit_code == 0 and "Tamika Reed" in (out / "sign-in-cards-sunrise-head-start.html").read_text()


def test_the_browsers_language_is_read_most_wanted_first():
    assert from_browser("es-MX,es;q=0.9,en;q=0.8") == "es"
    assert from_browser("en-US,en;q=0.9,es;q=0.95") == "en"
    assert from_browser("fr-FR, de;q=0.5") is None
    assert from_browser("fr;q=0.9, es;q=0, en;q=bad") is None
    assert from_browser(None) is None
