"""Every input format, read through the CLI's reader into articles."""

from newsgraph.ingest import read_inputs, sniff
from newsgraph.pipeline import Pipeline
from newsgraph.types import Article, Failure


def run(paths, **kw):
    results = list(Pipeline().run(read_inputs([str(p) for p in paths], **kw)))
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, Failure)]


def test_sniff():
    assert sniff("a.warc.gz", b"") == "warc"
    assert sniff("x", b"WARC/1.1\r\n") == "warc"
    assert sniff("x.xml", b'<?xml version="1.0"?><rss version="2.0">') == "rss"
    assert sniff("x", b"<!DOCTYPE html><html>") == "html"
    assert sniff("x", b'{"id": 1}\n{"id": 2}\n') == "jsonl"
    assert sniff("story", b"WASHINGTON, June 30. /TASS/. Text") == "text"


def test_html_page_metadata(fixtures):
    (art,), failed = run([fixtures / "ap-style.html"])
    assert not failed
    assert art.title == "Storm closes mountain passes as snow falls early"
    assert art.byline == "Alex Writer"
    assert art.published == "2023-10-12" and art.published_from == "metadata"
    assert (art.dateline.place, art.dateline.agency) == ("Denver", "AP")
    assert art.text.startswith("An early-season storm dropped")
    assert "Copyright" not in art.text and "Privacy" not in art.text
    assert art.source["name"] == "Example News"


def test_rss_and_atom_items(fixtures):
    arts, failed = run([fixtures / "feed.rss", fixtures / "feed.atom"])
    assert not failed
    assert [a.input_id for a in arts] == [
        "https://news.example.org/bridge",
        "https://news.example.org/museum",
        "urn:example:harbour",
    ]
    bridge = arts[0]
    assert bridge.source == {"name": "Example Wire", "url": "https://news.example.org/bridge"}
    assert bridge.published.startswith("2023-10-02")
    assert bridge.dateline.value == "2023-10-02"  # the year comes from the item's date
    assert (
        bridge.text == "The city council approved on Monday the construction of a new bridge across the "
        "river.\n\nWork is due to start next spring."
    )
    assert arts[2].text.startswith("Dock workers ended a five-day strike")


def test_jsonl_records_and_bad_lines(fixtures):
    arts, failed = run([fixtures / "records.jsonl"])
    assert [a.input_id for a in arts] == ["r1", "r2"]
    assert arts[0].published == "2023-05-04" and arts[0].source["name"] == "Example Wire"
    assert arts[1].text.startswith("The railway company said on Friday")
    assert [(f.location.rsplit(":", 1)[1], f.code) for f in failed] == [("3", "E106"), ("4", "E106")]
    assert "r4" in failed[1].reason


def test_warc_html_responses_only(warc_file):
    arts, failed = run([warc_file])
    assert not failed
    assert [a.input_id for a in arts] == [
        "<urn:uuid:00000000-0000-0000-0000-000000000001>",
        "<urn:uuid:00000000-0000-0000-0000-000000000003>",
    ]
    assert arts[1].dateline.place == "Boulder"
    assert arts[0].source["url"] == "https://news.example.org/storm"


def test_forced_format(fixtures):
    (art,), _ = run([fixtures / "ap-style.html"], input_format="text")
    assert "<p>DENVER (AP)" in art.text  # read as text, markup and all, not parsed as a page


def test_folder_is_read_recursively(tmp_path, fixtures):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "story.txt").write_bytes((fixtures / "tass-style.txt").read_bytes())
    (tmp_path / "page.html").write_bytes((fixtures / "ap-style.html").read_bytes())
    arts, failed = run([tmp_path])
    assert len(arts) == 2 and not failed
