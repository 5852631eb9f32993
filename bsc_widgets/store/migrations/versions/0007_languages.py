"""a team's language, and each member's preferred one

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('teams', sa.Column('language', sa.Text(), nullable=False, server_default='en'))
    op.add_column('members', sa.Column('language', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('members', 'language')
    op.drop_column('teams', 'language')
