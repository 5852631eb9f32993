"""the change ideas each team has chosen to test

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('team_change_ideas',
    sa.Column('team_id', sa.Text(), nullable=False),
    sa.Column('change_idea_id', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['change_idea_id'], ['change_ideas.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
    sa.PrimaryKeyConstraint('team_id', 'change_idea_id')
    )


def downgrade() -> None:
    op.drop_table('team_change_ideas')
