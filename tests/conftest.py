"""Shared fixtures. Tests that read ../shared (the evaluation data) skip where it is absent."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

# Every pipeline the tests build checks that each stage changes only the fields it declares.
os.environ.setdefault("NEWSGRAPH_CHECK_CONTRACTS", "1")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ where stage versions explain the change",
    )


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"the shared evaluation data is not at {SHARED} (CI and developer machines have it)")
    return SHARED


def warc_record(
    uri: str, html: bytes, record_id: str, content_type: str = "text/html; charset=utf-8"
) -> bytes:
    """One WARC/1.1 response record, written by hand so the test sees the format itself."""
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: "
        + content_type.encode()
        + b"\r\nContent-Length: "
        + str(len(html)).encode()
        + b"\r\n\r\n"
        + html
    )
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
        warc_record(
            "https://news.example.org/logo.png",
            b"\x89PNG....",
            "00000000-0000-0000-0000-000000000002",
            "image/png",
        ),
        warc_record("https://news.example.org/blizzard", other, "00000000-0000-0000-0000-000000000003"),
    ]
    path = tmp_path / "pages.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    return path


POSTGRES_ENV = (
    "NEWSGRAPH_TEST_POSTGRES"  # a server URL (postgresql+psycopg://user:pw@host/postgres); CI sets it
)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty store URL: a SQLite file, and (where a server is given) a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "news.db")
        return
    import os
    import uuid

    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(
            f"set {POSTGRES_ENV} to a PostgreSQL server URL to run the store tests on PostgreSQL "
            "(.ci/run starts one)"
        )
    import sqlalchemy as sa

    name = "newsgraph_test_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def table_dump(store) -> dict:
    """Every row of every table, sorted: compares two stores' content whatever the database."""
    import sqlalchemy as sa

    from newsgraph.store import schema

    out = {}
    with store.engine.connect() as conn:
        for name, table in schema.metadata.tables.items():
            rows = conn.execute(sa.select(table)).all()
            out[name] = sorted(repr(tuple(r)) for r in rows)
    return out
