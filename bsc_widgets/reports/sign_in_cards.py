"""Printed sign-in cards for the members a link cannot reach: families and staff with no e-mail address.

Each card carries a one-time code, and the same code as a QR code of the sign-in link, in the member's own
language (else the team's): a parent points her phone's camera at it, chooses a password, and is on her team's
page. The code is made by ``services.accounts.invite_team(cards=True)``; only its digest is stored, so a card
lost is a card to replace (a new one makes the old one stop working), never a password to change.
"""
from __future__ import annotations

from pathlib import Path

from ..base.language import day, first_known, speaking
from ..model import Member
from ..render import qr_svg, render
from ..services.accounts import Invitation
from ..store import Store
from .printing import to_pdf


def card_link(hub_url: str, invitation: Invitation, lang: str) -> str:
    """The link a card's QR code holds: the invitation, in the member's language."""
    return f"{hub_url.rstrip('/')}{invitation.path()}?lang={lang}"


def sign_in_cards_html(store: Store, team_id: str, cards: list[Invitation], hub_url: str) -> str:
    """One card per invitation, each in its member's language."""
    team = store.team(team_id)
    members = {m.id: m for m in store.list(Member, team_id=team.id)}
    shown = []
    for invitation in cards:
        member = members.get(invitation.account.username)
        code = first_known(member.language if member else None, team.language)
        with speaking(code):
            translated = store.translated()
            link = card_link(hub_url, invitation, code)
            shown.append(render("worksheets.html", "sign_in_card", name=invitation.account.name,
                                team=translated.team(team.id).name, collab=translated.collaborative().name,
                                code=invitation.code, link=link, card_url=f"{hub_url.rstrip('/')}/hub/card",
                                username=invitation.account.username, expires=day(invitation.expires.date()),
                                qr=qr_svg(link)))
    with speaking(team.language):
        return str(render("worksheets.html", "sign_in_cards", cards=shown))


def write_sign_in_cards(store: Store, team_id: str, cards: list[Invitation], hub_url: str, folder: Path,
                        pdf: bool = False) -> list[Path]:
    """``bsc print sign-in-cards``: the cards as an HTML page to print, and as PDF too."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"sign-in-cards-{team_id}.html"
    page.write_text(sign_in_cards_html(store, team_id, cards, hub_url), encoding="utf-8")
    return [page, to_pdf(page)] if pdf else [page]


def print_sign_in_cards(store: Store, team_id: str | None, hub_url: str, folder: Path, pdf: bool = False) -> list[str]:
    """Make the team's cards (an earlier card of the same member stops working) and write them; what to tell the
    person at the command line, line by line."""
    from urllib.parse import urlsplit

    from ..base.clock import today
    from ..base.errors import BscError
    from ..base.language import _, n_
    from ..services import COMMAND_LINE
    from ..services.accounts import invite_team

    if not team_id:
        raise BscError(_("Sign-in cards are for one team: give --team."))
    if urlsplit(hub_url or "").scheme not in ("http", "https"):
        raise BscError(_("A card’s QR code holds the hub’s address: give --hub-url https://your.site (or set "
                         "BSC_HUB_URL)."))
    team = store.team(team_id)
    made, left = invite_team(store, COMMAND_LINE, team.id, today(), cards=True)
    lines = [_("  left alone: %(name)s: %(why)s", name=x.member.name, why=x.why) for x in left]
    if not made:
        return [_("No card was made: every member of %(team)s on the roster today has an e-mail address, or is "
                  "listed below.", team=team.name), *lines]
    written = write_sign_in_cards(store, team.id, made, hub_url, folder, pdf)
    for path in written:
        path.chmod(0o600)    # the codes open accounts: the file is the printer's, not the whole machine's
    return [*(_("Written: %(path)s", path=p) for p in written),
            n_("%(n)s card made; an earlier card for this member no longer works. Print it, hand it over, and "
               "delete the file.", "%(n)s cards made; earlier cards for these members no longer work. Print them, "
               "hand them over, and delete the file.", len(made)), *lines]
