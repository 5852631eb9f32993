"""Where the workspace lives, and an engine tuned for many writers.

A bare path means a SQLite file; anything with ``://`` is a SQLAlchemy URL
(``postgresql+psycopg://…`` for hosted, multi-machine deployments).
SQLite runs in WAL mode with a busy timeout, and write transactions start with
``BEGIN IMMEDIATE`` so two writers queue instead of deadlocking on upgrade.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..base.errors import WorkspaceError
from ..base.language import _

DEFAULT_DB = Path("workspace") / "bsc.sqlite"
BUSY_TIMEOUT_S = 60
WRITE = {"bsc_write": True}  # execution option marking a write transaction


def _default_db() -> Path:
    """./workspace/bsc.sqlite, or the nearest one in a parent folder (JupyterLab runs in workbooks/)."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / DEFAULT_DB).exists():
            return folder / DEFAULT_DB
    return here / DEFAULT_DB


def resolve_db(db: str | os.PathLike | None = None) -> str:
    """The workspace URL from ``--db``, else ``$BSC_DB``, else ./workspace/bsc.sqlite."""
    value = str(db) if db else os.environ.get("BSC_DB") or str(_default_db())
    if "://" in value:
        try:
            make_url(value)
        except Exception:
            raise WorkspaceError(_("“%(url)s” is not a database URL this tool understands.", url=value)) from None
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def display_url(url: str) -> str:
    """How to name the workspace in messages: a SQLite file by its path, a server by its URL without a password."""
    path = sqlite_path(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


def _read_only_sqlite(path: Path) -> str:
    """A URL that opens the file for reading only. On a read-only disk or folder, where SQLite cannot make
    the shared-memory file WAL mode reads through, it is opened as immutable: nobody can be writing to it."""
    writable = os.access(path.parent, os.W_OK) or path.with_name(path.name + "-shm").exists()
    return f"sqlite:///file:{quote(str(path))}?{'mode=ro' if writable else 'immutable=1'}&uri=true"


def make_engine(url: str, read_only: bool = False) -> Engine:
    """An engine for the workspace; ``read_only`` opens a SQLite file so that nothing can be written to it
    (an export of a workspace on a read-only disk, or one that must stay exactly as it is)."""
    parsed = make_url(url)
    try:
        if parsed.get_backend_name() != "sqlite":
            # added to the URL's own options (a schema's search_path), which connect_args would otherwise replace
            given = parsed.query.get("options", "")
            given = " ".join(given) if isinstance(given, tuple) else given
            options = {"options": f"{given} -c default_transaction_read_only=on".strip()} if read_only else {}
            return create_engine(url, pool_pre_ping=True, connect_args=options)
        if read_only:
            url = _read_only_sqlite(Path(str(parsed.database)))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})
    except (NoSuchModuleError, ImportError, ArgumentError):
        raise WorkspaceError(_("“%(url)s” is not a kind of database this tool works with: use a SQLite file path, or "
                               "a PostgreSQL URL such as postgresql+psycopg://user@host/database.",
                               url=display_url(url))) from None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("bsc_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
