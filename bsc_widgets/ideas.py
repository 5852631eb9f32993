"""Which change ideas a team can test: the collaborative's and its own, those it chose first."""
from __future__ import annotations

from .model import ChangeIdea, TeamChangeIdea
from .store import Store


def team_ideas(store: Store, team_id: str) -> list[ChangeIdea]:
    """The change ideas a team can test: the collaborative's and its own, the ones it chose first."""
    chosen = {c.change_idea_id for c in store.list(TeamChangeIdea, team_id=team_id)}
    ideas = [i for i in store.list(ChangeIdea) if i.team_id in (None, team_id) and (i.is_current() or i.id in chosen)]
    return sorted(ideas, key=lambda i: (i.id not in chosen, i.team_id is None, i.position))
