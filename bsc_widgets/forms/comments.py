"""A thread of comments under one thing (a shared item, or a team's own cycle between the team and faculty), with a
box to add one, and the notice of what is new for the person.

Who writes is the page's actor, never a widget value: on a team's page, the team; a faculty account (on any page),
faculty (``services.comments``). What the thread lists passed the read gate, and the writer is named by team (or
"faculty"), never by person.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import ipywidgets as w

from ..analysis.news import News, news
from ..analysis.sharing import shared_items
from ..base.language import _, language
from ..model import Comment, PdsaCycle, Share, Team
from ..render import render
from ..services import Actor
from ..services.access import Access
from ..services.comments import comment, last_read, mark_read
from ..store import Store
from .fields import TEXT_KW
from .messages import MessageArea, guarded
from .words import SNUG, WIDE, Words


def comments_html(comments: list[Comment] | tuple[Comment, ...], team_names: dict[str, str], empty: str = "") -> str:
    return render("forms/comments.html", "thread", comments=comments, team_names=team_names, reader=language(),
                  empty=empty)


def news_html(news: News, team_names: dict[str, str], titles: dict[str, str]) -> str:
    """The notice: "3 new comments", each with what it is on."""
    return render("forms/comments.html", "news", news=news, team_names=team_names, titles=titles, reader=language())


class CommentThread(w.VBox):
    """The comments on ``on`` that ``listed`` gives (already through the read gate), and a box to add one. Its
    widgets are made the first time there is something to comment on: a page sends only what it shows."""

    def __init__(self, store: Store, actor: Actor, message: MessageArea, listed: Callable[[], list[Comment]],
                 placeholder: str, empty: str):
        self.store, self.actor, self.message, self.listed, self.empty = store, actor, message, listed, empty
        self.placeholder = placeholder
        self.on: Share | PdsaCycle | None = None
        self.after_post: list[Callable[[], None]] = []
        super().__init__([], layout=WIDE)

    def _build(self) -> None:
        if hasattr(self, "text"):
            return
        self.words = Words()
        self.text = w.Textarea(description=_("Add a comment"), rows=2, placeholder=self.placeholder, **TEXT_KW)
        self.button = w.Button(description=_("Post the comment"), layout=SNUG)
        self.button.on_click(guarded(self.message)(lambda _b: self._post()))

    def show(self, on: Share | PdsaCycle | None) -> None:
        self.on = on
        if on is None:
            self.children = []
            return
        self._build()
        names = {t.id: t.name for t in self.store.list(Team)}
        self.words.value = comments_html(self.listed(), names, self.empty)
        self.children = [self.words, self.text, self.button]

    def _post(self) -> None:
        if not self.text.value.strip():
            self.message.show(_("Write the comment first."), "error")
            return
        comment(self.store, self.actor, self.on, self.text.value.strip())
        self.text.value = ""
        self.message.show(_("Posted."), "ok")
        self.show(self.on)
        for then in self.after_post:
            then()


class NewsNotice(Words):
    """What is new for this person since they last looked ("3 new comments", each shown whole); once shown, it is
    read. Without sign-in there is nobody to remember: the last week's comments on the team's things."""

    def __init__(self, store: Store, access: Access | None, team: Team | None, today: dt.date):
        since = last_read(store, access.username) if access is not None else None
        found = news(store, today, access, since, team.id if team else None)
        super().__init__(news_html(found, {t.id: t.name for t in store.list(Team)}, _titles(store, today))
                         if found else "")
        if found and access is not None:
            mark_read(store, access.username)


def _titles(store: Store, day: dt.date) -> dict[str, str]:
    """What a comment is on, by the shared item's or the cycle's identifier."""
    titles = {c.id: c.title for c in store.list(PdsaCycle)}
    titles.update({s.share.id: s.title for s in shared_items(store, day)})
    return titles
