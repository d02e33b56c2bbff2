"""Plain text as pasted from a news page, and HTML files read whole."""

from __future__ import annotations

from ..types import RawRecord
from .decode import decode_bytes


def read_text(data: bytes, name: str) -> RawRecord:
    text, warnings = decode_bytes(data, name)
    return RawRecord(input_id=name, location=name, text=text, warnings=warnings)


def read_html(data: bytes, name: str, declared: str | None = None, url: str | None = None) -> RawRecord:
    html, warnings = decode_bytes(data, name, declared=declared or _meta_charset(data))
    return RawRecord(input_id=name, location=name, html=html, url=url, warnings=warnings)


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>``)."""
    import re

    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None
