"""What teams have shared, as of a day: each shared PDSA cycle with its team, its place on the team's ramp, the
conditions it was tested under, and faculty's word on it.

A shared cycle carries the team's name and the roles of who took part, never members' names: the "who" of its
plan (which names people) stays with the team, and a contact is shown only when the team chose one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Member, PdsaCycle, Share, ShareReview, Team, ramps
from ..store import Store


@dataclass(frozen=True)
class SharedCycle:
    share: Share
    review: ShareReview | None
    team: Team
    cycle: PdsaCycle
    step: int                 # its place on the team's ramp on that idea: cycle ``step`` of ``steps``
    steps: int
    contact: Member | None

    @property
    def hidden(self) -> bool:
        return self.review is not None and self.review.hidden

    @property
    def featured_for(self) -> str | None:
        return self.review.featured_for if self.review else None

    @property
    def open_to_other_teams(self) -> bool:
        return self.share.live() and not self.hidden


def shared_cycles(store: Store, day: dt.date, idea_id: str | None = None) -> list[SharedCycle]:
    """Every cycle a team has shared by ``day`` (taken back or hidden ones too, marked), newest first."""
    store = store.as_of(day)
    shares = [s for s in store.list(Share) if s.kind == "cycle"]
    if not shares:
        return []
    cycles = {c.id: c for c in store.list(PdsaCycle)}
    reviews = {r.share_id: r for r in store.list(ShareReview)}
    teams = {t.id: t for t in store.list(Team)}
    members = {m.id: m for m in store.list(Member)}
    place = {c.id: (n, len(r.cycles)) for r in ramps(cycles.values()) for n, c in enumerate(r.cycles, start=1)}
    out = []
    for s in shares:
        cycle = cycles.get(s.item_id)
        if cycle is None or cycle.team_id != s.team_id or (idea_id and cycle.change_idea_id != idea_id):
            continue          # a cycle removed since it was shared is not shown (put back, it is again)
        contact = members.get(s.contact_id) if s.contact_id else None
        out.append(SharedCycle(s, reviews.get(s.id), teams[s.team_id], cycle, *place[cycle.id],
                               contact if contact and contact.belonged_on(day) else None))
    return sorted(out, key=lambda x: (x.share.shared_on, x.cycle.start, x.share.id), reverse=True)


def from_other_teams(store: Store, day: dt.date, team_id: str, idea_id: str | None = None) -> list[SharedCycle]:
    """What the other teams share and faculty have not hidden, newest first: what a team's pages show."""
    return [s for s in shared_cycles(store, day, idea_id) if s.team.id != team_id and s.open_to_other_teams]
