"""Shared fixtures. Tests that read ../shared (the evaluation data) skip where it is absent."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"the shared evaluation data is not at {SHARED} (CI and developer machines have it)")
    return SHARED


def warc_record(uri: str, html: bytes, record_id: str, content_type: str = "text/html; charset=utf-8") -> bytes:
    """One WARC/1.1 response record, written by hand so the test sees the format itself."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\nContent-Length: " + str(len(html)).encode() + b"\r\n\r\n" + html
    head = (
        "WARC/1.1\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        "WARC-Date: 2023-10-12T09:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


@pytest.fixture
def warc_file(tmp_path: Path, fixtures: Path) -> Path:
    """A gzip-per-record WARC with two HTML pages and an image."""
    page = (fixtures / "ap-style.html").read_bytes()
    other = page.replace(b"DENVER (AP)", b"BOULDER (AP)").replace(b"Storm closes", b"Blizzard shuts")
    records = [
        warc_record("https://news.example.org/storm", page, "00000000-0000-0000-0000-000000000001"),
        warc_record("https://news.example.org/logo.png", b"\x89PNG....", "00000000-0000-0000-0000-000000000002", "image/png"),
        warc_record("https://news.example.org/blizzard", other, "00000000-0000-0000-0000-000000000003"),
    ]
    path = tmp_path / "pages.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    return path
