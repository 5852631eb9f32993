"""rare events by date, several values a period, and marks pinned to chart points

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _team_and_measure():
    return [sa.Column('team_id', sa.Text(), nullable=False), sa.Column('measure_id', sa.Text(), nullable=False)]


def _refs():
    return [sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], ),
            sa.ForeignKeyConstraint(['team_id'], ['teams.id'], )]


def upgrade() -> None:
    op.create_table('events', *_team_and_measure(),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('count', sa.Integer(), nullable=False),
                    sa.Column('note', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    *_refs(), sa.PrimaryKeyConstraint('team_id', 'measure_id', 'day'))
    op.create_table('samples', *_team_and_measure(),
                    sa.Column('period', sa.Date(), nullable=False),
                    sa.Column('number', sa.Integer(), nullable=False),
                    sa.Column('value', sa.Float(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    *_refs(), sa.PrimaryKeyConstraint('team_id', 'measure_id', 'period', 'number'))
    op.create_table('chart_marks',
                    sa.Column('id', sa.Text(), nullable=False), *_team_and_measure(),
                    sa.Column('at', sa.Date(), nullable=False),
                    sa.Column('kind', sa.Text(), nullable=False),
                    sa.Column('reason', sa.Text(), nullable=False),
                    sa.Column('astronomical', sa.Boolean(), nullable=False),
                    sa.Column('set_by', sa.Text(), nullable=True),
                    sa.Column('set_on', sa.Date(), nullable=False),
                    sa.Column('withdrawn_on', sa.Date(), nullable=True),
                    sa.Column('withdrawn_by', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    *_refs(), sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('chart_marks')
    op.drop_table('samples')
    op.drop_table('events')
