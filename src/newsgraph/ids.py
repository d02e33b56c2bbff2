"""Content-hash ids: the same content gives the same id on every run and every machine."""

from __future__ import annotations

import hashlib
import json


def content_id(*parts: object, length: int = 16) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


def article_key(doc) -> str:
    """The id an article will have (the content hash of its title and clean text), known as soon as
    its text is: the ids of its items are made from it."""
    return content_id("article", doc.title or "", doc.text)
