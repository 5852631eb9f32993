"""One writer process for the concurrency test: many real saves against one workspace."""
import datetime as dt
import sys

from bsc_widgets.base.errors import ConflictError
from bsc_widgets.model import Attendance
from bsc_widgets.store import Store


def main(db: str, member: str, saves: int) -> None:
    store = Store.open(db)
    start = dt.date(2025, 9, 1)
    conflicts = 0
    for i in range(saves):
        if i % 2 == 0:  # a new record of this writer's own
            store.save(Attendance(member_id=member, event_kind="coaching_call",
                                  date=start + dt.timedelta(days=i // 2), hours=1))
            continue
        while True:  # everyone edits the same record: read, change, save; retry on conflict
            team = store.team("maple-street-ehs")
            count = int(team.meeting_rhythm) if (team.meeting_rhythm or "").isdigit() else 0
            try:
                store.save(team.model_copy(update={"meeting_rhythm": str(count + 1)}))
                break
            except ConflictError:
                conflicts += 1
    print(conflicts)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
