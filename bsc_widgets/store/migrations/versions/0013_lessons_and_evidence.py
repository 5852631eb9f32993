"""lessons learned (each team's and the collaborative's), and what earlier collaboratives found about an idea

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lessons',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=True),
                    sa.Column('learned', sa.Text(), nullable=True),
                    sa.Column('proud_of', sa.Text(), nullable=True),
                    sa.Column('for_next_wave', sa.Text(), nullable=True),
                    sa.Column('written_by', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('change_ideas') as batch:
        batch.add_column(sa.Column('evidence', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('change_ideas') as batch:
        batch.drop_column('evidence')
    op.drop_table('lessons')
