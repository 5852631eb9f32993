"""Naming a team's coaches: the advisor's set-up, and nobody else's (the write gate asks for ``setup``)."""
from __future__ import annotations

from ..base.errors import NotAllowed
from ..base.language import _
from ..model import Account, CoachAssignment, Team
from ..store import Store
from .actor import Actor, tick_record

COACHING = ("faculty", "advisor")     # the accounts that may coach a team


def name_coach(store: Store, actor: Actor, team_id: str, coach: str, on: bool) -> None:
    """Make ``coach`` one of the team's coaches (or no longer one), in one transaction."""
    with store.transaction() as tx:
        if tx.get(Team, team_id) is None:
            raise NotAllowed(_("There is no team “%(team)s”; nothing was saved.", team=team_id))
        account = tx.get(Account, coach)
        if on and (account is None or account.access not in COACHING):
            raise NotAllowed(_("Only a faculty or advisor account can coach a team; “%(coach)s” is not one. Nothing "
                               "was saved.", coach=coach))
        tick_record(tx, actor, tx.get(CoachAssignment, team_id, coach),
                    lambda: CoachAssignment(team_id=team_id, coach=coach), on)
