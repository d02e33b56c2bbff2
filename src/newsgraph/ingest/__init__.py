"""Readers: files and streams in, :class:`RawRecord` (or :class:`Failure`) out. All I/O lives here.

``read_inputs`` takes paths (``-`` for standard input) and an input format (``auto`` sniffs each
file), and yields records one at a time so that a WARC of any size is streamed.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import E_EMPTY, E_FORMAT, E_TOO_LARGE, E_TRUNCATED, InputError
from ..types import Failure, RawRecord
from .feeds import read_feed
from .jsonl import read_jsonl
from .text import read_html, read_text
from .warc import read_warc

FORMATS = ("auto", "text", "html", "rss", "warc", "jsonl")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article; WARC and JSONL files are streamed past this

_EXT = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": None,  # sniff: a feed or not
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def sniff(name: str, head: bytes) -> str:
    """Guess the format from the file name and its first bytes."""
    lower = name.lower()
    for suffix in (".gz", ".gzip"):
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
    if lower.endswith(".warc") or head.startswith(b"WARC/"):
        return "warc"
    ext = os.path.splitext(lower)[1]
    if _EXT.get(ext):
        return _EXT[ext]  # type: ignore[return-value]
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if (probe.startswith(b"{") and b"\n" in head) or (lower.endswith(".json") and probe.startswith(b"{")):
        return "jsonl"
    if b"<rss" in probe or b"<feed" in probe or b"<rdf:rdf" in probe:
        return "rss"
    if probe.startswith((b"<!doctype html", b"<html")) or b"<body" in probe or b"<head" in probe:
        return "html"
    return "text"


class _Counting:
    """A binary file that reports how many bytes were read from it (for progress bars)."""

    def __init__(self, raw: BinaryIO, on_bytes: Callable[[int], None]):
        self.raw, self.on_bytes = raw, on_bytes

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.on_bytes(len(data))
        return data

    def readline(self, n: int = -1) -> bytes:
        data = self.raw.readline(n)
        self.on_bytes(len(data))
        return data

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def peek(self, n: int = 0) -> bytes:
        return self.raw.peek(n) if hasattr(self.raw, "peek") else b""

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.raw.tell()

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.raw.close()


def input_size(paths: Iterable[str]) -> int | None:
    """Bytes to read in all ``paths`` (files and folders); None when standard input is among them."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.is_dir():
            total += sum(x.stat().st_size for x in p.rglob("*") if x.is_file())
        elif p.exists():
            total += p.stat().st_size
    return total


def read_inputs(
    paths: Iterable[str],
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[RawRecord | Failure]:
    """Yield every record of every path; a path that cannot be read yields one Failure.

    ``on_bytes`` is told how many bytes each read took from the inputs, for a progress bar.
    """
    if input_format not in FORMATS:
        raise InputError(
            f"unknown input format {input_format!r}; choose one of {', '.join(FORMATS)}", code=E_FORMAT
        )
    for path in paths:
        try:
            yield from _read_path(path, input_format, max_bytes, stdin, on_bytes)
        except InputError as exc:
            yield Failure(path, exc.code, exc.message)
        except OSError as exc:
            yield Failure(path, "E100", f"{path}: cannot read: {exc.strerror or exc}")


def _read_path(
    path: str,
    input_format: str,
    max_bytes: int,
    stdin: BinaryIO | None,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[RawRecord | Failure]:
    stream: BinaryIO
    if path == "-":
        stream = stdin or sys.stdin.buffer
        name = "<stdin>"
    else:
        p = Path(path)
        if p.is_dir():
            for child in sorted(x for x in p.rglob("*") if x.is_file()):
                yield from read_inputs([str(child)], input_format, max_bytes, stdin, on_bytes)
            return
        stream = open(p, "rb")  # noqa: SIM115 - closed below
        name = path
    if on_bytes is not None:
        stream = _Counting(stream, on_bytes)  # type: ignore[assignment]
    try:
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        gzipped = head[:2] == b"\x1f\x8b"
        fmt = input_format
        if fmt == "auto":
            inner = _gunzip_head(head) if gzipped else head
            fmt = sniff(name, inner)
        if fmt == "warc":
            yield from read_warc(stream, name, max_bytes)  # fastwarc reads gzip itself
            return
        if gzipped:
            stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        if fmt == "jsonl":
            yield from read_jsonl(_lines(stream, name), name, max_bytes)
            return
        data = _read_limited(stream, name, max_bytes)
        if fmt == "rss":
            yield from read_feed(data, name)
        elif fmt == "html":
            yield read_html(data, name)
        else:
            yield read_text(data, name)
    finally:
        if path != "-":
            stream.close()


def _lines(stream: BinaryIO, name: str) -> Iterator[bytes]:
    try:
        yield from stream
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"{name}: truncated or corrupt gzip stream: {exc}", code=E_TRUNCATED) from exc


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"{name}: truncated or corrupt gzip stream: {exc}", code=E_TRUNCATED) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: larger than the limit of {max_bytes:,} bytes for one article "
            "(raise --max-bytes, or split it into JSONL records)",
            code=E_TOO_LARGE,
        )
    if not data.strip():
        raise InputError(f"{name}: empty input (no text to read)", code=E_EMPTY)
    return data


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "input_size", "read_inputs", "sniff"]
