"""One store interface over SQLAlchemy: SQLite by default, PostgreSQL by URL.

Ids are content hashes and every insert skips rows that exist, so ingesting the same article twice
changes nothing. The schema is created and upgraded by the migrations in ``migrations/``, each in a
transaction, when a store is opened.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from ..ids import content_id
from ..text.fingerprint import signature
from ..types import Article, Failure, RawRecord
from . import schema

DEFAULT_URL = "sqlite:///newsgraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from a URL or a plain file path (``news.db`` -> ``sqlite:///news.db``)."""
    if not url:
        return DEFAULT_URL
    if "://" in url:
        return url
    return f"sqlite:///{url}"


class Store:
    def __init__(self, url: str | None = None):
        self.url = normalise_url(url)
        connect_args: dict[str, Any] = {}
        if self.url.startswith("sqlite"):
            connect_args["timeout"] = SQLITE_BUSY_SECONDS  # writers wait for each other's locks
        if self.url.startswith("postgresql"):
            # PostgreSQL's JIT compiles a query plan it thinks costly: 50-100 ms that short queries never win
            # back
            connect_args["options"] = "-c jit=off"
        self.engine: Engine = create_engine(self.url, future=True, connect_args=connect_args)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def add(self, article: Article) -> bool:
        """Store an article and what was extracted from it; False when it was stored already (by
        the same stage versions: one stored by others is made anew, see :meth:`put`)."""
        return self.put(article) != "known"

    def put(self, article: Article) -> str:
        """Store an article: ``new``; ``known`` where the same stage versions stored it already;
        ``updated`` where other versions did (from this input or with this content), whose article
        and items it replaces. Nothing else is lost: an older article another input still holds stays."""
        a, i = schema.articles, schema.article_inputs
        pipeline = " ".join(article.stages)
        with self.engine.begin() as conn:
            stored = conn.execute(select(a.c.pipeline).where(a.c.id == article.id)).scalar_one_or_none()
            if stored is not None and stored == pipeline:
                _insert_ignore(conn, i, _input_row(article))
                return "known"
            if stored is not None:
                _delete_items(conn, article.id)
                conn.execute(update(a).where(a.c.id == article.id).values(**_article_row(article)))
                _add_items(conn, article)
                _upsert_input(conn, article)
                return "updated"
            # the same input, stored under other content by other stage versions: that article gives way
            older = (
                conn.execute(
                    select(a.c.id)
                    .join(i, i.c.article_id == a.c.id)
                    .where(i.c.location == article.location, a.c.pipeline != pipeline)
                )
                .scalars()
                .all()
            )
            _insert_ignore(conn, a, _article_row(article))
            _add_items(conn, article)
            _insert_ignore(conn, i, _input_row(article))
            for old in older:
                conn.execute(delete(i).where(i.c.article_id == old, i.c.location == article.location))
                _delete_if_unheld(conn, old)
            return "updated" if older else "new"

    def replace(self, old_id: str, article: Article) -> None:
        """Put ``article`` in the place of the stored article ``old_id`` (made again by newer stages),
        in one transaction: its items are replaced and every input of the old article now yields it."""
        a, i = schema.articles, schema.article_inputs
        with self.engine.begin() as conn:
            if article.id == old_id:
                _delete_items(conn, old_id)
                conn.execute(update(a).where(a.c.id == old_id).values(**_article_row(article)))
                _add_items(conn, article)
                return
            if not _insert_ignore(conn, a, _article_row(article)):  # the same content is stored already
                _delete_items(conn, article.id)
                conn.execute(update(a).where(a.c.id == article.id).values(**_article_row(article)))
            _add_items(conn, article)
            for row in conn.execute(select(i).where(i.c.article_id == old_id)).mappings().all():
                _insert_ignore(conn, i, {**row, "article_id": article.id})
            conn.execute(delete(i).where(i.c.article_id == old_id))
            _delete_if_unheld(conn, old_id)

    def reprocess_candidates(self) -> Iterator[tuple[str, str, bytes | None]]:
        """Every stored article: its id, the stage versions that made it, and the raw record of its
        first input where one was kept (else None)."""
        a, i = schema.articles, schema.article_inputs
        with self.engine.connect() as conn:
            ids = conn.execute(select(a.c.id, a.c.pipeline).order_by(a.c.id)).all()
        for aid, pipeline in ids:
            with self.engine.connect() as conn:
                raw = conn.execute(
                    select(i.c.raw)
                    .where(i.c.article_id == aid, i.c.raw.is_not(None))
                    .order_by(i.c.location)
                    .limit(1)
                ).scalar_one_or_none()
            yield aid, pipeline, raw

    def add_many(self, articles: list[Article]) -> int:
        """Store many articles in one transaction (bulk loads); returns how many were new."""
        ids = [a.id for a in articles]
        with self.engine.begin() as conn:
            known = set()
            for i in range(0, len(ids), 500):
                known |= set(
                    conn.execute(
                        select(schema.articles.c.id).where(schema.articles.c.id.in_(ids[i : i + 500]))
                    ).scalars()
                )
            fresh, seen = [], set(known)
            for a in articles:
                if a.id not in seen:
                    seen.add(a.id)
                    fresh.append(a)
            rows: dict[str, list[dict[str, Any]]] = {
                "articles": [_article_row(a) for a in fresh],
                "article_inputs": [_input_row(a) for a in articles],
            }
            for a in fresh:
                for k, v in _item_rows(a).items():
                    rows.setdefault(k, []).extend(v)
            _insert_rows(conn, rows)
        return len(fresh)

    def add_failure(self, failure: Failure) -> bool:
        raw_hash = content_id("raw", failure.raw.hex() if failure.raw else None)
        row = {
            "id": content_id("failure", failure.location, failure.code, failure.reason, raw_hash),
            "location": failure.location,
            "input_id": failure.input_id,
            "code": failure.code,
            "reason": failure.reason,
            "raw_bytes": len(failure.raw) if failure.raw is not None else None,
            "raw": failure.raw,
        }
        with self.engine.begin() as conn:
            return _insert_ignore(conn, schema.failures, row)

    # -- reading -------------------------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        t = schema.metadata.tables[table]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t)).scalar_one()

    def get(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.articles.c.record).where(schema.articles.c.id == article_id)
            ).first()
        return Article.from_dict(row[0]) if row else None

    def article_record(self, article_id: str) -> dict[str, Any] | None:
        """The output contract plus ``input_ids`` (every input that yielded it) and ``copy_of``."""
        a, i = schema.articles, schema.article_inputs
        with self.engine.connect() as conn:
            row = conn.execute(select(a.c.record, a.c.copy_of).where(a.c.id == article_id)).first()
            if row is None:
                return None
            inputs = conn.execute(
                select(i.c.input_id, i.c.location).where(i.c.article_id == article_id).order_by(i.c.location)
            ).all()
            copies = (
                conn.execute(select(a.c.id).where(a.c.copy_of == article_id).order_by(a.c.id)).scalars().all()
            )
        record = dict(row.record)
        record["input_ids"] = [r.input_id or r.location for r in inputs]
        record["copy_of"] = row.copy_of
        record["copies"] = list(copies)
        return record

    def kb_links(self, article_id: str) -> dict[str, str]:
        """The article's entity ids mapped to their knowledge-base entity."""
        links = schema.entity_links
        with self.engine.connect() as conn:
            query = select(links.c.entity_id, links.c.kb_id).where(links.c.article_id == article_id)
            return dict(conn.execute(query).all())

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {
                t: conn.execute(select(func.count()).select_from(schema.metadata.tables[t])).scalar_one()
                for t in ("articles", "quotes", "kb_entities", "events")
            }
            out["copies"] = conn.execute(
                select(func.count())
                .select_from(schema.articles)
                .where(schema.articles.c.copy_of.is_not(None))
            ).scalar_one()
        return out

    def articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            for (record,) in conn.execute(select(schema.articles.c.record).order_by(schema.articles.c.id)):
                yield Article.from_dict(record)

    def article_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        t = schema.articles
        query = (
            select(t.c.id, t.c.published, t.c.source_name, t.c.dateline_place, t.c.title)
            .order_by(t.c.published.desc(), t.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def failures(self) -> list[dict[str, Any]]:
        t = schema.failures
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.c.location, t.c.input_id, t.c.code, t.c.reason, t.c.raw_bytes).order_by(
                    t.c.location, t.c.id
                )
            )
            return [dict(r._mapping) for r in rows]

    def failure_raw(self, location: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.failures.c.raw).where(schema.failures.c.location == location)
            ).first()
        return row[0] if row else None


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "source_name": (article.source or {}).get("name"),
        "source_url": (article.source or {}).get("url"),
        "dateline_place": article.dateline.place if article.dateline else None,
        "language": article.language,
        "text": article.text,
        "pipeline": " ".join(article.stages),
        "record": article.to_dict(),
        "signature": signature(article.text),
        "words": len(article.text.split()),
    }


def _input_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "location": article.location,
        "input_id": article.input_id,
        "raw": encode_raw(article),
    }


def encode_raw(article: Article) -> bytes | None:
    """The record the article was read from, and the caller's publication date, as compressed JSON."""
    if article.record is None:
        return None
    payload = {"record": dataclasses.asdict(article.record), "published": article.published_hint}
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)


def decode_raw(blob: bytes) -> tuple[RawRecord, str | None]:
    """The record and the caller's publication date that :func:`encode_raw` kept."""
    payload = json.loads(zlib.decompress(blob).decode("utf-8"))
    return RawRecord(**payload["record"]), payload.get("published")


def _upsert_input(conn: Connection, article: Article) -> None:
    i = schema.article_inputs
    if not _insert_ignore(conn, i, _input_row(article)):
        conn.execute(
            update(i)
            .where(i.c.article_id == article.id, i.c.location == article.location)
            .values(raw=encode_raw(article))
        )


def _delete_items(conn: Connection, aid: str) -> None:
    """Every row the article's items made (the knowledge base's own tables are rebuilt after)."""
    q, e = schema.quotes, schema.events
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("DELETE FROM fts_quotes WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = :a)"),
            {"a": aid},
        )
        conn.execute(text("DELETE FROM fts_articles WHERE article_id = :a"), {"a": aid})
    conn.execute(
        delete(schema.quote_mentions).where(
            schema.quote_mentions.c.quote_id.in_(select(q.c.id).where(q.c.article_id == aid))
        )
    )
    conn.execute(
        delete(schema.event_participants).where(
            schema.event_participants.c.event_id.in_(select(e.c.id).where(e.c.article_id == aid))
        )
    )
    for table in (schema.quotes, schema.entities, schema.timexes, schema.events, schema.entity_links):
        conn.execute(delete(table).where(table.c.article_id == aid))


def _delete_if_unheld(conn: Connection, aid: str) -> None:
    """Remove a stored article that no input yields any more."""
    i = schema.article_inputs
    if conn.execute(select(i.c.location).where(i.c.article_id == aid).limit(1)).first() is None:
        _delete_items(conn, aid)
        conn.execute(delete(schema.articles).where(schema.articles.c.id == aid))


ITEM_TABLES = (
    "quotes", "quote_mentions", "entities", "timexes", "events", "event_participants",
    "fts_articles", "fts_quotes",
)  # fmt: skip


def _item_rows(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The rows an article's extracted items make, table by table (``fts_*``: SQLite's search tables)."""
    aid = article.id
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in ITEM_TABLES}
    rows["fts_articles"].append({"a": aid, "t": article.title or "", "x": article.text})
    _quote_rows(article, rows)
    for e in article.entities:
        record = e.to_dict()
        rows["entities"].append(
            {
                "id": e.id,
                "article_id": aid,
                "name": e.name,
                "type": e.type,
                "kb_id": e.kb_id,
                "record": record,
            }
        )
    for t in article.timexes:
        tid = t.id or content_id(
            "timex", aid, t.start, t.end, t.field
        )  # records stored before timexes had ids
        rows["timexes"].append(
            {
                "id": tid,
                "article_id": aid,
                "value": t.value,
                "type": t.type,
                "start": t.start,
                "end": t.end,
                "text": t.text,
            }
        )
    for ev in article.events:
        rows["events"].append(
            {
                "id": ev.id,
                "article_id": aid,
                "type": ev.type,
                "date": ev.date,
                "record": ev.to_dict(),
                "published": article.published,
            }
        )
        roles = (
            [("actor", i) for i in ev.actors]
            + [("target", i) for i in ev.targets]
            + ([("place", ev.place)] if ev.place else [])
        )
        rows["event_participants"] += [
            {"event_id": ev.id, "entity_id": eid, "role": role} for role, eid in roles
        ]
    return rows


def _quote_rows(article: Article, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Each quote's row, its search row, and the entities named inside it (other than its speaker)."""
    aid = article.id
    source = (article.source or {}).get("name")
    body_mentions = [(m.start, m.end, e.id) for e in article.entities for m in e.mentions if not m.field]
    for q in article.quotes:
        content, speaker = q.content, q.speaker
        rows["fts_quotes"].append({"q": q.id, "c": content.text, "s": speaker.name or ""})
        spans = [(p.start, p.end) for p in (q.parts or [content]) if not p.field]
        named = {
            eid
            for s, e, eid in body_mentions
            for a, b in spans
            if a <= s and e <= b and eid != speaker.entity
        }
        rows["quote_mentions"] += [{"quote_id": q.id, "entity_id": eid} for eid in sorted(named)]
        rows["quotes"].append(
            {
                "id": q.id, "article_id": aid, "kind": q.kind, "speaker_name": speaker.name,
                "speaker_entity": speaker.entity, "content": content.text, "start": content.start,
                "end": content.end, "record": q.to_dict(), "published": article.published,
                "source_name": source, "cluster_id": None, "speaker_kb": None,
            }
        )  # fmt: skip


FTS_INSERT = {
    "fts_articles": "INSERT INTO fts_articles (article_id, title, text) VALUES (:a, :t, :x)",
    "fts_quotes": "INSERT INTO fts_quotes (quote_id, content, speaker) VALUES (:q, :c, :s)",
}


def _add_items(conn: Connection, article: Article) -> None:
    _insert_rows(conn, _item_rows(article))


def _insert_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Every row, many at a time; rows whose key exists are skipped."""
    sqlite = conn.dialect.name == "sqlite"
    for name, items in rows.items():
        if not items:
            continue
        if name in FTS_INSERT:
            if sqlite:
                conn.execute(text(FTS_INSERT[name]), items)
            continue
        table = schema.metadata.tables[name]
        stmt = _skip_existing(conn, table)
        if stmt is None:  # pragma: no cover - other databases: row by row
            for row in items:
                _insert_ignore(conn, table, row)
            continue
        for i in range(0, len(items), 1000):
            conn.execute(stmt, items[i : i + 1000])


def _skip_existing(conn: Connection, table):
    """INSERT … ON CONFLICT DO NOTHING in this connection's dialect; None where it has none."""
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        return None
    return dialect_insert(table).on_conflict_do_nothing()


def _insert_ignore(conn: Connection, table, row: dict[str, Any]) -> bool:
    """INSERT that skips a row whose primary key exists; True when a row was written."""
    stmt = _skip_existing(conn, table)
    if stmt is None:  # pragma: no cover - other databases: check first, then insert
        pk = [c.name for c in table.primary_key.columns]
        exists = conn.execute(
            select(*table.primary_key.columns).where(*(table.c[k] == row[k] for k in pk))
        ).first()
        if exists:
            return False
        conn.execute(insert(table).values(**row))
        return True
    stmt = stmt.values(**row)
    if conn.dialect.name == "postgresql":
        # psycopg reports no row count for ON CONFLICT DO NOTHING: ask for the key back instead
        return conn.execute(stmt.returning(*table.primary_key.columns)).first() is not None
    return conn.execute(stmt).rowcount == 1


MIGRATION_LOCK = 0x6E657773  # PostgreSQL advisory lock key ("news") that schema changes take
SQLITE_BUSY_SECONDS = 60  # how long a SQLite writer waits for another's lock before it gives up


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration in one transaction that holds a lock, so that any
    number of processes may open a new store at once: the first makes the schema, the others wait,
    then find it made. SQLite: BEGIN IMMEDIATE (its DDL otherwise runs outside any transaction) with a
    busy timeout; PostgreSQL: a transaction-scoped advisory lock."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    own = engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")
    if own:  # (an in-memory database is this process's alone: no one to lock out)
        engine = _immediate_engine(engine)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        if own:
            engine.dispose()


def _immediate_engine(engine: Engine) -> Engine:
    """A SQLite engine of the same database whose transactions begin IMMEDIATE (the write lock taken at
    once, DDL included), for the migration alone."""
    from sqlalchemy import event

    eng = create_engine(engine.url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(eng, "connect")
    def _no_driver_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # the driver leaves transactions to the BEGIN below

    @event.listens_for(eng, "begin")
    def _begin_immediate(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return eng
