"""The web UI end to end in headless Chromium (Debian's chromium, driven by Playwright), over the bundled
sample.

Set NEWSGRAPH_SCREENSHOTS to a folder to keep a screenshot of each page (the README's come from here:
NEWSGRAPH_SCREENSHOTS=docs/screenshots).
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app as cli

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from newsgraph.web.app import create_app

    db = str(tmp_path_factory.mktemp("ui") / "news.db")
    result = CliRunner().invoke(cli, ["ingest", str(ROOT / "samples" / "articles"), "--db", db])
    assert result.exit_code == 0, result.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:  # fail at once where the server cannot start, instead of browsing nothing
        if not thread.is_alive():
            pytest.fail(f"the UI server stopped before it started on port {port} (see its log above)")
        if time.monotonic() > deadline:
            pytest.fail(f"the UI server did not start on port {port} within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("NEWSGRAPH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_quote_search_with_facets(server, page):
    page.goto(server + "/")
    total = int(page.locator("#quote-count").inner_text().split()[0].rstrip("+"))
    assert total > 50
    shot(page, "quotes")
    page.fill("input[name=q]", "Airbus")
    page.click("#search-quotes")
    page.wait_for_url("**/?q=Airbus*")
    found = int(page.locator("#quote-count").inner_text().split()[0].rstrip("+"))
    assert 0 < found < total
    first = page.locator("#facet-speaker a").first
    speaker = first.inner_text()
    first.click()
    page.wait_for_url("**speaker=*")
    assert speaker in page.locator("#quote-count").inner_text()
    metas = page.locator(".quote .speaker").all_inner_texts()
    assert metas and all(m == speaker for m in metas)


def test_entity_page_has_a_timeline_chart(server, page):
    page.goto(server + "/")
    page.fill("input[name=name]", "Steve Jobs")
    page.click("form.jump button")
    page.wait_for_url("**/entity/*")
    assert page.locator("#entity-name").inner_text().startswith("Steve Jobs")
    assert page.locator("#timeline svg rect.bar-articles").count() >= 2
    assert page.locator("#appears-with li").count() >= 3
    shot(page, "entity")
    page.locator("#appears-with a").first.click()
    page.wait_for_url("**/entity/*")
    assert not page.locator("#entity-name").inner_text().startswith("Steve Jobs")


def test_article_page_highlights_every_kind_and_links_entities(server, page):
    page.goto(server + "/search?q=Airbus")
    assert int(page.locator("#article-count").inner_text().split()[0].rstrip("+").rstrip(";")) > 5
    page.goto(server + "/?q=Airbus")
    page.locator(".quote .meta a[href^='/article/']").first.click()
    page.wait_for_url("**/article/*")
    body = page.locator("#article-body")
    for kind in ("hl-quote", "hl-entity", "hl-timex"):
        assert body.locator(f".{kind}").count() > 0, kind
    shot(page, "article")
    body.locator("a.hl-entity").first.click()
    page.wait_for_url("**/entity/*")
    assert page.locator("#entity-name").count() == 1


def test_events_view_filters_by_type(server, page):
    page.goto(server + "/events")
    total = int(page.locator("#event-count").inner_text().split()[0])
    assert total > 10
    shot(page, "events")
    page.select_option("select[name=type]", "CONSULT")
    page.click("#filter-events")
    page.wait_for_url("**type=CONSULT*")
    types = page.locator("table.events .etype").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    assert int(page.locator("#event-count").inner_text().split()[0]) < total


def test_api_page_renders_offline(server, page):
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-tag", timeout=15000)
    assert "/api/quotes" in page.content()
    shot(page, "api")
