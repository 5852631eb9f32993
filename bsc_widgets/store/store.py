"""The one persistence layer: workbooks, reports and the CLI all read and write through ``Store``.

Every write is one transaction. Every editable record carries a version: a save
made from a stale copy is refused with ``ConflictError`` instead of overwriting
someone else's edit.
"""
from __future__ import annotations

import contextlib
from typing import Iterable, Iterator

from sqlalchemy import Connection, and_, delete, func, insert, select, update
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError, OperationalError

from ..errors import ConflictError, InvalidRecord, NotFound, StoreBusy, UnknownTeam, WorkspaceError
from ..ids import is_slug
from ..model import ORDER, Collaborative, Dataset, Record, Team
from ..text import shorten
from . import migrate
from .engine import WRITE, display_url, make_engine, resolve_db, sqlite_path
from .schema import TABLES


def _key_clause(model: type[Record], key: tuple):
    table = TABLES[model]
    return and_(*(table.c[name] == value for name, value in zip(model.KEY, key)))


def _row_to_record(model: type[Record], row) -> Record:
    values = dict(row._mapping)
    try:
        return model.model_validate(values)
    except ValidationError as exc:  # edited outside the app, or a failing disk: say which record
        key = " / ".join(str(values.get(k)) for k in model.KEY)
        first = exc.errors(include_url=False)[0]
        field = model.field_label(str(first["loc"][0])) if first["loc"] else "a value"
        raise WorkspaceError(f"The workspace holds a damaged {model.NOUN} ({key}): {field} is "
                             f"“{shorten(str(first.get('input')), 40)}”. Correct it, or restore a backup.") from None


class Transaction:
    """Reads and writes inside one database transaction; also the context records check against."""

    def __init__(self, conn: Connection):
        self.conn = conn

    # ---- reading (also the model's Context protocol) ----
    def get(self, model: type[Record], *key) -> Record | None:
        row = self.conn.execute(select(TABLES[model]).where(_key_clause(model, key))).first()
        return None if row is None else _row_to_record(model, row)

    def lookup(self, model: type[Record], key: tuple) -> Record | None:
        return self.get(model, *key)

    def collaborative(self) -> Collaborative | None:
        row = self.conn.execute(select(TABLES[Collaborative])).first()
        return None if row is None else _row_to_record(Collaborative, row)

    def list(self, model: type[Record], **where) -> list[Record]:
        table = TABLES[model]
        query = select(table).order_by(*(table.c[k] for k in model.KEY))
        for name, value in where.items():
            query = query.where(table.c[name] == value)
        return sorted((_row_to_record(model, row) for row in self.conn.execute(query)), key=lambda r: r.sort_key())

    def count(self, model: type[Record]) -> int:
        return self.conn.execute(select(func.count()).select_from(TABLES[model])).scalar_one()

    # ---- writing ----
    def save(self, record: Record, check: bool = True) -> Record:
        """Insert (version 0) or update (matching version); returns the record with its new version."""
        model = type(record)
        if check:
            problems = record.context_problems(self)
            if problems:
                raise InvalidRecord(f"This {model.NOUN} cannot be saved.", problems)
        values = record.model_dump(mode="python", exclude={"version"})
        table = TABLES[model]
        if record.version == 0:
            already = ConflictError(f"{_cap(record.describe())} already exists: someone may have just added it. "
                                    "Reload to see it; nothing of yours was overwritten.")
            if self.get(model, *record.key()) is not None:
                raise already
            try:
                with self.conn.begin_nested():  # a concurrent insert of the same key (PostgreSQL) is a conflict
                    self.conn.execute(insert(table).values(**values, version=1))
            except IntegrityError:
                if self.get(model, *record.key()) is not None:
                    raise already from None
                raise
            return record.model_copy(update={"version": 1})
        result = self.conn.execute(
            update(table).where(_key_clause(model, record.key()), table.c.version == record.version)
            .values(**values, version=table.c.version + 1))
        if result.rowcount == 1:
            return record.model_copy(update={"version": record.version + 1})
        current = self.get(model, *record.key())
        if current is None:
            raise NotFound(f"{_cap(record.describe())} no longer exists: someone deleted it. "
                           "Your changes were not saved.")
        raise ConflictError(
            f"{_cap(record.describe())} was changed by someone else after you opened it. "
            "Your changes were not saved, so theirs are not lost. Reload to see their version, "
            "then make your change again.")

    def delete(self, record: Record) -> None:
        model = type(record)
        table = TABLES[model]
        result = self.conn.execute(
            delete(table).where(_key_clause(model, record.key()), table.c.version == record.version))
        if result.rowcount != 1:
            if self.get(model, *record.key()) is None:
                return
            raise ConflictError(f"{_cap(record.describe())} was changed by someone else after you opened it; "
                                "it was not deleted. Reload and try again.")

    def insert_many(self, model: type[Record], records: list[Record]) -> None:
        if records:
            rows = [dict(r.model_dump(mode="python", exclude={"version"}), version=1) for r in records]
            self.conn.execute(insert(TABLES[model]), rows)

    def clear(self) -> None:
        for model in reversed(ORDER):
            self.conn.execute(delete(TABLES[model]))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Store:
    """A workspace: one collaborative's records in SQLite (default) or any SQLAlchemy database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)

    @classmethod
    def open(cls, db: str | None = None, create: bool = False) -> "Store":
        """Open the workspace at ``db`` (path or URL; else $BSC_DB; else ./workspace/bsc.sqlite).

        With ``create``, a missing SQLite file (and its folder) is created. The schema is
        brought up to date either way.
        """
        url = resolve_db(db)
        path = sqlite_path(url)
        if path is not None:
            if not path.exists():
                if not create:
                    raise WorkspaceError(
                        f"There is no workspace at {path}. Create one with “bsc init --sample”, "
                        "or point BSC_DB (or --db) at an existing one.")
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise WorkspaceError(f"Cannot create the workspace folder {path.parent}: {exc.strerror}.") from None
        store = cls(url)
        store.migrate()
        return store

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> None:
        try:
            with self.engine.connect() as conn:
                current = migrate.current_revision(conn)
            if current == migrate.head_revision():
                return
            with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                migrate.upgrade(conn)
        except OperationalError as exc:
            raise WorkspaceError(f"Cannot open the workspace {display_url(self.url)}: "
                                 f"{shorten(str(exc.orig), 200)}") from None

    # ---- transactions ----
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                yield Transaction(conn)
        except IntegrityError:
            raise InvalidRecord("The change was refused: other records depend on this one (for example "
                                "attendance or PDSA cycles), or it points at a record that does not exist. "
                                "Nothing was saved.") from None
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise StoreBusy("The workspace is busy with other people’s saves. Nothing was saved; "
                                "please try again in a moment.") from None
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Transaction]:
        with self.engine.connect() as conn, conn.begin():
            yield Transaction(conn)

    # ---- the small API the workbooks use ----
    def save(self, record: Record) -> Record:
        with self.transaction() as tx:
            return tx.save(record)

    def delete(self, record: Record) -> None:
        with self.transaction() as tx:
            tx.delete(record)

    def get(self, model: type[Record], *key) -> Record | None:
        with self.reading() as tx:
            return tx.get(model, *key)

    def require(self, model: type[Record], *key) -> Record:
        found = self.get(model, *key)
        if found is None:
            raise NotFound(f"There is no {model.NOUN} “{' / '.join(map(str, key))}”.")
        return found

    def list(self, model: type[Record], **where) -> list[Record]:
        with self.reading() as tx:
            return tx.list(model, **where)

    def collaborative(self) -> Collaborative | None:
        with self.reading() as tx:
            return tx.collaborative()

    def teams(self) -> list[Team]:
        return sorted(self.list(Team), key=lambda t: t.name.lower())

    def team(self, slug: object) -> Team:
        """The team named by an untrusted identifier (a URL, a form): checked before any query."""
        if not is_slug(slug):
            raise UnknownTeam(f"“{shorten(str(slug), 60)}” is not a team identifier.")
        found = self.get(Team, slug)
        if found is None:
            raise UnknownTeam(f"There is no team “{slug}” in this collaborative.")
        return found

    def is_empty(self) -> bool:
        with self.reading() as tx:
            return all(tx.count(m) == 0 for m in ORDER)

    def dataset(self) -> Dataset:
        """Every record, read in one consistent snapshot (what export writes)."""
        ds = Dataset()
        with self.reading() as tx:
            for model in ORDER:
                ds.extend(tx.list(model))
        return ds

    def load(self, dataset: Dataset, replace: bool = False) -> None:
        """Write a whole, already-checked dataset in one transaction (import).

        Refuses to load into a workspace that has data unless ``replace`` is given.
        """
        dataset.check()
        with self.transaction() as tx:
            if any(tx.count(m) for m in ORDER):
                if not replace:
                    raise ConflictError("This workspace already holds a collaborative. Import into a new "
                                        "workspace, or replace everything in it (bsc import --replace).")
                tx.clear()
            for model in ORDER:
                tx.insert_many(model, dataset.all(model))

    def save_many(self, records: Iterable[Record]) -> list[Record]:
        """Several records in one transaction: all saved, or none."""
        with self.transaction() as tx:
            return [tx.save(r) for r in records]
