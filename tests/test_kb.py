"""The knowledge base across articles: copies, quote clusters, entities, queries, exports — on SQLite and
PostgreSQL."""

import csv
import io
import json

import pytest
from conftest import table_dump
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.kb import clusters, queries
from newsgraph.kb.build import kb_key
from newsgraph.store import Store

STORY = (
    "FRANKFURT, June 6 (Reuters) - The central bank kept its main interest rate unchanged on "
    "Thursday, saying "
    "inflation had eased faster than expected in the spring and that the labour market remained tight.\n\n"
    '"We are not in a hurry to cut rates again," central bank president Maria Keller told '
    "reporters in Frankfurt.\n\n"
    "Policymakers said further cuts would depend on wage data due in July, and that the outlook "
    "for growth remained weak. "
    "Economists polled last week had expected the decision, though several had seen a chance of "
    "a cut in June."
)


def jsonl(rows):
    return "".join(json.dumps(r) + "\n" for r in rows)


@pytest.fixture
def corpus(tmp_path):
    """An original, two syndicated copies (new headline and wire credit; trimmed and re-paragraphed), a
    different story on the same event, and another outlet quoting the same words."""
    rows = [
        {
            "id": "orig",
            "title": "Central bank holds rates",
            "published": "2024-06-06",
            "source": "Wire One",
            "text": STORY,
        },
        {
            "id": "copy-headline",
            "title": "Rates unchanged as inflation cools",
            "published": "2024-06-07",
            "source": "Daily Two",
            "text": STORY.replace("(Reuters) - ", "/Reuters/ "),
        },
        {
            "id": "copy-trimmed",
            "title": "Bank on hold",
            "published": "2024-06-07",
            "source": "Gazette Three",
            "text": STORY.rsplit("\n\n", 1)[0].replace("\n\n", " "),
        },
        {
            "id": "other",
            "title": "Keller keeps markets guessing",
            "published": "2024-06-08",
            "source": "Weekly Four",
            "text": (
                "BERLIN, June 8 - Investors spent the week guessing what the central bank would "
                "do next after its decision to stand pat. "
                '"We are not in a hurry to cut rates again," Maria Keller said on Thursday. '
                "Analysts at two banks said they now expect "
                "no move before the autumn, and bond yields rose in response. John Smith of "
                "Alpha Bank said the bank had been clear."
            ),
        },
        {
            "id": "smith",
            "title": "Another Smith",
            "published": "2024-07-01",
            "source": "Weekly Four",
            "text": "LONDON, July 1 - Jane Smith, a teacher from Leeds, said the strike would go ahead. "
            "Smith said teachers had no choice.",
        },
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text(jsonl(rows))
    return path


def ingest(db, *paths):
    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", db])
    assert result.exit_code == 0, result.output
    return result


def test_copies_cluster_with_one_canonical_article(db_url, corpus):
    ingest(db_url, corpus)
    with Store(db_url) as store:
        recs = {r["input_ids"][0]: r for r in (store.article_record(a.id) for a in store.articles())}
    orig = recs["orig"]["id"]
    assert recs["orig"]["copy_of"] is None
    assert recs["copy-headline"]["copy_of"] == orig
    assert recs["copy-trimmed"]["copy_of"] == orig
    assert recs["other"]["copy_of"] is None and recs["smith"]["copy_of"] is None
    assert sorted(recs["orig"]["copies"]) == sorted([recs["copy-headline"]["id"], recs["copy-trimmed"]["id"]])


def test_the_same_quote_from_many_outlets_is_one_cluster(db_url, corpus):
    ingest(db_url, corpus)
    with Store(db_url) as store:
        res = queries.quote_clusters(store.engine, min_size=2)
    keller = [c for c in res["items"] if "not in a hurry" in c["content"]]
    assert len(keller) == 1
    assert keller[0]["size"] >= 3 and set(keller[0]["outlets"]) >= {"Wire One", "Weekly Four"}
    assert keller[0]["earliest"].startswith("2024-06-06")


def test_entities_merge_across_articles_but_two_smiths_stay_two(db_url, corpus):
    ingest(db_url, corpus)
    with Store(db_url) as store:
        keller = queries.entity(store.engine, "Keller")
        smiths = [e for e in queries.matching_entities(store.engine, "Smith") if e["type"] == "PERSON"]
        frankfurt = queries.matching_entities(store.engine, "Frankfurt")
    assert keller["name"] == "Maria Keller"
    assert keller["article_count"] == 4 and keller["article_count_without_copies"] == 2
    assert keller["first_seen"] == "2024-06-06" and keller["last_seen"] == "2024-06-08"
    names = sorted(e["name"] for e in smiths)
    assert "John Smith" in names and "Jane Smith" in names
    assert [(e["name"], e["article_count"]) for e in frankfurt] == [("Frankfurt", 3)]
    assert kb_key("PERSON", "John Smith", {}) != kb_key("PERSON", "Jane Smith", {})


def test_ingesting_again_changes_nothing(db_url, corpus):
    ingest(db_url, corpus)
    with Store(db_url) as store:
        before = table_dump(store)
    again = ingest(db_url, corpus)
    assert "0 new article(s)" in again.output
    with Store(db_url) as store:
        assert table_dump(store) == before


def test_cli_queries_in_every_format(db_url, corpus):
    ingest(db_url, corpus)
    runner = CliRunner()
    out = runner.invoke(app, ["quotes", "--speaker", "Keller", "--db", db_url, "--format", "json"])
    assert out.exit_code == 0, out.output
    items = json.loads(out.stdout)
    assert items and all("Keller" in (q["speaker_name"] or "") for q in items)
    out = runner.invoke(
        app, ["quotes", "--speaker", "Keller", "--since", "2024-06-08", "--db", db_url, "--format", "jsonl"]
    )
    assert [json.loads(x)["published"] for x in out.stdout.splitlines()] == ["2024-06-08"]
    out = runner.invoke(
        app, ["quotes", "--search", "hurry", "--no-copies", "--db", db_url, "--format", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 2  # the original and the other outlet; the copies are left out
    out = runner.invoke(app, ["entity", "Keller", "--db", db_url])
    assert out.exit_code == 0 and "Maria Keller" in out.stdout and "4 article(s)" in out.stdout
    out = runner.invoke(app, ["timeline", "Keller", "--db", db_url, "--by", "day"])
    assert "2024-06-06" in out.stdout and "#" in out.stdout
    out = runner.invoke(app, ["search", "bond yields", "--db", db_url, "--format", "json"])
    assert [r["title"] for r in json.loads(out.stdout)] == ["Keller keeps markets guessing"]
    out = runner.invoke(app, ["events", "--db", db_url, "--format", "json"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, ["entity", "Nobody At All", "--db", db_url])
    assert out.exit_code == 1 and "no entity matches" in out.output


def test_quotes_about_an_entity(db_url, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        jsonl(
            [
                {
                    "id": "a",
                    "published": "2024-01-02",
                    "text": 'PARIS, Jan 2 - "France will stand by Ukraine," Emmanuel Macron said on Tuesday.',
                }
            ]
        )
    )
    ingest(db_url, path)
    with Store(db_url) as store:
        res = queries.quotes(store.engine, about="Ukraine")
        none = queries.quotes(store.engine, about="Germany")
    assert [q["speaker_name"] for q in res["items"]] == ["Emmanuel Macron"]
    assert none["total"] == 0


def test_exports(db_url, corpus, tmp_path):
    ingest(db_url, corpus)
    runner = CliRunner()
    out = runner.invoke(app, ["export", "--db", db_url, "--format", "jsonl"])
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(lines) == 5 and all("copy_of" in r and r["input_ids"] for r in lines)
    assert sum(1 for r in lines if r["copy_of"]) == 2
    out = runner.invoke(app, ["export", "--db", db_url, "--format", "jsonl", "--no-copies"])
    assert len(out.stdout.splitlines()) == 3
    res = runner.invoke(app, ["export", "--db", db_url, "--format", "gdelt", "--out", str(tmp_path / "g")])
    assert res.exit_code == 0, res.output
    events = (tmp_path / "g.export.CSV").read_text().splitlines()
    mentions = (tmp_path / "g.mentions.CSV").read_text().splitlines()
    assert all(len(line.split("\t")) == 61 for line in events)
    assert all(len(line.split("\t")) == 16 for line in mentions)
    out = runner.invoke(app, ["export", "--db", db_url, "--format", "quotebank"])
    recs = [json.loads(x) for x in out.stdout.splitlines()]
    keller = next(r for r in recs if "not in a hurry" in r["quotation"])
    assert keller["numOccurrences"] >= 3 and keller["speaker"] == "Maria Keller" and keller["qids"] == []
    res = runner.invoke(
        app,
        [
            "export",
            "--db",
            db_url,
            "--format",
            "parquet",
            "--table",
            "quotes",
            "--out",
            str(tmp_path / "q.parquet"),
        ],
    )
    assert res.exit_code == 0, res.output
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "q.parquet").num_rows >= 4
    out = runner.invoke(app, ["export", "--db", db_url, "--format", "csv", "--table", "entities"])
    assert "Maria Keller" in out.stdout


def test_near_identical_quotes_cluster_and_different_ones_do_not():
    keys = clusters.quote_clusters(
        [
            ("a", "We are not in a hurry to cut rates again, and we will watch wage data closely"),
            ("b", "we are not in a hurry to cut rates again and we will watch the wage data closely"),
            ("c", "We will cut rates in July whatever the wage data say, and we are in a hurry"),
        ]
    )
    assert keys["a"] == keys["b"] != keys["c"]


def test_wire_credits_and_layout_do_not_hide_a_copy():
    a = (
        "MOSCOW, May 3 /TASS/. The talks ended without agreement, officials said. Both sides will "
        "meet again in June."
    )
    b = (
        "MOSCOW (Reuters) - The talks ended\n\nwithout agreement, officials said.   Both sides will "
        "meet again in June."
    )
    assert clusters.words(a)[3:] == clusters.words(b)[1:]
