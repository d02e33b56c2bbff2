"""What the speaker resolver remembers of the article so far: the speakers heard before a place,
the people, organisations and groups named before it, the subjects of the sentences before it, the
one described or titled with a role noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Entity, Speaker
from .people import (
    _PREPOSITIONS,
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
)


@dataclass
class Heard(Speaker):
    """A speaker of an earlier quote, with where that quote's content starts and ends."""

    at: int = 0
    until: int = 0


class Recall:
    """Look-ups over what was named and heard before a place in the article (a part of the resolver)."""

    def _last_speaker(self, at: int) -> Heard | None:
        for sp in reversed(self.history):
            if sp.at < at and sp.name:
                return sp
        return None

    def _last_person(
        self, at: int, prefer_speaker: bool = True, gender: str | None = None, exclude: str | None = None
    ) -> tuple[str, str] | None:
        """The last person quoted before ``at``, else the last person mentioned; of the given gender
        where the article tells it, and not ``exclude``."""
        if prefer_speaker:
            for sp in reversed(self.history):
                if sp.at < at and sp.entity and self._is_person(sp.entity) and self._fits(sp.entity, gender):
                    return sp.name, sp.entity
        return self._last_named(at, "PERSON", gender, exclude)

    def _subject_before(self, ref: int, gender: str) -> tuple[str, str | None] | None:
        """'Ghani's adviser, Omer, acknowledged the risks. "…," he said': the person who is the
        subject of the clause just before the quote, of a fitting gender and not inside someone's
        words: the nearest subject earlier in the quote's own sentence ("… Khalilzad is in Kabul
        briefing Ghani on the deal that he says …"), else the main subjects of the sentences before,
        the last first ("Mr. Bush launched …, but Mr. Obama has boasted …"), up to three sentences
        back over sentences about things ("Muna was visiting her father. … the city is besieged. She
        said …"). The search stops at "he"/"she"/"they" (a chain the other rules follow), at an unnamed
        person ("The dealer, who asked not to be named, …") and at a sentence that holds a quote."""
        sp = self.doc.nlp
        if sp is None:
            return None
        sents = self._sentences()
        k = next((i for i, s in enumerate(sents) if s.start_char <= ref < s.end_char), None)
        if k is None:
            return None
        for n, subjects in enumerate(_subject_groups(sents, k, ref)):
            for subj in subjects:
                found = self._subject_person(sp, subj, gender, n)
                if found is _STOP:
                    return None
                if found is not None:
                    return found
            if n > 0 and self._holds_words(sents[k - n]):
                return None  # a sentence with someone's words: the one quoted is the one in view
        return None

    def _subject_person(self, sp, subj, gender: str, n: int):
        """The person a subject names (name, entity id), ``_STOP`` where the search ends at it, or None
        to go on. ``n``: how many sentences back it stands."""
        if any(h.at <= subj.idx < h.until for h in self.history):
            return None  # a subject inside quoted words is not the one quoting them
        if subj.pos_ == "PRON":
            return _STOP if n > 0 and subj.lower_ in PERSONAL_PRONOUNS else None
        named = False
        for tok in (subj, *(c for c in subj.children if c.dep_ == "appos")):
            ent = self._entity_holding(tok.idx) or self._entity_named(tok.text, tok)
            named = named or ent is not None
            if ent is not None and ent.type == "PERSON" and self._fits(ent.id, gender):
                return ent.name, ent.id
        if not named and subj.pos_ == "PROPN" and subj.ent_type_ in ("", "PERSON"):
            # "Saudi cleric Iyad Ameen Madani": a name the recogniser saw no one in, as written
            first = subj
            while (
                first.i > 0
                and sp[first.i - 1].pos_ == "PROPN"
                and sp[first.i - 1].head.i == subj.i
                and not sp[first.i - 1].ent_type_
            ):
                first = sp[first.i - 1]
            return (self.text[first.idx : subj.idx + len(subj.text)], None) if first.i < subj.i else _STOP
        if subj.lemma_.lower() in PERSON_NOUNS or (
            not named and any(c.pos_ == "PROPN" and c.dep_ in ("compound", "appos") for c in subj.children)
        ):
            return _STOP  # someone unnamed, or named where the recogniser saw no one
        return None

    def _holds_words(self, sent) -> bool:
        return any(
            sent.start_char <= h.at < sent.end_char or sent.start_char < h.until <= sent.end_char
            for h in self.history
        )

    def _sentences(self) -> list:
        if self._sents is None:  # per resolver, not a process-wide cache that would keep every Doc alive
            self._sents = list(self.doc.nlp.sents)
        return self._sents

    def _last_described(self, at: int, gender: str) -> tuple[str, None] | None:
        """'A spokesman said …. He said …': where the last one quoted is a person the article leaves
        unnamed, "he" or "she" is that person (of a fitting gender)."""
        prev = next((sp for sp in reversed(self.history) if sp.at < at and sp.name), None)
        if prev is None or prev.entity or prev.form not in ("description", "name", "pronoun"):
            return None
        said = prev.name if prev.form == "pronoun" else (prev.mention.text if prev.mention else None)
        words = re.findall(r"[\w'’-]+", (said or "").lower())
        if (
            not words
            or words[-1] not in PERSON_NOUNS
            or (words[-1] in MALE_WORDS and gender == "f")
            or (words[-1] in FEMALE_WORDS and gender == "m")
        ):
            return None
        return prev.name, None

    def _org_described(self, at: int, lemma: str, exclude: str | None = None) -> tuple[str, str] | None:
        """'The agency', 'the company': the organisation last named with that word in or right before
        its name ("the International Atomic Energy Agency", "the meat processing company JBS"), else
        the organisation last quoted, else the last named, passing over those whose name says they
        are another kind ("the ministry" is no company) and ``exclude`` (whose words these are)."""

        def kinds(name: str) -> set[str]:
            return {w.lower() for w in name.split()} & ORG_NOUNS

        named = [
            (e.name, e.id, s)
            for s, _, e in self.mention_index
            if s < at and e.type == "ORG" and e.id != exclude
        ]
        for name, eid, s in reversed(named):
            if (
                lemma in kinds(name)
                or lemma in re.findall(r"[a-z]+", self.text[max(0, s - 30) : s].lower())[-3:]
            ):
                return name, eid
        speaker = self._last_org_speaker(at)
        if speaker is not None and speaker[1] != exclude and not kinds(speaker[0]) - {lemma}:
            return speaker
        fits = [(n, i) for n, i, _ in named if not kinds(n) - {lemma}]
        return fits[-1] if fits else ((named[-1][0], named[-1][1]) if named else None)

    def _last_org_speaker(self, at: int) -> tuple[str, str] | None:
        """'The exchange said …. It said …': the last one quoted, where that was an organisation or a
        document of one ("a monthly fact sheet from the Stock Exchange")."""
        prev = next((sp for sp in reversed(self.history) if sp.at < at and sp.name), None)
        if prev is None:
            return None
        if prev.entity and any(e.id == prev.entity and e.type == "ORG" for e in self.entities):
            return prev.name, prev.entity
        m = prev.mention
        if not prev.entity and m and not m.field:
            inside = self._named_inside((m.start, m.end))
            if inside is not None and inside.type == "ORG":
                return inside.name, inside.id
        return None

    def _described_before(self, at: int, lemma: str, own: set[str] = frozenset()) -> Heard | None:
        """The last earlier speaker the article left unnamed and described with the same noun (and
        the same country or body, where the description names one)."""
        for sp in reversed(self.history):
            words = re.findall(r"[\w'’-]+", (sp.mention.text if sp.mention else "").lower())
            # the noun before any phrase after it: "one aide on that committee" … "the aide"
            cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
            if (
                sp.at < at
                and sp.name
                and not sp.entity
                and sp.form == "description"
                and words
                and lemma in words[:cut]
                and own <= set(words)
            ):
                return sp
        return None

    def _titled(
        self, at: int, lemma: str, words: list[str], own: set[str] = frozenset()
    ) -> tuple[str, str] | None:
        """The person named before ``at`` whose titles hold the description's noun, and most of its
        other words ("the prime minister" → Prime Minister Benjamin Netanyahu); none where two fit
        as well."""
        wanted = {w for w in words if w not in ("the", "this", "that")}
        best: dict[str, tuple[int, int, tuple[str, str]]] = {}
        for s, _, ent in self.mention_index:
            if s >= at:
                break
            if ent.type != "PERSON" or not ent.titles:
                continue
            have = self._title_words(ent.id)
            if lemma in have and own <= have:
                best[ent.id] = (len(wanted & have), s, (ent.name, ent.id))
        if not best:
            return None
        ranked = sorted(best.values(), reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return ranked[0][2]

    def _fits(self, entity_id: str, gender: str | None) -> bool:
        return gender is None or self.gender.get(entity_id, gender) == gender

    def _last_org(self, at: int) -> tuple[str, str] | None:
        return self._last_named(at, "ORG")

    def _last_named(
        self, at: int, etype: str, gender: str | None = None, exclude: str | None = None
    ) -> tuple[str, str] | None:
        """The entity of this type named last before ``at``."""
        best = None
        for s, _, ent in self.mention_index:
            if s >= at:
                break
            if ent.type == etype and self._fits(ent.id, gender) and ent.id != exclude:
                best = (ent.name, ent.id)
        return best

    def _is_person(self, entity_id: str) -> bool:
        return any(e.id == entity_id and e.type == "PERSON" for e in self.entities)

    def _last_group(self, at: int) -> list[Entity] | None:
        """The people named in the last sentence before ``at`` that names two or more."""
        sp = self.doc.nlp
        if sp is None:
            return None
        for sent in reversed(list(sp.sents)):
            if sent.start_char >= at:
                continue
            people: list[Entity] = []
            for s, _, ent in self.mention_index:
                if sent.start_char <= s < sent.end_char and ent.type == "PERSON" and ent not in people:
                    people.append(ent)
            if len(people) >= 2:
                return people
        return None


_STOP = object()  # the search for the subject before a quote ends here, with no one


def _subject_groups(sents: list, k: int, ref: int) -> list[list]:
    """The subjects to try, nearest first: those earlier in sentence ``k`` before ``ref``, then the
    main subjects of up to three sentences before, the last first."""
    groups = [[t for t in reversed(sents[k]) if t.dep_ in ("nsubj", "nsubjpass") and t.idx < ref]]
    for sent in reversed(sents[max(0, k - 3) : k]):
        root = sent.root
        heads = {root.i, *(c.i for c in root.children if c.dep_ == "conj")}
        clauses = [
            root,
            *(
                t
                for t in root.subtree
                if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.i in heads
            ),
        ]
        groups.append(
            sorted(
                (c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")),
                key=lambda t: -t.i,
            )
        )
    return groups
