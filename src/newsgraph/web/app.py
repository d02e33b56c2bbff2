"""The HTTP API (``/api/…``, FastAPI, OpenAPI at ``/docs``) and the web UI on the same server.

``create_app(db_url, token=...)`` builds both over one store. The API serves the knowledge-base
queries, paginated (``limit``, ``offset``; at most 500 a page), and an ingest endpoint that needs the
token (``Authorization: Bearer …``). Requests larger than ``max_body`` bytes are refused (413), a
client that asks too often is slowed (429 with ``Retry-After``), and every error is JSON:
``{"error": {"status": 404, "reason": "…"}}``. The routes are in ``routes/`` (the API, the UI's pages,
the OpenAPI page); the limits in ``limits.py``; the errors in ``errors.py``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store
from .errors import install_error_handlers
from .limits import install_limits
from .routes import api, pages
from .routes.docs import mount_docs
from .security import install_security

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    max_body: int = MAX_BODY,
    per_minute: int = 600,
    ingest_per_minute: int = 30,
) -> FastAPI:
    store = Store(db_url)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who said what, who did what to whom — with the sentence that proves it.",
        lifespan=lifespan,
        docs_url=None,  # served by routes/docs.py from the swagger-ui-bundle package
        redoc_url=None,
    )
    app.state.store, app.state.token = store, token
    mount_docs(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_limits(app, max_body, per_minute, ingest_per_minute)
    install_security(app)  # outermost: its headers go on every response, limits' errors too
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
