"""The API under ``/api/``: the knowledge-base queries, paginated (``limit``, ``offset``; at most 500 a
page), and an ingest endpoint that needs the token (``Authorization: Bearer …``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine

from ...ingest.decode import unfit_text
from ...kb import queries
from ...kb.build import rebuild as rebuild_kb
from ...pipeline import Options, Pipeline
from ...store import Store
from ...types import Failure, RawRecord
from ..errors import ApiError
from .deps import get_engine, get_store, require_token

MAX_INGEST_ITEMS = 50
MAX_OFFSET = 10**9  # integers within what every store's columns and OFFSET take

router = APIRouter(prefix="/api", tags=["api"])


class IngestItem(BaseModel):
    text: str | None = Field(None, description="The article as plain text (a wire story as pasted).")
    html: str | None = Field(None, description="The article as an HTML page.")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(
        None, description="Publication date (YYYY-MM-DD) where the page gives none."
    )
    id: str | None = Field(None, description="The caller's id of this record.")


class IngestRequest(BaseModel):
    articles: list[IngestItem] = Field(..., min_length=1, max_length=MAX_INGEST_ITEMS)


def entity_or_404(engine: Engine, name_or_id: str) -> dict[str, Any]:
    card = queries.entity(engine, name_or_id)
    if card is None:
        raise ApiError(404, f"no entity matches {name_or_id!r}")
    return card


@router.get("/quotes", summary="Quotes: by speaker, about an entity, in a period, by words")
def api_quotes(
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    outlet: str | None = None,
    no_copies: bool = False,
    exact_speaker: bool = False,
    limit: int = Query(50, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    return queries.quotes(
        engine, speaker, about, since, until, search, outlet, not no_copies, limit, offset, exact_speaker
    )


@router.get("/entities", summary="Knowledge-base entities whose name or alias holds the words")
def api_entities(
    name: str = Query(..., min_length=1),
    limit: int = Query(20, ge=1, le=100),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    items = queries.matching_entities(engine, name, limit)
    return {"total": len(items), "items": items}


@router.get(
    "/entities/{name_or_id}", summary="One entity: aliases, titles, counts, quotes, companions, timeline"
)
def api_entity(name_or_id: str, engine: Engine = Depends(get_engine)) -> dict[str, Any]:
    return entity_or_404(engine, name_or_id)


@router.get("/timeline/{name_or_id}", summary="Articles naming the entity and quotes it gave, per period")
def api_timeline(
    name_or_id: str,
    by: str = Query("month", pattern="^(day|month|year)$"),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    found = entity_or_404(engine, name_or_id)
    return {
        "entity": {"id": found["id"], "name": found["name"]},
        "by": by,
        "items": queries.timeline(engine, found["id"], by),
    }


@router.get("/events", summary="Events by actor and PLOVER type")
def api_events(
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    no_copies: bool = False,
    limit: int = Query(50, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    return queries.events(engine, actor, type, since, until, limit, offset, not no_copies)


@router.get("/search", summary="Full-text search of articles")
def api_search(
    q: str = Query(..., min_length=1),
    limit: int = Query(20, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    return queries.search(engine, q, limit, offset)


@router.get("/quote-clusters", summary="Statements reported more than once")
def api_clusters(
    min_size: int = Query(2, ge=1, le=MAX_OFFSET),
    limit: int = Query(50, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    engine: Engine = Depends(get_engine),
) -> dict[str, Any]:
    return queries.quote_clusters(engine, min_size, limit, offset)


@router.get(
    "/articles/{article_id}", summary="One article: the output contract, its inputs and its copy cluster"
)
def api_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    art = store.article_record(article_id)
    if art is None:
        raise ApiError(404, f"no article {article_id!r}")
    return art


@router.post(
    "/ingest",
    summary="Read, extract and store articles (needs the token)",
    dependencies=[Depends(require_token)],
)
def api_ingest(body: IngestRequest, store: Store = Depends(get_store)) -> dict[str, Any]:
    records = []
    for i, item in enumerate(body.articles):
        if bool(item.text) == bool(item.html):
            raise ApiError(422, f"articles.{i}: give exactly one of text and html")
        for key, value in item.model_dump().items():
            why = unfit_text(value) if isinstance(value, str) else None
            if why:
                raise ApiError(422, f"articles.{i}.{key}: {why}")
        loc = f"api#{item.id or i}"
        records.append(
            (
                RawRecord(
                    input_id=item.id,
                    location=loc,
                    text=item.text,
                    html=item.html,
                    url=item.url,
                    title=item.title,
                ),
                item.published,
            )
        )
    out = []
    pipeline = Pipeline()
    for record, published in records:
        result = pipeline.process(record, Options(published=published))
        if isinstance(result, Failure):
            store.add_failure(result)
            out.append(
                {
                    "input_id": record.input_id,
                    "location": record.location,
                    "error": {"code": result.code, "reason": result.reason},
                }
            )
        else:
            new = store.add(result)
            out.append(
                {"input_id": record.input_id, "location": record.location, "id": result.id, "new": new}
            )
    if any(r.get("new") for r in out):
        rebuild_kb(store.engine)
    return {"results": out}
