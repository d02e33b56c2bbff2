"""What the routes share: the app's store and its engine, and the ingest token."""

from __future__ import annotations

import hmac

from fastapi import Request
from sqlalchemy.engine import Engine

from ...store import Store
from ..errors import ApiError


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_engine(request: Request) -> Engine:
    return request.app.state.store.engine


def require_token(request: Request) -> None:
    """Before the body is even read: no token, no parsing."""
    token = request.app.state.token
    if not token:
        raise ApiError(403, "ingest is switched off: start the server with --token (or NEWSGRAPH_TOKEN)")
    given = request.headers.get("authorization", "")
    if not given.lower().startswith("bearer ") or not hmac.compare_digest(given[7:].strip(), token):
        raise ApiError(
            401, "a valid token is needed: Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
        )
