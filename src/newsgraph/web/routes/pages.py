"""The UI's pages, rendered on the server from the same queries as the API: quote search with speaker
and outlet facets, entity pages with a timeline chart, articles with every extracted item highlighted
from its offsets, events, and full-text search."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...kb import queries
from ...store import Store
from ...text.plover import TYPES
from ...types import Article
from .. import render
from .deps import get_engine, get_store

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parents[1] / "templates"))
PAGE_SIZE = 25
EVENTS_PAGE_SIZE = 50

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def page_quotes(
    request: Request,
    q: str | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    about: str | None = None,
    exact: bool = False,
    page: int = Query(1, ge=1),
    store: Store = Depends(get_store),
):
    res = queries.quotes(
        store.engine,
        speaker=speaker,
        about=about,
        search=q or None,
        outlet=outlet,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        exact_speaker=exact,
    )
    context = {
        "res": res,
        "q": q or "",
        "speaker": speaker,
        "outlet": outlet,
        "about": about,
        "exact": exact,
        "page": page,
        "stats": store.stats(),
    }
    return TEMPLATES.TemplateResponse(request, "quotes.html", context)


@router.get("/entity/{name_or_id}", response_class=HTMLResponse)
def page_entity(request: Request, name_or_id: str, engine: Engine = Depends(get_engine)):
    card = queries.entity(engine, name_or_id)
    if card is None:
        raise StarletteHTTPException(404, f"no entity matches {name_or_id!r}")
    return TEMPLATES.TemplateResponse(
        request, "entity.html", {"e": card, "chart": render.timeline_svg(card["timeline"])}
    )


@router.get("/entities")
def page_entities(name: str = "", engine: Engine = Depends(get_engine)):
    found = queries.matching_entities(engine, name, 1) if name else []
    if not found:
        raise StarletteHTTPException(404, f"no entity matches {name!r}")
    return RedirectResponse(f"/entity/{found[0]['id']}", status_code=303)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def page_article(request: Request, article_id: str, store: Store = Depends(get_store)):
    art = store.article_record(article_id)
    if art is None:
        raise StarletteHTTPException(404, f"no article {article_id!r}")
    links = store.kb_links(article_id)
    context = {
        "a": art,
        "body": render.highlight(Article.from_dict(art), links),
        "names": {e["id"]: e["name"] for e in art["entities"]},
        "links": links,
    }
    return TEMPLATES.TemplateResponse(request, "article.html", context)


@router.get("/events", response_class=HTMLResponse)
def page_events(
    request: Request,
    actor: str | None = None,
    type: str | None = None,
    page: int = Query(1, ge=1),
    engine: Engine = Depends(get_engine),
):
    res = queries.events(
        engine,
        actor or None,
        type or None,
        limit=EVENTS_PAGE_SIZE,
        offset=(page - 1) * EVENTS_PAGE_SIZE,
        with_copies=False,
    )
    return TEMPLATES.TemplateResponse(
        request,
        "events.html",
        {"res": res, "actor": actor or "", "type": type or "", "types": TYPES, "page": page},
    )


@router.get("/search", response_class=HTMLResponse)
def page_search(request: Request, q: str = "", engine: Engine = Depends(get_engine)):
    res = queries.search(engine, q) if q.strip() else {"total": 0, "items": []}
    return TEMPLATES.TemplateResponse(request, "search.html", {"res": res, "q": q})
