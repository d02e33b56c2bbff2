"""Who said what: attributed statements found by rules over spaCy's parse.

Kinds: ``direct`` ("…," he said), split direct quotes (one quote in several ``parts``), ``indirect``
(X said that …; …, X said), ``mixed`` (indirect with quoted fragments), ``according_to``
(According to X, …; also "In X's opinion, …") and ``headline`` (… — Blinken; Mattis: …).
A cue is a verb of saying, reporting or believing; its subject is the speaker mention, which
:mod:`speakers` resolves to a person or body of the article. Quote marks of many languages are read:
“ ” ‘ ’ « » „ and plain ones. A paragraph that opens a quote without closing it, followed by a
paragraph that opens again, continues the same quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..ids import article_key, content_id
from ..registry import stage
from ..text.attribution import (
    BELIEF,
    CUE_LEMMAS,
    MODEL_CUES,
    NAMING_VERBS,
    NOT_PASSIVE_CUES,
    OPINION_NOUNS,
    SELF_REFERENCE,
    SPEECH,
    TOPIC_CUES,
    XCOMP_CUES,
    Segment,
    quote_segments,
)
from ..text.nlp import TEXT
from ..text.people import ORG_NOUNS, PERSON_NOUNS
from ..text.speakers import SpeakerResolver
from ..types import Article, Mention, Quote, Span, Speaker

_BYLINE_AFTER = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3})"
)
_HEADLINE_TAIL = re.compile(r"\s+[—–-]\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})\s*$")
# "WALLACE: Let's start …" — a speaker's turn in a transcript, at the start of a paragraph.
_TURN = re.compile(
    r"(?P<open>[\"“”]?)(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}):[ \t]+(?P<rest>\S)"
)
NOT_SPEAKER_LABELS = frozenset(
    "update correction note editor's editor’s watch read related photos photo video see also "
    "advertisement source sources credit q a".split()
)
_HEADLINE_HEAD = re.compile(r"^(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2}):\s+(?P<rest>\S.*)$")


@dataclass
class Found:
    kind: str
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None  # the mention's character span
    speaker_token: Any = None  # the mention's head token, for resolution
    confidence: float = 0.8
    parent: Found | None = None  # the quote whose content holds this one's cue
    extra: dict[str, Any] = field(default_factory=dict)


# A new version with every change of the stage's output (tests/test_golden.py).
RULES = "quotes.rules.v2"
HYBRID = "quotes.hybrid.v2"


@stage(RULES, requires=("nlp", "entities", "title"), assigns=("quotes", "entities"))
def find_quotes(doc: Article) -> Article:
    """Quotes found by the rules alone."""
    return _quotes(doc, use_model=False)


@stage(HYBRID, requires=("nlp", "entities", "title"), assigns=("quotes", "entities"))
def find_quotes_hybrid(doc: Article) -> Article:
    """The rules, then what the attribution tagger finds where no rule did. Where both find a
    statement the rule's bounds, cue and speaker stand: on PolNeAR dev, taking the tagger's bounds
    instead gave no better strict F1 and a lower speaker overlap."""
    return _quotes(doc, use_model=True)


def _quotes(doc: Article, use_model: bool) -> Article:
    sp = doc.nlp
    text = doc.text
    segments = quote_segments(text)
    resolver = SpeakerResolver(doc)
    found: list[Found] = _transcript_turns(sp, segments)
    for sent in sp.sents:
        found.extend(_sentence_quotes(sent, segments))
    unclaimed = _unclaimed_segments(sp, segments)
    if use_model:
        found.extend(_model_quotes(sp, segments, found + unclaimed))
    found.extend(unclaimed)
    found.sort(key=lambda f: f.parts[0][0])
    found = _join_continuations(found, text)
    found = _drop_overlaps(found)
    _mark_nesting(found)
    # "I think", "we want" inside a quote are the speaker's own hedges, not a statement of their own.
    found = [
        f
        for f in found
        if not (
            f.parent is not None and f.speaker_token is not None and f.speaker_token.lower_ in SELF_REFERENCE
        )
    ]
    # What was said is not the speaker's own name: a misparse ("…, says the BBC's Barbara Plett Usher"
    # read as its own content). Contents that only touch the speaker are the tagger's wide spans: kept.
    found = [
        f
        for f in found
        if f.speaker is None
        or sum(max(0, min(e, f.speaker[1]) - max(s, f.speaker[0])) for s, e in f.parts)
        < 0.5 * sum(e - s for s, e in f.parts)
    ]

    akey = article_key(doc)
    quotes: list[Quote] = []
    made: dict[int, Quote] = {}
    for f in found:
        parent = made.get(id(f.parent)) if f.parent is not None else None
        speaker, sure = resolver.resolve(f.speaker, f.speaker_token, f.parts[0][0], parent)
        start, end = f.parts[0]
        q = Quote(
            id=content_id("quote", akey, start, end),
            kind=f.kind,
            speaker=speaker,
            content=_span(text, start, end),
            cue=_span(text, *f.cue) if f.cue else None,
            confidence=round(min(f.confidence, sure or 1.0), 2),
            parts=[_span(text, s, e) for s, e in f.parts] if len(f.parts) > 1 else None,
            nested_in=parent.id if parent is not None else None,
        )
        resolver.remember(q)
        made[id(f)] = q
        quotes.append(q)
    _add_headline_quote(doc, quotes, resolver)
    _add_occurrences(doc, quotes)
    _add_described_mentions(doc, quotes)
    doc.quotes = quotes
    return doc


def _add_described_mentions(doc: Article, quotes: list[Quote]) -> None:
    """A description the speaker resolver tied to an entity names that entity: "the US top
    diplomat" is a mention of Antony Blinken, "the company" of JBS. (A document that speaks for
    someone, "a transcript of the interview", is not the person; a pronoun is left to the quote.)"""
    by_id = {e.id: e for e in doc.entities}
    for q in quotes:
        speaker = q.speaker
        mention, entity = speaker.mention, by_id.get(speaker.entity or "")
        if speaker.form != "description" or not mention or mention.field or entity is None:
            continue
        head = mention.text.split()[-1].lower()
        if head not in (
            PERSON_NOUNS if entity.type == "PERSON" else ORG_NOUNS if entity.type == "ORG" else ()
        ):
            continue
        own = [m for m in entity.mentions if not m.field]
        if any(m.start < mention.end and mention.start < m.end for m in own):
            continue  # the words name it already
        if any(
            (m.start, m.end) == (mention.start, mention.end)
            for e in doc.entities
            for m in e.mentions
            if not m.field
        ):
            continue  # the same words are another entity's mention ("US" inside it is not)
        at = next(
            (i for i, m in enumerate(entity.mentions) if not m.field and m.start > mention.start),
            len(entity.mentions),
        )
        entity.mentions.insert(at, Mention(mention.start, mention.end, mention.text, form="description"))


def _doc_text(doc) -> str:
    """A spaCy Doc's text, built once: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def _span(text: str, start: int, end: int, field_name: str | None = None) -> Span:
    return Span(start, end, text[start:end], field_name)


# -- per sentence ----------------------------------------------------------------------------------


def _sentence_quotes(sent, segments: list[Segment]) -> list[Found]:
    out: list[Found] = []
    opinion_speaker = None
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            f = _according_to(sent, tok)
            if f:
                out.append(f)
        elif tok.dep_ == "prep" and tok.lower_ == "in":
            f = _opinion_frame(sent, tok)
            if f:
                opinion_speaker = f.speaker_token
                out.append(f)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_VERBS:
            f = _naming_quote(tok, segments)
            if f:
                out.append(f)
    # Verbs of saying claim quote marks before verbs of believing ("I think" inside a quote).
    cues = sorted(
        (t for t in sent if t.lemma_.lower() in CUE_LEMMAS), key=lambda t: (t.lemma_.lower() in BELIEF, t.i)
    )
    for tok in cues:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() == "point" and not any(c.lower_ == "out" for c in tok.children):
            continue
        if tok.lemma_.lower() in NAMING_VERBS and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("for", "on")) for c in tok.children
        ):
            continue  # done above
        if (
            tok.lower_ in ("know", "mean", "see")
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].is_punct
            and tok.i > 0
            and tok.doc[tok.i - 1].lower_ in ("you", "i")
        ):
            continue  # "you know," "I mean": a filler, not a cue
        f = _verb_quote(sent, tok, segments, opinion_speaker)
        if f:
            out.append(f)
    return out


def _verb_quote(sent, verb, segments: list[Segment], opinion_speaker) -> Found | None:
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and opinion_speaker is not None and verb.dep_ == "conj":
        subj = opinion_speaker  # "In Blinken's opinion, …, but reiterated that …": Blinken again
    else:
        subj = _subject(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        # "Parents were asked what should change", "The shares are expected to bring …": the subject is
        # who was asked or what is spoken of; the agent speaks, or no one named
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and verb.dep_ not in ("ROOT", "parataxis"):
        return None
    doc = sent.doc
    cue = (verb.idx, verb.idx + len(verb.text))
    if verb.lemma_.lower() in ("tell", "inform", "assure", "ask", "urge", "warn", "accuse"):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.i > verb.i:  # "told reporters"; not "whom he told"
            cue = (verb.idx, obj.idx + len(obj.text))
    # Direct: a quote segment in this sentence that the verb lies outside of.
    in_sent = [
        s
        for s in segments
        if s.start < sent.end_char and s.end > sent.start_char and not (s.start <= verb.idx < s.end)
    ]
    pieces = _complement_parts(verb)
    comp = (pieces[0][0], pieces[-1][1]) if pieces else None
    if in_sent and comp is not None and len(pieces) == 1 and _quoted_with_more(doc, comp, in_sent):
        # 'The country "has made dramatic changes," he said': the reported clause is what was
        # said, the quote marks mark the speaker's own words within it.
        for seg in in_sent:
            seg.claimed = True
        return Found("mixed", [_trim(_doc_text(doc), *comp)], cue, _mention(subj), subj, 0.85)
    if in_sent and (comp is None or _mostly_quoted(comp, in_sent)):
        parts = []
        # '"…," Trump said, adding later, "…"': what follows the next verb of saying is its own.
        nxt = next(
            (
                c.idx
                for c in verb.children
                if c.i > verb.i
                and c.dep_ in ("conj", "advcl", "xcomp")
                and c.lemma_.lower() in SPEECH
                and not any(sg.start <= c.idx < sg.end for sg in in_sent)
            ),
            None,
        )
        for seg in in_sent:
            if seg.claimed or (nxt is not None and seg.start > nxt):
                continue
            if len(_doc_text(doc)[seg.start : seg.end].split()) <= 3:
                continue  # a name or a scare-quoted word in the sentence, not what was said
            seg.claimed = True
            parts.append(_trim(_doc_text(doc), seg.start, seg.end))
        if parts:
            return Found("direct", parts, cue, _mention(subj), subj, 0.9)
    if comp is None:
        comp = _clause_before(sent, verb, subj)
        if comp is None:
            # "X said:" with the quote in the next sentence, or a verb with no clause: not a quote here.
            return None
        pieces = [comp]
    # "talks, which sources said would focus on …": the cue and its speaker are no part of what was said
    after = next((t for t in doc[verb.i + 1 : sent.end] if not t.is_punct), None)
    pieces = [
        ((after.idx if after is not None else e), e) if s <= verb.idx < e else (s, e) for s, e in pieces
    ]
    parts = [_trim(_doc_text(doc), s, e) for s, e in pieces]
    parts = [p for p in parts if p[1] > p[0]]
    if not parts or sum(e - s for s, e in parts) < 8:
        return None
    start, end = parts[0][0], parts[-1][1]
    if _where_not_what(verb, _doc_text(doc)[start:end]):
        return None
    kind = "mixed" if any(s.start < end and s.end > start for s in segments) else "indirect"
    return Found(kind, parts, cue, _mention(subj), subj, 0.8 if subj is not None else 0.5)


def _where_not_what(verb, content: str) -> bool:
    """'Gambrell reported from Dubai', 'wrote for the Post': where or for whom, not what."""
    return verb.lemma_.lower() in ("report", "write") and content.lower().startswith(("from ", "for "))


def _naming_quote(verb, segments: list[Segment]) -> Found | None:
    """'Cruz called Trump a "pathological liar"': the content runs from the object to the end of what
    it is called (a quote that begins there runs to its closing mark)."""
    if verb.dep_ in ("acl", "amod") or any(c.dep_ in ("prt", "agent") for c in verb.children):
        return None  # "a group called …", "called off", "was called by"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1),
        None,
    )
    if obj is None and prep is not None and verb.lemma_.lower() == "call":
        # "called for a moratorium", "called on Trump to stop attacking Machado"
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    subj = _subject(verb)
    if obj is None or subj is None:
        return None
    ends = [
        c.right_edge
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")
            or (c.dep_ == "prep" and (c.lower_ == "as" or (prep is not None and c.i == prep.i)))
        )
    ]
    doc = verb.doc
    text = _doc_text(doc)
    start = obj.left_edge.idx
    if not ends:
        return None
    last = max(ends, key=lambda t: t.i)
    end = last.idx + len(last.text)
    for seg in segments:
        if start <= seg.outer_start <= end < seg.outer_end:
            end = seg.end
    if end - start < 3:
        return None
    parts = [_trim(text, start, end)]
    inside = [sg for sg in segments if sg.start < parts[0][1] and parts[0][0] < sg.end]
    for sg in inside:
        sg.claimed = True
    cue = (verb.idx, verb.idx + len(verb.text))
    return Found("mixed" if inside else "indirect", parts, cue, _mention(subj), subj, 0.75)


def _subject(verb):
    """The verb's subject (the nearest, where the parser gave two), the speaker of an inverted
    '"…," said Smith', or the subject of the verb it is coordinated with or subordinate to."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # "Moon Jae-in said" parsed as two subjects, "Jae" and "in": the name's part is the subject
            named = [c for c in subjects if c.pos_ == "PROPN"] if len(subjects) > 1 else []
            return min(named or subjects, key=lambda c: abs(c.i - tok.i))
        if tok is verb and _after_quote_or_comma(verb):
            inverted = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ in ("dobj", "attr", "npadvmod", "dative")
                    and c.pos_ in ("NOUN", "PROPN", "PRON")
                ),
                None,
            )
            if inverted is not None:
                return inverted
        if tok is verb and (stranded := _stranded_subject(verb)) is not None:
            return stranded
        if tok is verb and (quoted := _quoted_as(verb)) is not None:
            return quoted
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _quoted_as(verb):
    """'Interfax quoted Lavrov as saying …': the one quoted speaks, not the one who quotes."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 2 or doc[verb.i - 1].lower_ != "as":
        return None
    for t in reversed(doc[max(verb.sent.start, verb.i - 10) : verb.i - 1]):
        if t.lemma_.lower() in ("quote", "cite"):
            obj = next((c for c in t.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is None and t.i + 1 < verb.i - 1 and doc[t.i + 1].pos_ in ("PROPN", "NOUN"):
                obj = doc[t.i + 1]
            return obj
    return None


_TAIL_WORDS = frozenset("on in at a an the statement yesterday today tonight late earlier later".split())


def _stranded_subject(verb):
    """'…, a spokesman for the Taiwan Textile Federation said.': the parser hung the speaker on the
    clause before (an apposition of its last noun); the noun phrase between the last comma and a verb
    that ends the sentence is its subject."""
    sent = verb.sent
    tail = verb.doc[verb.i + 1 : sent.end]
    if any(not (t.is_punct or t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TAIL_WORDS) for t in tail):
        return None
    comma = next((t for t in reversed(verb.doc[sent.start : verb.i]) if t.text == ","), None)
    if comma is None or comma.i - sent.start < 4:
        return None
    span = verb.doc[comma.i + 1 : verb.i]
    if not 1 <= len(span) <= 12 or any(t.pos_ in ("VERB", "AUX") or t.text in "\"“”'‘’" for t in span):
        return None
    heads = [
        t for t in span if not (span.start <= t.head.i < span.end) and t.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    return heads[0] if len(heads) == 1 else None


def _after_quote_or_comma(verb) -> bool:
    prev = verb.doc[verb.i - 1] if verb.i else None
    return prev is not None and prev.text in (",", '"', "”", "»", "’", "'")


def _complement_parts(verb) -> list[tuple[int, int]]:
    """The reported clause in one or two pieces: 'The test, North Korea said, was its biggest'
    has the cue inside it; 'The efforts are expected to continue' reports its subject too."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and lemma in XCOMP_CUES):
            span = _subtree_span(c, trim_tail=True)
            obj = next((o for o in verb.children if o.dep_ == "dobj" and verb.i < o.i < c.i), None)
            if c.dep_ == "xcomp" and obj is not None:
                span = (
                    obj.left_edge.idx,
                    span[1],
                )  # "urged Republicans to join …": who is urged is part of it
            subj = next((s for s in verb.children if s.dep_ == "nsubjpass"), None)
            if c.dep_ == "xcomp" and subj is not None and subj.i < verb.i:
                return [_subtree_span(subj), span]
            return [span]
    if verb.dep_ == "parataxis" and verb.head.dep_ == "ROOT":
        head = verb.head
        outside = [t for t in head.subtree if not _within(verb, t)]
        left = [t for t in outside if t.i < verb.left_edge.i]
        right = [t for t in outside if t.i > verb.right_edge.i]
        parts = []
        for piece in (left, right):
            if piece is right:
                # '"…," they said, under Article 21 …': a phrase after the cue that is no clause is the
                # writer's
                cut = next(
                    (
                        t
                        for t in piece
                        if t.dep_ == "advcl"
                        and t.left_edge.lower_ in ("although", "though")
                        and t.left_edge.i > piece[0].i
                    ),
                    None,
                )
                if cut is not None:
                    piece = [
                        t
                        for t in piece
                        if t.i < cut.left_edge.i and not (t.is_punct and t.i == cut.left_edge.i - 1)
                    ]
                if not any(t.pos_ in ("VERB", "AUX") for t in piece):
                    continue
            if piece and any(not t.is_punct for t in piece):
                parts.append((piece[0].idx, piece[-1].idx + len(piece[-1].text)))
        return parts
    return []


def _clause_before(sent, verb, subj) -> tuple[int, int] | None:
    """'CLAUSE, X said.' where the parser did not make CLAUSE the verb's complement: the words
    from the sentence start to the comma before the speaker, when they hold a verb of their own."""
    if verb.dep_ != "ROOT" or subj is None:
        return None
    edge = min(subj.left_edge.i, verb.i)
    comma = next((t for t in reversed(list(sent.doc[sent.start : edge])) if t.text == ","), None)
    if comma is None or comma.i < sent.start + 4:
        return None
    clause = sent.doc[sent.start : comma.i]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause) or any(
        t.is_sent_start and t.i > sent.start for t in clause
    ):
        return None
    first = next((t for t in clause if not t.is_punct and t.lower_ not in ("but", "and", "so")), None)
    if (
        first is None
        or first.dep_ == "mark"
        or first.tag_ in ("VBG", "VBN", "IN", "MD")
        or clause.root.dep_ in ("advcl", "prep")
    ):
        # "Despite …,", "Speaking to students …,", "Should the company …,": a circumstance, not what was said
        return None
    return clause.start_char, clause.end_char


def _within(verb, tok) -> bool:
    return verb.left_edge.i <= tok.i <= verb.right_edge.i


def _subtree_span(tok, trim_tail: bool = False) -> tuple[int, int]:
    """A token's subtree as characters; ``trim_tail`` leaves off a closing apposition or participle
    after a comma (", the alliance that …", ", forcing them …"), which reports nothing."""
    left, right = tok.left_edge, tok.right_edge
    if trim_tail:
        doc = tok.doc
        for t in tok.subtree:
            if t.i <= tok.i or t.right_edge.i != right.i or t.i == right.i:
                continue
            prev = doc[t.left_edge.i - 1]
            if prev.text == "," and (
                t.dep_ == "appos" or (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG" and t.left_edge.i == t.i)
            ):
                right = doc[prev.i - 1]
                break
            if prev.text == "," and t.dep_ == "advcl" and t.left_edge.lower_ in ("although", "though"):
                right = doc[prev.i - 1]  # ", although …": the writer's concession, not what was said
                break
            if (
                t.dep_ == "conj"
                and t.pos_ == "VERB"
                and t.lemma_.lower() in SPEECH
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            ):
                # "he would order a review and warned against hackers": the speaker's next act
                cc = next((c for c in t.head.children if c.dep_ == "cc" and t.head.i < c.i < t.i), None)
                right = doc[(cc.i if cc is not None else t.left_edge.i) - 1]
                if right.text == ",":
                    right = doc[right.i - 1]
                break
    return left.idx, right.idx + len(right.text)


def _quoted_with_more(doc, comp: tuple[int, int], segs: list[Segment]) -> bool:
    """Every open quote of the sentence lies inside the clause, and the clause has words of its own
    outside them: a mixed quote."""
    text = _doc_text(doc)

    def inside(sg: Segment) -> bool:  # the clause may stop short of the closing punctuation and mark
        return comp[0] <= sg.outer_start and (
            sg.outer_end <= comp[1] or not text[comp[1] : sg.outer_end].strip(" ,.;:!?\"“”«»„‘’'")
        )

    if any(sg.claimed for sg in segs) or not all(inside(sg) for sg in segs):
        return False
    outside = [i for i in range(*comp) if not any(sg.outer_start <= i < sg.outer_end for sg in segs)]
    return sum(1 for i in outside if text[i].isalpha()) >= 3


def _mostly_quoted(span: tuple[int, int], segs: list[Segment]) -> bool:
    """Most of a complement lies inside quote marks: a direct quote, not a mixed one."""
    inside = sum(max(0, min(span[1], s.outer_end) - max(span[0], s.outer_start)) for s in segs)
    return inside >= 0.7 * (span[1] - span[0])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and trailing commas from a content span."""
    while start < end and (text[start].isspace() or text[start] in '"“”«»„‘’,—–―'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in '"“”«»„‘’,—–―:'):
        end -= 1
    return start, end


def _mention(tok) -> tuple[int, int] | None:
    """The noun phrase a subject heads, without appositions or relative clauses after a comma."""
    if tok is None:
        return None
    toks = list(tok.subtree)
    cut = [t for t in toks if t.i > tok.i and (t.text == "," or t.dep_ in ("relcl", "appos", "acl"))]
    if cut:
        toks = [t for t in toks if t.i < cut[0].i]
    toks = [
        t for t in toks if not (t.is_punct and t.text not in ".-&") and t.dep_ != "case" and not t.is_space
    ]
    if not toks:
        return None
    doc, last = tok.doc, toks[-1]
    while (
        last.i + 2 < len(doc)
        and doc[last.i + 1].text == "-"
        and not last.whitespace_
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].is_alpha
    ):
        last = doc[last.i + 2]  # "Moon Jae-in": the tokenizer split the name at its hyphen
    return toks[0].idx, last.idx + len(last.text)


def _according_to(sent, according) -> Found | None:
    to = next(c for c in according.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start = according.idx
    phrase_end = pobj.right_edge.idx + len(pobj.right_edge.text)
    text = _doc_text(sent.doc)
    before = [t for t in sent if t.idx < phrase_start]
    after = [t for t in sent if t.idx >= phrase_end and not t.is_punct]
    parts: list[tuple[int, int]]
    if phrase_start - sent.start_char < 3:  # According to X, CLAUSE
        parts = [(phrase_end, sent.end_char)]
    elif after and not any(t.pos_ in ("VERB", "AUX") for t in before):
        # "Last July, according to the report, the Service stated …": the clause is the rest; "The
        # lapse, according to a report, occurred …": the subject before and the rest
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in before)
        parts = (
            [(sent.start_char, phrase_start), (phrase_end, sent.end_char)]
            if subject
            else [(phrase_end, sent.end_char)]
        )
    else:  # CLAUSE, according to X.
        parts = [(sent.start_char, phrase_start)]
    trimmed = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        while e > s and text[e - 1] in ".!?":
            e -= 1
        if e > s:
            trimmed.append((s, e))
    if not trimmed or sum(e - s for s, e in trimmed) < 8:
        return None
    cue = (min(according.idx, to.idx), max(according.idx + len(according.text), to.idx + len(to.text)))
    return Found("according_to", trimmed, cue, _mention(pobj), pobj, 0.85)


def _opinion_frame(sent, prep) -> Found | None:
    """'In X's opinion, CLAUSE' (also view, words, assessment)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in OPINION_NOUNS), None)
    if pobj is None:
        return None
    poss = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    text = _doc_text(sent.doc)
    frame_end = pobj.idx + len(pobj.text)
    head = prep.head
    # The clause the frame governs, up to a coordinated verb with its own cue ("but reiterated that").
    end = sent.end_char
    doc = sent.doc
    for c in head.children:
        if c.dep_ == "conj" and c.lemma_.lower() in CUE_LEMMAS:
            i = c.i
            while i - 1 > pobj.i and doc[i - 1].dep_ in ("cc", "punct"):
                i -= 1
            end = doc[i].idx
    start, end = _trim(text, frame_end, end)
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if end - start < 8:
        return None
    cue = (prep.idx, frame_end)
    return Found("indirect", [(start, end)], cue, _mention(poss), poss, 0.85, extra={"frame": "opinion"})


# -- quotes no cue claimed -------------------------------------------------------------------------------


def _transcript_turns(sp, segments: list[Segment]) -> list[Found]:
    """Paragraphs that open with a speaker's label ("PENCE: Well, look, …"): the label in capitals,
    or a name the article gives a person. The paragraph is that speaker's words, and so are the
    paragraphs after it, within the same quote marks, up to the next label or stage direction."""
    from ..models.attribution import paragraphs

    text = _doc_text(sp)
    people = {m.text for m in sp.ents if m.label_ == "PERSON"}
    out: list[Found] = []
    current: tuple[Found, Segment | None] | None = None
    for p_start, p_end in paragraphs(sp):
        start, end = sp[p_start].idx, sp[p_end - 1].idx + len(sp[p_end - 1].text)
        m = _TURN.match(text, start, end)
        name = m.group("name") if m else ""
        if m is None or name.lower() in NOT_SPEAKER_LABELS or not (_is_label(name) or name in people):
            # The same speaker goes on in the next paragraph of the transcript.
            if (
                current is not None
                and current[1] is not None
                and current[1].start <= start < current[1].end
                and text[start : start + 2].lstrip('"“”')[:1] not in ("(", "[")
            ):
                content = _trim(text, start, end)
                if content[1] - content[0] >= 8:
                    current[0].parts.append(content)
                    continue
            current = None
            continue
        content = _trim(text, m.start("rest"), end)
        if content[1] - content[0] < 8:
            current = None
            continue
        seg = next((sg for sg in segments if sg.start < content[1] and content[0] < sg.end), None)
        for sg in segments:
            if sg.start < content[1] and content[0] < sg.end:
                sg.claimed = True
        span = sp.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        f = Found(
            "direct",
            [content],
            (m.start("name"), m.end("name") + 1),
            (m.start("name"), m.end("name")),
            span.root if span is not None else None,
            0.8,
            extra={"turn": True},
        )
        out.append(f)
        current = (f, seg)
    return out


def _is_label(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _unclaimed_segments(sp, segments: list[Segment]) -> list[Found]:
    """Quoted sentences with no cue of their own: the speaker is the one who spoke just before,
    or the one who was introduced with a colon ("He said: …")."""
    out = []
    text = _doc_text(sp)
    for seg in segments:
        if seg.claimed:
            continue
        content = _trim(text, seg.start, seg.end)
        inner = text[content[0] : content[1]]
        if len(inner.split()) < 5 or (
            not re.search(r"[.!?…]$", inner.strip('"”’»')) and len(inner.split()) < 12
        ):
            continue  # a short phrase in quote marks (a title, scare quotes), not a statement
        seg.claimed = True
        byline = _BYLINE_AFTER.match(text, seg.outer_end)
        if byline:  # "…" ― Krystal Correa: the name after a dash signs the quote
            span = sp.char_span(byline.start("name"), byline.end("name"), alignment_mode="expand")
            if span is not None:
                cue = (byline.start("dash"), byline.end("dash"))
                out.append(Found("direct", [content], cue, (span.start_char, span.end_char), span.root, 0.8))
                continue
        before = text[max(0, seg.outer_start - 3) : seg.outer_start]
        out.append(
            Found(
                "direct",
                [content],
                None,
                None,
                None,
                0.6 if ":" in before else 0.5,
                extra={"continuation": True},
            )
        )
    return out


def _model_quotes(sp, segments: list[Segment], found: list[Found]) -> list[Found]:
    """Attributions the tagger marks (content, cue, source) that no rule found.

    Each content span takes the nearest cue in its paragraph, and the cue the nearest source; of
    several content spans one cue gathers, the first after it is the quote.
    """
    from ..models.attribution import paragraphs, tag

    # A cue is kept only where its head word is a cue word or it reads "according …" (below): a
    # paragraph with neither is not tagged at all.
    spans = tag(
        sp,
        {i for seg in segments for i in range(seg.outer_start, seg.outer_end)},
        lambda lemma, low: lemma in MODEL_CUES or low.startswith("according"),
    )
    if not spans:
        return []
    taken = [(s, e) for f in found for s, e in f.parts]
    out: list[Found] = []
    text = _doc_text(sp)
    for p_start, p_end in paragraphs(sp):
        in_par = [t for t in spans if p_start <= t.start < p_end]
        cues = [t for t in in_par if t.label == "CUE"]
        sources = [t for t in in_par if t.label == "SRC"]
        by_cue: dict[int, list] = {}
        for c in (t for t in in_par if t.label == "CNT"):
            if not cues:
                continue
            cue = min(cues, key=lambda q: (_token_gap(q, c), q.start))
            by_cue.setdefault(id(cue), [cue]).append(c)
        for group in by_cue.values():
            cue, contents = group[0], group[1:]
            parts = [
                _trim(text, sp[c.start].idx, sp[c.end - 1].idx + len(sp[c.end - 1].text)) for c in contents
            ]
            parts = _cue_sentence(sp, cue, parts, segments)
            parts = [p for p in parts if p[1] - p[0] >= 8]
            parts = _snap_to_clause(sp, cue, parts)
            if len(parts) > 1:
                # Tagged contents on both sides of one cue are seldom one statement (on PolNeAR dev,
                # 7% of such pairs were right as one quote): what follows the cue is what was said.
                at = sp[cue.start].idx
                parts = [next((p for p in parts if p[0] >= at), parts[-1])]
            if not parts or any(_overlap(p, t) for p in parts for t in taken):
                continue
            src = min(sources, key=lambda q: (_token_gap(q, cue), q.start)) if sources else None
            croot = sp[cue.start : cue.end].root
            passive = any(c.dep_ == "nsubjpass" for c in croot.children)
            parsed = _subject(croot)
            if passive:  # "he was charged with …": the subject is who is spoken of; the agent speaks
                agent = next(
                    (g for c in croot.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                    None,
                )
                subj = next(c for c in croot.children if c.dep_ == "nsubjpass")
                if agent is not None:
                    head, mention = agent, _mention(agent)
                elif src is not None and not src.start <= subj.i < src.end and _token_gap(src, cue) <= 3:
                    head = sp[src.start : src.end].root
                    mention = (sp[src.start].idx, sp[src.end - 1].idx + len(sp[src.end - 1].text))
                else:
                    head, mention = None, None
            elif parsed is not None and (src is None or _token_gap(src, cue) > 3):
                head, mention = (
                    parsed,
                    _mention(parsed),
                )  # the cue's own subject, where the tagger's source is far
            elif src is not None:
                head = sp[src.start : src.end].root
                mention = (sp[src.start].idx, sp[src.end - 1].idx + len(sp[src.end - 1].text))
            else:
                head, mention = None, None
            cue_span = (sp[cue.start].idx, sp[cue.end - 1].idx + len(sp[cue.end - 1].text))
            if any(sg.start <= cue_span[0] < sg.end for sg in segments):
                continue  # a cue inside someone's quoted words ("thinking we're going to shut up")
            cue_text = text[cue_span[0] : cue_span[1]].lower()
            if sp[cue.start : cue.end].root.pos_ in (
                "ADP",
                "PUNCT",
                "SCONJ",
                "ADV",
            ) and not cue_text.startswith("according"):
                continue  # a tagged cue with no verb or noun ("about", ":"): 2 of 20 right on PolNeAR dev
            if (
                not cue_text.startswith("according")
                and sp[cue.start : cue.end].root.lemma_.lower() not in MODEL_CUES
            ):
                continue  # an act, not an attribution
            if croot.tag_ == "VBN" and (
                (
                    croot.dep_ in ("acl", "amod", "advcl")
                    and not any(c.dep_ in ("aux", "auxpass") for c in croot.children)
                )
                or (passive and croot.lemma_.lower() in NOT_PASSIVE_CUES)
            ):
                # "explosions, believed to be gunshots", "is known for", "was charged with": no one's words
                continue
            if _where_not_what(croot, text[parts[0][0] : parts[0][1]]):
                continue
            if (
                mention is None
                and cue.start == p_start
                and not any(t.pos_ in ("VERB", "AUX") for t in sp[cue.start : cue.end])
            ):
                continue  # a label that opens a paragraph ("New threat: …", "Read more: …"), no one's words
            if croot.lemma_.lower() in TOPIC_CUES and not any(
                (span := sp.char_span(s, e, alignment_mode="expand")) is not None
                and (span.root.pos_ in ("VERB", "AUX") or span[0].tag_ in ("WDT", "WP", "WRB", "IN"))
                for s, e in parts
            ):
                continue  # a topic of talks, not a statement
            if cue_text.startswith("according"):
                sent = sp[cue.start].sent
                if any(not (sent.start_char <= s and e <= sent.end_char) for s, e in parts):
                    continue  # "According to X, …" attributes its own sentence, not the one before
                kind = "according_to"
            else:
                inside = sum(
                    max(0, min(e, sg.outer_end) - max(s, sg.outer_start)) for s, e in parts for sg in segments
                )
                total = sum(e - s for s, e in parts)
                kind = "direct" if inside >= 0.9 * total else ("mixed" if inside > 0 else "indirect")
            out.append(Found(kind, parts, cue_span, mention, head, 0.6, extra={"model": True}))
            taken.extend(parts)
    return out


def _cue_sentence(sp, cue, parts: list[tuple[int, int]], segments: list[Segment]) -> list[tuple[int, int]]:
    """A tagged content that runs past the end of a sentence is cut to the sentence nearest the
    cue, unless the sentence break lies inside quote marks (a quote of several sentences)."""
    out = []
    cue_i = cue.start
    for s, e in parts:
        span = sp.char_span(s, e, alignment_mode="expand")
        if span is None:
            out.append((s, e))
            continue
        sents = list(span.sents)
        if len(sents) == 1:
            out.append((s, e))
            continue
        breaks = [x.start_char for x in sents[1:]]
        if all(any(sg.start <= b < sg.end for sg in segments) for b in breaks):
            out.append((s, e))
            continue
        best = min(
            sents,
            key=lambda x: 0 if x.start <= cue_i < x.end else min(abs(x.start - cue_i), abs(x.end - cue_i)),
        )
        out.append(_trim(_doc_text(sp), max(s, best.start_char), min(e, best.end_char)))
    return out


def _snap_to_clause(sp, cue, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the tagged cue is a verb whose clause the parse finds, and that clause and the tagged
    content mostly agree, the clause's bounds stand: the tagger knows what is reported, the parse
    where it begins and ends."""
    if not parts:
        return parts
    root = sp[cue.start : cue.end].root
    if root.pos_ not in ("VERB", "AUX"):
        return parts
    clause = [_trim(_doc_text(sp), s, e) for s, e in _complement_parts(root)]
    clause = [c for c in clause if c[1] > c[0]]
    if not clause:
        return parts
    tagged = {i for s, e in parts for i in range(s, e)}
    parsed = {i for s, e in clause for i in range(s, e)}
    both = len(tagged & parsed)
    if both >= 0.6 * len(tagged) and both >= 0.6 * len(parsed):
        return clause
    return parts


def _token_gap(a, b) -> int:
    """Tokens between two tagged spans (0 where they touch)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _join_continuations(found: list[Found], text: str) -> list[Found]:
    """'"A," she said. "B."': B, with no cue of its own, is the rest of the same quote when only
    the cue clause stands between them (in the same or the next paragraph); so is a quoted
    sentence after an indirect one ('She said that A. "B."')."""
    out: list[Found] = []
    prev: Found | None = None  # the last quote not inside another ("I think" within a quote is not it)
    quoted: Found | None = None  # the last such quote in quote marks
    for f in found:
        if f.extra.get("continuation"):
            # The quote goes on from the last statement found by a rule ('X said that A. "B."'). What
            # the tagger found within the cue's own sentence does not stand between ('"A," said
            # Caddell, speaking of her health. "B."'): B goes on from the last quote in quote marks.
            target = (
                quoted
                if prev is not None and prev.extra.get("model") and prev.kind not in ("direct", "mixed")
                else prev
            )
            if target is not None and target.cue is not None:
                gap = text[target.parts[-1][1] : f.parts[0][0]]
                ends = len(re.findall(r"[.!?][\"”’'»]*\s", gap.lstrip(".!?\"”’'» ,")))
                if (
                    len(gap) < 200
                    and gap.count("\n\n") <= 1
                    and target.cue[0] < f.parts[0][0]
                    and (target is prev or ends <= 1)
                ):
                    target.parts.extend(f.parts)
                    if target.kind == "indirect":
                        target.kind = "mixed"  # reported speech, then the speaker's own words
                    continue
        out.append(f)
        if prev is None or not any(s <= f.parts[0][0] and f.parts[-1][1] <= e for s, e in prev.parts):
            prev = f
            if f.kind in ("direct", "mixed"):
                quoted = f
    return out


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Two cues that claim the same stretch: the earlier-found, more specific one stays."""
    kept: list[Found] = []
    for f in found:
        s, e = f.parts[0]
        clash = next((k for k in kept if k.parts[0][0] == s and k.parts[0][1] == e), None)
        if clash is None:
            kept.append(f)
    return kept


def _mark_nesting(found: list[Found]) -> None:
    """A quote whose cue lies inside another quote's content is reported speech nested in it."""
    for f in found:
        if f.cue is None or f.extra.get("turn"):
            continue
        for g in found:
            if g is not f and g.parts[0][0] <= f.parts[0][0] and any(s <= f.cue[0] < e for s, e in g.parts):
                f.parent = g
                break


# -- headline and repeated statements -----------------------------------------------------------------


def _add_headline_quote(doc: Article, quotes: list[Quote], resolver: SpeakerResolver) -> None:
    title = doc.title or ""
    m = _HEADLINE_TAIL.search(title)
    if m:
        content_end = m.start()
        name = m.group("name")
        speaker, _ = resolver.resolve_name(name, (m.start("name"), m.end("name")), "title")
        if speaker.entity is None and not _looks_like_name(name, doc):
            return
        dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        quotes.insert(0, _headline(doc, title, 0, content_end, (dash, m.end()), speaker))
        return
    m = _HEADLINE_HEAD.match(title)
    if m:
        speaker, _ = resolver.resolve_name(m.group("name"), (m.start("name"), m.end("name")), "title")
        if speaker.entity is None:
            return
        quotes.insert(
            0,
            _headline(doc, title, m.start("rest"), len(title), (m.start("name"), m.end("name") + 1), speaker),
        )


def _looks_like_name(name: str, doc: Article) -> bool:
    return any(name in e.name for e in doc.entities if e.type in ("PERSON", "ORG"))


def _headline(
    doc: Article, title: str, start: int, end: int, cue: tuple[int, int], speaker: Speaker
) -> Quote:
    start, end = _trim(title, start, end)
    return Quote(
        content_id("quote", article_key(doc), "title", start, end),
        "headline",
        speaker,
        _span(title, start, end, "title"),
        _span(title, cue[0], cue[1], "title"),
        confidence=0.7,
    )


def _norm_words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _add_occurrences(doc: Article, quotes: list[Quote]) -> None:
    """A statement the deck (or title) repeats is one quote with another occurrence there."""
    for field_name in ("deck", "title"):
        value = getattr(doc, field_name) or ""
        norm_value = _norm_words(value)
        if not norm_value:
            continue
        for q in quotes:
            content = q.content
            if content.field or len(content.text) < 20:
                continue
            if _norm_words(content.text) in norm_value:
                idx = _find_loose(value, content.text)
                if idx is not None:
                    q.occurrences.append(_span(value, idx[0], idx[1], field_name))


def _find_loose(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` stands in ``haystack``, allowing differences of spacing and punctuation."""
    words = re.findall(r"\w+", needle)
    if not words:
        return None
    pattern = r"\W+".join(re.escape(w) for w in words)
    m = re.search(pattern, haystack, re.I)
    return (m.start(), m.end()) if m else None
