"""Workbook 6, our storyboard for a learning session: drafted from our data, three short things in our words,
and the poster to print (letter, tabloid or A3)."""
from __future__ import annotations

import ipywidgets as w

from ..analysis.storyboard import next_session, sessions, storyboard
from ..base.language import N_, _
from ..model import Storyboard
from ..render import render
from ..reports.storyboard import poster_html, storyboard_body
from .fields import Field, on_pick, replace_options
from .messages import guarded
from .page import WorkbookPage, section
from .print_links import PrintLinks
from .record_form import RecordForm, replace_form
from .sharing import FromOtherTeams, SharePanel
from .words import LABEL_ABOVE_LIST, WIDE, Words

POSTERS = (("letter", N_("Poster, letter")), ("tabloid", N_("Poster, tabloid (11 × 17 in)")), ("a3", N_("Poster, A3")))


class StoryboardPage(WorkbookPage):
    TITLE = "Storyboard"

    def build_body(self):
        self.session = w.Dropdown(description=_("Learning session"), style=LABEL_ABOVE_LIST, layout=WIDE)
        upcoming = next_session(self.store, self.today)
        replace_options(self.session, [(p.name, p.id) for p in sessions(self.store)], upcoming.id if upcoming else None)
        on_pick(self.session, guarded(self.message)(lambda _change: self._show()))
        self.words_area = w.VBox(layout=w.Layout(width="100%"))
        self.board = Words()
        self.print_links = PrintLinks(self.message)
        self.share = SharePanel(self.store, self.actor, self.team, self.today, self.message, kind="storyboard")
        self.others = FromOtherTeams(self.store, self.actor, self.access, self.team, self.today, self.message,
                                     kinds=("storyboard",))
        self._show()
        return [section(_("Our storyboard"), _("Drafted from our own data as of the session’s first day. Write the "
                                               "three short parts; everything else updates itself.")),
                self.session, self.words_area, self.share,
                section(_("Other teams’ storyboards"), _("The storyboards other teams shared for this session.")),
                self.others,
                section(_("On paper"), _("The poster for the session, ready to print.")), self.print_links,
                section(_("How it reads")), self.board]

    def _show(self) -> None:
        if self.session.value is None:
            self.words_area.children = [Words(render("forms/widgets.html", "help", text=_(
                "This collaborative has no learning session in its calendar yet.")))]
            self.share.show(None)
            self.others.show(None)
            return
        draft = storyboard(self.store, self.team.id, self.session.value)
        self.form = replace_form(getattr(self, "form", None), RecordForm(
            self.store, draft.words, [Field(Storyboard, "learned", rows=2), Field(Storyboard, "proud_of", rows=2),
                                      Field(Storyboard, "need", rows=2)],
            actor=self.actor, on_saved=lambda _saved: self._draw()))
        self.words_area.children = [self.form]
        self.share.show(self.session.value)
        self.others.session = self.session.value
        self.others.show(None, _("No other team has shared its storyboard for this session yet."))
        self._draw()

    def _draw(self) -> None:
        board = storyboard(self.store, self.team.id, self.session.value)
        body = self.board.value = storyboard_body(self.store, board)
        self.print_links.show([(_(label), f"storyboard-{self.team.id}-{board.session.id}-{size}",
                                lambda size=size: poster_html(board, body, size)) for size, label in POSTERS])
