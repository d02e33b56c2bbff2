"""What the event finder's parts share: the words of its rules, and helpers over the parse (the
verb's lemma, the subject, the event noun a token heads, the tokens whose time and place phrases are
the event's).
"""

from __future__ import annotations

from typing import Any

from ..text import plover as P

HYPOTHETICAL_AUX = frozenset("could would might may should can must ought".split())


FUTURE_AUX = frozenset("will shall 'll wo".split())


CONDITION_MARKS = frozenset("if unless whether".split())


TIME_PREPS = frozenset("after during before following since amid in at of ahead despite until".split())


TARGET_PREPS = frozenset("against on at into to upon over".split())


PLACE_PREPS = frozenset("in at near outside inside across throughout".split())


CO_ACTOR_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


PLACE_TYPES = ("GPE", "LOC", "FAC")


DEMONSTRATIVES = frozenset("the this that these those such".split())


# Verbs that tell when and where their subject happened ("the summit took place in Geneva on June 16").
OCCUR_VERBS = frozenset(
    "take happen occur begin start end open close convene hold continue resume conclude kill "
    "wound injure leave destroy hit target erupt break".split()
)


NON_DATES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


# What may be released or freed as a RETREAT: people held, not documents.
RELEASED = frozenset(
    "prisoner prisoners hostage hostages detainee detainees captive captives soldier soldiers "
    "activist activists journalist journalists sailor sailors crew fishermen".split()
)


_KNOWN_VERBS = frozenset(k.split()[0] for k in P.VERBS) | P.LIGHT_VERBS


_CANDIDATES = (
    _KNOWN_VERBS
    | P.REPORT_VERBS
    | {"conclude", "reiterate", "insist", "stress", "demand"}
    | frozenset(k.split()[-1] for k in P.NOUNS)
    | frozenset(k.split()[-1] for k in P.VERBS)
)


def _lemma(tok) -> str:
    """The verb's lemma, mended where the small model cuts a silent e ('staged' -> 'stag')."""
    lemma = tok.lemma_.lower()
    if lemma not in _KNOWN_VERBS and lemma + "e" in _KNOWN_VERBS and tok.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


def _anchors(hit: dict[str, Any]) -> list:
    """Tokens whose time and place phrases are the event's: the trigger, a light verb's noun ("held
    talks in Warsaw"), and for a nominal event the verb of happening it goes with ("the summit took
    place in Geneva", "the summit, which took place in Bergen")."""
    tok = hit["token"]
    doc = tok.doc
    out = [tok] + [doc[i] for i in hit["tokens"] if i != tok.i]
    if _occurs(hit):
        out.append(tok.head)
    if hit["nominal"]:
        out += [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in OCCUR_VERBS]
    return out


def _occurs(hit: dict[str, Any]) -> bool:
    """A nominal event that is the subject of a verb of happening: its time and place are the verb's."""
    tok = hit["token"]
    return hit["nominal"] and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCUR_VERBS


def _subject(tok):
    """The grammatical subject of a verb, following xcomp/conj chains up to where it is said."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ == "xcomp":
            gov = cur.head
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None and gov.lemma_.lower() in (
                "urge",
                "ask",
                "call",
                "press",
                "order",
                "force",
                "allow",
                "tell",
                "persuade",
                "invite",
                "encourage",
            ):
                return obj
            cur = gov
            continue
        if (cur.dep_ in ("conj", "advcl") and cur.head.pos_ in ("VERB", "AUX")) or cur.dep_ == "acomp":
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head if cur.tag_ != "VBN" else None
        return None
    return None


def _noun_key(tok) -> str:
    """The event noun a token heads, with the compound in front where that is the name ('air strike')."""
    low = tok.lower_
    comp = next((c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1), None)
    if comp is not None and f"{comp.lower_} {low}" in P.NOUNS:
        return f"{comp.lower_} {low}"
    if low in P.NOUNS:
        return low
    lemma = tok.lemma_.lower()
    return lemma if lemma in P.NOUNS else low


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _unique(xs: list[str]) -> list[str]:
    seen: list[str] = []
    for x in xs:
        if x and x not in seen:
            seen.append(x)
    return seen
