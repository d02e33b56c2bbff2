"""Queries over the knowledge base, shared by the CLI, the HTTP API and the web UI.

Each takes an open SQLAlchemy engine and returns plain dicts (JSON-ready). Names match
case-insensitively on the canonical name and on aliases. Dates compare as ISO strings
(``--since 2021-06`` keeps June 2021 onwards). Full-text search is SQLite's FTS5 or PostgreSQL's
tsvector, whichever store it is.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Text, and_, cast, func, literal, literal_column, or_, select, text
from sqlalchemy.engine import Engine

from ..store import schema

MAX_LIMIT = 500
COUNT_CAP = (
    1_000  # totals are counted up to here ("1,000 or more"): counting every match of a common name is slow
)
FACET_SAMPLE = 500  # facets are taken over the latest matches


def _capped_count(conn, query) -> tuple[int, bool]:
    """How many rows ``query`` gives, counted up to COUNT_CAP; and whether the count stopped there."""
    n = conn.execute(select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())).scalar_one()
    return min(n, COUNT_CAP), n > COUNT_CAP


def _like(value: str) -> str:
    return "%" + value.lower().replace("\\", "").replace("%", "").replace("_", " ") + "%"


def _limit(limit: int | None) -> int:
    return max(1, min(int(limit or 50), MAX_LIMIT))


def matching_entities(engine: Engine, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Knowledge-base entities named ``name``: exact name first, then names and aliases containing it."""
    k = schema.kb_entities
    low = name.strip().lower()
    if not low:
        return []
    with engine.connect() as conn:
        exact = conn.execute(
            select(k).where(func.lower(k.c.name) == low).order_by(k.c.article_count.desc(), k.c.id)
        ).all()
        part = conn.execute(
            select(k)
            .where(
                or_(
                    func.lower(k.c.name).like(_like(low)),
                    func.lower(cast(k.c.aliases, Text)).like(_like(low)),
                )
            )
            .order_by(k.c.article_count.desc(), k.c.id)
            .limit(limit)
        ).all()
    seen, out = set(), []
    for r in [*exact, *part]:
        if r.id not in seen:
            seen.add(r.id)
            out.append(_entity_row(r))
    return out[:limit]


def _entity_row(r) -> dict[str, Any]:
    d = dict(r._mapping)
    for key in ("aliases", "titles"):
        if isinstance(d.get(key), str):
            d[key] = json.loads(d[key])
    d.pop("key", None)
    return d


def _newest_first(rows: list[Any]) -> list[Any]:
    """Latest published first, undated last, then by id: the order the SQL queries use."""
    rows = sorted(rows, key=lambda r: getattr(r, "id", "") or "")
    rows.sort(key=lambda r: (r.published is not None, r.published or ""), reverse=True)
    return rows


def _linked(kb_ids: list[str]):
    """Article-entity ids of the given knowledge-base entities (a subquery)."""
    return select(schema.entity_links.c.entity_id).where(schema.entity_links.c.kb_id.in_(kb_ids))


def _fts_quotes(engine: Engine, query: str):
    if engine.dialect.name == "sqlite":
        return text("quotes.id IN (SELECT quote_id FROM fts_quotes WHERE fts_quotes MATCH :fts)").bindparams(
            fts=_fts5(query)
        )
    return text("quotes.tsv @@ websearch_to_tsquery('english', :fts)").bindparams(fts=query)


def _fts5(query: str) -> str:
    """A user's words as an FTS5 query: each word a quoted term, all required."""
    words = [w.replace('"', "") for w in query.split() if w.replace('"', "")]
    return " ".join(f'"{w}"' for w in words) or '""'


def quotes(
    engine: Engine,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    outlet: str | None = None,
    with_copies: bool = True,
    limit: int | None = 50,
    offset: int = 0,
    exact_speaker: bool = False,
    facets: bool = True,
) -> dict[str, Any]:
    """Quotes matching every filter given, newest first, with facets (speakers, outlets) of the whole match.

    ``speaker`` matches part of the speaker's name or of an alias of the knowledge-base entity;
    with ``exact_speaker`` (a facet's link) only that name."""
    cond, by_kb = _speaker_filter(engine, speaker, exact_speaker)
    cond += _quote_filters(engine, about, since, until, search, outlet, with_copies)
    where = and_(True, *cond)
    lim, off = _limit(limit), max(0, offset)
    with engine.connect() as conn:
        total, more, rows, latest = _matching_quotes(conn, where, by_kb, lim, off, with_copies, facets)
        clusters = _cluster_sizes(conn, rows)
    speakers = Counter(r.speaker_name for r in latest if r.speaker_name).most_common(15)
    outlets = Counter(r.source_name for r in latest if r.source_name).most_common(15)
    items = []
    for r in rows:
        d = dict(r._mapping)
        d["cluster_size"], d["cluster_outlets"] = clusters.get(r.cluster_id, (1, []))
        items.append(d)
    return {
        "total": total,
        "total_is_lower_bound": more,
        "limit": lim,
        "offset": off,
        "items": items,
        "facets": {
            "speaker": [{"value": s, "count": n} for s, n in speakers],
            "outlet": [{"value": s, "count": n} for s, n in outlets],
        },
    }


def _speaker_filter(engine: Engine, speaker: str | None, exact: bool) -> tuple[list, list[str] | None]:
    """The condition on the speaker, or the knowledge-base entities to read one index range
    (speaker, date) each of, merged after."""
    q = schema.quotes
    if speaker and exact:
        return [q.c.speaker_name == speaker], None
    if speaker:
        kb = [
            e["id"]
            for e in matching_entities(engine, speaker, 50)
            if e["type"] in ("PERSON", "ORG", "GPE", "NORP")
        ][:5]
        if kb:
            return [], kb
        return [func.lower(q.c.speaker_name).like(_like(speaker))], None
    return [], None


def _quote_filters(engine: Engine, about, since, until, search, outlet, with_copies: bool) -> list:
    q, a = schema.quotes, schema.articles
    cond = []
    if about:
        kb = [e["id"] for e in matching_entities(engine, about, 50)]
        mentions = schema.quote_mentions
        cond.append(
            q.c.id.in_(select(mentions.c.quote_id).where(mentions.c.entity_id.in_(_linked(kb))))
            if kb
            else literal(False)
        )
    if since:
        cond.append(q.c.published >= since)
    if until:
        cond.append(q.c.published <= until + "\uffff")
    if search:
        cond.append(_fts_quotes(engine, search))
    if outlet:
        cond.append(q.c.source_name == outlet)
    if not with_copies:
        cond.append(a.c.copy_of.is_(None))
    return cond


def _matching_quotes(conn, where, by_kb, lim: int, off: int, with_copies: bool, facets: bool) -> tuple:
    """The count (capped), the page of rows, and the latest rows the facets are counted on."""
    q, a = schema.quotes, schema.articles
    base = select(
        q.c.id, q.c.content, q.c.kind, q.c.speaker_name, q.c.speaker_entity, q.c.published, q.c.source_name,
        q.c.article_id, q.c.cluster_id, q.c.start, q.c.end, a.c.title, a.c.copy_of,
    ).join(a, a.c.id == q.c.article_id)  # fmt: skip
    order = (q.c.published.desc().nulls_last(), q.c.id)
    # counts and facets read the quotes alone unless a filter needs the article (its copy status)
    counted = select(q.c.id).join(a, a.c.id == q.c.article_id) if not with_copies else select(q.c.id)
    faceted = select(q.c.speaker_name, q.c.source_name, q.c.published)
    if not with_copies:
        faceted = faceted.join(a, a.c.id == q.c.article_id)
    if by_kb is None:
        total, more = _capped_count(conn, counted.where(where))
        rows = conn.execute(base.where(where).order_by(*order).limit(lim).offset(off)).all()
        latest = (
            conn.execute(faceted.where(where).order_by(*order).limit(FACET_SAMPLE)).all() if facets else []
        )
        return total, more, rows, latest
    total, more = _capped_count(conn, counted.where(where, q.c.speaker_kb.in_(by_kb)))
    rows, latest = [], []
    for kid in by_kb:
        mine = and_(where, q.c.speaker_kb == kid)
        rows += conn.execute(base.where(mine).order_by(*order).limit(lim + off)).all()
        if facets:
            latest += conn.execute(faceted.where(mine).order_by(*order).limit(FACET_SAMPLE)).all()
    return total, more, _newest_first(rows)[off : off + lim], _newest_first(latest)[:FACET_SAMPLE]


def _cluster_sizes(conn, rows) -> dict[str, tuple[int, list]]:
    """The size and outlets of the quote clusters the rows belong to."""
    ids = [r.cluster_id for r in rows if r.cluster_id]
    if not ids:
        return {}
    c = schema.quote_clusters
    return {
        cid: (size, outs if isinstance(outs, list) else json.loads(outs or "[]"))
        for cid, size, outs in conn.execute(select(c.c.id, c.c.size, c.c.outlets).where(c.c.id.in_(ids)))
    }


def entity(engine: Engine, name_or_id: str) -> dict[str, Any] | None:
    """One knowledge-base entity (by id, else the best match of a name) with its quotes, companions and
    timeline."""
    k = schema.kb_entities
    with engine.connect() as conn:
        row = conn.execute(select(k).where(k.c.id == name_or_id)).first()
    card = _entity_row(row) if row else next(iter(matching_entities(engine, name_or_id, 1)), None)
    if card is None:
        return None
    kb_id = card["id"]
    q, links, a = schema.quotes, schema.entity_links, schema.articles
    with engine.connect() as conn:
        said = conn.execute(
            select(q.c.id, q.c.content, q.c.published, q.c.source_name, q.c.article_id, q.c.start, q.c.end)
            .where(q.c.speaker_kb == kb_id)
            .order_by(q.c.published.desc().nulls_last(), q.c.id)
            .limit(50)
        ).all()
        other = links.alias("other")
        companions = conn.execute(
            select(
                k.c.id, k.c.name, k.c.type, func.count(func.distinct(other.c.article_id)).label("articles")
            )
            .select_from(
                links.join(other, other.c.article_id == links.c.article_id).join(k, k.c.id == other.c.kb_id)
            )
            .where(links.c.kb_id == kb_id, other.c.kb_id != kb_id)
            .group_by(k.c.id, k.c.name, k.c.type)
            .order_by(func.count(func.distinct(other.c.article_id)).desc(), k.c.name)
            .limit(12)
        ).all()
        articles = conn.execute(
            select(a.c.id, a.c.title, a.c.published, a.c.source_name, a.c.copy_of)
            .join(links, links.c.article_id == a.c.id)
            .where(links.c.kb_id == kb_id)
            .order_by(a.c.published.desc().nulls_last(), a.c.id)
            .limit(50)
        ).all()
    card["quotes"] = [dict(r._mapping) for r in said]
    card["appears_with"] = [dict(r._mapping) for r in companions]
    card["articles"] = [dict(r._mapping) for r in articles]
    card["timeline"] = timeline(engine, kb_id)
    return card


def timeline(engine: Engine, kb_id: str, granularity: str = "month") -> list[dict[str, Any]]:
    """Per month (or day, or year): articles that mention the entity, and quotes it gave."""
    width = literal_column(
        str({"year": 4, "month": 7, "day": 10}[granularity])
    )  # inlined: PostgreSQL groups by the same expression
    one = literal_column("1")
    links, q = schema.entity_links, schema.quotes
    with engine.connect() as conn:
        mentions = conn.execute(
            select(
                func.substr(links.c.published, one, width).label("period"),
                func.count(func.distinct(links.c.article_id)),
            )
            .where(links.c.kb_id == kb_id, links.c.published.is_not(None))
            .group_by(func.substr(links.c.published, one, width))
        ).all()
        said = conn.execute(
            select(func.substr(q.c.published, one, width).label("period"), func.count())
            .where(q.c.speaker_kb == kb_id, q.c.published.is_not(None))
            .group_by(func.substr(q.c.published, one, width))
        ).all()
    periods: dict[str, dict[str, Any]] = {}
    for p, n in mentions:
        periods.setdefault(p, {"period": p, "articles": 0, "quotes": 0})["articles"] = n
    for p, n in said:
        periods.setdefault(p, {"period": p, "articles": 0, "quotes": 0})["quotes"] = n
    return [periods[p] for p in sorted(periods)]


def events(
    engine: Engine,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
    with_copies: bool = True,
) -> dict[str, Any]:
    """Events by actor and type, the latest reported first."""
    ev, a = schema.events, schema.articles
    where = and_(True, *_event_filters(engine, actor, type, since, until, with_copies))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ev).where(where)).scalar_one()
        rows = conn.execute(
            select(
                ev.c.id,
                ev.c.type,
                ev.c.date,
                ev.c.record,
                ev.c.article_id,
                a.c.title,
                a.c.published,
                a.c.source_name,
            )
            .join(a, a.c.id == ev.c.article_id)
            .where(where)
            .order_by(ev.c.published.desc().nulls_last(), ev.c.id)
            .limit(_limit(limit))
            .offset(max(0, offset))
        ).all()
        ids = {i for r in rows for i in _participants(r.record)}
        e = schema.entities
        names = dict(conn.execute(select(e.c.id, e.c.name).where(e.c.id.in_(ids))).all()) if ids else {}
    items = [_event_item(r, names) for r in rows]
    return {"total": total, "limit": _limit(limit), "offset": max(0, offset), "items": items}


def _event_filters(engine: Engine, actor, type, since, until, with_copies: bool) -> list:
    ev, a, p = schema.events, schema.articles, schema.event_participants
    cond = []
    if not with_copies:
        cond.append(ev.c.article_id.in_(select(a.c.id).where(a.c.copy_of.is_(None))))
    if type:
        cond.append(ev.c.type == type.upper())
    if actor:
        kb = [e["id"] for e in matching_entities(engine, actor, 50)]
        cond.append(
            ev.c.id.in_(select(p.c.event_id).where(p.c.role == "actor", p.c.entity_id.in_(_linked(kb))))
            if kb
            else literal(False)
        )
    if since:
        cond.append(func.coalesce(ev.c.date, ev.c.published) >= since)
    if until:
        cond.append(func.coalesce(ev.c.date, ev.c.published) <= until + "\uffff")
    return cond


def _event_item(r, names: dict[str, str]) -> dict[str, Any]:
    """One event row as the API gives it, its participants by name."""
    rec = r.record if isinstance(r.record, dict) else json.loads(r.record)
    return {
        "id": r.id,
        "type": r.type,
        "mode": rec.get("mode"),
        "date": r.date,
        "actors": [names.get(i, i) for i in rec.get("actors", [])],
        "targets": [names.get(i, i) for i in rec.get("targets", [])],
        "place": names.get(rec.get("place")) if rec.get("place") else None,
        "modality": rec.get("modality"),
        "trigger": rec.get("trigger", {}).get("text"),
        "sentence": rec.get("sentence", {}).get("text"),
        "confidence": rec.get("confidence"),
        "article_id": r.article_id,
        "title": r.title,
        "published": r.published,
        "source_name": r.source_name,
    }


def _participants(record) -> list[str]:
    rec = record if isinstance(record, dict) else json.loads(record)
    return [*rec.get("actors", []), *rec.get("targets", []), *([rec["place"]] if rec.get("place") else [])]


RANK_POOL = 1_000  # relevance is ranked among the latest matches (every match of a common word would be slow)


def search(engine: Engine, query: str, limit: int | None = 20, offset: int = 0) -> dict[str, Any]:
    """Articles whose title or text hold every word: the most relevant of the latest RANK_POOL matches, with
    a snippet."""
    lim, off = _limit(limit), max(0, offset)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            total, rows = _search_sqlite(conn, query, lim, off)
        else:
            total, rows = _search_postgres(conn, query, lim, off)
    return {
        "total": min(total, COUNT_CAP),
        "total_is_lower_bound": total > COUNT_CAP,
        "limit": lim,
        "offset": off,
        "items": rows,
    }


def _search_sqlite(conn, query: str, lim: int, off: int) -> tuple[int, list[dict[str, Any]]]:
    """FTS5: the count (to the cap), the best of the latest matches by BM25, and their snippets."""
    match = _fts5(query)
    total = conn.execute(
        text("SELECT count(*) FROM (SELECT 1 FROM fts_articles WHERE fts_articles MATCH :m LIMIT :cap)"),
        {"m": match, "cap": COUNT_CAP + 1},
    ).scalar_one()
    top = conn.execute(
        text(
            "SELECT rid, article_id FROM (SELECT rowid AS rid, article_id, "
            "bm25(fts_articles) AS score FROM fts_articles "
            "WHERE fts_articles MATCH :m ORDER BY rowid DESC LIMIT :pool) ORDER BY "
            "score, article_id LIMIT :l OFFSET :o"
        ),
        {"m": match, "pool": RANK_POOL, "l": lim, "o": off},
    ).all()
    if not top:
        return total, []
    rids = ",".join(str(int(r)) for r, _ in top)  # integers from the index itself
    snips = dict(
        conn.execute(
            text(
                "SELECT rowid, snippet(fts_articles, 2, '[', ']', '…', 16) FROM "
                f"fts_articles WHERE fts_articles MATCH :m AND rowid IN ({rids})"
            ),
            {"m": match},
        ).all()
    )
    a = schema.articles
    arts = {
        r.id: r
        for r in conn.execute(
            select(a.c.id, a.c.title, a.c.published, a.c.source_name, a.c.copy_of).where(
                a.c.id.in_([aid for _, aid in top])
            )
        )
    }
    return total, [{**dict(arts[aid]._mapping), "snippet": snips.get(rid)} for rid, aid in top if aid in arts]


def _search_postgres(conn, query: str, lim: int, off: int) -> tuple[int, list[dict[str, Any]]]:
    """The text search vectors: the count (to the cap), the best of the latest matches by ts_rank, and
    their headlines."""
    total = conn.execute(
        text(
            "SELECT count(*) FROM (SELECT 1 FROM articles WHERE tsv @@ "
            "websearch_to_tsquery('english', :m) LIMIT :cap) t"
        ),
        {"m": query, "cap": COUNT_CAP + 1},
    ).scalar_one()
    rows = conn.execute(
        text(
            "WITH pool AS (SELECT id, tsv FROM articles WHERE tsv @@ "
            "websearch_to_tsquery('english', :m) "
            "ORDER BY published DESC NULLS LAST, id LIMIT :pool), "
            "best AS (SELECT id, ts_rank(tsv, websearch_to_tsquery('english', :m)) "
            "AS score FROM pool ORDER BY score DESC, id LIMIT :l OFFSET :o) "
            "SELECT a.id, a.title, a.published, a.source_name, a.copy_of, "
            "ts_headline('english', left(a.text, 2000), "
            "websearch_to_tsquery('english', :m), "
            "'StartSel=[,StopSel=],MaxWords=30,MinWords=10,MaxFragments=1') AS "
            "snippet "
            "FROM best JOIN articles a ON a.id = best.id ORDER BY best.score DESC, a.id"
        ),
        {"m": query, "pool": RANK_POOL, "l": lim, "o": off},
    )
    return total, [dict(r._mapping) for r in rows]


def quote_clusters(
    engine: Engine, min_size: int = 2, limit: int | None = 50, offset: int = 0
) -> dict[str, Any]:
    c = schema.quote_clusters
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(c).where(c.c.size >= min_size)).scalar_one()
        rows = conn.execute(
            select(c)
            .where(c.c.size >= min_size)
            .order_by(c.c.size.desc(), c.c.earliest, c.c.id)
            .limit(_limit(limit))
            .offset(max(0, offset))
        ).all()
    return {"total": total, "items": [dict(r._mapping) for r in rows]}
