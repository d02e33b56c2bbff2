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
from dataclasses import dataclass
from typing import Any

from ..types import Article, Entity, Quote, Span, Speaker
from .people import (
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    MALE_PRONOUNS,
    NOT_NAMES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    ROLE_NOUNS,
    _genders,
    _plural,
)
from .recall import Heard, Recall


@dataclass
class _Cue:
    """A speaker mention being resolved: its span, head token, where the quote is, the quote it is
    nested in, and what is read off it once."""

    span: tuple[int, int]
    head: Any
    at: int
    parent: Quote | None
    mention: Span
    words: list[str]
    head_word: str
    ent: Entity | None
    lemma: str
    definite: bool


class SpeakerResolver(Recall):
    def __init__(self, doc: Article):
        self.doc = doc
        self.text = doc.text
        self.entities = doc.entities
        self.mention_index: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc.entities for m in e.mentions if not m.field),
            key=lambda m: (m[0], m[1]),
        )  # offsets into the body only: a dateline's or title's mentions count in their own text
        self.history: list[Heard] = []  # speakers of earlier quotes, in order
        self._sents: list | None = None
        self.gender: dict[str, str] = _genders(doc, self.mention_index)
        self.titles: dict[str, set[str]] = {
            e.id: {w.lower() for t in e.titles or [] for w in re.findall(r"[\w'’-]+", t)}
            for e in doc.entities
        }

    # -- the public interface ---------------------------------------------------------------------

    def resolve(
        self, span: tuple[int, int] | None, head, at: int, parent: Quote | None
    ) -> tuple[Speaker, float]:
        """The speaker of a quote cued by the words at ``span`` (headed by ``head``), and how sure
        the resolution is; ``parent`` is the quote this one is nested in."""
        if span is None:
            # No cue of its own: the one who spoke last, named where they were named.
            prev = self._last_speaker(at)
            if prev is None:
                return self._out(None, None, None, "none", 0.3)
            return self._out(prev.name, prev.entity, prev.mention, "none", 0.55)
        if head is not None and head.pos_ in ("ADV", "SCONJ", "CCONJ", "PUNCT", "INTJ"):
            return self._out(
                None, None, None, "none", 0.3
            )  # no name, pronoun or noun: "Accordingly," is no one
        cue = self._cue(span, head, at, parent)
        for step in self._STEPS:
            found = step(self, cue)
            if found is not None:
                return found
        # Unnamed or collective: as the article names it, without a leading article.
        name = re.sub(r"^(?:the|a|an)\s+", "", cue.mention.text, flags=re.I)
        form = "description" if cue.definite or cue.ent is None else "name"
        return self._out(name, cue.ent.id if cue.ent else None, cue.mention, form, 0.8)

    def _cue(self, span: tuple[int, int], head, at: int, parent: Quote | None) -> _Cue:
        mention = Span(span[0], span[1], self.text[span[0] : span[1]])
        words = mention.text.lower().split()
        head_word = head.lower_ if head is not None else (words[-1] if words else "")
        ent = self._entity_at(span, head)
        if ent is None and head is not None:
            # "President Nixon’s secretary of state, Henry Kissinger,": the one named in apposition
            named = next((a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if named is not None:
                ent = self._entity_holding(named.idx)
                ent = ent if ent is not None and ent.type == "PERSON" else None
        lemma = head.lemma_.lower() if head is not None else head_word
        definite = bool(words) and words[0] in ("the", "this", "that", "these", "those")
        return _Cue(span, head, at, parent, mention, words, head_word, ent, lemma, definite)

    def _first_person(self, c: _Cue):
        if c.head_word in FIRST_PERSON and c.parent is not None:
            sp = c.parent.speaker
            return self._out(sp.name, sp.entity, c.mention, "pronoun", 0.8)
        return None

    def _named(self, c: _Cue):
        ent = c.ent
        if (
            ent is None
            or ent.type not in ("PERSON", "ORG", "GPE", "NORP")
            or self._is_collective(c.head, ent)
        ):
            return None
        others = self._conjoined(c.head, ent)
        if others:  # "Janney Montgomery Scott Inc and Woolcott and Co", "Obama and Kerry": all of them
            names = "; ".join([ent.name, *(o.name for o in others)])
            return self._out(names, None, c.mention, "name", 0.9, [ent.id, *(o.id for o in others)])
        return self._out(ent.name, ent.id, c.mention, "name", 0.95)

    def _pronoun(self, c: _Cue):
        """he/she, they, it: the person, group or body they stand for."""
        at, parent = c.at, c.parent
        if c.head_word in PRONOUNS_SINGULAR:
            gender = "m" if c.head_word in MALE_PRONOUNS else "f"
            if parent is not None and parent.kind == "direct" and parent.speaker.entity:
                # "he" in someone's own quoted words is someone else, named before
                prev = self._last_person(
                    at, prefer_speaker=False, gender=gender, exclude=parent.speaker.entity
                )
            else:
                prev = (
                    self._subject_before(min(at, c.span[0]), gender)
                    or self._last_described(at, gender)
                    or self._last_person(at, gender=gender)
                )
            if prev:
                return self._out(prev[0], prev[1], c.mention, "pronoun", 0.75)
            return self._out(None, None, c.mention, "pronoun", 0.3)
        if c.head_word in PRONOUNS_PLURAL:
            prev = self._last_speaker(at)
            if prev and ";" in (prev.name or ""):
                return self._out(prev.name, None, c.mention, "pronoun", 0.6, prev.entities)
            inside_words = (
                parent is not None and parent.kind == "direct"
            )  # "they" in someone's words is others
            if prev and c.head_word in ("they", "them", "their") and _plural(prev) and not inside_words:
                # "shipping sources said …. They said …": the group quoted last
                return self._out(prev.name, prev.entity, c.mention, "pronoun", 0.6, prev.entities)
            return self._out(None, None, c.mention, "pronoun", 0.3)
        if c.head_word == "it":
            org = self._last_org_speaker(at) or self._last_org(at)
            if org:
                return self._out(org[0], org[1], c.mention, "pronoun", 0.6)
            return self._out(None, None, c.mention, "pronoun", 0.3)
        return None

    def _relative(self, c: _Cue):
        """ "who", "which": the one the relative clause describes."""
        head = c.head
        if c.head_word not in ("which", "who", "that") or head is None or head.head.dep_ != "relcl":
            return None
        noun = head.head.head
        ent = self._entity_at((noun.idx, noun.idx + len(noun.text)), noun)
        if ent is not None:
            return self._out(ent.name, ent.id, c.mention, "pronoun", 0.8)
        if noun.pos_ in ("NOUN", "PROPN") and noun.i < head.i:
            # "a retired general who testified": the one the relative clause describes
            described, confidence = self.resolve(
                (noun.left_edge.idx, noun.idx + len(noun.text)), noun, c.at, c.parent
            )
            return self._out(described.name, described.entity, c.mention, "pronoun", confidence)
        return None

    def _no_name(self, c: _Cue):
        if c.head_word in NOT_NAMES and len(c.words) == 1:
            return self._out(None, None, c.mention, "pronoun", 0.3)
        return None

    def _organisation(self, c: _Cue):
        """ "the company", "the agency": the organisation named with that word, else the one last quoted."""
        if c.lemma in ORG_NOUNS and c.words and c.words[0] in ("the", "this", "that"):
            org = self._org_described(
                c.at, c.lemma, exclude=c.parent.speaker.entity if c.parent is not None else None
            )
            if org:
                return self._out(org[0], org[1], c.mention, "description", 0.7)
        return None

    def _document(self, c: _Cue):
        """A statement, readout or transcript: whoever is named in it, else the person interviewed."""
        head = c.head
        if c.lemma not in DOCUMENT_NOUNS or (head is not None and head.tag_ == "NNS"):
            return None
        issuer = self._named_inside(c.span) or self._named_inside(c.span, ("GPE",))
        if (
            issuer is not None
        ):  # "the White House statement", "a Kremlin readout", "a statement from North Korea's agency"
            return self._out(issuer.name, issuer.id, c.mention, "description", 0.8)
        # "a pool report from journalists", "a statement by the group" name whose they are
        sourced = c.lemma == "report" or (
            head is not None
            and any(
                c2.dep_ == "poss" or (c2.dep_ == "prep" and c2.lower_ in ("from", "by"))
                for c2 in head.children
            )
        )
        prev = self._last_person(c.at) if not sourced else None
        return self._out(prev[0], prev[1], c.mention, "description", 0.7) if prev else None

    def _role(self, c: _Cue):
        """ "the minister", "the leaders": the one(s) the article described or titled so."""
        if c.lemma not in ROLE_NOUNS or not c.definite:
            return None
        # "the French foreign minister", "the foreign ministers of the UK, France and Germany": a
        # description that names its own country or body is no one else's, unless their title says so.
        own = self._places_inside(c.span)
        if c.head is not None and c.head.tag_ in ("NNS", "NNPS"):
            group = self._last_group(c.at) if not own else None
            if group:
                names = "; ".join(e.name for e in group)
                return self._out(names, None, c.mention, "description", 0.65, [e.id for e in group])
            return None
        same = self._described_before(c.at, c.lemma, own)
        if same is not None:  # "a senior Pakistani official" … "the official"
            return self._out(same.name, same.entity, c.mention, "description", 0.7)
        titled = self._titled(c.at, c.lemma, c.words, own)
        if titled is not None:  # "the prime minister": the one person the article gave that title
            return self._out(titled[0], titled[1], c.mention, "description", 0.75)
        if c.parent is not None and c.parent.speaker.entity:
            # Inside someone's words ("Regev said the prime minister denied …") a description is
            # someone else: the person named last, not the one speaking.
            prev = self._last_person(c.at, prefer_speaker=False, exclude=c.parent.speaker.entity)
        else:
            prev = self._last_person(c.at, prefer_speaker=True)
        if prev and own <= self._title_words(prev[1]):  # "the US top diplomat": a US Secretary of State
            return self._out(prev[0], prev[1], c.mention, "description", 0.7)
        return None

    def _missed_name(self, c: _Cue):
        named = self._entity_named(c.mention.text, c.head)
        if named is not None:  # "Mulally" where the recogniser missed the name: Alan Mulally, named before
            return self._out(named.name, named.id, c.mention, "name", 0.85)
        return None

    # The ways a speaker mention is resolved, tried in order; the first that gives a speaker stands.
    _STEPS = (
        _first_person,
        _named,
        _pronoun,
        _relative,
        _no_name,
        _organisation,
        _document,
        _role,
        _missed_name,
    )

    def resolve_name(self, name: str, span: tuple[int, int], field_name: str) -> tuple[Speaker, float]:
        """A name outside the body (a headline's '— Blinken') matched to the body's entities."""
        mention = Span(span[0], span[1], name, field_name)
        last = name.split()[-1]
        for e in self.entities:
            if e.type in ("PERSON", "ORG") and (e.name == name or e.name.split()[-1] == last):
                return self._out(e.name, e.id, mention, "name", 0.9)
        return self._out(name, None, mention, "name", 0.6)

    def remember(self, quote: Quote) -> None:
        sp = quote.speaker
        self.history.append(
            Heard(
                sp.name, sp.entity, sp.mention, sp.form, sp.entities, quote.content.start, quote.content.end
            )
        )

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _out(
        name, entity, mention, form, confidence, entities: list[str] | None = None
    ) -> tuple[Speaker, float]:
        # several speakers: the entity of each, in the order named
        return Speaker(name, entity, mention, form, entities or None), confidence

    def _entity_at(self, span: tuple[int, int], head) -> Entity | None:
        """The entity whose mention holds the phrase's head word (else any mention inside it)."""
        hs = head.idx if head is not None else span[0]
        inside = None
        for s, e, ent in self.mention_index:
            if s <= hs < e:
                return ent
            if (
                span[0] <= s
                and e <= span[1]
                and inside is None
                and self.text[e : e + 2] not in ("'s", "’s")
                and self._speaks_for(s, e, head)
            ):
                inside = ent  # not a possessor: "Putin's fiercest critics" are not Putin
        return inside if inside is not None and inside.type == "PERSON" else None

    def _entity_holding(self, offset: int) -> Entity | None:
        """The entity one of whose body mentions holds the character at ``offset``."""
        return next((e for s, end, e in self.mention_index if s <= offset < end), None)

    def _speaks_for(self, start: int, end: int, head) -> bool:
        """Whether a name inside a phrase is the one the phrase stands for: the head's own name, one
        in apposition or a "by"/"from" phrase ("the comments by Behrouz Kamalvandi"), not one
        further down ("testimony in the inquiry into Trump", "a spokesman for Smith")."""
        sp = self.doc.nlp
        if head is None or sp is None or head.lemma_.lower() in PERSON_NOUNS:
            return True  # "US envoy to the UN Nikki Haley": a role's holder, however parsed
        span = sp.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        tok = span.root
        for _ in range(6):
            if tok.i == head.i:
                return True
            if tok.dep_ == "prep" and tok.lower_ not in ("by", "from"):
                return False
            if tok.dep_ not in ("compound", "appos", "flat", "pobj", "prep", "nmod", "amod", "conj", "cc"):
                return False
            tok = tok.head
        return False

    def _conjoined(self, head, ent: Entity) -> list[Entity]:
        """The other people or bodies named in coordination with the head ("X and Y said")."""
        if head is None:
            return []
        found: list[Entity] = []
        for c in head.conjuncts:
            other = self._entity_holding(c.idx)
            if (
                other is not None
                and other.id != ent.id
                and other.type in ("PERSON", "ORG", "GPE")
                and other not in found
            ):
                found.append(other)
        return found

    def _title_words(self, entity_id: str) -> set[str]:
        return self.titles.get(entity_id, set())

    def _places_inside(self, span: tuple[int, int]) -> set[str]:
        """The words of the countries, nationalities and bodies named inside the phrase."""
        return {
            w
            for s, e, ent in self.mention_index
            if span[0] <= s and e <= span[1] and ent.type in ("GPE", "NORP", "ORG")
            for w in re.findall(r"[\w'’-]+", self.text[s:e].lower())
        }

    def _named_inside(
        self, span: tuple[int, int], types: tuple[str, ...] = ("PERSON", "ORG")
    ) -> Entity | None:
        """The one person or organisation (or entity of other ``types``) named inside the phrase."""
        found = {
            ent.id: ent
            for s, e, ent in self.mention_index
            if span[0] <= s and e <= span[1] and ent.type in types
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _entity_named(self, text: str, head) -> Entity | None:
        """The person or organisation a proper name stands for: one of its names, or a person's
        surname; nothing where two entities would fit."""
        if head is None or head.pos_ != "PROPN" or not text[:1].isupper():
            return None
        words = text.split()
        fits = [
            e
            for e in self.entities
            if e.type in ("PERSON", "ORG")
            and (
                text in {e.name, *(m.text for m in e.mentions)}
                or (e.type == "PERSON" and len(words) == 1 and e.name.split()[-1] == words[0])
            )
        ]
        return fits[0] if len({e.id for e in fits}) == 1 else None

    @staticmethod
    def _is_collective(head, ent) -> bool:
        """'American intelligence services': a NORP adjective on a plural common noun names a group."""
        return head is not None and head.pos_ == "NOUN" and ent.type == "NORP"
