"""PDSA cycles and the change ideas a team tests: planning a cycle marks its idea as tested, in one go."""
from __future__ import annotations

from ..model import ChangeIdea, DriverLink, PdsaCycle, TeamChangeIdea
from ..store import Store, Transaction
from .actor import Actor, check


def _mark_testing(tx: Transaction, team_id: str, idea_id: str) -> None:
    if tx.get(TeamChangeIdea, team_id, idea_id) is None:
        tx.save(TeamChangeIdea(team_id=team_id, change_idea_id=idea_id))


def plan_cycle(store: Store, actor: Actor, cycle: PdsaCycle) -> PdsaCycle:
    """A new cycle (its identifier from the store); the team is then testing its change idea."""
    return _write_cycle(store, actor, cycle, new=True)


def save_cycle(store: Store, actor: Actor, cycle: PdsaCycle) -> PdsaCycle:
    """The plan, Do, Study or Act of a cycle, as the form now shows it."""
    return _write_cycle(store, actor, cycle, new=False)


def _write_cycle(store: Store, actor: Actor, cycle: PdsaCycle, new: bool) -> PdsaCycle:
    with store.transaction() as tx:
        check(tx, actor, cycle)
        before = None if new else tx.get(PdsaCycle, cycle.id)
        saved = tx.add(cycle) if new else tx.save(cycle)
        _mark_testing(tx, saved.team_id, saved.change_idea_id)
        if before is not None and before.change_idea_id != saved.change_idea_id:
            _unmark_if_untested(tx, saved.team_id, before.change_idea_id)
        return saved


def _unmark_if_untested(tx: Transaction, team_id: str, idea_id: str) -> None:
    """A cycle moved to the right change idea: the one it was filed under is no longer "testing" for the team,
    unless another of its cycles tests it (the team can tick it again on the driver diagram)."""
    if any(c.change_idea_id == idea_id for c in tx.list(PdsaCycle, team_id=team_id)):
        return
    found = tx.get(TeamChangeIdea, team_id, idea_id)
    if found is not None:
        tx.delete(found)


def set_testing(store: Store, actor: Actor, team_id: str, idea_id: str, on: bool) -> None:
    """Tick or untick a change idea the team is testing (the same outcome if someone did it a moment ago)."""
    with store.transaction() as tx:
        choice = TeamChangeIdea(team_id=team_id, change_idea_id=idea_id)
        check(tx, actor, choice)
        found = tx.get(TeamChangeIdea, team_id, idea_id)
        if on and found is None:
            tx.save(choice)
        elif not on and found is not None:
            tx.delete(found)


def add_team_idea(store: Store, actor: Actor, idea: ChangeIdea, link: DriverLink) -> ChangeIdea:
    """A team's own change idea, linked into the diagram and ticked as tested: all three, or none."""
    with store.transaction() as tx:
        check(tx, actor, idea)
        saved = tx.add(idea)
        tx.save(link.model_copy(update={"source_id": saved.id}))
        tx.save(TeamChangeIdea(team_id=saved.team_id, change_idea_id=saved.id))
        return saved
