"""Two people's edits of one record, merged field by field: nobody's change is lost, and a clash is chosen, not guessed.

When a save is refused because someone else saved the record after it was opened, three versions are compared:
what the person opened (``base``), what is stored now (``theirs``) and what they made of it (``mine``). A field
only they changed is taken from ``mine``; a field only the other person changed is kept from ``theirs``; a field
both changed to different values is a clash, for the person to choose. A list of choices (the roles that took
part) merges by item: each person's additions and removals are both applied, so it never clashes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .base import Record


@dataclass
class Merge:
    """The merged values, and what came from whom: fields names in the record's own order."""

    values: dict[str, Any]
    mine: list[str] = field(default_factory=list)       # changed by this person only: theirs is taken
    theirs: list[str] = field(default_factory=list)     # changed by the other person only: kept
    both: list[str] = field(default_factory=list)       # lists both changed: each one's items merged
    clashes: list[str] = field(default_factory=list)    # both changed to different values: to choose

    def choose(self, choices: dict[str, str], mine: Record) -> dict[str, Any]:
        """The values once each clash is chosen ("mine" or "theirs"; a clash not chosen keeps theirs)."""
        return dict(self.values, **{n: getattr(mine, n) for n in self.clashes if choices.get(n) == "mine"})


def three_way(base: Record, theirs: Record, mine: Record, fields: Iterable[str] | None = None) -> Merge:
    """Merge ``mine`` into ``theirs`` over ``fields`` (every field of the record by default), as changed from
    ``base``. Fields outside ``fields`` are theirs. The three must be the same record (one type, one key)."""
    if type(base) is not type(theirs) or type(theirs) is not type(mine) or theirs.key() != mine.key():
        raise ValueError("three_way merges three versions of one record")
    names = [n for n in type(mine).model_fields if n != "version" and (fields is None or n in set(fields))]
    out = Merge(values=theirs.data())
    for name in names:
        was, now, ours = getattr(base, name), getattr(theirs, name), getattr(mine, name)
        if ours == was or ours == now:
            if now != was and ours == was:
                out.theirs.append(name)
            continue
        if now == was:
            out.values[name] = ours
            out.mine.append(name)
        elif isinstance(ours, list) and isinstance(now, list) and isinstance(was, list):
            out.values[name] = _merge_items(was, now, ours)
            out.both.append(name)
        else:
            out.clashes.append(name)
    return out


def _merge_items(was: list, now: list, ours: list) -> list:
    """Both people's additions, less both people's removals, in the order the items first appear."""
    removed = (set(was) - set(now)) | (set(was) - set(ours))
    return [item for item in dict.fromkeys([*now, *ours]) if item not in removed]
