"""what teams share with the collaborative, and faculty's review of it

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('shares',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('kind', sa.Text(), nullable=False),
                    sa.Column('item_id', sa.Text(), nullable=False),
                    sa.Column('shared_on', sa.Date(), nullable=False),
                    sa.Column('contact_id', sa.Text(), nullable=True),
                    sa.Column('withdrawn_on', sa.Date(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['contact_id'], ['members.id'], ),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    op.create_table('share_reviews',
                    sa.Column('share_id', sa.Text(), nullable=False),
                    sa.Column('reviewed_on', sa.Date(), nullable=False),
                    sa.Column('hidden_reason', sa.Text(), nullable=True),
                    sa.Column('featured_for', sa.Text(), nullable=True),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['featured_for'], ['phases.id'], ),
                    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], ),
                    sa.PrimaryKeyConstraint('share_id'))


def downgrade() -> None:
    op.drop_table('share_reviews')
    op.drop_table('shares')
