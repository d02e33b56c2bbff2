"""The worked example (../shared/examples/tass-geneva-blinken): what the reading stage must find."""

import json

import pytest

from newsgraph import extract_text


@pytest.fixture
def example(shared):
    folder = shared / "examples" / "tass-geneva-blinken"
    return (folder / "article.txt").read_text(encoding="utf-8"), json.loads(
        (folder / "expected.json").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("published", [None, "2021-06-30"])
def test_page_reading(example, published):
    text, expected = example
    art = extract_text(text, published=published)
    assert art.title == expected["title"]
    assert art.deck == expected["deck"]
    dl = expected["dateline"]
    assert art.dateline.text == dl["text"]
    assert (art.dateline.place, art.dateline.agency) == (dl["place"], dl["agency"])
    assert art.dateline.value == (dl["value_with_year"] if published else dl["value"])
    assert art.text.startswith(expected["body_starts_with"])
    assert art.text.endswith(expected["body_ends_with"])
    for furniture in expected["not_body"]:
        assert furniture not in art.text
        assert furniture in {r.text for r in art.removed}
    assert art.source["name"] == expected["source"]
