"""knowledge base: copies, quote clusters, entities across articles, full-text search

Revision ID: 0002_knowledge_base
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_knowledge_base"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as b:
        b.add_column(sa.Column("copy_of", sa.String(32), nullable=True))
        b.add_column(sa.Column("signature", sa.LargeBinary, nullable=True))
        b.add_column(sa.Column("words", sa.Integer, nullable=True))
        b.create_index("ix_articles_copy_of", ["copy_of"])
    with op.batch_alter_table("quotes") as b:
        b.add_column(sa.Column("published", sa.String(40), nullable=True))
        b.add_column(sa.Column("source_name", sa.Text, nullable=True))
        b.add_column(sa.Column("cluster_id", sa.String(32), nullable=True))
        b.create_index("ix_quotes_published", ["published"])
        b.create_index("ix_quotes_speaker_entity", ["speaker_entity"])
        b.create_index("ix_quotes_cluster_id", ["cluster_id"])
    with op.batch_alter_table("events") as b:
        b.add_column(sa.Column("published", sa.String(40), nullable=True))
    op.create_table(
        "quote_mentions",
        sa.Column("quote_id", sa.String(32), primary_key=True),
        sa.Column("entity_id", sa.String(32), primary_key=True, index=True),
    )
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.String(32), primary_key=True),
        sa.Column("entity_id", sa.String(32), primary_key=True, index=True),
        sa.Column("role", sa.String(8), primary_key=True),
    )
    op.create_table(
        "kb_entities",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("type", sa.String(16), index=True),
        sa.Column("country", sa.String(4)),
        sa.Column("geonameid", sa.Integer),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("titles", sa.JSON, nullable=False),
        sa.Column("first_seen", sa.String(40)),
        sa.Column("last_seen", sa.String(40)),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("article_count_without_copies", sa.Integer, nullable=False),
        sa.Column("mention_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "entity_links",
        sa.Column("entity_id", sa.String(32), primary_key=True),
        sa.Column("kb_id", sa.String(32), nullable=False, index=True),
        sa.Column("article_id", sa.String(32), nullable=False, index=True),
        sa.Column("published", sa.String(40)),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_table(
        "quote_clusters",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("canonical_quote", sa.String(32), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("speaker_name", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("earliest", sa.String(40)),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE fts_articles USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61')")
        op.execute("CREATE VIRTUAL TABLE fts_quotes USING fts5(quote_id UNINDEXED, content, speaker, tokenize='porter unicode61')")
    elif bind.dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
        op.execute("ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED")
        op.execute("CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS fts_articles")
        op.execute("DROP TABLE IF EXISTS fts_quotes")
    for table in ("quote_clusters", "entity_links", "kb_entities", "event_participants", "quote_mentions"):
        op.drop_table(table)
