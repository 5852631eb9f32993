"""The store: one API over SQLite (default) or any SQLAlchemy database."""
from .engine import display_url, resolve_db, sqlite_path
from .snapshot import Snapshot
from .store import Store, Transaction

__all__ = ["Store", "Snapshot", "Transaction", "resolve_db", "display_url", "sqlite_path"]
