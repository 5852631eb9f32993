"""Every write to a workspace goes through here: named operations, each one transaction, with its checks
(validation, the version, and who is writing: ``Actor``). Pages and the command line only gather input
and show results.

- ``add`` / ``save`` / ``remove`` for one record, handing special cases to their operations;
- ``pdsa``: ``plan_cycle``, ``save_cycle``, ``set_testing``, ``add_team_idea``;
- ``framework``: ``save_framework``, ``retire``, ``restore``, ``link``;
- ``measures``: ``save_measure_rows``, ``import_sheet``, ``save_group_figures``, ``save_period_values``;
- ``marks``: ``set_mark``, ``withdraw_mark`` (marks pinned to chart points, kept when taken back);
- ``register``: ``open_register``, ``take_register``;
- ``removals``: ``take_out``, ``remove_period``, ``remove_member``, ``put_back``, ``recent_removals``;
- ``workspace``: ``load_collaborative``, ``load_sample``;
- ``caseload``: ``name_coach`` (a team's coaches, from the faculty accounts).
"""
from .actor import COMMAND_LINE, Actor
from .records import add, remove, save

__all__ = ["Actor", "COMMAND_LINE", "add", "save", "remove"]
