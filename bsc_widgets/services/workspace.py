"""A whole collaborative written at once: an import of an export folder, or the sample."""
from __future__ import annotations

from ..base.language import _
from ..model import Dataset
from ..store import Store
from .actor import Actor


def load_collaborative(store: Store, actor: Actor, dataset: Dataset, replace: bool = False) -> None:
    """Every record of an already-checked dataset, in one transaction; an existing one only with ``replace``.

    Only the collaborative as a whole (never a team's page) may do this.
    """
    if actor.team_id is not None:
        from ..base.errors import NotAllowed

        raise NotAllowed(_("A team’s page cannot replace the collaborative; nothing was written."))
    store.load(dataset, replace=replace)


def load_sample(store: Store, actor: Actor, force: bool = False) -> bool:
    """The sample collaborative ("Growing Together"); a workspace that holds data is left alone unless ``force``.

    Returns whether it was loaded.
    """
    from ..portable import read_folder
    from ..portable.sample import sample_folder

    if not store.is_empty() and not force:
        return False
    load_collaborative(store, actor, read_folder(sample_folder()), replace=force)
    return True
