"""The workspace as it stood on a day: what every report, page and export of a period reads.

A snapshot reads through the store and leaves out every record dated after its day (each record
type names the field that dates it, ``Record.AS_OF``), showing the rest as they stood then
(``Record.as_it_stood``: a cycle that ended later was still running). It cannot write.
"""
from __future__ import annotations

import datetime as dt

from ..base.errors import BscError, DamagedRecord, NotFound
from ..base.language import _, day
from ..model import Record, Team


class Snapshot:
    """Reads are kept: a snapshot is made for one view (a report, a page's "data up to") and a view
    that reads the same table ten times reads it once."""

    def __init__(self, store, day: dt.date):     # store: a ``Store`` (which makes snapshots: ``Store.as_of``)
        self.store, self.day = store, day
        self._read: dict[tuple, tuple[list[Record], list[DamagedRecord]]] = {}
        self._made: dict[tuple, object] = {}

    def list(self, model: type[Record], *, damaged: list[DamagedRecord] | None = None, **where) -> list[Record]:
        key = (model, tuple(sorted(where.items())))
        if key not in self._read:
            self._read[key] = self._list(model, where)
        found, found_damaged = self._read[key]
        if damaged is None and found_damaged:
            raise found_damaged[0]          # as the store does when its caller does not take damaged rows
        if damaged is not None:
            damaged.extend(found_damaged)
        return list(found)

    def _list(self, model: type[Record], where: dict) -> tuple[list[Record], list[DamagedRecord]]:
        found_damaged: list[DamagedRecord] = []
        found = self.store.list(model, damaged=found_damaged, **where)
        field = model.AS_OF
        at = model.KEY.index(field) if field in model.KEY else None
        found_damaged = [d for d in found_damaged if at is None or not hasattr(d.key[at], "year")
                         or d.key[at] <= self.day]
        if field is None:
            return found, found_damaged
        return [r.as_it_stood(self.day) for r in found if getattr(r, field) <= self.day], found_damaged

    def kept(self, key: tuple, make):
        """What ``make()`` returns, made once for this snapshot (an analysis of a series, say)."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def get(self, model: type[Record], *key) -> Record | None:
        found = self.store.get(model, *key)
        if found is None or model.AS_OF is None:
            return found
        return found.as_it_stood(self.day) if getattr(found, model.AS_OF) <= self.day else None

    def teams(self) -> list[Team]:
        return sorted(self.list(Team), key=lambda t: t.name.lower())

    def team(self, slug: object) -> Team:
        return self.store.team(slug)        # a team named in the address is shown, even if it joined later

    def require(self, model: type[Record], *key) -> Record:
        found = self.get(model, *key)
        if found is None:
            raise NotFound(_("There is no %(what)s “%(key)s” on %(day)s.", what=_(model.NOUN),
                             key=" / ".join(map(str, key)), day=day(self.day)))
        return found

    def translated(self) -> "Snapshot":
        return self if self.store.shows_translations else Snapshot(self.store.translated(), self.day)

    def as_of(self, day: dt.date) -> "Snapshot":
        return self if day >= self.day else Snapshot(self.store, day)

    def transaction(self):
        raise BscError("A view as of a date cannot change the workspace.")

    save = add = delete = lambda self, *a, **k: self.transaction()  # noqa: E731

    def __getattr__(self, name):           # reading helpers: collaborative(), last_save(), …
        return getattr(self.store, name)
