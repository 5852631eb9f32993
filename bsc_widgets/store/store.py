"""The one persistence layer: workbooks, reports and the CLI all read and write through ``Store``.

Every write is one transaction. Every editable record carries a version: a save
made from a stale copy is refused with ``ConflictError`` instead of overwriting
someone else's edit. A new record with an identifier gets it here, inside the saving
transaction (``add``), so two people adding at once always make two records.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import random
from dataclasses import dataclass
from typing import Iterable, Iterator

from pydantic import ValidationError
from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from ..base.clock import now
from ..base.errors import (
    ConflictError,
    DamagedRecord,
    InvalidRecord,
    NotFound,
    Problem,
    SchemaBehind,
    StoreBusy,
    UnknownTeam,
    WorkspaceError,
)
from ..base.ids import is_slug, slugify, unique_slug
from ..base.language import _, day, language, n_
from ..base.text import capitalised, shorten
from ..model import ORDER, RECORD_TYPES, Collaborative, Dataset, Member, Record, Removal, Team, TeamFile
from ..model.files import kept_files
from ..model.base import cannot_save, many_of
from . import migrate
from .engine import WRITE, display_url, make_engine, resolve_db, sqlite_path
from .schema import FILE_CONTENTS, SAVES, TABLES

ADD_ATTEMPTS = 20  # a concurrent add that took the same identifier is retried with the next one


def _key_clause(model: type[Record], key: tuple):
    table = TABLES[model]
    return and_(*(table.c[name] == value for name, value in zip(model.KEY, key)))


def _row_to_record(model: type[Record], row, names: tuple[str, ...] | None = None) -> Record:
    """A stored row as its record (``names``: the columns, when many rows of one query are read)."""
    values = dict(zip(names, row)) if names is not None else dict(row._mapping)
    try:
        return model.model_validate(values)
    except ValidationError as exc:  # edited outside the app, or from before a rule existed: say which record
        try:
            what = model.model_construct(**values).describe()
        except Exception:  # noqa: BLE001 - the damaged value may be the one describe() reads
            what = f"{model.NOUN} " + " / ".join(str(values.get(k)) for k in model.KEY)
        first = exc.errors(include_url=False)[0]
        field = model.field_label(str(first["loc"][0])) if first["loc"] else _("a value")
        given = shorten(str(first.get("input")), 40)
        raise DamagedRecord(_("The workspace holds a damaged record (%(record)s): %(field)s is “%(value)s”. Correct "
                              "it, or restore a backup.", record=what, field=field, value=given), what,
                            Problem(_("%(field)s is “%(value)s”.", field=field, value=given), field=field, record=what),
                            tuple(values.get(k) for k in model.KEY), int(values.get("version") or 0)) from None


def stale(record: Record | str, last: "LastSave | None" = None, many: bool = False) -> ConflictError:
    """The one message for a save made from a copy someone else has changed since (naming them, when known).
    ``many``: a description that names several things ("the values for October"), as a record's ``MANY`` says."""
    what = record if isinstance(record, str) else record.describe()
    who = last.sentence() if last is not None else _("by someone else")
    return ConflictError(n_("%(what)s was changed %(who)s after you opened it. Your changes were not saved, so theirs "
                            "are not lost. Reload to see their version, then make your change again.",
                            "%(what)s were changed %(who)s after you opened it. Your changes were not saved, so "
                            "theirs are not lost. Reload to see their version, then make your change again.",
                            many_of(record, many), what=capitalised(what), who=who))


@dataclass(frozen=True)
class LastSave:
    """Who last saved a record, and when (from the log of saves)."""

    by: str | None
    at: dt.datetime

    def sentence(self) -> str:
        values = dict(who=self.by, time=f"{self.at:%H:%M}", day=day(self.at.date()))
        if self.at.date() == now().date():
            return _("by %(who)s at %(time)s", **values) if self.by else _("by someone else at %(time)s", **values)
        return (_("by %(who)s on %(day)s at %(time)s", **values) if self.by else
                _("by someone else on %(day)s at %(time)s", **values))


def record_key(record: Record) -> str:
    """A record's key as one string, as the log of saves keeps it."""
    return "/".join(str(v) for v in record.key())


class Transaction:
    """Reads and writes inside one database transaction; also the context records check against."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.by: str | None = None  # the person saving, set by the services' check; kept in the log of saves

    # ---- reading (also the model's Context protocol) ----
    def get(self, model: type[Record], *key) -> Record | None:
        row = self.conn.execute(select(TABLES[model]).where(_key_clause(model, key))).first()
        return None if row is None else _row_to_record(model, row)

    def lookup(self, model: type[Record], key: tuple) -> Record | None:
        return self.get(model, *key)

    def collaborative(self) -> Collaborative | None:
        row = self.conn.execute(select(TABLES[Collaborative])).first()
        return None if row is None else _row_to_record(Collaborative, row)

    def list(self, model: type[Record], *, damaged: list[DamagedRecord] | None = None, **where) -> list[Record]:
        """The records matching ``where``. A damaged row raises ``DamagedRecord``; or, given a ``damaged``
        list, is put there instead, so a page can show the rest and say which one it left out."""
        table = TABLES[model]
        query = select(table).order_by(*(table.c[k] for k in model.KEY))
        for name, value in where.items():
            query = query.where(table.c[name] == value)
        out = []
        rows = self.conn.execute(query)
        names = tuple(rows.keys())
        for row in rows:
            try:
                out.append(_row_to_record(model, row, names))
            except DamagedRecord as exc:
                if damaged is None:
                    raise
                damaged.append(exc)
        return sorted(out, key=lambda r: r.sort_key())

    def count(self, model: type[Record]) -> int:
        return self.conn.execute(select(func.count()).select_from(TABLES[model])).scalar_one()

    # ---- writing ----
    def save(self, record: Record, check: bool = True) -> Record:
        """Insert (version 0) or update (matching version); returns the record with its new version."""
        record = record.checked()       # the whole record, as stored: never one that skipped its own rules
        model = type(record)
        if check:
            problems = record.context_problems(self)
            if problems:
                raise InvalidRecord(cannot_save(model), problems)
        values = record.model_dump(mode="python", exclude={"version"})
        table = TABLES[model]
        if record.version == 0:
            already = ConflictError(n_("%(what)s already exists: someone may have just added it. Reload to see it; "
                                       "nothing of yours was overwritten.",
                                       "%(what)s already exist: someone may have just added them. Reload to see them; "
                                       "nothing of yours was overwritten.", many_of(record),
                                       what=capitalised(record.describe())))
            if self._exists(model, record.key()):
                raise already
            try:
                with self.conn.begin_nested():  # a concurrent insert of the same key (PostgreSQL) is a conflict
                    self.conn.execute(insert(table).values(**values, version=1))
            except IntegrityError:
                if self._exists(model, record.key()):
                    raise already from None
                raise
            self._log(record, 1, "added")
            return record.model_copy(update={"version": 1})
        result = self.conn.execute(
            update(table).where(_key_clause(model, record.key()), table.c.version == record.version)
            .values(**values, version=table.c.version + 1))
        if result.rowcount == 1:
            self._log(record, record.version + 1, "saved")
            return record.model_copy(update={"version": record.version + 1})
        if not self._exists(model, record.key()):
            raise NotFound(n_("%(what)s no longer exists: someone deleted it. Your changes were not saved.",
                              "%(what)s no longer exist: someone deleted them. Your changes were not saved.",
                              many_of(record), what=capitalised(record.describe())))
        raise stale(record, self.last_save(record))

    def _log(self, record: Record, version: int, action: str) -> None:
        self.conn.execute(insert(SAVES).values(at=now(), by=self.by, record_table=record.TABLE,
                                               record_key=record_key(record), version=version, action=action))

    def log(self, record: Record, action: str) -> None:
        """Write into the log of saves something done to a record that is not a save of it (a new sign-in link)."""
        self._log(record, record.version, action)

    def stored_team(self, record: Record) -> tuple[bool, str | None]:
        """Whether a row with this record's key is stored, and the team it belongs to now, read without validating
        it (so a damaged row can still be corrected by its own team). (False, None) for a record keyed by its
        team, or not a team's record: the record itself says whose it is."""
        table = TABLES[type(record)]
        if "team_id" not in table.c or "team_id" in type(record).KEY:
            return False, None
        row = self.conn.execute(select(table.c.team_id).where(_key_clause(type(record), record.key()))).first()
        return row is not None, row[0] if row is not None else None

    def rosters_of(self, emails: Iterable[str], member_id: str | None = None):
        """The roster rows (team, language, joined and left) that list any of these e-mail addresses, in any case, or
        the member ``member_id`` (someone without an address, who signs in from a printed card)."""
        members = TABLES[Member]
        wanted = {e.lower() for e in emails if e}
        match = func.lower(members.c.email).in_(wanted)
        if member_id:
            match = or_(match, members.c.id == member_id)
        return self.conn.execute(select(members.c.team_id, members.c.language, members.c.joined_on, members.c.left_on)
                                 .where(match).order_by(members.c.team_id)).all()

    def last_save(self, record: Record) -> LastSave | None:
        """Who saved this record last, and when (None for a record saved before the log began)."""
        row = self.conn.execute(select(SAVES.c.by, SAVES.c.at)
                                .where(SAVES.c.record_table == record.TABLE, SAVES.c.record_key == record_key(record))
                                .order_by(SAVES.c.id.desc()).limit(1)).first()
        return None if row is None else LastSave(row.by, row.at)

    def add(self, record: Record) -> Record:
        """Insert a new record. One that has an identifier gets a fresh one here, made from
        ``new_id_base()`` and unique among every table that shares its identifiers, so it can never
        replace, or be refused because of, a record someone else added a moment ago."""
        base = record.new_id_base()
        if base is None:  # keyed by what it is about: adding the same key twice is the same record
            return self.save(record.model_copy(update={"version": 0}))
        for attempt in range(ADD_ATTEMPTS):
            fresh = record.model_copy(update={"id": self._free_id(type(record), base, attempt), "version": 0})
            try:
                return self.save(fresh)
            except ConflictError:
                continue  # taken by a concurrent add between our look and our insert (PostgreSQL)
        raise StoreBusy(_("The workspace is busy with other people’s additions. Nothing was saved; "
                          "please try again in a moment."))

    def _free_id(self, model: type[Record], base: str, attempt: int = 0) -> str:
        """The first free identifier from ``base``; after a collision, a free one past a random gap, so
        that adders racing for the same one do not keep colliding (each round, only one can win)."""
        root = slugify(base, 56)
        taken: set[str] = set()
        for other in {model, *(RECORD_TYPES[t] for t in model.ID_SPACE)}:
            column = TABLES[other].c.id
            taken |= set(self.conn.execute(select(column).where(or_(column == root, column.like(f"{root}-%"))))
                         .scalars())
        if attempt == 0:
            return unique_slug(root, taken)
        numbers = [int(t.rsplit("-", 1)[1]) for t in taken if t.rsplit("-", 1)[-1].isdigit() and t != root]
        n = max(numbers, default=1) + 1 + random.randrange(10 * attempt)
        while f"{root}-{n}" in taken:
            n += 1
        return f"{root}-{n}"

    def _exists(self, model: type[Record], key: tuple) -> bool:
        """Whether a row has this key, read without validating it (it may be a damaged one)."""
        table = TABLES[model]
        return self.conn.execute(select(func.count()).select_from(table).where(_key_clause(model, key))).scalar_one() > 0

    def delete(self, record: Record) -> None:
        model = type(record)
        table = TABLES[model]
        result = self.conn.execute(
            delete(table).where(_key_clause(model, record.key()), table.c.version == record.version))
        if result.rowcount != 1:
            if not self._exists(model, record.key()):
                return
            last = self.last_save(record)
            raise ConflictError(n_("%(what)s was changed %(who)s after you opened it; it was not deleted. Reload and "
                                   "try again.", "%(what)s were changed %(who)s after you opened them; they were not "
                                   "deleted. Reload and try again.", many_of(record), what=capitalised(record.describe()),
                                   who=last.sentence() if last else _("by someone else")))
        self._log(record, record.version, "removed")

    def insert_many(self, model: type[Record], records: list[Record]) -> None:
        if records:
            rows = [dict(r.checked().model_dump(mode="python", exclude={"version"}), version=1) for r in records]
            self.conn.execute(insert(TABLES[model]), rows)

    def clear(self) -> None:
        for model in reversed(ORDER):
            self.conn.execute(delete(TABLES[model]))
        self.conn.execute(delete(FILE_CONTENTS))

    # ---- the bytes of files teams keep (``model.TeamFile`` names them by SHA-256) ----
    def put_content(self, sha256: str, content: bytes) -> None:
        """Keep these bytes, once (the same photo added twice is stored once)."""
        if not self.contents([sha256]):
            self.conn.execute(insert(FILE_CONTENTS).values(sha256=sha256, content=content))

    def contents(self, shas: Iterable[str]) -> dict[str, bytes]:
        wanted, found = sorted(set(shas)), {}
        for start in range(0, len(wanted), 500):
            rows = self.conn.execute(select(FILE_CONTENTS).where(FILE_CONTENTS.c.sha256.in_(wanted[start:start + 500])))
            found.update({r.sha256: bytes(r.content) for r in rows})
        return found


def _database_problem(exc: DatabaseError, otherwise: str | None = "") -> str | None:
    """What the database said, in words a person can act on (else ``otherwise``, "" meaning its own words)."""
    said = str(getattr(exc, "orig", exc))
    if "file is not a database" in said or "malformed" in said:
        return _("the file is not a workspace, or it is damaged. Check the --db path, or restore a backup.")
    if "readonly" in said or "read-only" in said:
        return _("the workspace can only be read here (the file or its folder is read-only).")
    if "unable to open" in said:
        return _("the file cannot be opened (check that its folder exists and can be read).")
    return shorten(said, 200) if otherwise == "" else otherwise


class Store:
    """A workspace: one collaborative's records in SQLite (default) or any SQLAlchemy database."""

    shows_translations = False   # see ``translated``

    def __init__(self, url: str, read_only: bool = False):
        self.url, self.read_only = url, read_only
        self.engine = make_engine(url, read_only=read_only)

    def translated(self) -> "Store":
        """This workspace as pages read it: the collaborative's shared text (aim, measures, drivers, ideas,
        phases, scale) in the language being spoken. Reading only: what it returns is never saved; set-up,
        which edits both languages, reads the plain store."""
        shown = copy.copy(self)
        shown.shows_translations = True
        return shown

    def _shown(self, record):
        if record is None or not self.shows_translations or not record.TRANSLATED:
            return record
        return record.in_language(language())

    @classmethod
    def open(cls, db: str | None = None, create: bool = False, read_only: bool = False) -> "Store":
        """Open the workspace at ``db`` (path or URL; else $BSC_DB; else ./workspace/bsc.sqlite).

        With ``create``, a missing SQLite file (and its folder) is created. The schema is brought
        up to date, except with ``read_only``, which writes nothing at all: a workspace not at
        this version's schema is then refused, with what to do.
        """
        url = resolve_db(db)
        path = sqlite_path(url)
        if path is not None:
            if path.is_dir():
                raise WorkspaceError(_("%(path)s is a folder; the workspace is a file (such as workspace/bsc.sqlite).",
                                       path=path))
            if not path.exists():
                if not create or read_only:
                    raise WorkspaceError(_("There is no workspace at %(path)s. Create one with “bsc init --sample”, "
                                           "or point BSC_DB (or --db) at an existing one.", path=path))
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise WorkspaceError(_("Cannot create the workspace folder %(folder)s: %(why)s.",
                                           folder=path.parent, why=exc.strerror)) from None
        store = cls(url, read_only=read_only)
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_to_read(cls, db: str | None = None) -> "Store":
        """A workspace a command only reads (the reports): opened read-only, so a read-only disk will do. One from an
        older version is first brought up to date, as any first open after an upgrade does (that needs write access,
        and says so plainly if it has none)."""
        try:
            return cls.open(db, read_only=True)
        except SchemaBehind:
            cls.open(db).close()
            return cls.open(db, read_only=True)

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> None:
        """Bring the schema up to date (or, read-only, check that it is); every failure said plainly."""
        where = display_url(self.url)
        try:
            with self.engine.connect() as conn:
                current = migrate.current_revision(conn)
                other_tables = current is None and migrate.has_tables(conn)
            head = migrate.head_revision()
            if current == head:
                return
            if current is not None and current not in migrate.revisions():
                raise WorkspaceError(_("The workspace %(where)s was made by a newer version of BSC Workbooks (its "
                                       "schema is “%(schema)s”; this version knows up to “%(head)s”). Use the newer "
                                       "version, or restore a backup made with this one.", where=where,
                                       schema=shorten(str(current), 20), head=head))
            if other_tables:
                raise WorkspaceError(_("%(where)s is a database, but not a BSC Workbooks workspace. Check the --db "
                                       "path (or BSC_DB).", where=where))
            if self.read_only and current is None:
                raise WorkspaceError(_("There is no workspace in %(where)s (it is empty).", where=where))
            if self.read_only:
                raise SchemaBehind(
                    _("The workspace %(where)s is from an older version and must be upgraded before it can be read "
                      "here: open it once with write access (for example “bsc serve”).", where=where))
            with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                migrate.upgrade(conn)
        except DatabaseError as exc:  # not a database at all, a damaged file, a server that refused us
            raise WorkspaceError(_("Cannot open the workspace %(where)s: %(why)s", where=where,
                                   why=_database_problem(exc))) from None

    # ---- transactions ----
    # ---- transactions ----
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            with self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                yield Transaction(conn)
        except IntegrityError:
            raise InvalidRecord(_("The change was refused: other records depend on this one (for example "
                                  "attendance or PDSA cycles), or it points at a record that does not exist. "
                                  "Nothing was saved.")) from None
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise StoreBusy(_("The workspace is busy with other people’s saves. Nothing was saved; "
                                  "please try again in a moment.")) from None
            raise WorkspaceError(_("The workspace could not be written: %(why)s Nothing was saved.",
                                   why=_database_problem(exc))) from None

    @contextlib.contextmanager
    def reading(self) -> Iterator[Transaction]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield Transaction(conn)
        except DatabaseError as exc:
            known = _database_problem(exc, None)
            if known is None:
                raise  # a fault of ours, not of the file: the page says sorry and the log says why
            raise WorkspaceError(_("The workspace could not be read: %(why)s", why=known)) from None

    # ---- the small API the workbooks use ----
    def save(self, record: Record) -> Record:
        with self.transaction() as tx:
            return tx.save(record)

    def add(self, record: Record) -> Record:
        """A new record, its identifier (if it has one) given here: see ``Transaction.add``."""
        with self.transaction() as tx:
            return tx.add(record)

    def delete(self, record: Record) -> None:
        with self.transaction() as tx:
            tx.delete(record)

    def get(self, model: type[Record], *key) -> Record | None:
        with self.reading() as tx:
            return self._shown(tx.get(model, *key))

    def require(self, model: type[Record], *key) -> Record:
        found = self.get(model, *key)
        if found is None:
            raise NotFound(_("There is no %(noun)s “%(value)s”.", noun=_(model.NOUN), value=" / ".join(map(str, key))))
        return found

    def list(self, model: type[Record], *, damaged: list[DamagedRecord] | None = None, **where) -> list[Record]:
        with self.reading() as tx:
            found = tx.list(model, damaged=damaged, **where)
        return [self._shown(r) for r in found] if self.shows_translations and model.TRANSLATED else found

    def collaborative(self) -> Collaborative | None:
        with self.reading() as tx:
            return self._shown(tx.collaborative())

    def last_save(self, record: Record) -> LastSave | None:
        """Who last saved (or removed) this record, and when."""
        with self.reading() as tx:
            return tx.last_save(record)

    def teams(self) -> list[Team]:
        return sorted(self.list(Team), key=lambda t: t.name.lower())

    def kept(self, key: tuple, make):
        """``make()``: a live store keeps nothing (its data may change); a ``Snapshot`` keeps it."""
        return make()

    def as_of(self, day: dt.date):
        """The workspace as it stood on ``day``: a read-only ``Snapshot``."""
        from .snapshot import Snapshot
        return Snapshot(self, day)

    def team(self, slug: object) -> Team:
        """The team named by an untrusted identifier (a URL, a form): checked before any query."""
        if not is_slug(slug):
            raise UnknownTeam(_("“%(team)s” is not a team identifier.", team=shorten(str(slug), 60)))
        found = self.get(Team, slug)
        if found is None:
            raise UnknownTeam(_("There is no team “%(team)s” in this collaborative.", team=slug))
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
            files = ds.all(TeamFile) + kept_files(ds.all(Removal))
            ds.contents = tx.contents(sha for f in files for sha in f.shas)
        return ds

    def load(self, dataset: Dataset, replace: bool = False) -> None:
        """Write a whole, already-checked dataset in one transaction (import).

        Refuses to load into a workspace that has data unless ``replace`` is given.
        """
        dataset.check()
        with self.transaction() as tx:
            if any(tx.count(m) for m in ORDER):
                if not replace:
                    raise ConflictError(_("This workspace already holds a collaborative. Import into a new "
                                          "workspace, or replace everything in it (bsc import --replace)."))
                tx.clear()
            for model in ORDER:
                tx.insert_many(model, dataset.all(model))
            for sha, content in dataset.contents.items():
                tx.put_content(sha, content)

    def contents(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The bytes of files teams keep, by SHA-256 (those the workspace holds)."""
        with self.reading() as tx:
            return tx.contents(shas)

    def save_many(self, records: Iterable[Record]) -> list[Record]:
        """Several records in one transaction: all saved, or none."""
        with self.transaction() as tx:
            return [tx.save(r) for r in records]
