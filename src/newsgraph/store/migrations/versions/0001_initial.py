"""initial: articles, their inputs, failures, quotes, entities, timexes, events

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40), index=True),
        sa.Column("source_name", sa.Text),
        sa.Column("source_url", sa.Text),
        sa.Column("dateline_place", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("pipeline", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "article_inputs",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("location", sa.Text, primary_key=True),
        sa.Column("input_id", sa.Text),
    )
    op.create_table(
        "failures",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("input_id", sa.Text),
        sa.Column("code", sa.String(8), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw_bytes", sa.Integer),
        sa.Column("raw", sa.LargeBinary),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(16)),
        sa.Column("speaker_name", sa.Text, index=True),
        sa.Column("speaker_entity", sa.String(32)),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("type", sa.String(16)),
        sa.Column("kb_id", sa.String(32)),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "timexes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("value", sa.String(40)),
        sa.Column("type", sa.String(10)),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("type", sa.String(16), index=True),
        sa.Column("date", sa.String(40)),
        sa.Column("record", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("events", "timexes", "entities", "quotes", "failures", "article_inputs", "articles"):
        op.drop_table(table)
