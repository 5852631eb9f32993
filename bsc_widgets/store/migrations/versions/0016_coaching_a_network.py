"""coaching a network: each team's coaches, which reasons flag a team, and when a team counts as stalled or its
self-assessment as falling; the support teams receive (visits, calls, technical assistance) and its topics; each
team's senior leader and day-to-day lead, and the coach's ticks on readiness the data cannot show

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


TOPICS = "\n".join(("Collecting data", "Reading run charts", "Planning a PDSA cycle", "Engaging families",
                    "Leadership and staffing", "Spreading a change"))


def upgrade() -> None:
    with op.batch_alter_table('collaborative') as batch:
        batch.add_column(sa.Column('attention_reasons', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('stalled_weeks', sa.Integer(), nullable=False, server_default='6'))
        batch.add_column(sa.Column('score_drop', sa.Float(), nullable=False, server_default='1.0'))
        batch.add_column(sa.Column('ta_topics', sa.Text(), nullable=False, server_default=TOPICS))
    op.execute("""UPDATE collaborative SET attention_reasons = '["report_missing", "stalled", "concern"]'""")
    with op.batch_alter_table('collaborative') as batch:
        batch.alter_column('attention_reasons', existing_type=sa.JSON(), nullable=False)
    op.create_table('coach_assignments',
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('coach', sa.Text(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('team_id', 'coach'))
    with op.batch_alter_table('teams') as batch:
        batch.add_column(sa.Column('senior_leader_id', sa.Text(), nullable=True))
        batch.add_column(sa.Column('day_to_day_lead_id', sa.Text(), nullable=True))
    op.create_table('readiness_ticks',
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('item', sa.Text(), nullable=False),
                    sa.Column('ticked_on', sa.Date(), nullable=False),
                    sa.Column('ticked_by', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('team_id', 'item'))
    op.create_table('support_contacts',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('kind', sa.Text(), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('minutes', sa.Integer(), nullable=False),
                    sa.Column('mode', sa.Text(), nullable=False),
                    sa.Column('topic', sa.Text(), nullable=True),
                    sa.Column('roles', sa.JSON(), nullable=False),
                    sa.Column('host_team_id', sa.Text(), nullable=True),
                    sa.Column('note', sa.Text(), nullable=True),
                    sa.Column('logged_by', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['host_team_id'], ['teams.id'], ),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('support_contacts')
    op.drop_table('readiness_ticks')
    with op.batch_alter_table('teams') as batch:
        batch.drop_column('day_to_day_lead_id')
        batch.drop_column('senior_leader_id')
    op.drop_table('coach_assignments')
    with op.batch_alter_table('collaborative') as batch:
        batch.drop_column('ta_topics')
        batch.drop_column('score_drop')
        batch.drop_column('stalled_weeks')
        batch.drop_column('attention_reasons')
