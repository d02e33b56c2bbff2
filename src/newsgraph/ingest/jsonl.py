"""JSONL input: one record a line, ``{"id", "text" or "html", "title"?, "published"?, "url"?, "source"?}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import E_MALFORMED, E_TOO_LARGE
from ..types import Failure, RawRecord
from .decode import unfit_text

_OPTIONAL = ("title", "published", "url", "source", "byline")


def read_jsonl(lines: Iterable[bytes], name: str, max_bytes: int) -> Iterator[RawRecord | Failure]:
    for lineno, raw in enumerate(lines, 1):
        location = f"{name}:{lineno}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield Failure(
                location,
                E_TOO_LARGE,
                f"{location}: line of {len(raw):,} bytes exceeds the limit of {max_bytes:,}",
                raw=raw[:max_bytes],
            )
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Failure(location, E_MALFORMED, f"{location}: not a JSON object: {exc}", raw=raw)
            continue
        except RecursionError:
            yield Failure(location, E_MALFORMED, f"{location}: JSON nested too deeply to read", raw=raw)
            continue
        except ValueError as exc:  # an integer of more digits than Python converts
            yield Failure(location, E_MALFORMED, f"{location}: unreadable JSON value: {exc}", raw=raw)
            continue
        if not isinstance(obj, dict):
            yield Failure(
                location,
                E_MALFORMED,
                f"{location}: expected a JSON object, got {type(obj).__name__}",
                raw=raw,
            )
            continue
        rid = obj.get("id")
        rid = str(rid) if rid is not None else None
        text, html = obj.get("text"), obj.get("html")
        if not isinstance(text, str) and not isinstance(html, str):
            yield Failure(
                location,
                E_MALFORMED,
                f"{location}: record {rid!r} has neither a 'text' nor an 'html' string",
                input_id=rid,
                raw=raw,
            )
            continue
        if isinstance(text, str) and not text.strip() and not (isinstance(html, str) and html.strip()):
            yield Failure(
                location,
                E_MALFORMED,
                f"{location}: record {rid!r} has an empty 'text'",
                input_id=rid,
                raw=raw,
            )
            continue
        extra = {k: obj[k] if isinstance(obj.get(k), str) else None for k in _OPTIONAL}
        fields = {"text": text, "html": html, **extra}
        nul = next((k for k, v in fields.items() if isinstance(v, str) and "\x00" in v), None)
        if nul:
            yield Failure(
                location,
                E_MALFORMED,
                f"{location}: record {rid!r}: '{nul}' holds a NUL character",
                input_id=rid,
                raw=raw,
            )
            continue
        warnings = [
            f"'{k}' held lone surrogates, read as U+FFFD"
            for k, v in fields.items()
            if isinstance(v, str) and unfit_text(v)
        ]
        if warnings or (rid and unfit_text(rid)):
            rid, text, html = _repaired(rid), _repaired(text), _repaired(html)
            extra = {k: _repaired(v) for k, v in extra.items()}
        yield RawRecord(
            input_id=rid,
            location=location,
            text=text if isinstance(text, str) and text.strip() else None,
            html=html if not (isinstance(text, str) and text.strip()) else None,
            warnings=warnings,
            **extra,
        )


def _repaired(value):
    """A string with each lone surrogate replaced by U+FFFD (other values as they are)."""
    if not isinstance(value, str):
        return value
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)
