"""All teach, all learn, on a team's pages: share a cycle, a storyboard or a file with the collaborative (or take it
back), and read (and comment on) what other teams shared about the same change idea.

What other teams shared passes the read gate (``services.read_gate.may_see_shared``) before it is shown; the
share and take-back buttons write through ``services.sharing``, whose check refuses anything not this team's.
"""
from __future__ import annotations

import datetime as dt

import ipywidgets as w

from ..analysis.sharing import SharedCycle, SharedFile, SharedItem, SharedStoryboard, from_other_teams
from ..base.language import N_, _, listing, number
from ..model import (
    AGE_GROUP_LABELS,
    DECISION_LABELS,
    FILE_TYPE_LABELS,
    PROGRAM_TYPE_LABELS,
    ROLE_PLURALS,
    ChangeIdea,
    Member,
    Share,
    ShareReview,
    Team,
    TeamFile,
)
from ..render import render
from ..services import Actor
from ..services import sharing as services
from ..services.access import Access
from ..services.read_gate import may_see_shared
from ..store import Store
from .comments import CommentThread, comments_html
from .download import data_url, download_file
from .fields import replace_options
from .messages import MessageArea, guarded
from .words import LABEL_ABOVE_LIST, SNUG, WIDE, Words

NO_CONTACT = ""
NOUNS = {   # what the panel calls the item, per kind
    "cycle": (N_("Share this cycle with other teams"),
              N_("Shared: every team in the collaborative can now read this cycle."),
              N_("Taken back: only our team sees this cycle now.")),
    "storyboard": (N_("Share this storyboard with other teams"), N_("Shared: every team in the collaborative can now "
                                                                    "read this storyboard."),
                   N_("Taken back: only our team sees this storyboard now.")),
    "file": (N_("Share this file with other teams"), N_("Shared: every team in the collaborative can now see this "
                                                        "file."), N_("Taken back: only our team sees this file now.")),
}


def pictures(store: Store, files: list[TeamFile]) -> dict[str, str]:
    """Each photo's small picture (our own encoding, of the file's kind), by file id, inside the page itself."""
    contents = store.contents(f.thumbnail_sha256 for f in files if f.thumbnail_sha256)
    return {f.id: data_url(contents[f.thumbnail_sha256], f.file_type) for f in files if f.thumbnail_sha256 in contents}


def shared_cards(store: Store, items: list[SharedItem], idea_titles: dict[str, str], empty: str) -> str:
    """Shared items as cards: the team, its kind of program, what was tried and decided (or the file, or the
    storyboard's three parts), and the comments on it."""
    names = {t.id: t.name for t in store.list(Team)}
    files = [s.file for s in items if isinstance(s, SharedFile)]
    rows = [(s, PROGRAM_TYPE_LABELS[s.team.program_type], *_tested(s), comments_html(s.comments, names))
            for s in items]
    return render("forms/sharing.html", "from_other_teams", items=rows, idea_titles=idea_titles, empty=empty,
                  pictures=pictures(store, files), file_types=FILE_TYPE_LABELS)


def _tested(s: SharedItem) -> tuple[str, str, str | None]:
    """A shared cycle's roles (never names), the children's ages and its decision."""
    if not isinstance(s, SharedCycle):
        return "", "", None
    roles = listing([ROLE_PLURALS[r].lower() for r in s.cycle.participant_roles]).capitalize()
    ages = listing([AGE_GROUP_LABELS[a].lower() for a in s.cycle.age_groups]).capitalize()
    return roles, ages, DECISION_LABELS[s.cycle.decision] if s.cycle.decision else None


def seen_from_other_teams(store: Store, access: Access | None, team: Team, today: dt.date,
                          idea_id: str | None = None, kinds: tuple[str, ...] = ("cycle", "file")) -> list[SharedItem]:
    """What this team's page shows of the other teams' shared items, through the read gate."""
    return [s for s in from_other_teams(store, today, team.id, idea_id, kinds)
            if may_see_shared(access, s.team.id, s.open_to_other_teams)]


class FromOtherTeams(w.VBox):
    """The other teams' shared items as cards, a box to comment on one of them, and a way to save a shared file (the
    box and the saving are made once there is something to comment on or save)."""

    def __init__(self, store: Store, actor: Actor, access: Access | None, team: Team, today: dt.date,
                 message: MessageArea, kinds: tuple[str, ...] = ("cycle", "file")):
        self.store, self.actor, self.access, self.team, self.today = store, actor, access, team, today
        self.kinds, self.message = kinds, message
        self.cards = Words()
        self.idea_id: str | None = None
        self.session: str | None = None       # storyboards: those for this learning session
        self.items: dict[str, Share] = {}
        self.shown_files: dict[str, TeamFile] = {}
        super().__init__([], layout=WIDE)

    def _commenting(self) -> None:
        if hasattr(self, "pick"):
            return
        self.pick = w.Dropdown(description=_("Comment on"), style=LABEL_ABOVE_LIST, layout=WIDE)
        self.thread = CommentThread(self.store, self.actor, self.message, lambda: [], _(
            "A question, or what it gave you to try"), "")
        self.thread.after_post.append(lambda: self.show(self.idea_id))   # the card shows the new comment
        self.pick.observe(lambda _c: self.thread.show(self.items.get(self.pick.value)), "value")

    def _saving(self) -> None:
        if hasattr(self, "file_pick"):
            return
        self.file_pick = w.Dropdown(description=_("Save a shared file"), style=LABEL_ABOVE_LIST, layout=WIDE)
        self.save_button = w.Button(description=_("Get the file"), layout=SNUG)
        self.save_button.on_click(guarded(self.message)(lambda _b: self._get_file()))
        self.link = Words()

    def show(self, idea_id: str | None, empty: str = "") -> None:
        self.idea_id = idea_id
        seen = [s for s in seen_from_other_teams(self.store, self.access, self.team, self.today, idea_id, self.kinds)
                if self.session is None or not isinstance(s, SharedStoryboard) or s.session.id == self.session]
        titles = {i.id: i.title for i in self.store.list(ChangeIdea)}
        self.cards.value = shared_cards(self.store, seen, titles, empty or (_(
            "No other team has shared anything on this change idea yet.") if idea_id else _(
            "No other team has shared anything yet.")))
        self.items = {s.share.id: s.share for s in seen}
        self.shown_files = {s.share.id: s.file for s in seen if isinstance(s, SharedFile)}
        children = [self.cards]
        if seen:
            self._commenting()
            replace_options(self.pick, [(f"{s.team.name}: {s.title}", s.share.id) for s in seen],
                            self.pick.value if self.pick.value in self.items else seen[0].share.id)
            self.thread.show(self.items[self.pick.value])
            children += [self.pick, self.thread]
        if self.shown_files:
            self._saving()
            replace_options(self.file_pick, [(f"{s.team.name}: {s.title}", s.share.id) for s in seen
                                             if isinstance(s, SharedFile)], None)
            self.link.value = ""
            children += [self.file_pick, self.save_button, self.link]
        self.children = children

    def _get_file(self) -> None:
        file = self.shown_files.get(self.file_pick.value)
        self.link.value = file_link(self.store, file) if file is not None else ""


def file_link(store: Store, file: TeamFile) -> str:
    """The kept file, to save: made when asked for, so a page carries only the small pictures."""
    content = store.contents([file.sha256]).get(file.sha256)
    if content is None:
        return render("forms/widgets.html", "help", text=_("This file is no longer in the workspace."))
    label = _("Save “%(title)s” (%(size)s kB)", title=file.title, size=number(round(len(content) / 1024)))
    return render("common.html", "paragraph", text=download_file(content, file.file_name, label, file.file_type))


class SharePanel(w.VBox):
    """Under a saved item: whether other teams see it, a contact to show (or none), and share or take back."""

    def __init__(self, store: Store, actor: Actor, team: Team, today: dt.date, message: MessageArea,
                 kind: str = "cycle"):
        self.store, self.actor, self.team, self.today, self.message = store, actor, team, today, message
        self.kind = kind
        self.item_id: str | None = None
        self.state = Words()
        self.contact = w.Dropdown(description=_("Contact other teams may write to"), style=LABEL_ABOVE_LIST,
                                  layout=WIDE)
        self.share_button = w.Button(description=_(NOUNS[kind][0]), button_style="primary",
                                     layout=w.Layout(width="auto"))
        self.take_back_button = w.Button(description=_("Take it back"), layout=w.Layout(width="auto"))
        self.share_button.on_click(guarded(message)(lambda _b: self._share()))
        self.take_back_button.on_click(guarded(message)(lambda _b: self._take_back()))
        super().__init__([], layout=w.Layout(width="100%"))

    def show(self, item_id: str | None) -> None:
        """The panel for the item (nothing for one not saved yet: there is nothing to share)."""
        self.item_id = item_id
        if item_id is None:
            self.children = []
            return
        current = self.current()
        review = self.store.get(ShareReview, current.id) if current is not None else None
        live = current is not None and current.live()
        state = "hidden" if live and review is not None and review.hidden else "shared" if live else "private"
        self.state.value = render("forms/sharing.html", "share_state", state=state, kind=self.kind,
                                  since=current.shared_on if live else None,
                                  reason=review.hidden_reason if review is not None else "")
        members = [m for m in self.store.list(Member, team_id=self.team.id) if m.belonged_on(self.today)]
        replace_options(self.contact, [(_("No contact shown"), NO_CONTACT)] + [
            (f"{m.name} ({m.email})" if m.email else m.name, m.id) for m in members],
            current.contact_id if current is not None and current.contact_id else NO_CONTACT)
        self.children = [self.state, self.contact, self.take_back_button if live else self.share_button]

    def current(self) -> Share | None:
        return services.shared(self.store, self.team.id, self.kind, self.item_id) if self.item_id else None

    def _share(self) -> None:
        services.share(self.store, self.actor, self.team.id, self.kind, self.item_id, self.today,
                       self.contact.value or None)
        self.message.show(_(NOUNS[self.kind][1]), "ok")
        self.show(self.item_id)

    def _take_back(self) -> None:
        current = self.current()
        if current is not None and current.live():
            services.take_back(self.store, self.actor, current, self.today)
        self.message.show(_(NOUNS[self.kind][2]), "ok")
        self.show(self.item_id)
