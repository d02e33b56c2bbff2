"""Events: who did what to whom, when and where, with the words that prove it."""

import json

import pytest

import newsgraph
from newsgraph.models import quad
from newsgraph.text.plover import QUAD, TYPES


def events_of(text: str, published: str | None = "2023-03-10"):
    art = newsgraph.extract_text(text, published=published)
    names = {e.id: e.name for e in art.entities}
    return art, names


def one(art, typ):
    hits = [e for e in art.events if e.type == typ]
    assert hits, f"no {typ} event: {[(e['type'], e['trigger']['text']) for e in art.events]}"
    return hits[0]


BODY = "Wire report\n\nOSLO, March 10 (Newswire) - "


def test_actor_target_place_and_date_of_an_attack():
    art, names = events_of(BODY + "Israeli troops attacked a Hamas base in Gaza on Monday, the army said.")
    ev = one(art, "ASSAULT")
    assert [names[a] for a in ev.actors] == ["Israel"]
    assert names[ev.place] == "Gaza"
    assert ev.date == "2023-03-06"  # the Monday before a report published on Friday 10 March
    assert ev.quad_class == "material_conflict"
    assert art.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text == "attacked"
    assert ev.sentence.text.startswith("Israeli troops")
    assert not ev.negated and not ev.hypothetical


def test_light_verbs_take_their_type_from_the_noun():
    art, names = events_of(
        BODY + "France imposed sanctions on Iran. Later, Germany and Poland held talks in Warsaw."
    )
    sanction = one(art, "SANCTION")
    assert [names[a] for a in sanction.actors] == ["France"] and [names[t] for t in sanction.targets] == [
        "Iran"
    ]
    talks = one(art, "CONSULT")
    assert {names[a] for a in talks.actors} == {"Germany", "Poland"}
    assert names[talks.place] == "Warsaw"


def test_modes_cyber_and_obstruct():
    art, _ = events_of(
        BODY + "Hackers broke into the computer networks of the port operator on Sunday. Farmers "
        "blocked roads near the capital."
    )
    assert one(art, "ASSAULT").mode == "cyber"
    assert one(art, "PROTEST").mode == "obstruct"


def test_planned_conditional_and_negated_acts_are_flagged():
    art, _ = events_of(
        BODY + "The rebels said they would release the hostages. If Russia attacks Ukraine, Europe will "
        "suffer. The minister did not meet the delegation."
    )
    intent = one(art, "AGREE")  # an announced cooperative act is an intent to cooperate (PLOVER)
    assert intent.modality == "planned" and intent.hypothetical
    attack = one(art, "ASSAULT")
    assert attack.modality == "hypothetical" and attack.hypothetical
    met = one(art, "CONSULT")
    assert met.negated


def test_refusing_to_accept_is_a_rejection():
    art, names = events_of(BODY + "Syria says it will not accept any more refugees.")
    ev = one(art, "REJECT")
    assert [names[a] for a in ev.actors] == ["Syria"]


def test_the_same_event_told_twice_is_one_event():
    text = BODY + (
        "Leaders of Norway and Sweden met in Bergen on Tuesday. Trade was on the agenda.\n\n"
        "The summit, which took place in Bergen on March 7, ended without a joint statement."
    )
    art, _ = events_of(text)
    consult = [e for e in art.events if e.type == "CONSULT"]
    assert len(consult) == 1, [(e.trigger.text, e.place) for e in consult]
    assert len(consult[0].mentions) == 2
    assert consult[0].date == "2023-03-07"
    for m in consult[0].mentions:
        assert art.text[m.trigger.start : m.trigger.end] == m.trigger.text


def test_event_ids_are_content_hashes():
    text = BODY + "France imposed sanctions on Iran."
    a, _ = events_of(text)
    b, _ = events_of(text)
    assert [e.id for e in a.events] == [e.id for e in b.events]


def test_quad_model_ships_and_gives_a_distribution():
    model = quad.load()
    assert model is not None, (
        "src/newsgraph/models/quad.json is missing: run python -m newsgraph.models.train_quad"
    )
    p = model.proba(
        quad.features(
            "Troops shelled the town and killed ten civilians.",
            [{"type": "ASSAULT", "modality": "asserted", "depth": 0}],
        )
    )
    assert abs(sum(p.values()) - 1) < 1e-9
    assert max(p, key=p.get) == "material_conflict"
    p = model.proba(
        quad.features(
            "The two presidents signed a trade agreement.",
            [{"type": "SUPPORT", "modality": "asserted", "depth": 0}],
        )
    )
    assert max(p, key=p.get) in ("verbal_cooperation", "material_cooperation")
    assert set(QUAD) == set(TYPES)


def test_worked_example_events(shared):
    folder = shared / "examples" / "tass-geneva-blinken"
    expected = json.loads((folder / "expected.json").read_text())
    art = newsgraph.extract_text((folder / "article.txt").read_text(), published="2021-06-30")
    from newsgraph.eval.events import example_matches

    for want in expected["events"]:
        if not want.get("optional"):
            assert example_matches(art, want, with_year=True), want["what"]
    summit = [e for e in art.events if e.type == "CONSULT" and e.date == "2021-06-16"]
    assert len(summit) == 1 and len(summit[0].mentions) >= 2  # the lede and the closing paragraphs


@pytest.mark.parametrize("which", ["plover", "example"])
def test_eval_events_command(shared, which, tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    result = CliRunner().invoke(app, ["eval", "events", "--set", which, "--limit", "20", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "newsgraph" in result.output
