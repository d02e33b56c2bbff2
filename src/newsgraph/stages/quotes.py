"""Who said what: attributed statements found by rules over spaCy's parse.

Kinds: ``direct`` ("…," he said), split direct quotes (one quote in several ``parts``), ``indirect``
(X said that …; …, X said), ``mixed`` (indirect with quoted fragments), ``according_to``
(According to X, …; also "In X's opinion, …") and ``headline`` (… — Blinken; Mattis: …).
A cue is a verb of saying, reporting or believing; its subject is the speaker mention, which
:mod:`speakers` resolves to a person or body of the article. Quote marks of many languages are read:
“ ” ‘ ’ « » „ and plain ones. A paragraph that opens a quote without closing it, followed by a
paragraph that opens again, continues the same quote.

The rules and the steps that make quotes of them are in ``newsgraph/quote/``; this stage runs them.
"""

from __future__ import annotations

from ..ids import article_key, content_id
from ..quote.assemble import (
    _add_described_mentions,
    _add_headline_quote,
    _add_occurrences,
    _drop_overlaps,
    _join_continuations,
    _mark_nesting,
)
from ..quote.clauses import _sentence_quotes
from ..quote.common import Found, _span
from ..quote.tagged import _model_quotes
from ..quote.turns import _transcript_turns, _unclaimed_segments
from ..registry import stage
from ..text.attribution import (
    SELF_REFERENCE,
    quote_segments,
)
from ..text.speakers import SpeakerResolver
from ..types import Article, Quote

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
