"""Limits on every request: the body's size (413, 411 without a length) and how often a client may
ask (429 with ``Retry-After``; ingest has a limit of its own)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from fastapi import FastAPI, Request

from .errors import error_response


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


def install_limits(app: FastAPI, max_body: int, per_minute: int, ingest_per_minute: int) -> None:
    readers, writers = RateLimiter(per_minute), RateLimiter(ingest_per_minute)

    @app.middleware("http")
    async def limits(request: Request, call_next):
        size = request.headers.get("content-length")
        if size is not None and (not size.isdigit() or int(size) > max_body):
            return error_response(413, f"request body over {max_body} bytes")
        if (
            request.method not in ("GET", "HEAD")
            and size is None
            and request.headers.get("transfer-encoding")
        ):
            return error_response(411, "send a Content-Length with the request body")
        client = request.client.host if request.client else "unknown"
        limiter = writers if request.url.path.startswith("/api/ingest") else readers
        wait = limiter.check(client)
        if wait is not None:
            return error_response(429, "too many requests; slow down", {"Retry-After": str(int(wait) + 1)})
        return await call_next(request)
