"""Storyboards for a session, for faculty: every team's board on one page, read before the session starts."""
from __future__ import annotations

import ipywidgets as w
from markupsafe import Markup

from ..analysis.storyboard import next_session, sessions, storyboards
from ..base.language import N_, _
from ..model import Phase
from ..render import render
from ..reports.storyboard import storyboard_body
from ..services.read_gate import may_see_team
from .fields import on_pick, replace_options
from .messages import guarded
from .page import CollaborativePage, section
from .words import LABEL_ABOVE_LIST, WIDE, Words


class StoryboardsPage(CollaborativePage):
    TITLE = N_("Storyboards for a session")

    def build_body(self):
        self.session = w.Dropdown(description=_("Learning session"), style=LABEL_ABOVE_LIST, layout=WIDE)
        upcoming = next_session(self.store, self.today)
        replace_options(self.session, [(p.name, p.id) for p in sessions(self.store)], upcoming.id if upcoming else None)
        self.boards = Words()
        on_pick(self.session, guarded(self.message)(lambda _change: self._show()))
        self._show()
        intro = _("As each team’s data stood on the session’s first day, with what the team wrote; each team’s poster "
                  "has its charts.")
        return [section(_("Every team’s storyboard"), intro), self.session, self.boards]

    def _show(self) -> None:
        if self.session.value is None:
            self.boards.value = render("forms/widgets.html", "help", text=_(
                "This collaborative has no learning session in its calendar yet."))
            return
        start = self.store.require(Phase, self.session.value).start
        teams = [t for t in self.store.teams() if may_see_team(self.access, t.id) and t.joined <= start]
        self.boards.value = Markup("").join(    # without charts: a hundred teams' boards stay one light page
            storyboard_body(self.store, board, charts=False)
            for board in storyboards(self.store, self.session.value, [t.id for t in teams]))
