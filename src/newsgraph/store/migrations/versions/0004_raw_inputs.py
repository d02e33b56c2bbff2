"""each input keeps the record it was read from, so a stored article can be made again by newer stages

Revision ID: 0004_raw_inputs
Revises: 0003_speaker_kb
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_raw_inputs"
down_revision = "0003_speaker_kb"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_inputs") as b:
        b.add_column(sa.Column("raw", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article_inputs") as b:
        b.drop_column("raw")
