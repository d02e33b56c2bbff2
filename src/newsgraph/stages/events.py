"""Events: who did what to whom, when and where, typed in PLOVER, each with the words that prove it.

Per sentence, a trigger is a verb of the PLOVER lexicon ("attacked", "called for"), a light verb with
an event noun as its object ("held talks", "imposed sanctions"), or an event noun standing in a role
that reports it ("the summit took place", "after the talks"). From the parse around the trigger come
the actors (subject, ``by``-agent, possessor of a nominal), the targets (object, passive subject,
``on``/``against``/``into`` phrases), the place (an ``in``/``at`` phrase naming a place) and the date (a
date attached to the trigger's clause), as entity and timex ids of the same article. Modality comes
from the clause: negated ("did not attack", "denied attacking"), conditional ("if Russia chooses"),
hypothetical ("could agree") or planned ("will meet"); PLOVER's rule that a planned cooperative act
is an AGREE is applied. The same event told twice (the summit in the lede and again at the end) is
one event with several mentions: the same type, no conflicting date or place, and a shared
participant, a shared place, or a definite reference back ("the summit", "this attack").

The parts of the finder are in ``newsgraph/event/``; this stage runs them over an article.
"""

from __future__ import annotations

from ..event.arguments import Arguments
from ..event.mention import Mentions
from ..event.merge import merge
from ..event.triggers import Triggers
from ..models import quad
from ..registry import stage
from ..text import plover as P
from ..text.speakers import SpeakerResolver
from ..types import Article, Entity, Timex

NAME = "events.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("nlp", "entities", "timexes", "quotes"), assigns=("events",))
def find_events(doc: Article) -> Article:
    sp = doc.nlp
    if sp is None:
        doc.events = []
        return doc
    finder = _Finder(doc)
    model = quad.load()
    mentions = []
    for sent in sp.sents:
        found = finder.sentence(sent)
        if found and model is not None:
            # the learned quad classifier weighs in: how likely is an act of this kind in this sentence
            p = model.proba(quad.features(sent.text, [{**m, "start": m["trigger"].start} for m in found]))
            for m in found:
                m["confidence"] = round(0.5 * m["confidence"] + 0.5 * p[P.QUAD[m["type"]]], 2)
        mentions += found
    doc.events = merge(doc, mentions)
    return doc


class _Finder(Triggers, Arguments, Mentions):
    def __init__(self, doc: Article):
        self.doc = doc
        self.sp = doc.nlp
        self.ent_at: dict[int, Entity] = {}  # token index -> entity
        for e in doc.entities:
            for m in e.mentions:
                if m.field:
                    continue
                span = self.sp.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        self.ent_at.setdefault(t.i, e)
        self.timex_at: dict[int, Timex] = {}
        for tx in doc.timexes:
            if tx.field or tx.type not in ("DATE", "TIME"):
                continue
            span = self.sp.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.timex_at.setdefault(t.i, tx)
        self.resolver = SpeakerResolver(doc)
        for q in doc.quotes:
            self.resolver.remember(q)

    # -- triggers ----------------------------------------------------------------------------------

    # -- one mention: arguments, modality, place and date -------------------------------------------
