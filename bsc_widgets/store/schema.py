"""Tables, derived from the records so the two cannot drift (a test checks the migrations too)."""
from __future__ import annotations

import datetime as dt
import types
import typing

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)

from ..model import ORDER, RECORD_TYPES, Record

metadata = MetaData()

_SQL_TYPES = {str: Text, int: Integer, float: Float, bool: Boolean, dt.date: Date, dt.datetime: DateTime}


def _column_type(annotation):
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _column_type(args[0])
    if origin is typing.Literal:
        return Text
    if origin is list:
        return JSON
    if origin is typing.Annotated:
        return _column_type(args[0])
    return _SQL_TYPES[annotation]


def _nullable(info) -> bool:
    return type(None) in typing.get_args(info.annotation)


def _table(model: type[Record]) -> Table:
    cols = []
    for name, info in model.model_fields.items():
        if name == "version":
            continue
        ref = model.REFS.get(name)
        args = [ForeignKey(f"{ref}.{RECORD_TYPES[ref].KEY[0]}")] if ref else []
        cols.append(Column(name, _column_type(info.annotation), *args,
                           primary_key=name in model.KEY, nullable=_nullable(info) and name not in model.KEY))
    cols.append(Column("version", Integer, nullable=False, default=1))
    return Table(model.TABLE, metadata, *cols)


TABLES: dict[type[Record], Table] = {m: _table(m) for m in ORDER}

# Not records (never exported, never shown): what signing in needs, and who saved what when.
CREDENTIALS = Table(
    "credentials", metadata,
    Column("username", Text, primary_key=True),
    Column("password_hash", Text, nullable=True),      # argon2id, from argon2-cffi
    Column("invitation_hash", Text, nullable=True),    # SHA-256 of the one-time link's token
    Column("invitation_expires", DateTime, nullable=True),
)
SAVES = Table(
    "saves", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("by", Text, nullable=True),
    Column("record_table", Text, nullable=False),
    Column("record_key", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("action", Text, nullable=False),
    Index("ix_saves_record", "record_table", "record_key"),
)

# Every e-mail sent (monthly reports, reminders): so that a run repeated sends nothing twice.
MAIL_LOG = Table(
    "mail_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("kind", Text, nullable=False),          # "report" or "reminder"
    Column("month", Date, nullable=False),         # the month reported on
    Column("team_id", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Index("ix_mail_log_sent", "kind", "month", "team_id", "address"),
)

# The bytes of the files teams keep (``model.files``), once each by their SHA-256: a record names its content.
FILE_CONTENTS = Table(
    "file_contents", metadata,
    Column("sha256", Text, primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# When each account last read what concerns it (``what``: "comments"), for "3 new comments".
SEEN = Table(
    "seen", metadata,
    Column("username", Text, primary_key=True),
    Column("what", Text, primary_key=True),
    Column("at", DateTime, nullable=False),
)
