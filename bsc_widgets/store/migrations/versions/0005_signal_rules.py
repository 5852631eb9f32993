"""the collaborative's rules for signals

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('collaborative', sa.Column('signal_rules', sa.Text(), nullable=False, server_default='anhoej_ihi'))


def downgrade() -> None:
    op.drop_column('collaborative', 'signal_rules')
