"""Resolve a quote's speaker mention to a person or body of the article.

Names go to the entity whose mention they are (the fullest name: "Blinken" → "Antony Blinken").
Pronouns go to the last compatible speaker or person before the quote. Descriptions of a role
("the US top diplomat", "the minister") go to the most recent person speaker; plural roles ("the
leaders") to the people named together most recently. A document ("a transcript of the interview",
"a statement") speaks for the person the article has been quoting. Unnamed or collective sources
("diplomats", "American intelligence services") stay as the article names them. What cannot be
resolved is ``null``, with a lower confidence, never a guess given as fact.
"""

from __future__ import annotations

import re
from typing import Any

from ..types import Article

PRONOUNS_SINGULAR = frozenset("he she him her his hers himself herself".split())
PRONOUNS_PLURAL = frozenset("they them their we us".split())
FIRST_PERSON = frozenset("i me my we us our".split())
ROLE_NOUNS = frozenset(
    """
    diplomat minister president official spokesman spokeswoman spokesperson secretary leader chief
    envoy ambassador senator governor mayor chancellor premier director chairman chairwoman ceo
    executive lawmaker legislator representative congressman congresswoman commander general officer
    prosecutor judge king queen prince candidate nominee adviser advisor aide head counterpart
    """.split()
)
DOCUMENT_NOUNS = frozenset("transcript statement report letter release communique communiqué readout memo document".split())
# Nouns that describe an organisation: "the company said" is the company last named.
ORG_NOUNS = frozenset("company firm carrier airline manufacturer maker automaker carmaker planemaker bank group retailer giant corporation conglomerate ministry agency".split())
# Words that are never a speaker's name: what they stand for is found, or the speaker stays unresolved.
NOT_NAMES = frozenset("it its i me you we they which who whom that this these those one someone something".split())


class SpeakerResolver:
    def __init__(self, doc: Article):
        self.doc = doc
        self.text = doc.text
        self.entities = doc.entities
        self.mention_index: list[tuple[int, int, dict[str, Any]]] = sorted(
            (m["start"], m["end"], e) for e in doc.entities for m in e["mentions"]
        )
        self.history: list[dict[str, Any]] = []  # speakers of earlier quotes, in order

    # -- the public interface ---------------------------------------------------------------------

    def resolve(self, span: tuple[int, int] | None, head, at: int, parent: dict[str, Any] | None) -> dict[str, Any]:
        """A ``speaker`` object: name, entity, mention, form, and a private ``_confidence``."""
        if span is None:
            # No cue of its own: the one who spoke last, named where they were named.
            prev = self._last_speaker(at)
            if prev is None:
                return self._out(None, None, None, "none", 0.3)
            return self._out(prev["name"], prev.get("entity"), prev.get("mention"), "none", 0.55)
        mention = {"start": span[0], "end": span[1], "text": self.text[span[0] : span[1]]}
        words = mention["text"].lower().split()
        head_word = head.lower_ if head is not None else (words[-1] if words else "")
        if head_word in FIRST_PERSON and parent is not None:
            sp = parent["speaker"]
            return self._out(sp.get("name"), sp.get("entity"), mention, "pronoun", 0.8)
        ent = self._entity_at(span, head)
        if ent is not None and ent["type"] in ("PERSON", "ORG", "GPE", "NORP") and not self._is_collective(head, ent):
            return self._out(ent["name"], ent["id"], mention, "name", 0.95)
        if head_word in PRONOUNS_SINGULAR:
            prev = self._last_person(at)
            return self._out(prev[0], prev[1], mention, "pronoun", 0.75) if prev else self._out(None, None, mention, "pronoun", 0.3)
        if head_word in PRONOUNS_PLURAL:
            prev = self._last_speaker(at)
            if prev and ";" in (prev.get("name") or ""):
                return self._out(prev["name"], None, mention, "pronoun", 0.6)
            return self._out(None, None, mention, "pronoun", 0.3)
        if head_word == "it":
            org = self._last_org(at)
            return self._out(org[0], org[1], mention, "pronoun", 0.6) if org else self._out(None, None, mention, "pronoun", 0.3)
        if head_word in ("which", "who", "that") and head is not None and head.head.dep_ == "relcl":
            ent = self._entity_at((head.head.head.idx, head.head.head.idx + len(head.head.head.text)), head.head.head)
            if ent is not None:
                return self._out(ent["name"], ent["id"], mention, "pronoun", 0.8)
        if head_word in NOT_NAMES and len(words) == 1:
            return self._out(None, None, mention, "pronoun", 0.3)
        lemma = head.lemma_.lower() if head is not None else head_word
        if lemma in ORG_NOUNS and words and words[0] in ("the", "this", "that"):
            org = self._last_org(at)
            if org:
                return self._out(org[0], org[1], mention, "description", 0.7)
        if lemma in DOCUMENT_NOUNS:
            prev = self._last_person(at)
            if prev:
                return self._out(prev[0], prev[1], mention, "description", 0.7)
        definite = bool(words) and words[0] in ("the", "this", "that", "these", "those")
        if lemma in ROLE_NOUNS and definite:
            if head is not None and head.tag_ in ("NNS", "NNPS"):
                group = self._last_group(at)
                if group:
                    return self._out("; ".join(e["name"] for e in group), None, mention, "description", 0.65)
            else:
                prev = self._last_person(at, prefer_speaker=True)
                if prev:
                    return self._out(prev[0], prev[1], mention, "description", 0.7)
        named = self._entity_named(mention["text"], head)
        if named is not None:  # "Mulally" where the recogniser missed the name: Alan Mulally, named before
            return self._out(named["name"], named["id"], mention, "name", 0.85)
        # Unnamed or collective: as the article names it, without a leading article.
        name = re.sub(r"^(?:the|a|an)\s+", "", mention["text"], flags=re.I)
        return self._out(name, ent["id"] if ent else None, mention, "description" if definite or ent is None else "name", 0.8)

    def resolve_name(self, name: str, span: tuple[int, int], field_name: str) -> dict[str, Any]:
        """A name outside the body (a headline's '— Blinken') matched to the body's entities."""
        mention = {"start": span[0], "end": span[1], "text": name, "field": field_name}
        last = name.split()[-1]
        for e in self.entities:
            if e["type"] in ("PERSON", "ORG") and (e["name"] == name or e["name"].split()[-1] == last):
                return self._out(e["name"], e["id"], mention, "name", 0.9)
        return self._out(name, None, mention, "name", 0.6)

    def remember(self, quote: dict[str, Any]) -> None:
        sp = dict(quote["speaker"])
        sp["at"] = quote["content"]["start"]
        self.history.append(sp)

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _out(name, entity, mention, form, confidence) -> dict[str, Any]:
        return {"name": name, "entity": entity, "mention": mention, "form": form, "_confidence": confidence}

    def _entity_at(self, span: tuple[int, int], head) -> dict[str, Any] | None:
        """The entity whose mention holds the phrase's head word (else any mention inside it)."""
        hs = head.idx if head is not None else span[0]
        inside = None
        for s, e, ent in self.mention_index:
            if s <= hs < e:
                return ent
            if span[0] <= s and e <= span[1] and inside is None:
                inside = ent
        return inside if inside is not None and inside["type"] == "PERSON" else None

    def _entity_named(self, text: str, head) -> dict[str, Any] | None:
        """The person or organisation a proper name stands for: one of its names, or a person's
        surname; nothing where two entities would fit."""
        if head is None or head.pos_ != "PROPN" or not text[:1].isupper():
            return None
        words = text.split()
        fits = [
            e
            for e in self.entities
            if e["type"] in ("PERSON", "ORG")
            and (text in {e["name"], *(m["text"] for m in e["mentions"])} or (e["type"] == "PERSON" and len(words) == 1 and e["name"].split()[-1] == words[0]))
        ]
        return fits[0] if len({e["id"] for e in fits}) == 1 else None

    @staticmethod
    def _is_collective(head, ent) -> bool:
        """'American intelligence services': a NORP adjective on a plural common noun names a group."""
        return head is not None and head.pos_ == "NOUN" and ent["type"] == "NORP"

    def _last_speaker(self, at: int) -> dict[str, Any] | None:
        for sp in reversed(self.history):
            if sp["at"] < at and sp.get("name"):
                return sp
        return None

    def _last_person(self, at: int, prefer_speaker: bool = True) -> tuple[str, str] | None:
        """The last person quoted before ``at``, else the last person mentioned."""
        if prefer_speaker:
            for sp in reversed(self.history):
                if sp["at"] < at and sp.get("entity") and self._is_person(sp["entity"]):
                    return sp["name"], sp["entity"]
        return self._last_named(at, "PERSON")

    def _last_org(self, at: int) -> tuple[str, str] | None:
        return self._last_named(at, "ORG")

    def _last_named(self, at: int, etype: str) -> tuple[str, str] | None:
        """The entity of this type named last before ``at``."""
        best = None
        for s, _, ent in self.mention_index:
            if s >= at:
                break
            if ent["type"] == etype:
                best = (ent["name"], ent["id"])
        return best

    def _is_person(self, entity_id: str) -> bool:
        return any(e["id"] == entity_id and e["type"] == "PERSON" for e in self.entities)

    def _last_group(self, at: int) -> list[dict[str, Any]] | None:
        """The people named in the last sentence before ``at`` that names two or more."""
        sp = self.doc.nlp
        if sp is None:
            return None
        for sent in reversed(list(sp.sents)):
            if sent.start_char >= at:
                continue
            people: list[dict[str, Any]] = []
            for s, _, ent in self.mention_index:
                if sent.start_char <= s < sent.end_char and ent["type"] == "PERSON" and ent not in people:
                    people.append(ent)
            if len(people) >= 2:
                return people
        return None
