"""A team's change ideas and its driver diagram: one rule for which ideas are the team's, and what each says.

The driver diagram workbook, the PDSA planner and the team's monthly report all read these, so an idea counts
for a team in the same way everywhere: the collaborative's current ideas and the team's own, and any idea the
team chose or has tested (an idea retired since stays in the diagram of the team that tested it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base.language import _
from ..model import ChangeIdea, Driver, DriverLink, Measure, PdsaCycle, TeamChangeIdea, current, first_aimed, ramps
from ..store import Store


def team_ideas(store: Store, team_id: str) -> list[ChangeIdea]:
    """The change ideas a team can test: the collaborative's and its own, the ones it chose first."""
    chosen = {c.change_idea_id for c in store.list(TeamChangeIdea, team_id=team_id)}
    return sorted(_ideas(store, team_id, chosen, set()), key=lambda i: (i.id not in chosen, i.team_id is None,
                                                                         i.position))


def _ideas(store: Store, team_id: str, chosen: set[str], tested: set[str]) -> list[ChangeIdea]:
    return [i for i in store.list(ChangeIdea) if i.team_id in (None, team_id)
            and (i.is_current() or i.id in chosen or i.id in tested)]


@dataclass
class TeamDiagram:
    """A team's driver diagram: the collaborative's drivers, the team's ideas in the diagram's order, which it
    chose or tested (``in_play``, outlined), and each idea's words (our idea, testing, adopted)."""

    aim: str
    drivers: list[Driver]
    ideas: list[ChangeIdea]
    links: list[DriverLink]
    chosen: set[str]
    cycles_by_idea: dict[str, list[PdsaCycle]]
    tags: dict[str, str]

    @property
    def in_play(self) -> set[str]:
        return self.chosen | set(self.cycles_by_idea)


def team_diagram(store: Store, team_id: str, on: dt.date | None = None) -> TeamDiagram:
    """The team's diagram from what ``store`` holds (a snapshot for a report as of its month), drivers as of ``on``."""
    chosen = {c.change_idea_id for c in store.list(TeamChangeIdea, team_id=team_id)}
    by_idea = {r.change_idea_id: list(r.cycles) for r in ramps(store.list(PdsaCycle, team_id=team_id))}
    ideas = sorted(_ideas(store, team_id, chosen, set(by_idea)), key=lambda i: (i.team_id is not None, i.position))
    collab = store.collaborative()
    return TeamDiagram(collab.aim if collab else "", current(store.list(Driver), on), ideas, store.list(DriverLink),
                       chosen, by_idea, idea_tags(ideas, chosen, by_idea))


def idea_tags(ideas: list[ChangeIdea], chosen: set[str], cycles_by_idea: dict[str, list]) -> dict[str, str]:
    """What a team's diagram says, in words, beside each change idea: our idea, testing, adopted."""
    tags = {}
    for i in ideas:
        words = []
        if i.team_id:
            words.append(_("our idea"))
        mine = cycles_by_idea.get(i.id, [])
        if mine and mine[-1].decision == "adopt":
            words.append(_("adopted"))
        elif i.id in chosen or mine:
            words.append(_("testing"))
        if words:
            tags[i.id] = "✓ " + ", ".join(words)
    return tags



def measures_for_idea(store: Store, idea_id: str) -> list[str]:
    """The measures a new cycle on ``idea_id`` is first aimed at (``model.first_aimed``, from the diagram)."""
    return first_aimed(idea_id, store.list(DriverLink), store.list(Driver), store.list(Measure))
