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

RECENT_QUOTES = "CREATE INDEX IF NOT EXISTS ix_quotes_speaker_kb_recent ON quotes (speaker_kb, published DESC NULLS LAST, id)"
RECENT_ARTICLES = "CREATE INDEX IF NOT EXISTS ix_articles_recent ON articles (published DESC NULLS LAST, id)"


def upgrade() -> None:
    with op.batch_alter_table("quotes") as b:
        b.add_column(sa.Column("speaker_kb", sa.String(32), nullable=True))
        b.create_index("ix_quotes_speaker_kb_published", ["speaker_kb", "published"])
    if op.get_bind().dialect.name == "postgresql":
        # the order the queries ask for (newest first, undated last): PostgreSQL reads it off these
        # indexes instead of sorting every match (SQLite's backward scan already gives it)
        op.execute(RECENT_QUOTES)
        op.execute(RECENT_ARTICLES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quotes_speaker_kb_recent")
        op.execute("DROP INDEX IF EXISTS ix_articles_recent")
    with op.batch_alter_table("quotes") as b:
        b.drop_index("ix_quotes_speaker_kb_published")
        b.drop_column("speaker_kb")
