"""quotes carry their speaker's knowledge-base entity, indexed with the date: quotes by speaker, newest first

Revision ID: 0003_speaker_kb
Revises: 0002_knowledge_base
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_speaker_kb"
down_revision = "0002_knowledge_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes") as b:
        b.add_column(sa.Column("speaker_kb", sa.String(32), nullable=True))
        b.create_index("ix_quotes_speaker_kb_published", ["speaker_kb", "published"])


def downgrade() -> None:
    with op.batch_alter_table("quotes") as b:
        b.drop_index("ix_quotes_speaker_kb_published")
        b.drop_column("speaker_kb")
