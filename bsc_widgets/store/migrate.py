"""Schema migrations live in ``migrations/versions`` (Alembic); this brings a workspace to the latest."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(conn: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def revisions() -> set[str]:
    """Every migration this version knows, read from the file names (``0002_….py`` is revision "0002").

    Opening a workspace checks this on every page load, so it avoids importing Alembic;
    a test checks that it agrees with Alembic's own reading of the scripts.
    """
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def head_revision() -> str:
    return max(revisions())


def current_revision(conn: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("select version_num from alembic_version")).scalar()


def has_tables(conn: Connection) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(conn).get_table_names())


def upgrade(conn: Connection) -> None:
    """Run every migration not yet applied, inside the caller's (write) transaction."""
    from alembic import command

    command.upgrade(_config(conn), "head")
