"""the collaborative's shared framework text in Spanish, beside the English

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COLUMNS = {
    'collaborative': ['aim_es'],
    'phases': ['name_es'],
    'assessment_levels': ['label_es', 'definition_es'],
    'measures': ['name_es', 'operational_definition_es', 'numerator_es', 'denominator_es'],
    'drivers': ['title_es', 'description_es'],
    'change_ideas': ['title_es', 'description_es'],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.add_column(sa.Column(column, sa.Text(), nullable=True))


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
