"""Bad input: a clear error naming the record and the reason; the batch goes on; nothing is lost."""

import gzip

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest import read_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store
from newsgraph.types import Article, Failure

STORY = (
    "LONDON, March 3 (Reuters) - The minister said the meeting was over and that more talks would "
    "follow next week.\n"
)


def _truncated_gzip() -> bytes:
    data = gzip.compress("".join(STORY.replace("next", f"in {i} days") for i in range(2000)).encode())
    return data[: len(data) // 2]


def results(paths, **kw):
    return list(Pipeline().run(read_inputs([str(p) for p in paths], **kw)))


@pytest.fixture
def bad_files(tmp_path, fixtures):
    files = {
        "junk.bin": bytes(range(256)) * 20,
        "empty.txt": b"",
        "blank.txt": b"  \n\n  ",
        "trunc.txt.gz": _truncated_gzip(),
        "bad.rss": b'<?xml version="1.0"?><rss><channel><item><title>x</title></item>',
        "ok.txt": (fixtures / "tass-style.txt").read_bytes(),
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_each_bad_file_fails_alone(bad_files):
    got = {
        (r.location.split("/")[-1].split("#")[0], r.code)
        for r in results(sorted(bad_files.iterdir()))
        if isinstance(r, Failure)
    }
    assert got == {
        ("junk.bin", "E102"),
        ("empty.txt", "E101"),
        ("blank.txt", "E101"),
        ("trunc.txt.gz", "E105"),
        ("bad.rss", "E107"),
    }
    assert sum(isinstance(r, Article) for r in results(sorted(bad_files.iterdir()))) == 1


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("cp1251", "МОСКВА. Министр заявил, что переговоры продолжатся на следующей неделе в Женеве."),
        (
            "latin-1",
            "PARIS, March 3 (AFP) - Le ministre a déclaré que la réunion était terminée à l'heure prévue.",
        ),
        ("utf-16", "LONDON, March 3 (Reuters) - The minister said the meeting was over."),
        ("utf-8-sig", "LONDON, March 3 (Reuters) - The minister said the meeting was over."),
    ],
)
def test_encodings(tmp_path, encoding, text):
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    (art,) = results([path])
    assert isinstance(art, Article)
    assert text.split(" - ")[-1] in art.text or text in art.text


def test_mixed_encodings_are_recovered_line_by_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Headline about a café\n".encode()
        + "PARIS, March 3 (AFP) - Le théâtre est fermé depuis lundi, selon le maire de la ville.\n".encode(
            "latin-1"
        )
    )
    (art,) = results([path])
    assert "théâtre est fermé" in art.text
    assert art.title == "Headline about a café"
    assert any("mixed encodings" in w for w in art.warnings)


def test_too_large_file_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(STORY.encode() * 500_000)  # about 55 MB
    (failure,) = results([path])
    assert failure.code == "E104" and "big.txt" in failure.reason and "limit" in failure.reason


def test_truncated_warc_keeps_earlier_records(warc_file, tmp_path):
    data = warc_file.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    got = results([cut])
    assert isinstance(got[0], Article)
    assert isinstance(got[-1], Failure) and got[-1].code in ("E105", "E106")


def test_missing_file(tmp_path):
    (failure,) = results([tmp_path / "nope.txt"])
    assert failure.code == "E100" and "nope.txt" in failure.reason


def test_ingest_keeps_failures_and_exits_1(bad_files, tmp_path):
    db = tmp_path / "news.db"
    result = CliRunner().invoke(app, ["ingest", str(bad_files), "--db", str(db)])
    assert result.exit_code == 1
    assert "1 new article(s)" in result.output and "5 failed record(s)" in result.output
    with Store(str(db)) as store:
        failures = store.failures()
        assert {f["code"] for f in failures} == {"E101", "E102", "E105", "E107"}
        junk = next(f for f in failures if f["location"].endswith("junk.bin"))
        assert junk["reason"].startswith(str(bad_files / "junk.bin"))
    listed = CliRunner().invoke(app, ["failures", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0 and listed.output.count("\n") == 5


def test_bad_record_raw_bytes_are_kept(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(
        '{"id": "a", "text": "OSLO, May 4 (Reuters) - The government raised its growth forecast '
        'on Thursday."}\n{not json}\n'
    )
    db = tmp_path / "news.db"
    CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    with Store(str(db)) as store:
        (failure,) = store.failures()
        assert store.failure_raw(failure["location"]) == b"{not json}\n"


def _feed_with_surrogate_reference() -> bytes:
    good = "<item><title>Talks resume</title><link>https://example.org/{0}</link><description>{1}</description></item>"
    items = good.format("a", "GENEVA, June 16 - Talks resumed on Wednesday, the minister said.")
    items += good.format("b", "Broken &#55296; character and &#xDFFF; another, officials said on Tuesday.")
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    )


def test_records_that_used_to_abort_a_batch_fail_or_read_alone(tmp_path):
    """A lone surrogate's character reference in a feed (the parser raised UnicodeEncodeError), a JSONL
    line nested 100,000 deep (RecursionError), one with a 5,000-digit integer (ValueError), a NUL and a
    lone surrogate in a JSONL text: each is a failure or an article of its own, and the good records of
    the same files are read."""
    (tmp_path / "feed.rss").write_bytes(_feed_with_surrogate_reference())
    ok = '{"id": "ok", "text": "PARIS, May 3 - The minister said talks would resume next week."}'
    lines = [
        "[" * 100_000 + "]" * 100_000,
        '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",
        '{"id": "nul", "text": "a\\u0000b said the minister."}',
        '{"id": "sur", "text": "The minister \\ud800 said talks would resume."}',
        ok,
    ]
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n")
    got = results([tmp_path / "feed.rss", tmp_path / "records.jsonl"])
    failures = {r.location.split("/")[-1]: r for r in got if isinstance(r, Failure)}
    articles = {r.input_id: r for r in got if isinstance(r, Article)}
    assert set(failures) == {"records.jsonl:1", "records.jsonl:2", "records.jsonl:3"}, failures
    assert "nested too deeply" in failures["records.jsonl:1"].reason
    assert "integer" in failures["records.jsonl:2"].reason or "digits" in failures["records.jsonl:2"].reason
    assert "NUL" in failures["records.jsonl:3"].reason
    assert {"ok", "sur", "https://example.org/a", "https://example.org/b"} <= set(articles)
    assert "\ufffd" in articles["sur"].text and any("surrogate" in w for w in articles["sur"].warnings)
    assert "\ufffd" in articles["https://example.org/b"].text


def test_an_ingest_with_such_records_stores_the_rest(tmp_path):
    (tmp_path / "feed.rss").write_bytes(_feed_with_surrogate_reference())
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "feed.rss"), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count() == 2


def test_exit_codes_tell_quarantined_records_from_a_failed_run(tmp_path, fixtures):
    """1: some records quarantined (the rest stored); 3: the run failed (here: a store in a folder that
    does not exist)."""
    import subprocess
    import sys

    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n' + (fixtures / "records.jsonl").read_text())
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(tmp_path / "bad.jsonl")]
    some = subprocess.run([*cmd, "--db", str(tmp_path / "s.db")], capture_output=True, text=True)
    assert some.returncode == 1, some.stderr
    failed = subprocess.run(
        [*cmd, "--db", str(tmp_path / "no" / "such" / "s.db")], capture_output=True, text=True
    )
    assert failed.returncode == 3, failed.stderr
    assert failed.stderr.strip().splitlines()[-1].startswith("newsgraph: the run failed: ")
