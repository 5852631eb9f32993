"""Shared by teams, for faculty: every cycle, storyboard and file teams have shared, newest first (twenty at a time),
to feature one for the next learning session, to hide one that should not be shared (with the reason its team
sees) or show it again, and to comment on one.

Every write is faculty's own record (``ShareReview``) through ``services.sharing.review``, whose check refuses
any account without the faculty scope, whatever a widget message asks.
"""
from __future__ import annotations

import ipywidgets as w

from ..analysis.sharing import SharedItem, shared_items
from ..analysis.storyboard import sessions
from ..base.language import N_, _, day
from ..model import ChangeIdea
from ..render import render
from ..services import sharing as services
from ..services.read_gate import may_see_shared
from .comments import CommentThread, NewsNotice
from .fields import TEXT_KW, replace_options
from .messages import guarded
from .page import CollaborativePage, section
from .sharing import shared_cards
from .words import LABEL_ABOVE_LIST, WIDE, Words

PAGE = 20     # items built at a time: each is a card and its buttons, sent to the browser


class SharedReviewPage(CollaborativePage):
    TITLE = N_("Shared by teams")

    def build_body(self):
        self.titles = {i.id: i.title for i in self.store.list(ChangeIdea)}
        self.session = next((p for p in sessions(self.store) if p.end >= self.today), None)   # the next one
        self.shown = PAGE
        self.items = w.VBox(layout=w.Layout(width="100%"))
        self.more = w.Button(description=_("Show older items"), layout=w.Layout(width="auto"))
        self.more.on_click(guarded(self.message)(lambda _b: self._more()))
        self.pick = w.Dropdown(description=_("Comment on"), style=LABEL_ABOVE_LIST, layout=WIDE)
        self.thread = CommentThread(self.store, self.actor, self.message, lambda: [], _(
            "What the team might try next, or a question"), "")
        self.thread.after_post.append(self._refresh)
        self.pick.observe(lambda _c: self.thread.show(self.shares.get(self.pick.value)), "value")
        self._refresh()
        intro = _("Featured items are marked for every team; a hidden item leaves the other teams’ pages, and its "
                  "team sees your reason.")
        self.news = NewsNotice(self.store, self.access, None, self.today)
        return [self.news, section(_("What teams shared"), intro),
                self.items, self.more, section(_("Comment on a shared item")), self.pick, self.thread]

    def _refresh(self) -> None:
        seen = [s for s in shared_items(self.store, self.today)
                if may_see_shared(self.access, s.team.id, s.open_to_other_teams)]
        self.shares = {s.share.id: s.share for s in seen}
        self.items.children = [self._item(s) for s in seen[:self.shown]] or [Words(render(
            "forms/widgets.html", "help", text=_("No team has shared anything yet.")))]
        self.more.layout.display = None if len(seen) > self.shown else "none"
        replace_options(self.pick, [(f"{s.team.name}: {s.title}", s.share.id) for s in seen],
                        self.pick.value if self.pick.value in self.shares else seen[0].share.id if seen else None)
        self.thread.show(self.shares.get(self.pick.value))

    def _more(self) -> None:
        self.shown += PAGE
        self._refresh()

    def _item(self, s: SharedItem) -> w.VBox:
        state = (_("Taken back by the team on %(day)s.", day=day(s.share.withdrawn_on)) if not s.share.live() else
                 _("Hidden from other teams: %(reason)s", reason=s.review.hidden_reason) if s.hidden else
                 _("Other teams see it."))
        card = Words(shared_cards(self.store, [s], self.titles, "") + render("forms/widgets.html", "help", text=state))
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

    def _hide(self, s: SharedItem, reason: str | None) -> None:
        if reason is not None and not reason.strip():
            self.message.show(_("Write the reason first: the team sees it, so that it can put it right."),
                              "error")
            return
        services.review(self.store, self.actor, s.share.id, self.today, hidden_reason=reason,
                        featured_for=s.featured_for)
        self.message.show(_("Hidden from other teams; its team sees why.") if reason else
                          _("Other teams see it again."), "ok")
        self._refresh()

    def _feature(self, s: SharedItem, session: str | None) -> None:
        services.review(self.store, self.actor, s.share.id, self.today,
                        hidden_reason=s.review.hidden_reason if s.review else None, featured_for=session)
        self.message.show(_("Featured: every team sees it marked.") if session else _("No longer featured."), "ok")
        self._refresh()
