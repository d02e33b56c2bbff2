"""The knowledge base over a store's articles, rebuilt from them after each ingest.

* **Copies**: syndicated copies of an article form a cluster with one canonical article
  (``articles.copy_of``); nothing is deleted and every count can be taken with or without copies.
* **Entities across articles**: an article's entities are linked to one knowledge-base entity per
  real thing (``kb_entities``, ``entity_links``), merged conservatively on a key that is sure: a
  country's ISO code, a city's GeoNames id, else the type and the full normalised name. "John Smith"
  and "Jane Smith" stay two; a bare "Smith" (an article that never gives the first name) stays apart
  from both. Aliases, titles, first and last seen, article counts (with and without copies).
* **Quote clusters**: the same statement reported by many outlets (identical after normalisation,
  or near-identical wording), with its occurrences, outlets and earliest date.

Everything is recomputed from the stored articles, so the result depends on what is stored, never on
the order it came in: ingesting the same article twice changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.engine import Engine

from ..ids import content_id
from ..store import schema
from ..text.fingerprint import signature
from .clusters import Item, copy_clusters, quote_clusters

BATCH = 2000


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def kb_key(etype: str, name: str, record: dict[str, Any]) -> str:
    """What makes two article entities one real thing, without guessing."""
    if record.get("country"):
        return f"GPE:country:{record['country']}"
    if record.get("geonameid"):
        return f"GPE:geo:{record['geonameid']}"
    return f"{etype}:{_norm(name)}"


def rebuild(engine: Engine, progress: Callable[[Iterable], Iterable] = lambda x: x) -> dict[str, int]:
    """Recompute copies, knowledge-base entities and quote clusters; returns what was found."""
    stats = {}
    stats.update(_copies(engine, progress))
    stats.update(_entities(engine))
    stats.update(_quotes(engine))
    return stats


def _copies(engine: Engine, progress) -> dict[str, int]:
    a = schema.articles
    with engine.begin() as conn:
        rows = conn.execute(select(a.c.id, a.c.published, a.c.words, a.c.signature, a.c.copy_of)).all()
        missing = [r.id for r in rows if r.signature is None]
        for aid in missing:  # articles stored before signatures were kept
            body = conn.execute(select(a.c.text).where(a.c.id == aid)).scalar_one()
            conn.execute(
                update(a).where(a.c.id == aid).values(signature=signature(body), words=len(body.split()))
            )
        if missing:
            rows = conn.execute(select(a.c.id, a.c.published, a.c.words, a.c.signature, a.c.copy_of)).all()
    items = [Item(r.id, r.published, r.words or 0, r.signature) for r in rows]

    def text_of(aid: str) -> str:
        with engine.connect() as c:
            return c.execute(select(a.c.text).where(a.c.id == aid)).scalar_one()

    canon = copy_clusters(items, text_of, progress)
    old = {r.id: r.copy_of for r in rows}
    changes = [{"aid": aid, "copy": (canon.get(aid) if canon.get(aid) != aid else None)} for aid in old]
    changes = [c for c in changes if old[c["aid"]] != c["copy"]]
    with engine.begin() as conn:
        for i in range(0, len(changes), BATCH):
            conn.execute(
                update(a).where(a.c.id == bindparam("aid")).values(copy_of=bindparam("copy")),
                changes[i : i + BATCH],
            )
    return {"copy_clusters": len(set(canon.values())), "copies": sum(1 for k, v in canon.items() if k != v)}


def _entities(engine: Engine) -> dict[str, int]:
    e, a = schema.entities, schema.articles
    groups: dict[str, dict[str, Any]] = {}
    links = []
    with engine.connect() as conn:
        query = select(
            e.c.id, e.c.article_id, e.c.name, e.c.type, e.c.record, a.c.published, a.c.copy_of
        ).join(a, a.c.id == e.c.article_id)
        for row in conn.execute(query):
            key = kb_key(row.type or "", row.name, row.record)
            mentions = _add_to_group(groups, key, row)
            links.append(
                {
                    "entity_id": row.id,
                    "kb_id": content_id("kb", key),
                    "article_id": row.article_id,
                    "published": row.published,
                    "mentions": mentions,
                }
            )
    entities = [_kb_entity(key, g) for key, g in groups.items()]
    with engine.begin() as conn:
        conn.execute(delete(schema.kb_entities))
        conn.execute(delete(schema.entity_links))
        for i in range(0, len(entities), BATCH):
            conn.execute(schema.kb_entities.insert(), entities[i : i + BATCH])
        for i in range(0, len(links), BATCH):
            conn.execute(schema.entity_links.insert(), links[i : i + BATCH])
    link_speakers(engine)
    return {"kb_entities": len(entities), "entity_links": len(links)}


def _add_to_group(groups: dict[str, dict[str, Any]], key: str, row) -> int:
    """Count one article's entity into its knowledge-base group; returns its mentions in the body."""
    rec = row.record
    g = groups.setdefault(
        key,
        {
            "names": Counter(), "aliases": Counter(), "titles": Counter(), "articles": set(),
            "originals": set(), "dates": [], "mentions": 0, "type": row.type, "record": rec,
        },
    )  # fmt: skip
    g["names"][row.name] += 1
    body = [m for m in rec.get("mentions", []) if not m.get("field")]
    for m in rec.get("mentions", []):
        g["aliases"][m["text"].removeprefix("the ").removeprefix("The ")] += 1
    for t in rec.get("titles", []):
        g["titles"][t] += 1
    g["articles"].add(row.article_id)
    if row.copy_of is None:
        g["originals"].add(row.article_id)
    if row.published:
        g["dates"].append(row.published[:10])
    g["mentions"] += len(body) or 1
    return len(body) or 1


def _kb_entity(key: str, g: dict[str, Any]) -> dict[str, Any]:
    """A knowledge-base entity's row: the name used most, aliases and titles by use, when seen, counts."""
    name = max(g["names"], key=lambda n: (g["names"][n], len(n), n))
    rec = g["record"]
    return {
        "id": content_id("kb", key),
        "key": key,
        "name": name,
        "type": g["type"],
        "country": rec.get("country"),
        "geonameid": rec.get("geonameid"),
        "aliases": [x for x, _ in sorted(g["aliases"].items(), key=lambda kv: (-kv[1], kv[0]))][:25],
        "titles": [x for x, _ in sorted(g["titles"].items(), key=lambda kv: (-kv[1], kv[0]))][:10],
        "first_seen": min(g["dates"]) if g["dates"] else None,
        "last_seen": max(g["dates"]) if g["dates"] else None,
        "article_count": len(g["articles"]),
        "article_count_without_copies": len(g["originals"]),
        "mention_count": g["mentions"],
    }


def link_speakers(engine: Engine) -> None:
    """Each quote gets its speaker's knowledge-base entity (indexed with the date: quotes by speaker)."""
    q, links = schema.quotes, schema.entity_links
    sub = select(links.c.kb_id).where(links.c.entity_id == q.c.speaker_entity).scalar_subquery()
    with engine.begin() as conn:
        conn.execute(update(q).where(q.c.speaker_entity.is_not(None)).values(speaker_kb=sub))
        conn.execute(text("ANALYZE"))  # fresh statistics for the planner after a rebuild


def _quotes(engine: Engine) -> dict[str, int]:
    q, a = schema.quotes, schema.articles
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                q.c.id,
                q.c.content,
                q.c.speaker_name,
                q.c.article_id,
                q.c.cluster_id,
                a.c.published,
                a.c.source_name,
            ).join(a, a.c.id == q.c.article_id)
        ).all()
    keys = quote_clusters([(r.id, r.content) for r in rows])
    members: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        members[keys[r.id]].append(r)
    clusters, updates = [], []
    for key, rs in members.items():
        cid = content_id("quote-cluster", key)
        first = min(rs, key=lambda r: (r.published or "9999", r.id))
        clusters.append(
            {
                "id": cid,
                "canonical_quote": first.id,
                "content": first.content,
                "speaker_name": first.speaker_name,
                "size": len(rs),
                "articles": len({r.article_id for r in rs}),
                "outlets": sorted({r.source_name for r in rs if r.source_name}),
                "earliest": first.published,
            }
        )
        updates += [{"qid": r.id, "cid": cid} for r in rs if r.cluster_id != cid]
    with engine.begin() as conn:
        conn.execute(delete(schema.quote_clusters))
        for i in range(0, len(clusters), BATCH):
            conn.execute(schema.quote_clusters.insert(), clusters[i : i + BATCH])
        for i in range(0, len(updates), BATCH):
            conn.execute(
                update(q).where(q.c.id == bindparam("qid")).values(cluster_id=bindparam("cid")),
                updates[i : i + BATCH],
            )
    return {"quote_clusters": len(clusters), "repeated_quotes": sum(1 for c in clusters if c["size"] > 1)}
