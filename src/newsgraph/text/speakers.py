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

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import metadata

from ..types import Article, Entity, Quote, Span, Speaker

PRONOUNS_SINGULAR = frozenset("he she him her his hers himself herself".split())
PRONOUNS_PLURAL = frozenset("they them their we us".split())
PERSONAL_PRONOUNS = frozenset("he she they him her them".split())
FIRST_PERSON = frozenset("i me my we us our".split())
ROLE_NOUNS = frozenset(
    """
    diplomat minister president official spokesman spokeswoman spokesperson secretary leader chief
    envoy ambassador senator governor mayor chancellor premier director chairman chairwoman ceo
    executive lawmaker legislator representative congressman congresswoman commander general officer
    prosecutor judge king queen prince candidate nominee adviser advisor aide head counterpart
    """.split()
)
# One person the article leaves unnamed: "a spokesman", "one dealer", "the witness".
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """
    spokesman spokeswoman dealer trader analyst economist source witness banker lawyer attorney expert
    resident man woman official strategist negotiator investigator researcher scientist doctor activist
    """.split()
)
DOCUMENT_NOUNS = frozenset(
    "transcript statement report letter release communique communiqué readout memo document".split()
)
# Nouns that describe an organisation: "the company said" is the company last named.
ORG_NOUNS = frozenset(
    "company firm carrier airline manufacturer maker automaker carmaker planemaker bank group "
    "retailer giant corporation conglomerate ministry agency".split()
)
# Words that are never a speaker's name: what they stand for is found, or the speaker stays unresolved.
NOT_NAMES = frozenset(
    "it its i me you we they which who whom that this these those one someone something".split()
)
# What tells a person's gender in the article itself: an honorific before the name, a gendered word in
# a title or apposition, a "he"/"she" in a sentence that names no one else. A pronoun goes to no one
# the article shows to be of the other gender.
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
_MALE_HONORIFIC = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Monsieur|Herr)\.?\s*$")
_FEMALE_HONORIFIC = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Madame|Mme|Lady|Dame|Queen|Princess|Frau)\.?\s*$")
MALE_WORDS = frozenset(
    "spokesman chairman congressman businessman councilman husband father son brother king "
    "prince boyfriend uncle nephew grandfather widower actor".split()
)
FEMALE_WORDS = frozenset(
    "spokeswoman chairwoman congresswoman businesswoman councilwoman wife mother daughter sister "
    "queen princess girlfriend aunt niece grandmother widow actress lady".split()
)


@dataclass
class Heard(Speaker):
    """A speaker of an earlier quote, with where that quote's content starts and ends."""

    at: int = 0
    until: int = 0


class SpeakerResolver:
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
        mention = Span(span[0], span[1], self.text[span[0] : span[1]])
        words = mention.text.lower().split()
        head_word = head.lower_ if head is not None else (words[-1] if words else "")
        if head_word in FIRST_PERSON and parent is not None:
            sp = parent.speaker
            return self._out(sp.name, sp.entity, mention, "pronoun", 0.8)
        ent = self._entity_at(span, head)
        if ent is None and head is not None:
            # "President Nixon’s secretary of state, Henry Kissinger,": the one named in apposition
            named = next((a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if named is not None:
                ent = self._entity_holding(named.idx)
                ent = ent if ent is not None and ent.type == "PERSON" else None
        if (
            ent is not None
            and ent.type in ("PERSON", "ORG", "GPE", "NORP")
            and not self._is_collective(head, ent)
        ):
            others = self._conjoined(head, ent)
            if others:  # "Janney Montgomery Scott Inc and Woolcott and Co", "Obama and Kerry": all of them
                return self._out(
                    "; ".join([ent.name, *(o.name for o in others)]),
                    None,
                    mention,
                    "name",
                    0.9,
                    [ent.id, *(o.id for o in others)],
                )
            return self._out(ent.name, ent.id, mention, "name", 0.95)
        if head_word in PRONOUNS_SINGULAR:
            gender = "m" if head_word in MALE_PRONOUNS else "f"
            if parent is not None and parent.kind == "direct" and parent.speaker.entity:
                # "he" in someone's own quoted words is someone else, named before
                prev = self._last_person(
                    at, prefer_speaker=False, gender=gender, exclude=parent.speaker.entity
                )
            else:
                prev = (
                    self._subject_before(min(at, span[0]), gender)
                    or self._last_described(at, gender)
                    or self._last_person(at, gender=gender)
                )
            return (
                self._out(prev[0], prev[1], mention, "pronoun", 0.75)
                if prev
                else self._out(None, None, mention, "pronoun", 0.3)
            )
        if head_word in PRONOUNS_PLURAL:
            prev = self._last_speaker(at)
            if prev and ";" in (prev.name or ""):
                return self._out(prev.name, None, mention, "pronoun", 0.6, prev.entities)
            inside_words = (
                parent is not None and parent.kind == "direct"
            )  # "they" in someone's words is others
            if prev and head_word in ("they", "them", "their") and _plural(prev) and not inside_words:
                # "shipping sources said …. They said …": the group quoted last
                return self._out(prev.name, prev.entity, mention, "pronoun", 0.6, prev.entities)
            return self._out(None, None, mention, "pronoun", 0.3)
        if head_word == "it":
            org = self._last_org_speaker(at) or self._last_org(at)
            return (
                self._out(org[0], org[1], mention, "pronoun", 0.6)
                if org
                else self._out(None, None, mention, "pronoun", 0.3)
            )
        if head_word in ("which", "who", "that") and head is not None and head.head.dep_ == "relcl":
            noun = head.head.head
            ent = self._entity_at((noun.idx, noun.idx + len(noun.text)), noun)
            if ent is not None:
                return self._out(ent.name, ent.id, mention, "pronoun", 0.8)
            if noun.pos_ in ("NOUN", "PROPN") and noun.i < head.i:
                # "a retired general who testified": the one the relative clause describes
                described, confidence = self.resolve(
                    (noun.left_edge.idx, noun.idx + len(noun.text)), noun, at, parent
                )
                return self._out(described.name, described.entity, mention, "pronoun", confidence)
        if head_word in NOT_NAMES and len(words) == 1:
            return self._out(None, None, mention, "pronoun", 0.3)
        lemma = head.lemma_.lower() if head is not None else head_word
        if lemma in ORG_NOUNS and words and words[0] in ("the", "this", "that"):
            org = self._org_described(
                at, lemma, exclude=parent.speaker.entity if parent is not None else None
            )
            if org:
                return self._out(org[0], org[1], mention, "description", 0.7)
        if lemma in DOCUMENT_NOUNS and (head is None or head.tag_ != "NNS"):
            issuer = self._named_inside(span) or self._named_inside(span, ("GPE",))
            if (
                issuer is not None
            ):  # "the White House statement", "a Kremlin readout", "a statement from North Korea's agency"
                return self._out(issuer.name, issuer.id, mention, "description", 0.8)
            # "a pool report from journalists", "a statement by the group" name whose they are
            sourced = lemma == "report" or (
                head is not None
                and any(
                    c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
                    for c in head.children
                )
            )
            prev = self._last_person(at) if not sourced else None
            if prev:
                return self._out(prev[0], prev[1], mention, "description", 0.7)
        definite = bool(words) and words[0] in ("the", "this", "that", "these", "those")
        # "the French foreign minister", "the foreign ministers of the UK, France and Germany": a
        # description that names its own country or body is no one else's, unless their title says so.
        own = self._places_inside(span)
        if lemma in ROLE_NOUNS and definite:
            if head is not None and head.tag_ in ("NNS", "NNPS"):
                group = self._last_group(at) if not own else None
                if group:
                    return self._out(
                        "; ".join(e.name for e in group),
                        None,
                        mention,
                        "description",
                        0.65,
                        [e.id for e in group],
                    )
            else:
                same = self._described_before(at, lemma, own)
                if same is not None:  # "a senior Pakistani official" … "the official"
                    return self._out(same.name, same.entity, mention, "description", 0.7)
                titled = self._titled(at, lemma, words, own)
                if titled is not None:  # "the prime minister": the one person the article gave that title
                    return self._out(titled[0], titled[1], mention, "description", 0.75)
                if parent is not None and parent.speaker.entity:
                    # Inside someone's words ("Regev said the prime minister denied …") a description is
                    # someone else: the person named last, not the one speaking.
                    prev = self._last_person(at, prefer_speaker=False, exclude=parent.speaker.entity)
                else:
                    prev = self._last_person(at, prefer_speaker=True)
                if prev and own <= self._title_words(
                    prev[1]
                ):  # "the US top diplomat": a US Secretary of State
                    return self._out(prev[0], prev[1], mention, "description", 0.7)
        named = self._entity_named(mention.text, head)
        if named is not None:  # "Mulally" where the recogniser missed the name: Alan Mulally, named before
            return self._out(named.name, named.id, mention, "name", 0.85)
        # Unnamed or collective: as the article names it, without a leading article.
        name = re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I)
        return self._out(
            name, ent.id if ent else None, mention, "description" if definite or ent is None else "name", 0.8
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
        for n, subjects in enumerate(groups):
            for subj in subjects:
                if any(h.at <= subj.idx < h.until for h in self.history):
                    continue  # a subject inside quoted words is not the one quoting them
                if subj.pos_ == "PRON":
                    if n > 0 and subj.lower_ in PERSONAL_PRONOUNS:
                        return None
                    continue
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
                    return (
                        (self.text[first.idx : subj.idx + len(subj.text)], None) if first.i < subj.i else None
                    )
                if subj.lemma_.lower() in PERSON_NOUNS or (
                    not named
                    and any(c.pos_ == "PROPN" and c.dep_ in ("compound", "appos") for c in subj.children)
                ):
                    return None  # someone unnamed, or named where the recogniser saw no one
            if n > 0:
                sent = sents[k - n]
                if any(
                    sent.start_char <= h.at < sent.end_char or sent.start_char < h.until <= sent.end_char
                    for h in self.history
                ):
                    return None  # a sentence with someone's words: the one quoted is the one in view
        return None

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


_PREPOSITIONS = frozenset("on of for at in with from to who that".split())
_GROUP_NOUNS = frozenset("police people military taliban staff personnel clergy".split())


def _plural(speaker: Speaker) -> bool:
    """Whether a speaker is a group the article names with a plural ("shipping sources", "the
    unions", "they" already resolved to one)."""
    text = (speaker.mention.text if speaker.mention else "").lower()
    words = re.findall(r"[\w'’-]+", text)
    if not words:
        return False
    if speaker.form == "pronoun":
        return words[-1] in ("they", "them", "their")
    if ";" in (speaker.name or "") or "and" in words:
        return True  # "X and Y said"
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    noun = words[cut - 1]
    return noun in _GROUP_NOUNS or (
        len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _genders(doc: Article, mention_index: list[tuple[int, int, Entity]]) -> dict[str, str]:
    """Each person's gender as the article shows it ("m" or "f"); nobody is guessed from a name.

    Evidence, weighed: an honorific before a mention ("Mr.", "Ms.") 3; a gendered word in a title
    ("spokeswoman", "wife of") 2; a subject "he"/"she" or a possessive "his"/"her" in a sentence
    that names this person and no other, after the name, or opening the next sentence 1."""
    score: dict[str, int] = {}
    text = doc.text
    people = [
        (s, e, ent) for s, e, ent in mention_index if ent.type == "PERSON"
    ]  # in order of offsets, as the index is
    sp = doc.nlp
    # Quotes and events each resolve speakers in the same parse: the answer is kept on the parse
    # (it goes with it) for as long as the people's mentions stay the same.
    key = tuple((s, ent.id) for s, _, ent in people) + tuple(
        (ent.id, tuple(ent.titles or ())) for ent in doc.entities if ent.type == "PERSON"
    )
    kept = sp.user_data.get("newsgraph.genders") if sp is not None else None
    if kept is not None and kept[0] == key:
        return dict(kept[1])
    for s, _, ent in people:
        before = text[max(0, s - 12) : s]
        if _MALE_HONORIFIC.search(before):
            score[ent.id] = score.get(ent.id, 0) + 3
        elif _FEMALE_HONORIFIC.search(before):
            score[ent.id] = score.get(ent.id, 0) - 3
    for ent in doc.entities:
        if ent.type != "PERSON":
            continue
        words = {w.lower().strip(",.") for t in ent.titles or [] for w in t.split()}
        score[ent.id] = (
            score.get(ent.id, 0) + 2 * (len(words & MALE_WORDS) > 0) - 2 * (len(words & FEMALE_WORDS) > 0)
        )
    if sp is not None and people:
        sents = list(sp.sents)
        starts = [s for s, _, _ in people]
        for i, sent in enumerate(sents):
            lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
            named = [(s, ent) for s, _, ent in people[lo:hi]]
            if len({ent.id for _, ent in named}) != 1:
                continue
            first, ent = named[0]
            later = [t for t in sent if t.idx > first]
            if i + 1 < len(sents) and sents[i + 1][0].lower_ in ("he", "she"):
                later.append(sents[i + 1][0])
            for t in later:
                if t.dep_ in ("nsubj", "nsubjpass", "poss") and (
                    t.lower_ in ("he", "his") or t.lower_ in ("she", "her")
                ):
                    score[ent.id] = score.get(ent.id, 0) + (1 if t.lower_ in MALE_PRONOUNS else -1)
    out = {k: ("m" if v > 0 else "f") for k, v in score.items() if v}
    for ent in doc.entities:  # no word of the article tells: the given name, where it is a strong sign
        words = ent.name.split()
        if ent.type == "PERSON" and ent.id not in out and len(words) >= 2:
            guess = first_name_genders().get(words[0].lower())
            if guess:
                out[ent.id] = guess
    if sp is not None:
        sp.user_data["newsgraph.genders"] = (key, dict(out))
    return out


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given names that name one gender in at least 90% of their bearers ("amy" → "f", "paul" → "m"),
    read once from the name table nomquamgender ships (MIT; 720,000 names from census and registry
    data, with how often each is borne by women). Names seen fewer than 100 times are left out. The
    table is read as text, without importing the package (which loads pandas)."""
    path = metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
    raw = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for m in _NAME_ROW.finditer(raw):
        share = float(m.group(3))
        if int(m.group(2)) >= 100 and (share >= 0.9 or share <= 0.1):
            out[m.group(1)] = "f" if share >= 0.9 else "m"
    return out


_NAME_ROW = re.compile(r'"([a-z][a-z\'-]+)": \[\d+, (\d+), ([01](?:\.\d+)?)')
