"""Golden outputs: the whole pipeline over the sample articles and the test fixtures, compared field by
field with the outputs committed under ``tests/golden/``.

A stage's output may change only with its version: a changed field must be explained by a new version
of a stage that assigns it or of a stage upstream of one (through ``requires``). Where every change is
explained, ``pytest tests/test_golden.py --update-golden`` rewrites the files (read the diff before
committing); where one is not, it refuses and names the stage whose version must move.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.registry import Stage
from newsgraph.types import Article

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
# Relative to ROOT, so that the names do not depend on the folder of the checkout.
INPUTS = ["samples/articles", "tests/fixtures"]
# Output fields no stage assigns, and the fields they are made from.
DERIVED = {"id": ("title", "text"), "input_id": (), "stages": ()}


def golden_name(article: dict) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article["input_id"] or article["id"]).strip("_") + ".json"


def base_name(stage_name: str) -> str:
    """``quotes.hybrid.v3`` -> ``quotes.hybrid``: the stage without its version."""
    return re.sub(r"\.v\d+$", "", stage_name)


def upstream(stages: list[Stage], index: int) -> set[str]:
    """The stage at ``index`` and every earlier stage whose output it reads, transitively."""
    out, needs = {stages[index].name}, set(stages[index].requires)
    for st in reversed(stages[:index]):
        if needs & set(st.assigns):
            out.add(st.name)
            needs |= set(st.requires)
    return out


def explaining_stages(stages: list[Stage], field: str) -> set[str]:
    """Stages whose new version may change ``field``: those that assign it and everything upstream."""
    fields = DERIVED.get(field, (field,))
    out: set[str] = set()
    for i, st in enumerate(stages):
        if set(fields) & set(st.assigns):
            out |= upstream(stages, i)
    return {base_name(n) for n in out}


def unexplained(stages: list[Stage], old: dict, new: dict) -> list[str]:
    """Fields that differ between two outputs of one input with no stage version to explain them."""
    old_versions = {base_name(n): n for n in old.get("stages", [])}
    moved = {base_name(st.name) for st in stages if old_versions.get(base_name(st.name)) != st.name}
    problems = []
    for field in sorted(set(old) | set(new)):
        if field == "stages" or old.get(field) == new.get(field):
            continue
        culprits = explaining_stages(stages, field)
        if not culprits & moved:
            problems.append(
                f"{field} changed, but none of {', '.join(sorted(culprits)) or 'its stages'} has "
                "a new version"
            )
    return problems


def run_samples() -> tuple[Pipeline, dict[str, dict]]:
    pipeline = Pipeline(check_contracts=True)
    cwd = os.getcwd()
    os.chdir(ROOT)  # files are named as given: relative to the checkout, wherever it is
    try:
        records = [r for r in read_inputs(INPUTS) if not hasattr(r, "code")]
    finally:
        os.chdir(cwd)
    out: dict[str, dict] = {}
    for result in pipeline.run(records):
        assert isinstance(result, Article), f"a sample failed: {result}"
        d = result.to_dict()
        name = golden_name(d)
        assert name not in out, f"two samples share the golden file {name}"
        out[name] = d
    return pipeline, out


def dump(article: dict) -> str:
    return json.dumps(article, ensure_ascii=False, indent=1) + "\n"


def test_samples_match_golden_outputs(request):
    update = request.config.getoption("--update-golden")
    pipeline, actual = run_samples()
    expected = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN.glob("*.json")}
    changed, dishonest = [], []
    for name in sorted(set(actual) | set(expected)):
        old, new = expected.get(name), actual.get(name)
        if old == new:
            continue
        changed.append(name)
        if old is not None and new is not None:
            dishonest += [f"{name}: {p}" for p in unexplained(pipeline.stages, old, new)]
    if dishonest:
        pytest.fail(
            "stage output changed without a new stage version (raise the version of the stage "
            "that changed it):\n  " + "\n  ".join(dishonest[:40])
        )
    if changed and not update:
        pytest.fail(
            f"{len(changed)} golden outputs differ "
            f"({', '.join(changed[:10])}{' …' if len(changed) > 10 else ''}); "
            "the stage versions explain it: run `pytest tests/test_golden.py --update-golden` "
            "and read the diff"
        )
    if update:
        for name in set(expected) - set(actual):
            (GOLDEN / name).unlink()
        for name in changed:
            if name in actual:
                (GOLDEN / name).write_text(dump(actual[name]), encoding="utf-8")


def _older(names: list[str], stage: str) -> list[str]:
    """The stage names with ``stage`` as an older version would have named it."""
    return [n + "-older" if base_name(n) == stage else n for n in names]


def test_a_change_without_a_new_version_is_caught():
    stages = Pipeline(check_contracts=False).stages
    names = [s.name for s in stages]
    old = {"stages": names, "quotes": [{"id": "a"}], "title": "T", "text": "x", "id": "1"}
    new = dict(old, quotes=[{"id": "b"}])
    problems = unexplained(stages, old, new)
    assert len(problems) == 1 and problems[0].startswith("quotes changed, but none of ")
    for stage in ("quotes.hybrid", "parse.spacy", "entities", "page"):  # the stage itself, or one upstream
        assert unexplained(stages, dict(old, stages=_older(names, stage)), new) == [], stage
    for stage in ("events", "timex.rules"):  # downstream, or beside it: no excuse
        assert unexplained(stages, dict(old, stages=_older(names, stage)), new), stage
    # the id follows the title and text, which the page stage makes
    assert unexplained(stages, old, dict(old, id="2")) == ["id changed, but none of page has a new version"]
    assert unexplained(stages, dict(old, stages=_older(names, "page")), dict(old, id="2")) == []
