"""a PDSA cycle names the measures it aims to move, and a driver the measures that show it

Cycles made before keep no measure (NULL: not chosen yet), which stands beside every measure of the team,
so each chart is drawn as it was until the team chooses. Drivers start with none.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pdsa_cycles') as batch:
        batch.add_column(sa.Column('measure_ids', sa.JSON(), nullable=True))
    with op.batch_alter_table('drivers') as batch:
        batch.add_column(sa.Column('measure_ids', sa.JSON(), nullable=True))
    op.execute("UPDATE drivers SET measure_ids = '[]'")
    with op.batch_alter_table('drivers') as batch:
        batch.alter_column('measure_ids', existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('drivers') as batch:
        batch.drop_column('measure_ids')
    with op.batch_alter_table('pdsa_cycles') as batch:
        batch.drop_column('measure_ids')
