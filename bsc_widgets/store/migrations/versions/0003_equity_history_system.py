"""groups for equity views, the framework's history and retirement, PD offerings

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('groupings',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('strata',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('grouping_id', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grouping_id'], ['groupings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('measures') as batch:
        batch.add_column(sa.Column('stratified_by', sa.Text(), nullable=True))
        batch.add_column(sa.Column('retired_on', sa.Date(), nullable=True))
        batch.create_foreign_key('fk_measures_stratified_by', 'groupings', ['stratified_by'], ['id'])
    op.add_column('drivers', sa.Column('retired_on', sa.Date(), nullable=True))
    op.add_column('change_ideas', sa.Column('retired_on', sa.Date(), nullable=True))
    op.add_column('collaborative', sa.Column('suppress_below', sa.Integer(), nullable=False, server_default='10'))
    op.create_table('stratum_observations',
    sa.Column('team_id', sa.Text(), nullable=False),
    sa.Column('measure_id', sa.Text(), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('stratum_id', sa.Text(), nullable=False),
    sa.Column('numerator', sa.Float(), nullable=False),
    sa.Column('denominator', sa.Float(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], ),
    sa.ForeignKeyConstraint(['stratum_id'], ['strata.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
    sa.PrimaryKeyConstraint('team_id', 'measure_id', 'period', 'stratum_id')
    )
    op.create_table('framework_changes',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('record_table', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=False),
    sa.Column('field', sa.Text(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('changed_by', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('pd_offerings',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('funding_stream', sa.Text(), nullable=True),
    sa.Column('reach', sa.Integer(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('audience', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('pd_offerings')
    op.drop_table('framework_changes')
    op.drop_table('stratum_observations')
    op.drop_column('collaborative', 'suppress_below')
    op.drop_column('change_ideas', 'retired_on')
    op.drop_column('drivers', 'retired_on')
    with op.batch_alter_table('measures') as batch:
        batch.drop_constraint('fk_measures_stratified_by', type_='foreignkey')
        batch.drop_column('retired_on')
        batch.drop_column('stratified_by')
    op.drop_table('strata')
    op.drop_table('groupings')
