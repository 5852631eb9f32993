"""Shared by teams, for faculty: every cycle teams have shared, newest first, to feature one for the next learning
session or to hide one that should not be shared (with the reason its team sees), and to show it again.

Every write is faculty's own record (``ShareReview``) through ``services.sharing.review``, whose check refuses
any account without the faculty scope, whatever a widget message asks.
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.sharing import SharedCycle, shared_cycles
from ..analysis.storyboard import sessions
from ..base.language import N_, _, day
from ..model import ChangeIdea
from ..render import render
from ..services import sharing as services
from ..services.read_gate import may_see_shared
from .fields import TEXT_KW
from .messages import guarded
from .page import CollaborativePage, section
from .sharing import shared_cards
from .words import Words


class SharedReviewPage(CollaborativePage):
    TITLE = N_("Shared by teams")

    def build_body(self):
        self.titles = {i.id: i.title for i in self.store.list(ChangeIdea)}
        self.session = next((p for p in sessions(self.store) if p.end >= self.today), None)   # the next one
        self.items = w.VBox(layout=w.Layout(width="100%"))
        self._refresh()
        intro = _("Featured cycles are marked for every team; a hidden cycle leaves the other teams’ pages, and its "
                  "team sees your reason.")
        return [section(_("Cycles teams shared"), intro), self.items]

    def _refresh(self) -> None:
        seen = [s for s in shared_cycles(self.store, self.today)
                if may_see_shared(self.access, s.team.id, s.open_to_other_teams)]
        self.items.children = [self._item(s) for s in seen] or [Words(render(
            "forms/widgets.html", "help", text=_("No team has shared a cycle yet.")))]

    def _item(self, s: SharedCycle) -> w.VBox:
        state = (_("Taken back by the team on %(day)s.", day=day(s.share.withdrawn_on)) if not s.share.live() else
                 _("Hidden from other teams: %(reason)s", reason=s.review.hidden_reason) if s.hidden else
                 _("Other teams see it."))
        card = Words(shared_cards([s], self.titles, "") + render("forms/widgets.html", "help", text=state))
        reason = w.Text(description=_("Why it should not be shared (its team sees this)"),
                        value=(s.review.hidden_reason or "") if s.review else "", **TEXT_KW)
        hide = w.Button(description=_("Show it again") if s.hidden else _("Hide from other teams"),
                        layout=w.Layout(width="auto"))
        hide.on_click(guarded(self.message)(lambda _b: self._hide(s, None if s.hidden else reason.value)))
        parts = [card, reason, hide]
        if self.session is not None and s.share.live():
            featured = s.featured_for == self.session.id
            feature = w.Button(description=_("Stop featuring it") if featured else _(
                "Feature it for %(session)s", session=self.session.name), layout=w.Layout(width="auto"))
            feature.on_click(guarded(self.message)(lambda _b: self._feature(s, None if featured else self.session.id)))
            parts.append(feature)
        return w.VBox(parts, layout=w.Layout(width="100%"))

    def _hide(self, s: SharedCycle, reason: str | None) -> None:
        if reason is not None and not reason.strip():
            self.message.show(_("Write the reason first: the team sees it, so that it can put the cycle right."),
                              "error")
            return
        services.review(self.store, self.actor, s.share.id, self.today, hidden_reason=reason,
                        featured_for=s.featured_for)
        self.message.show(_("Hidden from other teams; its team sees why.") if reason else
                          _("Other teams see it again."), "ok")
        self._refresh()

    def _feature(self, s: SharedCycle, session: str | None) -> None:
        services.review(self.store, self.actor, s.share.id, self.today,
                        hidden_reason=s.review.hidden_reason if s.review else None, featured_for=session)
        self.message.show(_("Featured: every team sees it marked.") if session else _("No longer featured."), "ok")
        self._refresh()
