"""The extract command and the output contract."""

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_extract_jsonl_and_exit_codes(fixtures):
    result = CliRunner().invoke(app, ["extract", "-f", "jsonl", str(fixtures / "records.jsonl")])
    assert result.exit_code == 1  # two of the four lines are bad
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["input_id"] for x in lines] == ["r1", "r2"]
    assert "records.jsonl:3" in result.stderr


def test_extract_reads_stdin(fixtures):
    result = CliRunner().invoke(
        app, ["extract", "-f", "jsonl", "-"], input=(fixtures / "tass-style.txt").read_text()
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["dateline"]["agency"] == "TASS"


def test_extract_published_option(fixtures):
    result = CliRunner().invoke(
        app, ["extract", str(fixtures / "tass-style.txt"), "--published", "2023-03-15"]
    )
    out = json.loads(result.stdout)
    assert out["dateline"]["value"] == "2023-03-14" and out["published"] == "2023-03-15"


def test_output_fits_the_schema(fixtures, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schema" / "article.schema.json").read_text())
    paths = [str(p) for p in sorted(fixtures.iterdir())]
    result = CliRunner().invoke(app, ["extract", "-f", "jsonl", *paths])
    objects = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(objects) >= 8
    for obj in objects:
        jsonschema.validate(obj, schema)
        for p in obj["paragraphs"]:
            assert obj["text"][p["start"] : p["end"]] == p["text"]


def test_unknown_input_format_is_a_usage_error(fixtures):
    result = CliRunner().invoke(app, ["extract", "--input-format", "pdf", str(fixtures / "tass-style.txt")])
    assert result.exit_code == 2


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    import typer.main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    group = typer.main.get_command(app)
    names = [n for n in group.commands if n != "eval"] + [
        f"eval {n}" for n in group.commands["eval"].commands
    ]
    assert len(names) >= 10
    for name in names:
        assert f"newsgraph {name}" in readme, f"`newsgraph {name}` is not in the README"
