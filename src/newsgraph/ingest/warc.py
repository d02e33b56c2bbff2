"""WARC archives: every HTML response record becomes an article, streamed record by record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import E_MALFORMED, E_TOO_LARGE, E_TRUNCATED, InputError
from ..types import Failure, RawRecord
from .decode import decode_bytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[RawRecord | Failure]:
    """Yield one RawRecord per HTML response; never holds more than one record in memory.

    fastwarc stops quietly at a truncated gzip member; a record whose payload is shorter than
    its declared length is reported as truncated, with what was read kept as the failure's bytes.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
        for count, record in enumerate(records, 1):
            ctype = (record.http_content_type or "").lower()
            if ctype and not ctype.startswith(_HTML_TYPES):
                continue  # images, scripts, PDFs: not articles
            yield _read_record(record, f"{name}#{count} {record.record_id}", max_bytes)
    except BaseException as exc:  # fastwarc raises plain exceptions, or a Rust panic, on corrupt streams
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        location = f"{name}#{count + 1}"
        yield Failure(
            location, E_MALFORMED, f"{location}: unreadable WARC data after {count} record(s): {exc}"
        )
    if count == 0:
        yield Failure(
            name,
            E_MALFORMED,
            f"{name}: no WARC response records found (not a WARC file, or truncated before the first record)",
        )


def _read_record(record, location: str, max_bytes: int) -> RawRecord | Failure:
    """One HTML response: its page, or why it cannot be read (too large, truncated, undecodable)."""
    rid = record.record_id
    declared = record.content_length
    if declared > max_bytes:
        record.reader.consume()
        return Failure(
            location,
            E_TOO_LARGE,
            f"{location}: payload of {declared:,} bytes exceeds the limit of {max_bytes:,}",
            input_id=rid,
        )
    payload = record.reader.read()
    if len(payload) < declared:
        return Failure(
            location,
            E_TRUNCATED,
            f"{location}: truncated WARC record: {len(payload):,} of {declared:,} payload bytes present",
            input_id=rid,
            raw=payload,
        )
    try:
        html, warnings = decode_bytes(payload, location, declared=record.http_charset)
    except InputError as exc:
        return Failure(location, exc.code, exc.message, input_id=rid, raw=payload)
    # The HTTP Date header says when the page was fetched, not published: left unused.
    uri = record.headers.get("WARC-Target-URI")
    return RawRecord(input_id=rid, location=location, html=html, url=uri, warnings=warnings)
