"""RSS and Atom feeds: every item becomes an article, with its link, date and content."""

from __future__ import annotations

import time
from collections.abc import Iterator

from ..errors import E_MALFORMED, E_NO_CONTENT
from ..types import Failure, RawRecord
from .decode import replace_surrogate_references


def read_feed(data: bytes, name: str) -> Iterator[RawRecord | Failure]:
    import feedparser

    data, surrogates = replace_surrogate_references(data)
    try:
        parsed = feedparser.parse(data)
    except (
        Exception
    ) as exc:  # the parser's own failure on text it made: the feed is unreadable, the batch goes on
        yield Failure(
            name, E_MALFORMED, f"{name}: the feed parser failed: {type(exc).__name__}: {exc}", raw=data
        )
        return
    if parsed.bozo and not parsed.entries:
        exc = parsed.get("bozo_exception")
        yield Failure(name, E_MALFORMED, f"{name}: malformed feed with no readable items: {exc}", raw=data)
        return
    warnings = []
    if surrogates:
        warnings.append(
            f"{surrogates} character reference(s) to no character (a lone surrogate) read as U+FFFD"
        )
    if parsed.bozo:
        warnings.append(f"feed is not well-formed ({parsed.get('bozo_exception')}); items read leniently")
    feed_title = parsed.feed.get("title")
    if not parsed.entries:
        yield Failure(name, E_NO_CONTENT, f"{name}: feed has no items", raw=data)
    for i, entry in enumerate(parsed.entries, 1):
        eid = entry.get("id") or entry.get("link") or f"{name}#{i}"
        location = f"{name}#item {i}"
        body = _content(entry)
        if not body:
            yield Failure(
                location, E_NO_CONTENT, f"{location}: item {eid!r} has no content or summary", input_id=eid
            )
            continue
        yield RawRecord(
            input_id=eid,
            location=location,
            html=body,
            title=entry.get("title"),
            published=_date(entry),
            url=entry.get("link"),
            source=(entry.get("source") or {}).get("title") or feed_title,
            fragment=True,
            byline=entry.get("author"),
            warnings=list(warnings),
        )


def _content(entry) -> str | None:
    """The fullest body the item carries: ``content`` over ``summary``."""
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        best = summary
    return best.strip() or None


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", st)
    return None
