"""The store: migrations, idempotent ingest, inputs kept per article."""

from conftest import table_dump
from sqlalchemy import inspect
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store


def test_migrations_create_the_schema(db_url):
    with Store(db_url) as store:
        tables = set(inspect(store.engine).get_table_names())
    assert {
        "articles",
        "article_inputs",
        "failures",
        "quotes",
        "entities",
        "timexes",
        "events",
        "alembic_version",
    } <= tables
    assert {"kb_entities", "entity_links", "quote_clusters", "quote_mentions", "event_participants"} <= tables


def test_ingesting_twice_changes_nothing(tmp_path, fixtures):
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    first = runner.invoke(
        app, ["ingest", str(fixtures / "feed.rss"), str(fixtures / "tass-style.txt"), "--db", db]
    )
    assert first.exit_code == 0, first.output
    dump1 = (tmp_path / "news.db").read_bytes()
    with Store(db) as store:
        ids = sorted(a.id for a in store.articles())
    second = runner.invoke(
        app, ["ingest", str(fixtures / "feed.rss"), str(fixtures / "tass-style.txt"), "--db", db]
    )
    assert "0 new article(s), 3 already stored" in second.output
    with Store(db) as store:
        assert sorted(a.id for a in store.articles()) == ids
        assert store.count("article_inputs") == 3
    assert (tmp_path / "news.db").read_bytes() == dump1


def test_ingesting_twice_changes_nothing_in_any_store(db_url, fixtures):
    runner = CliRunner()
    inputs = [str(fixtures / "feed.rss"), str(fixtures / "tass-style.txt")]
    assert runner.invoke(app, ["ingest", *inputs, "--db", db_url]).exit_code == 0
    with Store(db_url) as store:
        before = table_dump(store)
    second = runner.invoke(app, ["ingest", *inputs, "--db", db_url])
    assert "0 new article(s), 3 already stored" in second.output
    with Store(db_url) as store:
        assert table_dump(store) == before


def test_same_article_from_two_inputs_is_stored_once(tmp_path, fixtures, db_url):
    text = (fixtures / "tass-style.txt").read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("Share", "Follow us on Telegram"))
    db = db_url
    CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db])
    with Store(db) as store:
        assert store.count() == 1
        assert store.count("article_inputs") == 2


def test_stored_record_round_trips(db_url, fixtures):
    db = db_url
    CliRunner().invoke(app, ["ingest", str(fixtures / "reuters-style.txt"), "--db", db])
    with Store(db) as store:
        (art,) = store.articles()
        again = store.get(art.id)
    assert again.to_dict() == art.to_dict()
    assert art.dateline.place == "Frankfurt"


def test_ingest_streams_a_warc_through_the_progress_reader(tmp_path, warc_file):
    db = str(tmp_path / "news.db")
    result = CliRunner().invoke(app, ["ingest", str(warc_file), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 new article(s)" in result.output
