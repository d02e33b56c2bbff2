"""The HTTP API: queries under /api/, paginated; ingest behind a token; size and rate limits; JSON errors."""

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.web.app import create_app

STORY = (
    'PARIS, Jan 2 - "France will stand by Ukraine," President Emmanuel Macron said on Tuesday after '
    "talks with Olaf Scholz in Paris."
)


@pytest.fixture
def client(db_url, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "a",
                "title": "Macron on Ukraine",
                "published": "2024-01-02",
                "source": "Wire One",
                "text": STORY,
            }
        )
        + "\n"
    )
    assert CliRunner().invoke(cli, ["ingest", str(path), "--db", db_url]).exit_code == 0
    app = create_app(db_url, token="s3cret", max_body=50_000, per_minute=1000, ingest_per_minute=8)
    with TestClient(app) as c:
        yield c


def test_queries_under_api(client):
    r = client.get("/api/quotes", params={"speaker": "Macron"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1 and body["items"][0]["speaker_name"] == "Emmanuel Macron"
    assert {"speaker", "outlet"} <= set(body["facets"])
    assert client.get("/api/quotes", params={"about": "Ukraine"}).json()["total"] == 1
    card = client.get("/api/entities/Macron").json()
    assert card["name"] == "Emmanuel Macron" and card["quotes"]
    assert client.get("/api/timeline/Macron").json()["items"] == [
        {"period": "2024-01", "articles": 1, "quotes": 1}
    ]
    events = client.get("/api/events", params={"type": "CONSULT"}).json()
    assert (
        events["total"] >= 1 and "Olaf Scholz" in events["items"][0]["actors"] + events["items"][0]["targets"]
    )
    hits = client.get("/api/search", params={"q": "Ukraine"}).json()
    assert hits["total"] == 1
    art = client.get(f"/api/articles/{hits['items'][0]['id']}").json()
    assert art["input_ids"] == ["a"] and art["copy_of"] is None
    assert client.get("/openapi.json").status_code == 200


def test_pagination(client):
    page = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert page["limit"] == 1 and page["offset"] == 1 and page["items"] == []
    r = client.get("/api/quotes", params={"limit": 100000})
    assert r.status_code == 422 and r.json()["error"]["reason"].startswith("query.limit")


def test_errors_are_json_with_a_reason(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and r.json() == {"error": {"status": 404, "reason": "no article 'nope'"}}
    r = client.get("/api/no-such-route")
    assert r.status_code == 404 and "reason" in r.json()["error"]


def test_ingest_needs_the_token(client):
    item = {
        "articles": [
            {
                "text": "MOSCOW, May 3 (Newswire) - Russia and China held talks in Moscow on Tuesday.",
                "published": "2024-05-03",
            }
        ]
    }
    assert client.post("/api/ingest", json=item).status_code == 401
    assert (
        client.post("/api/ingest", json={"not": "valid"}).status_code == 401
    )  # the token is checked before the body
    assert client.post("/api/ingest", json=item, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/ingest", json=item, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["results"][0]["new"] is True
    again = client.post("/api/ingest", json=item, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["results"][0]["new"] is False  # the same article twice changes nothing
    bad = client.post(
        "/api/ingest",
        json={"articles": [{"text": "", "html": None}]},
        headers={"Authorization": "Bearer s3cret"},
    )
    assert bad.status_code == 422 and "exactly one of text and html" in bad.json()["error"]["reason"]
    assert client.get("/api/events", params={"actor": "Russia"}).json()["total"] >= 1


def test_size_and_rate_limits(client):
    r = client.post(
        "/api/ingest",
        content=b"{" + b" " * 60_000 + b"}",
        headers={"Authorization": "Bearer s3cret", "content-type": "application/json"},
    )
    assert r.status_code == 413 and "bytes" in r.json()["error"]["reason"]
    codes = [
        client.post(
            "/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer s3cret"}
        ).status_code
        for _ in range(9)
    ]
    assert 429 in codes
    limited = client.post("/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer s3cret"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


def test_ingest_is_off_without_a_token(db_url):
    with TestClient(create_app(db_url)) as c:
        r = c.post("/api/ingest", json={"articles": [{"text": "x"}]})
    assert r.status_code == 403 and "--token" in r.json()["error"]["reason"]


def test_every_page_carries_security_headers(client):
    for path in ("/", "/api/quotes", "/docs", "/api/no-such-route", "/static/style.css"):
        r = client.get(path)
        assert r.headers["X-Frame-Options"] == "DENY", path
        assert r.headers["X-Content-Type-Options"] == "nosniff", path
        assert "script-src 'self'" in r.headers["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"], path
    assert "<script>" not in client.get("/docs").text  # the policy runs no inline script


@pytest.mark.parametrize(
    "path",
    [
        "/api/search?q=a%00b",
        "/?q=a%00b",
        "/search?q=a%00b",
        "/api/quotes?speaker=%ED%A0%80",  # a lone surrogate, as UTF-8 would spell it
        "/api/entities/a%00b",
        "/api/quotes?offset=99999999999999999999999",
        "/api/quote-clusters?min_size=99999999999999999999999",
        "/api/events?offset=18446744073709551616",
    ],
)
def test_text_and_integers_the_store_cannot_take_are_refused(client, path):
    r = client.get(path)
    assert r.status_code == 422, (path, r.status_code, r.text[:200])
    assert r.json()["error"]["status"] == 422 and r.headers["X-Frame-Options"] == "DENY"


def test_ingest_refuses_text_the_store_cannot_hold(client):
    auth = {"Authorization": "Bearer s3cret"}
    for text in ("A lone \ud800 surrogate, the minister said.", "A NUL \x00 here, the minister said."):
        body = json.dumps({"articles": [{"text": text}]}, ensure_ascii=True)
        r = client.post("/api/ingest", content=body, headers={**auth, "Content-Type": "application/json"})
        assert r.status_code == 422 and r.json()["error"]["reason"].startswith("articles.0.text"), r.text
