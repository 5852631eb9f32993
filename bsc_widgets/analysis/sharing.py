"""What teams have shared, as of a day: each shared PDSA cycle (with its place on the team's ramp and the conditions
it was tested under), storyboard and file, with its team, faculty's word on it and its comments.

A shared item carries the team's name and the roles of who took part, never members' names: the "who" of a plan
(which names people) stays with the team, and a contact is shown only when the team chose one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Comment, Member, PdsaCycle, Phase, Share, ShareReview, Storyboard, Team, TeamFile, ramps
from ..store import Store


@dataclass(frozen=True)
class SharedItem:
    share: Share
    review: ShareReview | None
    team: Team
    contact: Member | None
    comments: tuple[Comment, ...] = field(default=(), kw_only=True)    # oldest first

    @property
    def hidden(self) -> bool:
        return self.review is not None and self.review.hidden

    @property
    def featured_for(self) -> str | None:
        return self.review.featured_for if self.review else None

    @property
    def open_to_other_teams(self) -> bool:
        return self.share.live() and not self.hidden

    @property
    def idea_id(self) -> str | None:
        return None

    @property
    def title(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class SharedCycle(SharedItem):
    cycle: PdsaCycle
    step: int                 # its place on the team's ramp on that idea: cycle ``step`` of ``steps``
    steps: int

    @property
    def idea_id(self) -> str:
        return self.cycle.change_idea_id

    @property
    def title(self) -> str:
        return self.cycle.title


@dataclass(frozen=True)
class SharedFile(SharedItem):
    file: TeamFile
    cycle: PdsaCycle | None   # the cycle it was kept beside, if any

    @property
    def idea_id(self) -> str | None:
        return self.file.change_idea_id or (self.cycle.change_idea_id if self.cycle else None)

    @property
    def title(self) -> str:
        return self.file.title


@dataclass(frozen=True)
class SharedStoryboard(SharedItem):
    words: Storyboard
    session: Phase

    @property
    def title(self) -> str:
        return self.session.name


def shared_items(store: Store, day: dt.date, kinds: tuple[str, ...] = ("cycle", "storyboard", "file"),
                 idea_id: str | None = None) -> list[SharedItem]:
    """Every item of these kinds a team has shared by ``day`` (taken back or hidden ones too, marked), newest first;
    with ``idea_id``, those about that change idea."""
    store = store.as_of(day)
    shares = [s for s in store.list(Share) if s.kind in kinds]
    if not shares:
        return []
    reviews = {r.share_id: r for r in store.list(ShareReview)}
    teams = {t.id: t for t in store.list(Team)}
    members = {m.id: m for m in store.list(Member)}
    comments: dict[str, list[Comment]] = {}
    for c in sorted(store.list(Comment), key=lambda c: (c.written_at, c.id)):
        if c.share_id:
            comments.setdefault(c.share_id, []).append(c)
    cycles = {c.id: c for c in store.list(PdsaCycle)}
    place = {c.id: (n, len(r.cycles)) for r in ramps(cycles.values()) for n, c in enumerate(r.cycles, start=1)}
    files = {f.id: f for f in store.list(TeamFile)} if "file" in kinds else {}
    boards = {(b.team_id, b.phase_id): b for b in store.list(Storyboard)} if "storyboard" in kinds else {}
    phases = {p.id: p for p in store.list(Phase)}
    out: list[SharedItem] = []
    for s in shares:
        contact = members.get(s.contact_id) if s.contact_id else None
        common = dict(share=s, review=reviews.get(s.id), team=teams[s.team_id],
                      contact=contact if contact and contact.belonged_on(day) else None,
                      comments=tuple(comments.get(s.id, ())))
        item: SharedItem | None = None
        if s.kind == "cycle" and (cycle := cycles.get(s.item_id)) and cycle.team_id == s.team_id:
            item = SharedCycle(**common, cycle=cycle, step=place[cycle.id][0], steps=place[cycle.id][1])
        elif s.kind == "file" and (file := files.get(s.item_id)) and file.team_id == s.team_id:
            item = SharedFile(**common, file=file, cycle=cycles.get(file.pdsa_cycle_id or ""))
        elif s.kind == "storyboard" and s.item_id in phases:
            words = boards.get((s.team_id, s.item_id)) or Storyboard(team_id=s.team_id, phase_id=s.item_id)
            item = SharedStoryboard(**common, words=words, session=phases[s.item_id])
        if item is not None and (idea_id is None or item.idea_id == idea_id):
            out.append(item)      # an item removed since it was shared is not shown (put back, it is again)
    return sorted(out, key=lambda x: (x.share.shared_on, _started(x), x.share.id), reverse=True)


def _started(item: SharedItem) -> dt.date:
    cycle = getattr(item, "cycle", None)
    return cycle.start if cycle is not None else dt.date.min


def shared_cycles(store: Store, day: dt.date, idea_id: str | None = None) -> list[SharedCycle]:
    """Every cycle a team has shared by ``day``, newest first."""
    return shared_items(store, day, ("cycle",), idea_id)


def from_other_teams(store: Store, day: dt.date, team_id: str, idea_id: str | None = None,
                     kinds: tuple[str, ...] = ("cycle", "file")) -> list[SharedItem]:
    """What the other teams share and faculty have not hidden, newest first: what a team's pages show."""
    return [s for s in shared_items(store, day, kinds, idea_id) if s.team.id != team_id and s.open_to_other_teams]
