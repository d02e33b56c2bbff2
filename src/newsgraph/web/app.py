"""The HTTP API (``/api/…``, FastAPI, OpenAPI at ``/docs``) and the web UI on the same server.

``create_app(db_url, token=...)`` builds both over one store. The API serves the knowledge-base
queries, paginated (``limit``, ``offset``; at most 500 a page), and an ingest endpoint that needs the
token (``Authorization: Bearer …``). Requests larger than ``max_body`` bytes are refused (413), a
client that asks too often is slowed (429 with ``Retry-After``), and every error is JSON:
``{"error": {"status": 404, "reason": "…"}}``. The UI pages are rendered on the server from the
same queries: quote search with speaker and outlet facets, entity pages with a timeline chart,
articles with every extracted item highlighted from its offsets, and events.
"""

from __future__ import annotations

import contextlib
import hmac
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..kb import queries
from ..kb.build import rebuild as rebuild_kb
from ..store import Store
from . import render

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024
MAX_INGEST_ITEMS = 50


class ApiError(Exception):
    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None):
        self.status, self.reason, self.headers = status, reason, headers or {}


class RateLimiter:
    """At most ``per_minute`` requests per client in any sliding minute (per process)."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.hits: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def check(self, client: str) -> float | None:
        """None when the request may go on, else the seconds to wait."""
        now = time.monotonic()
        with self.lock:
            q = self.hits[client]
            while q and now - q[0] > 60:
                q.popleft()
            if len(q) >= self.per_minute:
                return 60 - (now - q[0])
            q.append(now)
        return None


class IngestItem(BaseModel):
    text: str | None = Field(None, description="The article as plain text (a wire story as pasted).")
    html: str | None = Field(None, description="The article as an HTML page.")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="Publication date (YYYY-MM-DD) where the page gives none.")
    id: str | None = Field(None, description="The caller's id of this record.")


class IngestRequest(BaseModel):
    articles: list[IngestItem] = Field(..., min_length=1, max_length=MAX_INGEST_ITEMS)


def create_app(db_url: str | None = None, token: str | None = None, max_body: int = MAX_BODY, per_minute: int = 600, ingest_per_minute: int = 30) -> FastAPI:
    store = Store(db_url)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="newsgraph",
        version=_version(),
        description="Who said what, who did what to whom — with the sentence that proves it.",
        lifespan=lifespan,
        docs_url=None,  # served below from the swagger-ui-bundle package: the machine may have no internet
        redoc_url=None,
    )
    _mount_docs(app)
    app.state.store = store
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    readers, writers = RateLimiter(per_minute), RateLimiter(ingest_per_minute)
    engine = store.engine

    @app.middleware("http")
    async def limits(request: Request, call_next):
        size = request.headers.get("content-length")
        if size is not None and (not size.isdigit() or int(size) > max_body):
            return _error(413, f"request body over {max_body} bytes")
        if request.method not in ("GET", "HEAD") and size is None and request.headers.get("transfer-encoding"):
            return _error(411, "send a Content-Length with the request body")
        client = request.client.host if request.client else "unknown"
        limiter = writers if request.url.path.startswith("/api/ingest") else readers
        wait = limiter.check(client)
        if wait is not None:
            return _error(429, "too many requests; slow down", {"Retry-After": str(int(wait) + 1)})
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return _error(exc.status, exc.reason, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError):
        reasons = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(422, reasons or "invalid request")

    # -- the API ---------------------------------------------------------------------------------

    @app.get("/api/quotes", tags=["api"], summary="Quotes: by speaker, about an entity, in a period, by words")
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
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        return queries.quotes(engine, speaker, about, since, until, search, outlet, not no_copies, limit, offset, exact_speaker)

    @app.get("/api/entities", tags=["api"], summary="Knowledge-base entities whose name or alias holds the words")
    def api_entities(name: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
        items = queries.matching_entities(engine, name, limit)
        return {"total": len(items), "items": items}

    @app.get("/api/entities/{name_or_id}", tags=["api"], summary="One entity: aliases, titles, counts, quotes, companions, timeline")
    def api_entity(name_or_id: str) -> dict[str, Any]:
        card = queries.entity(engine, name_or_id)
        if card is None:
            raise ApiError(404, f"no entity matches {name_or_id!r}")
        return card

    @app.get("/api/timeline/{name_or_id}", tags=["api"], summary="Articles naming the entity and quotes it gave, per period")
    def api_timeline(name_or_id: str, by: str = Query("month", pattern="^(day|month|year)$")) -> dict[str, Any]:
        found = _entity_or_404(name_or_id)
        return {"entity": {"id": found["id"], "name": found["name"]}, "by": by, "items": queries.timeline(engine, found["id"], by)}

    @app.get("/api/events", tags=["api"], summary="Events by actor and PLOVER type")
    def api_events(
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        no_copies: bool = False,
        limit: int = Query(50, ge=1, le=queries.MAX_LIMIT),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        return queries.events(engine, actor, type, since, until, limit, offset, not no_copies)

    @app.get("/api/search", tags=["api"], summary="Full-text search of articles")
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=queries.MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        return queries.search(engine, q, limit, offset)

    @app.get("/api/quote-clusters", tags=["api"], summary="Statements reported more than once")
    def api_clusters(min_size: int = Query(2, ge=1), limit: int = Query(50, ge=1, le=queries.MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        return queries.quote_clusters(engine, min_size, limit, offset)

    @app.get("/api/articles/{article_id}", tags=["api"], summary="One article: the output contract, its inputs and its copy cluster")
    def api_article(article_id: str) -> dict[str, Any]:
        art = store.article_record(article_id)
        if art is None:
            raise ApiError(404, f"no article {article_id!r}")
        return art

    def require_token(request: Request) -> None:
        _authorise(request, token)  # before the body is even read: no token, no parsing

    @app.post("/api/ingest", tags=["api"], summary="Read, extract and store articles (needs the token)", dependencies=[Depends(require_token)])
    def api_ingest(body: IngestRequest) -> dict[str, Any]:
        from ..pipeline import Options, Pipeline
        from ..types import Failure, RawRecord

        records = []
        for i, item in enumerate(body.articles):
            if bool(item.text) == bool(item.html):
                raise ApiError(422, f"articles.{i}: give exactly one of text and html")
            loc = f"api#{item.id or i}"
            records.append((RawRecord(input_id=item.id, location=loc, text=item.text, html=item.html, url=item.url, title=item.title), item.published))
        out = []
        pipeline = Pipeline()
        for record, published in records:
            result = pipeline.process(record, Options(published=published))
            if isinstance(result, Failure):
                store.add_failure(result)
                out.append({"input_id": record.input_id, "location": record.location, "error": {"code": result.code, "reason": result.reason}})
            else:
                new = store.add(result)
                out.append({"input_id": record.input_id, "location": record.location, "id": result.id, "new": new})
        if any(r.get("new") for r in out):
            rebuild_kb(engine)
        return {"results": out}

    def _entity_or_404(name_or_id: str) -> dict[str, Any]:
        card = queries.entity(engine, name_or_id)
        if card is None:
            raise ApiError(404, f"no entity matches {name_or_id!r}")
        return card

    # -- the UI ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_quotes(request: Request, q: str | None = None, speaker: str | None = None, outlet: str | None = None, about: str | None = None, exact: bool = False, page: int = Query(1, ge=1)):
        res = queries.quotes(engine, speaker=speaker, about=about, search=q or None, outlet=outlet, limit=25, offset=(page - 1) * 25, exact_speaker=exact)
        return templates.TemplateResponse(
            request,
            "quotes.html",
            {"res": res, "q": q or "", "speaker": speaker, "outlet": outlet, "about": about, "exact": exact, "page": page, "stats": store.stats()},
        )

    @app.get("/entity/{name_or_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_entity(request: Request, name_or_id: str):
        card = queries.entity(engine, name_or_id)
        if card is None:
            raise StarletteHTTPException(404, f"no entity matches {name_or_id!r}")
        return templates.TemplateResponse(request, "entity.html", {"e": card, "chart": render.timeline_svg(card["timeline"])})

    @app.get("/entities", include_in_schema=False)
    def page_entities(name: str = ""):
        found = queries.matching_entities(engine, name, 1) if name else []
        if not found:
            raise StarletteHTTPException(404, f"no entity matches {name!r}")
        return RedirectResponse(f"/entity/{found[0]['id']}", status_code=303)

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(request: Request, article_id: str):
        art = store.article_record(article_id)
        if art is None:
            raise StarletteHTTPException(404, f"no article {article_id!r}")
        links = store.kb_links(article_id)
        return templates.TemplateResponse(request, "article.html", {"a": art, "body": render.highlight(art, links), "names": {e["id"]: e["name"] for e in art["entities"]}, "links": links})

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def page_events(request: Request, actor: str | None = None, type: str | None = None, page: int = Query(1, ge=1)):
        from ..text.plover import TYPES

        res = queries.events(engine, actor or None, type or None, limit=50, offset=(page - 1) * 50, with_copies=False)
        return templates.TemplateResponse(request, "events.html", {"res": res, "actor": actor or "", "type": type or "", "types": TYPES, "page": page})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def page_search(request: Request, q: str = ""):
        res = queries.search(engine, q) if q.strip() else {"total": 0, "items": []}
        return templates.TemplateResponse(request, "search.html", {"res": res, "q": q})

    return app


DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph API</title>
<link rel="stylesheet" href="/docs-static/swagger-ui.css"><link rel="icon" href="/docs-static/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-static/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout", deepLinking: true});</script>
</body></html>"""


def _mount_docs(app: FastAPI) -> None:
    """The OpenAPI page with Swagger UI's files from a PyPI package (swagger-ui-bundle), not from a CDN.

    That Swagger UI (4.x) reads OpenAPI 3.0, so the schema says 3.0.3; what FastAPI writes is valid
    as such for these routes."""
    import swagger_ui_bundle

    app.openapi_version = "3.0.3"
    app.mount("/docs-static", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)


def _authorise(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(403, "ingest is switched off: start the server with --token (or NEWSGRAPH_TOKEN)")
    given = request.headers.get("authorization", "")
    if not given.lower().startswith("bearer ") or not hmac.compare_digest(given[7:].strip(), token):
        raise ApiError(401, "a valid token is needed: Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"})


def _error(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "reason": reason}}, status_code=status, headers=headers)


def _version() -> str:
    from .. import __version__

    return __version__
