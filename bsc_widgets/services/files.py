"""Adding a file a team keeps beside its tests: checked by content first (``portable.uploads``), then the record
and its bytes written in one transaction through the one write check, so a refused file leaves nothing behind.
Removing one is ``records.remove`` (kept, to be put back)."""
from __future__ import annotations

import datetime as dt

from ..model import TeamFile
from ..portable.uploads import check_upload, digest
from ..store import Store
from .actor import Actor, check


def add_file(store: Store, actor: Actor, team_id: str, name: str, data: bytes, title: str, on: dt.date,
             pdsa_cycle_id: str | None = None, change_idea_id: str | None = None) -> TeamFile:
    """The file as it will be shown (a photo upright, smaller and without what the camera wrote beside it)."""
    upload = check_upload(name, data)
    record = TeamFile.build(id="new", team_id=team_id, title=title, pdsa_cycle_id=pdsa_cycle_id,
                            change_idea_id=change_idea_id, file_type=upload.media_type, sha256=upload.sha256,
                            thumbnail_sha256=digest(upload.thumbnail) if upload.thumbnail else None,
                            size=len(upload.content), added_on=on)
    with store.transaction() as tx:
        check(tx, actor, record)
        tx.put_content(upload.sha256, upload.content)
        if upload.thumbnail:
            tx.put_content(record.thumbnail_sha256, upload.thumbnail)
        return tx.add(record)
