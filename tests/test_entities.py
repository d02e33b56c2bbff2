"""One entity per real thing within an article."""

import json

import pytest

import newsgraph
from newsgraph.text.places import capital_of, city_geonameid, country_of


def by_name(article, name):
    hits = [e for e in article.entities if e.name == name]
    assert hits, f"no entity {name!r}: {[e['name'] for e in article.entities]}"
    return hits[0]


def test_countries_from_names_codes_and_demonyms():
    assert country_of("American") == ("US", "United States")
    assert country_of("U.S.") == ("US", "United States")
    assert country_of("Brazilian") == ("BR", "Brazil")
    assert country_of("Swiss") == ("CH", "Switzerland")
    assert country_of("Russian") == ("RU", "Russia")
    assert country_of("European") is None and country_of("Republican") is None
    assert capital_of("Moscow") == "RU"
    assert city_geonameid("Moscow") == 524901


def test_people_merge_by_surname_and_keep_titles(fixtures):
    art = newsgraph.extract_text((fixtures / "quotes-story.txt").read_text())
    berg = by_name(art, "Anna Berg")
    assert berg.type == "PERSON"
    assert {m.text for m in berg.mentions} >= {"Anna Berg", "Berg"}
    assert "Foreign Minister" in berg.titles
    for e in art.entities:
        for m in e.mentions:
            assert art.field_text(m.field)[m.start : m.end] == m.text


def test_dateline_agency_is_an_organisation(fixtures):
    art = newsgraph.extract_text((fixtures / "quotes-story.txt").read_text())
    reuters = by_name(art, "Reuters")
    assert reuters.type == "ORG" and reuters.mentions[0].field == "dateline"


def test_a_photo_credit_names_its_agency_and_photographer():
    text = (
        "Talks resume in Geneva\n\n© Reuters/Denis Balibouse\n\nGENEVA, June 30 (Reuters) - "
        "Officials met on Tuesday, the ministry said.\n"
    )
    art = newsgraph.extract_text(text)
    assert [r.kind for r in art.removed] == ["credit"]
    reuters, photographer = by_name(art, "Reuters"), by_name(art, "Denis Balibouse")
    assert [m.field for m in reuters.mentions] == ["dateline", "removed.0"]
    assert photographer.type == "PERSON" and photographer.mentions[0].field == "removed.0"
    for e in art.entities:
        for m in e.mentions:
            assert art.field_text(m.field)[m.start : m.end] == m.text
    assert "Denis Balibouse" not in art.text  # the credit stays out of the story


@pytest.fixture
def example(shared):
    folder = shared / "examples" / "tass-geneva-blinken"
    return newsgraph.extract_text((folder / "article.txt").read_text(encoding="utf-8")), json.loads(
        (folder / "expected.json").read_text(encoding="utf-8")
    )


def test_worked_example_merges(example):
    art, _ = example
    assert by_name(art, "Antony Blinken").titles == ["US Secretary of State"]
    us = by_name(art, "United States")
    assert {"US", "American"} <= {m.text for m in us.mentions} and us.country == "US"
    assert "Russian" in {m.text for m in by_name(art, "Russia").mentions}
    assert by_name(art, "Brazil").mentions[0].text == "Brazilian"
    assert by_name(art, "COVID-19").type != "PERSON"
    assert by_name(art, "RAI TG1").type == "ORG" and by_name(art, "Italy").type == "GPE"
    assert not [e for e in art.entities if e.name == "State"]
    assert by_name(art, "TASS").type == "ORG"
    described = [m for m in by_name(art, "Antony Blinken").mentions if m.form == "description"]
    assert [m.text for m in described] == ["the US top diplomat"]  # tied to him by the quote it cues
    ministry = by_name(art, "Russian Ministry of Foreign Affairs")  # named only by the photo credit
    assert ministry.type == "ORG" and ministry.mentions[0].field.startswith("removed.")


def test_meantime_scoring_runs_beside_spacy(shared):
    from newsgraph.eval.entities import read_meantime, score_entities

    folder = shared / "data" / "time" / "meantime_en" / "intra-doc_annotation"
    text, gold, end = read_meantime(sorted(folder.rglob("*.xml"))[0])
    assert gold and all(text[g.start : g.end].strip() and g.end <= end for g in gold)
    assert end < len(text)  # only the first sentences are annotated
    report = score_entities(folder, limit=20)
    ours, peer = report.systems["newsgraph"], report.systems["spaCy NER alone (merged by identical text)"]
    assert ours["merge_recall"] > peer["merge_recall"]
    assert ours["merge_precision"] > 0.9 and ours["LOC_recall"] > 0.9


def test_organisations_named_by_their_kind():
    art = newsgraph.extract_text(
        "Attackers from the DarkSide group hacked the pipeline on Monday, officials said."
    )
    assert ("DarkSide", "ORG") in {(e.name, e.type) for e in art.entities}


def test_one_type_per_name_by_the_recognisers_majority():
    from types import SimpleNamespace

    from newsgraph.stages.entities import _label, _label_votes

    ents = [SimpleNamespace(text="Ryanair", label_=lab) for lab in ("PERSON", "ORG", "ORG", "ORG")]
    ents += [SimpleNamespace(text="Toulouse", label_="PERSON"), SimpleNamespace(text="Mulally", label_="ORG")]
    votes = _label_votes(ents)
    surnames = {"Mulally"}  # "Alan Mulally" is named in the article
    assert {e.text: _label(e, votes, surnames) for e in ents} == {
        "Ryanair": "ORG",
        "Toulouse": "GPE",
        "Mulally": "PERSON",
    }
    assert _label(ents[4], votes, surnames, titled=True) == "PERSON"  # "Mayor Toulouse"


def test_a_surname_shared_by_several_full_names_is_not_guessed():
    article = newsgraph.extract_text(
        "President Trump arrived in Israel on Monday with first lady Melania Trump. "
        "His daughter Ivanka Trump joined them. Later, Trump told reporters the visit was a success."
    )
    people = {e.name: [m.text for m in e.mentions] for e in article.entities if e.type == "PERSON"}
    assert people["Trump"] == ["Trump", "Trump"]
    assert people["Melania Trump"] == ["Melania Trump"]


def test_a_surname_goes_to_the_full_name_named_before_it():
    article = newsgraph.extract_text(
        "Donald Trump spoke on Monday. Melania Trump visited a hospital. Later, Trump told "
        "reporters the visit was a success."
    )
    people = {e.name: [m.text for m in e.mentions] for e in article.entities if e.type == "PERSON"}
    assert people["Donald Trump"] == ["Donald Trump", "Trump"]


def test_an_entity_does_not_start_with_the_word_before_the_name():
    article = newsgraph.extract_text("Why didn’t Obama do something about it? Obama said he had acted.")
    assert all(not m.text.startswith("n’t") for e in article.entities for m in e.mentions)


def test_a_country_goes_by_its_short_name_whatever_form_the_article_used():
    article = newsgraph.extract_text(
        "Ukrainian officials met in Kyiv on Monday. Ukraine said the talks went well."
    )
    (ua,) = [e for e in article.entities if e.country == "UA"]
    assert ua.name == "Ukraine"


def test_a_bracket_the_name_does_not_close_is_not_part_of_it():
    article = newsgraph.extract_text(
        'Witness\n\nThe U.S. Marshals Service declined to comment.\n\n"The efforts of the (U.S. '
        'Marshals Service) and the FBI succeeded," he said.'
    )
    assert "U.S. Marshals Service" in {e.name for e in article.entities}


def test_a_courtesy_title_is_not_part_of_the_name():
    article = newsgraph.extract_text(
        "Syria\n\nNikki Haley, the US envoy, said that new sanctions will be announced on "
        "Monday. Ms Haley said the US would not withdraw its troops."
    )
    assert "Haley" in {e.name for e in article.entities if e.type == "PERSON"}
