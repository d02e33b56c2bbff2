"""Triggers: per sentence, a verb of the PLOVER lexicon ("attacked", "called for"), a light verb with
an event noun as its object ("held talks", "imposed sanctions"), or an event noun standing in a role
that reports it ("the summit took place", "after the talks"); each typed, with its mode.
"""

from __future__ import annotations

from typing import Any

from ..text import plover as P
from ..text.nlp import token_table
from .common import _CANDIDATES, TIME_PREPS, _lemma, _noun_key, _subject
from .refine import PASSIVE_LIGHT_VERBS, Hit, refine


class Triggers:
    """The triggers of a sentence and their types (a part of the stage's finder)."""

    def sentence(self, sent) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        taken: set[int] = set()
        table = token_table(self.sp)
        lows, lemmas = table.low, table.lemma
        for i in range(sent.start, sent.end):
            if i in taken:
                continue
            low, lemma = lows[i], lemmas[i]
            if low not in _CANDIDATES and lemma not in _CANDIDATES and lemma + "e" not in _CANDIDATES:
                continue  # most words of a sentence: no lexicon entry starts with them
            tok = self.sp[i]
            hit = (
                self._verb_trigger(tok) if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else None
            )
            if hit is None and tok.pos_ in ("NOUN", "PROPN"):
                hit = self._noun_trigger(tok)
            if hit is None:
                continue
            taken.update(hit["tokens"])
            found.append(hit)
        out = []
        for hit in found:
            m = self._mention(hit, sent)
            if m is not None:
                m["_token"] = hit["token"].i
                out.append(m)
        # "agreed to resume talks": the planned act is the agreement's content, not an agreement of its own
        agreements = {m["_token"] for m in out if m["type"] == "AGREE"}
        kept = [
            m
            for m in out
            if not (m["type"] == "AGREE" and any(a.i in agreements for a in self.sp[m["_token"]].ancestors))
        ]
        for m in kept:
            m.pop("_token")
        return kept

    def _verb_trigger(self, tok) -> dict[str, Any] | None:
        lemma = _lemma(tok)
        kids = list(tok.children)
        if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
            return None  # "the agreement signed in March", "weapons seized last year": background
        if lemma in P.REPORT_VERBS | {"conclude", "reiterate", "insist", "stress", "demand"}:
            # "X said Y must hand over the suspects": a demand in reported form
            for k in kids:
                if k.dep_ == "ccomp" and any(
                    a.dep_ == "aux" and a.lower_ in ("must", "should") for a in k.children
                ):
                    return self._hit(tok, "REQUEST", [tok.i], lemma=lemma, obj=_subject(k))
        phrasal = next((f"{lemma} {k.lower_}" for k in kids if k.dep_ == "prt"), None)
        # A particle or preposition that makes the meaning: "call for", "pull out", "hack into".
        for k in kids:
            if k.dep_ in ("prt", "prep") and f"{lemma} {k.lower_}" in P.VERBS:
                label = P.VERBS[f"{lemma} {k.lower_}"]
                return self._hit(tok, label, [tok.i, k.i], lemma=f"{lemma} {k.lower_}")
        obj = next((k for k in kids if k.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None:
            # "go on strike", "engaged in ethnic cleansing": the event noun sits in a prepositional phrase
            prep = next((k for k in kids if k.dep_ == "prep" and k.lower_ in ("on", "into", "in")), None)
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None and not (
                lemma in ("go", "engage", "participate", "take", "join") and _noun_key(obj) in P.NOUNS
            ):
                obj = None
        if phrasal in P.LIGHT_VERBS and obj is not None and _noun_key(obj) in P.NOUNS:
            base = P.NOUNS[_noun_key(obj)]
            return self._hit(
                tok,
                P.LIGHT_OVERRIDES.get((phrasal, base), base),
                [tok.i, obj.i],
                lemma=phrasal,
                noun=_noun_key(obj),
                obj=obj,
            )
        if obj is not None and f"{lemma} {obj.lower_}" in P.VERBS:  # "open fire"
            return self._hit(
                tok, P.VERBS[f"{lemma} {obj.lower_}"], [tok.i, obj.i], lemma=f"{lemma} {obj.lower_}"
            )
        if lemma in P.LIGHT_VERBS and obj is not None:
            noun = _noun_key(obj)
            if noun in P.NOUNS and not (obj.dep_ == "nsubjpass" and lemma not in PASSIVE_LIGHT_VERBS):
                base = P.NOUNS[noun]
                label = P.LIGHT_OVERRIDES.get((lemma, base), base)
                if (
                    lemma in P.VERBS
                    and base in ("AID", "RETREAT")
                    and lemma not in ("send", "deploy", "mass", "move", "offer", "pledge", "promise", "seek")
                ):
                    label = P.LIGHT_OVERRIDES.get(
                        (lemma, base), P.VERBS[lemma] if lemma in ("release", "free", "withdraw") else base
                    )
                hit = self._hit(tok, label, [tok.i, obj.i], lemma=lemma, noun=noun, obj=obj)
                if hit is not None:
                    return hit
        if lemma in P.VERBS:
            return self._hit(tok, P.VERBS[lemma], [tok.i], lemma=lemma, obj=obj)
        return None

    def _noun_trigger(self, tok) -> dict[str, Any] | None:
        noun = _noun_key(tok)
        if noun not in P.NOUNS or (tok.lower_ not in P.STANDALONE_NOUNS and noun not in P.STANDALONE_NOUNS):
            return None
        head = tok.head
        if tok.dep_ == "dobj" and _lemma(head) in P.LIGHT_VERBS:
            return None  # the light verb's own reading was not an event ("have a meeting room")
        demonstrative = any(
            c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in tok.children
        )
        ok = tok.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos", "dobj", "conj", "attr") or (
            tok.dep_ == "pobj"
            and (
                head.lower_ in TIME_PREPS
                or demonstrative
                or (head.lower_ == "under" and head.head.lemma_.lower() in ("put", "place", "come"))
            )
        )
        if not ok:
            return None
        label = P.NOUNS[noun]
        return self._hit(tok, label, [tok.i], lemma=noun, nominal=True)

    def _hit(
        self,
        tok,
        label: str,
        tokens: list[int],
        *,
        lemma: str,
        noun: str | None = None,
        obj=None,
        nominal: bool = False,
    ) -> dict[str, Any] | None:
        h = Hit(tok, lemma, noun, obj, nominal, self.ent_at, label)
        if not refine(h):
            return None
        frame = (
            h.typ == "ACCUSE"
            and not nominal
            and any(c.dep_ == "ccomp" for c in tok.children)
            and lemma in ("charge", "allege", "claim", "complain", "protest", "say")
        )
        return {
            "token": tok,
            "tokens": tokens,
            "type": h.typ,
            "mode": h.mode,
            "lemma": lemma,
            "nominal": nominal,
            "obj": obj,
            "frame": frame,
        }
