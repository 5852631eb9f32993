"""text no workspace can hold taken out: NUL characters stored on SQLite before every write was checked

A SQLite workspace could hold a NUL character (PostgreSQL refuses one, so such a workspace could not move
there). Each is taken out of the text it was in; nothing else changes. PostgreSQL never held any.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    inspector = sa.inspect(conn)
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        columns = inspector.get_columns(table)
        texts = [c["name"] for c in columns if isinstance(c["type"], (sa.Text, sa.String))]
        for column in texts:
            quoted = conn.dialect.identifier_preparer.quote
            rows = conn.execute(sa.text(f"SELECT rowid, {quoted(column)} FROM {quoted(table)} "
                                        f"WHERE instr(CAST({quoted(column)} AS BLOB), x'00') > 0")).all()
            for rowid, value in rows:
                conn.execute(sa.text(f"UPDATE {quoted(table)} SET {quoted(column)} = :value WHERE rowid = :rowid"),
                             {"value": value.replace("\x00", ""), "rowid": rowid})


def downgrade() -> None:
    pass
