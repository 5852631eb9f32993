"""files teams keep and share (their bytes kept once by SHA-256), comments, and when each person last read them;
the children's ages a cycle was tested with (none recorded for cycles from before)

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pdsa_cycles') as batch:
        batch.add_column(sa.Column('age_groups', sa.JSON(), nullable=True))
    op.execute("UPDATE pdsa_cycles SET age_groups = '[]'")
    with op.batch_alter_table('pdsa_cycles') as batch:
        batch.alter_column('age_groups', existing_type=sa.JSON(), nullable=False)
    op.create_table('team_files',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('team_id', sa.Text(), nullable=False),
                    sa.Column('title', sa.Text(), nullable=False),
                    sa.Column('change_idea_id', sa.Text(), nullable=True),
                    sa.Column('pdsa_cycle_id', sa.Text(), nullable=True),
                    sa.Column('file_type', sa.Text(), nullable=False),
                    sa.Column('sha256', sa.Text(), nullable=False),
                    sa.Column('thumbnail_sha256', sa.Text(), nullable=True),
                    sa.Column('size', sa.Integer(), nullable=False),
                    sa.Column('added_on', sa.Date(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['change_idea_id'], ['change_ideas.id'], ),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    op.create_table('comments',
                    sa.Column('id', sa.Text(), nullable=False),
                    sa.Column('about_team_id', sa.Text(), nullable=False),
                    sa.Column('share_id', sa.Text(), nullable=True),
                    sa.Column('pdsa_cycle_id', sa.Text(), nullable=True),
                    sa.Column('team_id', sa.Text(), nullable=True),
                    sa.Column('text', sa.Text(), nullable=False),
                    sa.Column('written_on', sa.Date(), nullable=False),
                    sa.Column('written_at', sa.DateTime(), nullable=False),
                    sa.Column('author', sa.Text(), nullable=True),
                    sa.Column('language', sa.Text(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(['about_team_id'], ['teams.id'], ),
                    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], ),
                    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ),
                    sa.PrimaryKeyConstraint('id'))
    op.create_table('file_contents',
                    sa.Column('sha256', sa.Text(), nullable=False),
                    sa.Column('content', sa.LargeBinary(), nullable=False),
                    sa.PrimaryKeyConstraint('sha256'))
    op.create_table('seen',
                    sa.Column('username', sa.Text(), nullable=False),
                    sa.Column('what', sa.Text(), nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('username', 'what'))


def downgrade() -> None:
    op.drop_table('seen')
    op.drop_table('file_contents')
    op.drop_table('comments')
    op.drop_table('team_files')
    with op.batch_alter_table('pdsa_cycles') as batch:
        batch.drop_column('age_groups')
