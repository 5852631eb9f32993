"""each team's storyboard for a learning session: the three things it writes (the rest is drafted from its data)

Revision ID: 0014
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('storyboards',
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('phase_id', sa.Text(), nullable=False),
                    sa.Column('learned', sa.Text(), nullable=True),
                    sa.Column('proud_of', sa.Text(), nullable=True),
                    sa.Column('need', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['phase_id'], ['phases.id'], ),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('team_id', 'phase_id'))


def downgrade() -> None:
    op.drop_table('storyboards')
