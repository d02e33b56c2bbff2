"""The store's tables, as SQLAlchemy Core. Changes go through a new migration in ``migrations/``."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("published", String(40), index=True),
    Column("source_name", Text),
    Column("source_url", Text),
    Column("dateline_place", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("pipeline", Text, nullable=False),  # versioned stage names that made this record
    Column("record", JSON, nullable=False),  # the whole output-contract object
    Column(
        "copy_of", String(32), index=True
    ),  # the canonical article of its copy cluster; null for a canonical one
    Column("signature", LargeBinary),  # MinHash of the text's word shingles (copy detection)
    Column("words", Integer),
)

article_inputs = Table(
    "article_inputs",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("location", Text, primary_key=True),  # file and record: "feed.xml#item 3"
    Column("input_id", Text),
    Column(
        "raw", LargeBinary
    ),  # the record as read (zlib-compressed JSON), to make the article again: reprocess
)

failures = Table(
    "failures",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("location", Text, nullable=False),
    Column("input_id", Text),
    Column("code", String(8), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("raw_bytes", Integer),
    Column("raw", LargeBinary),  # the record's bytes (first MiB), so nothing is lost
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("kind", String(16)),
    Column("speaker_name", Text, index=True),
    Column("speaker_entity", String(32), index=True),
    Column("content", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("record", JSON, nullable=False),
    Column("published", String(40), index=True),
    Column("source_name", Text),
    Column("cluster_id", String(32), index=True),
    Column(
        "speaker_kb", String(32)
    ),  # the speaker's knowledge-base entity (set when the knowledge base is built)
    Index("ix_quotes_speaker_kb_published", "speaker_kb", "published"),
)

# Which entities a quote names (an entity mention inside its content): "quotes about X".
quote_mentions = Table(
    "quote_mentions",
    metadata,
    Column("quote_id", String(32), primary_key=True),
    Column("entity_id", String(32), primary_key=True, index=True),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", String(32), primary_key=True),
    Column("entity_id", String(32), primary_key=True, index=True),
    Column("role", String(8), primary_key=True),  # actor, target, place
)

# One row per real thing across articles; rebuilt from the article entities after each ingest.
kb_entities = Table(
    "kb_entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False, index=True),
    Column("type", String(16), index=True),
    Column("country", String(4)),
    Column("geonameid", Integer),
    Column("aliases", JSON, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    Column("article_count", Integer, nullable=False),
    Column("article_count_without_copies", Integer, nullable=False),
    Column("mention_count", Integer, nullable=False),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", String(32), primary_key=True),  # an article's entity
    Column("kb_id", String(32), nullable=False, index=True),
    Column("article_id", String(32), nullable=False, index=True),
    Column("published", String(40)),
    Column("mentions", Integer, nullable=False),
)

quote_clusters = Table(
    "quote_clusters",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("canonical_quote", String(32), nullable=False),
    Column("content", Text, nullable=False),
    Column("speaker_name", Text),
    Column("size", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("earliest", String(40)),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("name", Text, nullable=False, index=True),
    Column("type", String(16)),
    Column("kb_id", String(32)),
    Column("record", JSON, nullable=False),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("value", String(40)),
    Column("type", String(10)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("type", String(16), index=True),
    Column("date", String(40)),
    Column("record", JSON, nullable=False),
    Column("published", String(40)),
)
