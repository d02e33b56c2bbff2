"""Reprocessing: articles stored by other stage versions are made again, in place, on every store."""

import sqlalchemy as sa
from conftest import table_dump
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest import read_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store, schema

OLDER = "quotes.hybrid.v0"  # a version no code has: what an older store would hold


def _ingest(fixtures, db):
    inputs = [
        str(fixtures / "feed.rss"),
        str(fixtures / "tass-style.txt"),
        str(fixtures / "quotes-story.txt"),
    ]
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", db])
    assert result.exit_code == 0, result.output
    return inputs


def _age(store: Store, drop_raw: bool = False) -> None:
    """Make the store look written by older code: an older quote stage, its quotes gone, and (with
    ``drop_raw``) no input records kept."""
    a = schema.articles
    quotes_stage = next(n for n in Pipeline().names if n.startswith("quotes."))
    with store.engine.begin() as conn:
        for aid, pipeline, record in conn.execute(sa.select(a.c.id, a.c.pipeline, a.c.record)).all():
            record = dict(
                record, stages=[OLDER if n == quotes_stage else n for n in record["stages"]], quotes=[]
            )
            conn.execute(
                sa.update(a)
                .where(a.c.id == aid)
                .values(pipeline=pipeline.replace(quotes_stage, OLDER), record=record)
            )
        conn.execute(sa.delete(schema.quotes))
        conn.execute(sa.delete(schema.quote_mentions))
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text("DELETE FROM fts_quotes"))
        if drop_raw:
            conn.execute(sa.update(schema.article_inputs).values(raw=None))


def _without_raw(dump: dict) -> dict:
    return {k: v for k, v in dump.items() if k != "article_inputs"}


def test_reprocess_stale_brings_older_articles_up_to_date(db_url, fixtures, tmp_path):
    _ingest(fixtures, db_url)
    with Store(db_url) as store:
        fresh = table_dump(store)
        assert store.count("quotes") > 5
        _age(store)
        assert store.count("quotes") == 0
    result = CliRunner().invoke(app, ["reprocess", "--stale", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "4 article(s) made again, 0 already current" in result.output
    with Store(db_url) as store:
        assert (
            table_dump(store) == fresh
        )  # items, search tables and knowledge base as a fresh ingest made them
    again = CliRunner().invoke(app, ["reprocess", "--db", db_url])
    assert "0 article(s) made again, 4 already current" in again.output


def test_reprocess_without_kept_inputs_reruns_the_language_stages(db_url, fixtures):
    _ingest(fixtures, db_url)
    with Store(db_url) as store:
        fresh = table_dump(store)
        _age(store, drop_raw=True)
    result = CliRunner().invoke(app, ["reprocess", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "4 article(s) made again" in result.output
    with Store(db_url) as store:
        assert _without_raw(table_dump(store)) == _without_raw(fresh)


def test_ingest_of_an_input_stored_by_older_stages_makes_it_again(db_url, fixtures):
    inputs = _ingest(fixtures, db_url)
    with Store(db_url) as store:
        fresh = table_dump(store)
        _age(store, drop_raw=True)
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", db_url])
    assert "0 new article(s), 0 already stored, 4 made again by newer stages" in result.output, result.output
    with Store(db_url) as store:
        assert table_dump(store) == fresh


def test_an_input_whose_article_changed_replaces_the_older_one(db_url, fixtures):
    """Older reading stages made other content (another id) of the same input: that article gives way."""
    (record,) = list(read_inputs([str(fixtures / "tass-style.txt")]))
    (current,) = list(Pipeline().run([record]))
    (older,) = list(Pipeline().run([record]))
    older.title, older.id = "An older reading of the title", "0123456789abcdef"
    older.stages = [OLDER if n.startswith("quotes.") else n for n in older.stages]
    with Store(db_url) as store:
        assert store.put(older) == "new"
        assert store.put(current) == "updated"
        assert [a.id for a in store.articles()] == [current.id]
        assert store.put(current) == "known"
        with store.engine.connect() as conn:
            assert (
                conn.execute(
                    sa.select(sa.func.count())
                    .select_from(schema.quotes)
                    .where(schema.quotes.c.article_id == older.id)
                ).scalar_one()
                == 0
            )
