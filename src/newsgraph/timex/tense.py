"""The tense of the verb that governs each token (past, present, future, intent, or None): what
decides whether "Tuesday" is the one before the report or the one after it.
"""

from __future__ import annotations

import bisect

from ..text.nlp import token_table
from .vocabulary import DEADLINE_VERBS, PLAN_NOUNS, PLAN_VERBS


def tense_lookup(sp):
    """'past', 'future', 'intent' (an infinitive: "plans to meet Friday"), 'present' or None for the
    verb that governs the words at a character offset.

    A day's name that owns a noun ("Wednesday's ruling") is the day of a thing already done, not of
    the verb around it; a deadline moved or set "until Tuesday" lies ahead of the report."""

    starts = token_table(sp).idx

    def lookup(offset: int) -> str | None:
        if not starts:
            return None
        first = sp[max(0, bisect.bisect_right(starts, offset) - 1)]
        if _owns_a_noun(first):
            return None
        verb = _governing_verb(first)
        if verb is None:
            return None
        verb = _tense_giver(verb)
        return _set_ahead(sp, first, verb) or _tense_of(verb)

    return lookup


def _owns_a_noun(tok) -> bool:
    """ "Wednesday's ruling", "Saturday night's debate": the day of a thing, not of a verb."""
    head = tok
    for _ in range(2):
        if head.dep_ == "poss":
            return True
        if head.dep_ not in ("compound", "nmod") or head.head is head:
            break
        head = head.head
    return False


def _governing_verb(tok):
    """The nearest verb (not an auxiliary) at or above the token, else None."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _tense_giver(tok):
    """The verb whose tense counts: a participle with no auxiliary of its own takes the tense of the
    verb it hangs on ("has fluctuated …, rising … from $29.75 in March", "was arrested and charged
    Friday"; "announced Wednesday", a participle standing alone, is done: see ``_tense_of``), and an
    infinitive of purpose the tense of its clause ("staged celebrations to mark the entry into NATO
    on Friday")."""
    for _ in range(3):
        inherits = (
            (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"))
            or (tok.tag_ == "VBN" and tok.dep_ == "conj")
            or (
                tok.tag_ == "VB"
                and tok.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            )
        )
        if not inherits or tok.head.pos_ not in ("VERB", "AUX"):
            break
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in tok.children):
            break
        tok = tok.head
    return tok


def _set_ahead(sp, first, tok) -> str | None:
    """'future' where the words around the date set it ahead of the report, whatever the tense."""
    before = sp[first.i - 1].lower_ if first.i > 0 else ""
    if before in ("until", "till") and tok.lemma_ in DEADLINE_VERBS:
        return "future"
    if before == "effective" and (first.i < 2 or sp[first.i - 2].lemma_ not in ("be", "become")):
        return "future"  # "named chairman, effective Feb. 1": a change still to come
    if (
        tok.lemma_ in ("schedule", "plan")
        and tok.dep_ not in ("acl", "amod", "advcl")
        and any(c.dep_ == "dobj" for c in tok.children)
    ):
        # "scheduled a news conference (for) Thursday": the conference lies ahead
        return "future"  # ("planned a demonstration on Saturday")
    return None


def _tense_of(tok) -> str | None:
    """The tense of a verb from its auxiliaries and its tag."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    # "would meet", "might come … as soon as Tuesday": not yet done ("could have met" is)
    modal = "would" in words or (
        words & {"might", "may", "could", "should", "must", "can", "ca"} and tok.tag_ == "VB"
    )
    if words & {"will", "'ll", "shall", "wo"} or (modal and not words & {"have", "'ve"}):
        return "future"
    if words & {"is", "are", "am"} and tok.tag_ == "VBG" and tok.lower_ == "going":
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or words & {"has", "have", "had"}:
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "advcl") and not aux:
        return "past"  # "the year ended March 31", "the decision, announced Wednesday"
    if tok.tag_ in ("VBP", "VBZ") and not aux:
        # "meets Monday"; a verb the tagger took for a present in a sentence told in the past
        # ("which fell on Friday" beside "hurt") is no plan
        return None if tok.tag_ == "VBP" and any(t.tag_ == "VBD" for t in tok.sent) else "present"
    if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
        return _infinitive_tense(tok)
    return None


def _infinitive_tense(tok) -> str:
    """An infinitive: what was planned, agreed or expected lies ahead ('intent'); what a past verb
    made hard or possible was done then ("made it difficult to meet demand into the summer", "the
    first countries to accede on Friday were", also where the parser made that infinitive the
    subject); "it had been due to expire Friday" is a plan of the past."""
    up = tok.head
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in up.children):
            return "past"
        if up.pos_ in ("VERB", "AUX"):
            if up.tag_ == "VBD" and (
                up.lemma_ not in PLAN_VERBS
                or (tok.dep_ == "acl" and tok.head.lemma_ not in PLAN_NOUNS)
                or tok.dep_ in ("nsubj", "csubj")
            ):
                return "past"
            break
        if up.head is up:
            break
        up = up.head
    return "intent"
