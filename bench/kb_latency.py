"""Query latency of the knowledge base on a store of 100,000 articles, on SQLite and PostgreSQL.

    python bench/kb_latency.py                                   # SQLite in a temporary folder
    python bench/kb_latency.py --postgres postgresql+psycopg://user:pw@127.0.0.1/postgres

Seed articles from the shared corpora (Reuters-21578, AllSides, BBC) go through the whole pipeline;
each is then stored again under new ids, a later date and another outlet until the store holds
``--articles`` articles (what a query costs depends on the size of the tables and of the indexes,
not on how often a text recurs). The knowledge base is built (entities across articles, quote
clusters; copy detection is left out, as every replica would be a copy), then quote-by-speaker,
entity-timeline and full-text-search queries are timed, each ``--queries`` times with arguments
drawn from the data, and their p50 / p95 printed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import gzip
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.ids import content_id  # noqa: E402
from newsgraph.pipeline import Options, Pipeline  # noqa: E402
from newsgraph.types import Article, Failure, RawRecord  # noqa: E402

OUTLETS = [
    "Wire One",
    "Daily Two",
    "Gazette Three",
    "Weekly Four",
    "Courier Five",
    "Herald Six",
    "Times Seven",
    "Post Eight",
]


def seeds(data: Path, n: int) -> list[RawRecord]:
    out: list[RawRecord] = []
    with gzip.open(data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("body") and len(r["body"].split()) > 60:
                text = f"{(r.get('dateline') or '').strip()} {r['body']}".strip()
                out.append(
                    RawRecord(
                        input_id=f"reuters-{r['newid']}",
                        location=f"reuters#{r['newid']}",
                        text=text,
                        title=r.get("title"),
                        published=(r.get("date") or "")[:10] or None,
                        source="Reuters",
                    )
                )
            if len(out) >= n // 2:
                break
    allsides = data / "corpora" / "allsides-foreign-affairs"
    for f in sorted(allsides.glob("*.jsonl*")):
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                r = json.loads(line)
                body = r.get("content_original") or r.get("text") or r.get("body") or ""
                if len(body.split()) > 80:
                    out.append(
                        RawRecord(
                            input_id=f"allsides-{i}",
                            location=f"allsides#{i}",
                            text=body,
                            title=r.get("title"),
                            published=(r.get("date") or "")[:10] or None,
                            source=r.get("source") or "AllSides",
                            url=r.get("url"),
                        )
                    )
                if len(out) >= n:
                    return out
    return out


def replicate(art: Article, k: int) -> Article:
    """The article again under new ids, ``k`` weeks later, from another outlet."""
    d = copy.deepcopy(art.to_dict())
    new = lambda old: content_id("bench", k, old)  # noqa: E731
    ids = {e["id"]: new(e["id"]) for e in d["entities"]}
    for e in d["entities"]:
        e["id"] = ids[e["id"]]
    for q in d["quotes"]:
        q["id"] = new(q["id"])
        sp = q.get("speaker") or {}
        if sp.get("entity"):
            sp["entity"] = ids.get(sp["entity"], sp["entity"])
    for t in d["timexes"]:
        t["id"] = new(t.get("id") or f"{t['start']}")
    for ev in d["events"]:
        ev["id"] = new(ev["id"])
        ev["actors"] = [ids.get(i, i) for i in ev["actors"]]
        ev["targets"] = [ids.get(i, i) for i in ev["targets"]]
        ev["place"] = ids.get(ev["place"], ev["place"]) if ev.get("place") else None
    base = (
        dt.date.fromisoformat(d["published"][:10])
        if d.get("published") and d["published"][:4].isdigit()
        else dt.date(2015, 1, 1)
    )
    d["published"] = (base + dt.timedelta(weeks=k)).isoformat()
    d["source"] = {**(d.get("source") or {}), "name": OUTLETS[k % len(OUTLETS)]}
    d["id"] = new(d["id"])
    out = Article.from_dict(d)
    out.location = f"bench#{k}:{art.id}"
    out.input_id = out.location
    return out


def copy_sqlite_to_postgres(sqlite_path: Path, url: str) -> None:
    """Fill a PostgreSQL store with the rows of a SQLite one built by this script (COPY: minutes, not the
    half hour the same rows take through the store's inserts). Generated search vectors are PostgreSQL's
    own."""
    import sqlite3

    import psycopg
    import sqlalchemy as sa

    from newsgraph.store import Store, schema

    Store(url).close()  # the schema, by the migrations
    src = sqlite3.connect(str(sqlite_path))
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as pg:
        for table in schema.metadata.sorted_tables:
            cols = [c.name for c in table.columns]
            pg.execute(f"TRUNCATE {table.name} CASCADE")
            quoted = ", ".join(f'"{c}"' for c in cols)
            with pg.cursor().copy(f"COPY {table.name} ({quoted}) FROM STDIN") as cp:
                for row in tqdm(
                    src.execute(f"SELECT {quoted} FROM {table.name}"),
                    desc=f"copy {table.name}",
                    file=sys.stderr,
                    disable=None,
                ):
                    cp.write_row(row)
            pg.commit()
        pg.execute("ANALYZE")
    src.close()


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def run(
    url: str, arts: list[Article], target: int, queries_n: int, label: str
) -> list[tuple[str, str, float, float]]:
    from sqlalchemy import func, select

    from newsgraph.kb import build
    from newsgraph.store import Store, schema

    store = Store(url)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    if have >= target * 0.95:  # built by an earlier run (--sqlite FILE, --pg-database NAME): measure only
        print(f"{label}: reusing {have} stored articles", file=sys.stderr)
        with store.engine.connect() as conn:
            linked = conn.execute(
                select(schema.quotes.c.id).where(schema.quotes.c.speaker_kb.is_not(None)).limit(1)
            ).first()
        if linked is None:  # a store built before quotes carried their speaker's entity
            build.link_speakers(store.engine)
        return _measure(store, label, queries_n, 0.0, 0.0)
    started = time.time()
    copies = -(-target // len(arts))
    with tqdm(total=target, desc=f"store {label}", file=sys.stderr, disable=None) as bar:
        stored = 0
        for k in range(copies):
            batch = [replicate(a, k) for a in arts][: target - stored]
            for i in range(0, len(batch), 500):
                store.add_many(batch[i : i + 500])
            stored += len(batch)
            bar.update(len(batch))
            if stored >= target:
                break
    load_s = time.time() - started
    t0 = time.time()
    build._entities(store.engine)
    build._quotes(store.engine)
    kb_s = time.time() - t0
    return _measure(store, label, queries_n, load_s, kb_s)


def _measure(
    store, label: str, queries_n: int, load_s: float, kb_s: float
) -> list[tuple[str, str, float, float]]:
    from sqlalchemy import func, select

    from newsgraph.kb import queries
    from newsgraph.store import schema

    with store.engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
        n_quotes = conn.execute(select(func.count()).select_from(schema.quotes)).scalar_one()
        speakers = [
            r[0]
            for r in conn.execute(
                select(schema.quotes.c.speaker_name)
                .where(schema.quotes.c.speaker_entity.is_not(None))
                .group_by(schema.quotes.c.speaker_name)
                .order_by(func.count().desc())
                .limit(300)
            )
        ]
        entities = [
            r[0]
            for r in conn.execute(
                select(schema.kb_entities.c.id).order_by(schema.kb_entities.c.article_count.desc()).limit(300)
            )
        ]
        titles = [
            r[0]
            for r in conn.execute(
                select(schema.articles.c.title).where(schema.articles.c.title.is_not(None)).limit(2000)
            )
        ]
    print(
        f"{label}: {n_articles} articles, {n_quotes} quotes; stored in {load_s:.0f} s, knowledge "
        f"base built in {kb_s:.0f} s",
        file=sys.stderr,
    )
    rng = random.Random(7)
    words = [w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()]
    cases = {
        "quotes by speaker": lambda: queries.quotes(
            store.engine, speaker=rng.choice(speakers).split()[-1], limit=20
        ),
        "entity timeline": lambda: queries.timeline(store.engine, rng.choice(entities)),
        "full-text search": lambda: queries.search(store.engine, " ".join(rng.sample(words, 2)), limit=20),
    }
    results = []
    for name, fn in cases.items():
        fn()  # warm the caches once
        samples = []
        for _ in range(queries_n):
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
        p50, p95 = percentiles(samples)
        results.append((label, name, p50, p95))
        print(f"{label:<12} {name:<20} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms", file=sys.stderr, flush=True)
    store.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seeds", type=int, default=1000, help="articles run through the whole pipeline")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument(
        "--sqlite", type=Path, default=None, help="SQLite file to build (default: a temporary one)"
    )
    ap.add_argument(
        "--postgres",
        default=None,
        help="a PostgreSQL server URL; a new database is made on it and dropped after",
    )
    ap.add_argument("--only", choices=("sqlite", "postgres"), default=None, help="measure one store")
    ap.add_argument(
        "--pg-database", default=None, help="build into (or measure) this PostgreSQL database and keep it"
    )
    ap.add_argument(
        "--pg-from-sqlite",
        action="store_true",
        help="fill PostgreSQL by copying the SQLite store's rows (--sqlite FILE, built first)",
    )
    ap.add_argument(
        "--seed-cache",
        type=Path,
        default=None,
        help="JSONL of the seed articles after the pipeline: written once, read after",
    )
    args = ap.parse_args()

    if args.seed_cache and args.seed_cache.exists():
        arts = [
            Article.from_dict(json.loads(x))
            for x in args.seed_cache.read_text(encoding="utf-8").splitlines()
            if x.strip()
        ]
    else:
        records = seeds(args.data, args.seeds)
        pipeline = Pipeline()
        arts = [
            r
            for r in tqdm(
                pipeline.run(records, Options()),
                total=len(records),
                desc="pipeline",
                file=sys.stderr,
                disable=None,
            )
            if not isinstance(r, Failure)
        ]
        if args.seed_cache:
            args.seed_cache.write_text(
                "".join(json.dumps(a.to_dict()) + "\n" for a in arts), encoding="utf-8"
            )
    print(f"{len(arts)} seed articles through the pipeline", file=sys.stderr)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = args.sqlite or Path(tmp) / "bench.db"
        if args.only != "postgres":
            results += run(str(sqlite), arts, args.articles, args.queries, "SQLite")
        if args.postgres and args.only != "sqlite":
            import sqlalchemy as sa

            name = args.pg_database or "newsgraph_bench_" + uuid.uuid4().hex[:8]
            admin = sa.create_engine(args.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                if not conn.execute(
                    sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
                ).first():
                    conn.execute(sa.text(f"CREATE DATABASE {name}"))
            try:
                url = (
                    sa.engine.make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
                )
                if args.pg_from_sqlite:
                    t0 = time.time()
                    copy_sqlite_to_postgres(sqlite, url)
                    print(f"PostgreSQL: copied from {sqlite} in {time.time() - t0:.0f} s", file=sys.stderr)
                results += run(url, arts, args.articles, args.queries, "PostgreSQL")
            finally:
                if not args.pg_database:
                    with admin.connect() as conn:
                        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    print(f"{'store':<12} {'query':<20} {'p50 ms':>8} {'p95 ms':>8}")
    for label, name, p50, p95 in results:
        print(f"{label:<12} {name:<20} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
