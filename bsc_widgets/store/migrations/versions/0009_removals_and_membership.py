"""removed records kept to be put back, when each member joined and left, the sustain phase, and the mail log

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('removals',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=True),
                    sa.Column('record_table', sa.Text(), nullable=False),
                    sa.Column('content', sa.Text(), nullable=False),
                    sa.Column('removed_at', sa.DateTime(), nullable=False),
                    sa.Column('removed_by', sa.Text(), nullable=True),
                    sa.Column('restored_at', sa.DateTime(), nullable=True),
                    sa.Column('restored_by', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('members') as batch:
        batch.add_column(sa.Column('joined_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('left_on', sa.Date(), nullable=True))
    with op.batch_alter_table('collaborative') as batch:
        batch.add_column(sa.Column('sustain_until', sa.Date(), nullable=True))
    op.create_table('mail_log',
                    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('kind', sa.Text(), nullable=False),
                    sa.Column('month', sa.Date(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('address', sa.Text(), nullable=False),
                    sa.Column('subject', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_mail_log_sent', 'mail_log', ['kind', 'month', 'team_id', 'address'])


def downgrade() -> None:
    op.drop_index('ix_mail_log_sent', 'mail_log')
    op.drop_table('mail_log')
    with op.batch_alter_table('collaborative') as batch:
        batch.drop_column('sustain_until')
    with op.batch_alter_table('members') as batch:
        batch.drop_column('left_on')
        batch.drop_column('joined_on')
    op.drop_table('removals')
