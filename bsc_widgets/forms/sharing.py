"""All teach, all learn, on a team's pages: share a cycle with the collaborative (or take it back), and read
what other teams have shared about the same change idea.

What other teams shared passes the read gate (``services.read_gate.may_see_shared``) before it is shown; the
share and take-back buttons write through ``services.sharing``, whose check refuses anything not this team's.
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from ..analysis.sharing import SharedCycle, from_other_teams
from ..base.language import _, listing
from ..model import (
    DECISION_LABELS,
    PROGRAM_TYPE_LABELS,
    ROLE_PLURALS,
    Member,
    PdsaCycle,
    Share,
    ShareReview,
    Team,
)
from ..render import render
from ..services import Actor
from ..services import sharing as services
from ..services.access import Access
from ..services.read_gate import may_see_shared
from ..store import Store
from .fields import replace_options
from .messages import MessageArea, guarded
from .words import LABEL_ABOVE_LIST, WIDE, Words

NO_CONTACT = ""


def shared_cards(items: list[SharedCycle], idea_titles: dict[str, str], empty: str) -> str:
    """Shared cycles as cards: the team, its kind of program, the ramp step, the decision and what it learned."""
    rows = [(s, PROGRAM_TYPE_LABELS[s.team.program_type],
             listing([ROLE_PLURALS[r].lower() for r in s.cycle.participant_roles]).capitalize(),
             DECISION_LABELS[s.cycle.decision] if s.cycle.decision else None) for s in items]
    return render("forms/sharing.html", "from_other_teams", items=rows, idea_titles=idea_titles, empty=empty)


def seen_from_other_teams(store: Store, access: Access | None, team: Team, today: dt.date,
                          idea_id: str | None = None) -> list[SharedCycle]:
    """What this team's page shows of the other teams' shared cycles, through the read gate."""
    return [s for s in from_other_teams(store, today, team.id, idea_id)
            if may_see_shared(access, s.team.id, s.open_to_other_teams)]


class SharePanel(w.VBox):
    """Under a saved cycle: whether other teams see it, a contact to show (or none), and share or take back."""

    def __init__(self, store: Store, actor: Actor, team: Team, today: dt.date, message: MessageArea):
        self.store, self.actor, self.team, self.today, self.message = store, actor, team, today, message
        self.cycle: PdsaCycle | None = None
        self.state = Words()
        self.contact = w.Dropdown(description=_("Contact other teams may write to"), style=LABEL_ABOVE_LIST,
                                  layout=WIDE)
        self.share_button = w.Button(description=_("Share this cycle with other teams"), button_style="primary",
                                     layout=w.Layout(width="auto"))
        self.take_back_button = w.Button(description=_("Take it back"), layout=w.Layout(width="auto"))
        self.share_button.on_click(guarded(message)(lambda _b: self._share()))
        self.take_back_button.on_click(guarded(message)(lambda _b: self._take_back()))
        super().__init__([], layout=w.Layout(width="100%"))

    def show(self, cycle: PdsaCycle | None) -> None:
        """The panel for ``cycle`` (nothing for a cycle not saved yet: there is nothing to share)."""
        self.cycle = cycle
        if cycle is None or not cycle.version:
            self.children = []
            return
        current = services.shared(self.store, self.team.id, "cycle", cycle.id)
        review = self._review(current)
        live = current is not None and current.live()
        state = "hidden" if live and review is not None and review.hidden else "shared" if live else "private"
        self.state.value = render("forms/sharing.html", "share_state", state=state,
                                  since=current.shared_on if live else None,
                                  reason=review.hidden_reason if review is not None else "")
        members = [m for m in self.store.list(Member, team_id=self.team.id) if m.belonged_on(self.today)]
        replace_options(self.contact, [(_("No contact shown"), NO_CONTACT)] + [
            (f"{m.name} ({m.email})" if m.email else m.name, m.id) for m in members],
            current.contact_id if current is not None and current.contact_id else NO_CONTACT)
        self.children = [self.state, self.contact, self.take_back_button if live else self.share_button]

    def _review(self, share: Share | None) -> ShareReview | None:
        return self.store.get(ShareReview, share.id) if share is not None else None

    def _share(self) -> None:
        services.share(self.store, self.actor, self.team.id, "cycle", self.cycle.id, self.today,
                       self.contact.value or None)
        self.message.show(_("Shared: every team in the collaborative can now read this cycle."), "ok")
        self.show(self.cycle)

    def _take_back(self) -> None:
        current = services.shared(self.store, self.team.id, "cycle", self.cycle.id)
        if current is not None and current.live():
            services.take_back(self.store, self.actor, current, self.today)
        self.message.show(_("Taken back: only our team sees this cycle now."), "ok")
        self.show(self.cycle)
