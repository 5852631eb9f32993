"""Under the hub, the set-up page's invitations: one-time sign-in links for a team's members, and
accounts for faculty, advisors and leaders. Each person gets their own link (an e-mail ready to
send); a link sets their password once, and a newer link replaces an older one."""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..base.clock import today
from ..base.language import _, day, n_
from ..model import ACCESS_LABELS, Account, Member, Team
from ..render import render
from ..reports.printing import chromium, pdf_bytes
from ..reports.sign_in_cards import sign_in_cards_html
from ..services import Actor
from ..services.accounts import administers, change_role, grantable, invite, invite_team, new_link, remove_account
from ..store import Store
from .download import download_file, download_link
from .messages import MessageArea, guarded
from .words import Words


def _link(hub_url: str, invitation) -> tuple[str, str, str, str]:
    a = invitation.account
    return a.name, a.email or a.username, hub_url.rstrip("/") + invitation.path(), day(invitation.expires)


class TeamInvitations(w.VBox):
    """A button that makes every member with an e-mail address a sign-in link, shown as ready e-mails; members it
    leaves alone (no address, or an address whose account a roster must not change) are listed with why."""

    def __init__(self, store: Store, actor: Callable[[], Actor], team: Team, hub_url: str):
        self.store, self.actor, self.team, self.hub_url = store, actor, team, hub_url
        self.message = MessageArea()
        self.links = Words()
        button = w.Button(description=_("Make sign-in links for this team"), button_style="primary",
                          layout=w.Layout(width="auto"))
        button.on_click(guarded(self.message)(self._make))
        super().__init__([button, self.message, self.links, SignInCards(store, actor, team, hub_url)],
                         layout=w.Layout(width="100%"))

    def _make(self, _click=None) -> None:
        made, left = invite_team(self.store, self.actor(), self.team.id, today())
        self.links.value = render("forms/invitations.html", "links", links=[_link(self.hub_url, i) for i in made],
                                  what=self.team.name) + \
            render("forms/invitations.html", "left_alone", items=[(x.member.name, x.why) for x in left])
        self.message.show(n_("%(n)s sign-in link made; an earlier link for this member no longer works.",
                             "%(n)s sign-in links made; earlier links for these members no longer work.", len(made))
                          if made else _("No sign-in link was made: see why below."), "ok" if made else "info")


class SignInCards(w.VBox):
    """The members a link cannot reach (no e-mail address), named, and a button that prints each a sign-in card: made
    on the server (a card's code is its own one-time link), handed over as a PDF inside the page."""

    def __init__(self, store: Store, actor: Callable[[], Actor], team: Team, hub_url: str):
        self.store, self.actor, self.team, self.hub_url = store, actor, team, hub_url
        names = [m.name for m in store.list(Member, team_id=team.id) if m.belonged_on(today()) and not m.email]
        self.message = MessageArea()
        self.result = Words()
        parts = [Words(render("forms/invitations.html", "without_address", names=names))]
        if names:
            button = w.Button(description=n_("Print a sign-in card (%(n)s)", "Print sign-in cards (%(n)s)",
                                             len(names)), layout=w.Layout(width="auto"))
            button.on_click(guarded(self.message)(self._print))
            parts.append(button)
        super().__init__([*parts, self.message, self.result], layout=w.Layout(width="100%"))

    def _print(self, _click=None) -> None:
        made, left = invite_team(self.store, self.actor(), self.team.id, today(), cards=True)
        html = sign_in_cards_html(self.store, self.team.id, made, self.hub_url) if made else ""
        stem = f"sign-in-cards-{self.team.id}"
        files = [download_file(pdf_bytes(html, stem), f"{stem}.pdf", _("Sign-in cards (PDF)"), "application/pdf")
                 ] if made and chromium() else []
        files += [download_link(html, f"{stem}.html", _("Sign-in cards, to print from the browser (HTML)"),
                                mime="text/html")] if made else []
        self.result.value = render("common.html", "paragraph", text=render("common.html", "joined", items=files)) + \
            render("forms/invitations.html", "left_alone", items=[(x.member.name, x.why) for x in left])
        self.message.show(n_("%(n)s card made; an earlier card for this member no longer works.",
                             "%(n)s cards made; earlier cards for these members no longer work.", len(made))
                          if made else _("No card was made: see why below."), "ok" if made else "info")


class AccountInvitations(w.VBox):
    """Accounts that are not on a team's roster: faculty, advisors, leaders and administrators. Only roles at or below
    the signed-in person's own are offered (the service checks again); changing an account's role and a new link
    for an account that has a password are an administrator's, on purpose, and logged."""

    def __init__(self, store: Store, actor: Callable[[], Actor], hub_url: str):
        self.store, self.actor, self.hub_url = store, actor, hub_url
        style, narrow = {"description_width": "initial"}, w.Layout(width="min(30em, 100%)")
        roles = [(ACCESS_LABELS[r], r) for r in grantable(actor().access) if r != "team_member"]
        self.name = w.Text(description=_("Name"), style=style, layout=narrow)
        self.email = w.Text(description=_("Email"), style=style, layout=narrow)
        self.role = w.Dropdown(description=_("Permission role"), options=roles, style=style, layout=narrow)
        self.message = MessageArea()
        self.links = Words()
        self.accounts = w.Dropdown(description=_("Account"), style=style, layout=narrow)
        self.invite_button = make = w.Button(description=_("Invite"), button_style="primary")
        end = w.Button(description=_("End this account’s access"), button_style="danger", layout=w.Layout(width="auto"))
        make.on_click(guarded(self.message)(self._invite))
        end.on_click(guarded(self.message)(self._end))
        self._list()
        admin = []
        if administers(actor()):
            self.new_role = w.Dropdown(description=_("Change its role to"), style=style, layout=narrow,
                                       options=[(ACCESS_LABELS[r], r) for r in grantable(actor().access)])
            change = w.Button(description=_("Change the role"), layout=w.Layout(width="auto"))
            reset = w.Button(description=_("Make a new sign-in link"), layout=w.Layout(width="auto"))
            change.on_click(guarded(self.message)(self._change_role))
            reset.on_click(guarded(self.message)(self._new_link))
            admin = [self.new_role, w.HBox([change, reset], layout=w.Layout(flex_flow="row wrap"))]
        super().__init__([self.name, self.email, self.role, make, self.message, self.links, self.accounts, end,
                          *admin], layout=w.Layout(width="100%"))

    def _list(self) -> None:
        self.accounts.options = [(_("Choose an account…"), "")] + [
            (f"{a.name} ({ACCESS_LABELS[a.access].lower()}, {a.email or a.username})", a.username)
            for a in self.store.list(Account)]

    def _chosen(self) -> Account | None:
        found = self.store.get(Account, self.accounts.value) if self.accounts.value else None
        if found is None:
            self.message.show_error(_("Choose an account first."))
        return found

    def _invite(self, _click=None) -> None:
        email = self.email.value.strip()
        account = Account.build(username=email.lower(), name=self.name.value.strip(), access=self.role.value,
                                email=email or None)
        self.links.value = render("forms/invitations.html", "links", what=account.name,
                                  links=[_link(self.hub_url, invite(self.store, self.actor(), account))])
        self.message.show(_("%(name)s is invited as %(role)s.", name=account.name,
                            role=ACCESS_LABELS[account.access].lower()))
        self.name.value = self.email.value = ""
        self._list()

    def _change_role(self, _click=None) -> None:
        account = self._chosen()
        if account is None:
            return
        saved = change_role(self.store, self.actor(), account.username, self.new_role.value)
        self.message.show(_("%(name)s is now %(role)s.", name=saved.name, role=ACCESS_LABELS[saved.access].lower()))
        self._list()

    def _new_link(self, _click=None) -> None:
        account = self._chosen()
        if account is None:
            return
        invitation = new_link(self.store, self.actor(), account.username)
        self.links.value = render("forms/invitations.html", "reset_warning", name=account.name,
                                  email=account.email or account.username) + \
            render("forms/invitations.html", "links", what=account.name, links=[_link(self.hub_url, invitation)])
        self.message.clear()

    def _end(self, _click=None) -> None:
        if not self.accounts.value:
            self.message.show_error(_("Choose the account whose access ends."))
            return
        remove_account(self.store, self.actor(), self.accounts.value)
        self.message.show(_("That account can no longer sign in, and its open pages can no longer save."))
        self._list()
