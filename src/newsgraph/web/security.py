"""What every response carries and every request is checked for before it reaches a route.

Security headers on every page (a content security policy that allows only this server's own scripts,
styles and images; no framing; no content sniffing; no referrer to other sites), and query strings and
paths refused with 422 where they hold a NUL or a lone surrogate: text the store cannot hold, which
would otherwise fail inside the database as a 500.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote_to_bytes

from fastapi import FastAPI, Request

from ..ingest.decode import unfit_text
from .errors import error_response

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _unfit_request(request: Request) -> str | None:
    raw = request.scope.get("raw_path") or request.url.path.encode("utf-8", "surrogateescape")
    path = unquote_to_bytes(raw)  # the path as the client sent it, decoded once
    if b"\x00" in path:
        return "path holds a NUL character"
    try:
        path.decode("utf-8")
    except UnicodeDecodeError:
        return "path is not valid UTF-8 text (a lone surrogate, or other bytes)"
    why = unfit_text(request.url.path)  # the path as the routes read it
    if why:
        return f"path {why}"
    for key, value in parse_qsl(request.url.query, keep_blank_values=True, errors="surrogateescape"):
        why = unfit_text(key) or unfit_text(value)
        if why:
            return f"query.{key.encode('utf-8', 'replace').decode()}: {why}"
    return None


def install_security(app: FastAPI) -> None:
    @app.middleware("http")
    async def secure(request: Request, call_next):
        why = _unfit_request(request)
        response = error_response(422, why) if why else await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
