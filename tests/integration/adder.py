"""One process adding new members to one team, as people do from several browsers at once."""
import sys

from bsc_widgets.model import Member
from bsc_widgets.store import Store


def main(db: str, team: str, adds: int, who: str) -> None:
    store = Store.open(db)
    for i in range(adds):  # every draft carries the same placeholder id, as every new-member form does
        store.add(Member(id="new", team_id=team, name=f"{who} {i}", role="family"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
