"""The OpenAPI page, with Swagger UI's files from a PyPI package (swagger-ui-bundle), not from a CDN:
the machine may have no internet. That Swagger UI (4.x) reads OpenAPI 3.0, so the schema says 3.0.3;
what FastAPI writes is valid as such for these routes."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph API</title>
<link rel="stylesheet" href="/docs-static/swagger-ui.css"><link rel="icon"
href="/docs-static/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-static/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>"""

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def docs() -> HTMLResponse:
    return HTMLResponse(DOCS_PAGE)


def mount_docs(app: FastAPI) -> None:
    import swagger_ui_bundle

    app.openapi_version = "3.0.3"
    app.mount("/docs-static", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-static")
    app.include_router(router)
