"""One event mention: its type after modality (a planned cooperative act is an AGREE), actors,
targets, place (an ``in``/``at`` phrase naming a place), date (attached to the trigger's clause),
modality (negated, conditional, hypothetical, planned, reported or asserted) and confidence.
"""

from __future__ import annotations

from typing import Any

from ..text import plover as P
from ..types import Span, Timex
from .common import (
    CO_ACTOR_TYPES,
    CONDITION_MARKS,
    DEMONSTRATIVES,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    PLACE_PREPS,
    PLACE_TYPES,
    _anchors,
    _depth,
    _unique,
)


class Mentions:
    """One mention of an event from a trigger (a part of the stage's finder)."""

    def _mention(self, hit: dict[str, Any], sent) -> dict[str, Any] | None:
        tok = hit["token"]
        typ = hit["type"]
        actors, targets, co = self._arguments(hit)
        (actors if typ in CO_ACTOR_TYPES or (typ == "ASSAULT" and not targets) else targets).extend(co)
        actors = _unique(actors)
        targets = [t for t in _unique(targets) if t not in actors]
        modality = modality_of(hit)
        mode = hit["mode"]
        if modality == "planned" and typ in P.COOPERATIVE and typ != "AGREE":
            typ, mode = "AGREE", None  # a cooperative act announced for the future is an intent to cooperate
        elif (
            modality in ("planned", "conditional") and P.QUAD[typ] == "material_conflict" and typ != "PROTEST"
        ):
            mode = {
                "ASSAULT": "violence",
                "COERCE": "restrict",
                "SANCTION": "relations",
                "MOBILIZE": "violence",
            }.get(typ)
            typ = "THREATEN"  # "would blockade Paris", "prepared to impose martial law"
        elif (
            modality == "negated" and hit["lemma"] in ("agree", "accept", "allow", "permit") and hit["tokens"]
        ):
            typ, mode, modality = "REJECT", None, "asserted"  # "will not accept more refugees" is a refusal
        place = self._place(hit)
        timex = self._date(hit)
        if hit["nominal"] and not (actors or targets or place or timex):
            return None  # "these recent attacks": nothing to tell the reader
        if hit["nominal"] and hit["token"].dep_ in ("dobj", "attr", "conj") and not (actors or targets):
            return None
        lo, hi = min(hit["tokens"]), max(hit["tokens"])
        if hi - lo > 4:
            lo = hi = tok.i
        trig = self.sp[lo : hi + 1]
        confidence = 0.55 if hit["nominal"] else 0.75
        confidence += 0.1 if actors else 0.0
        confidence += 0.05 if targets else 0.0
        confidence -= 0.15 if modality in ("hypothetical", "conditional") else 0.0
        definite = hit["nominal"] and any(
            c.dep_ in ("det", "poss") and c.lower_ in DEMONSTRATIVES for c in tok.children
        )
        return {
            "type": typ,
            "mode": mode,
            "actors": actors,
            "targets": targets,
            "place": place,
            "timex": timex,
            "modality": modality,
            "trigger": Span(trig.start_char, trig.end_char, trig.text),
            "sentence": Span(sent.start_char, sent.end_char, sent.text),
            "confidence": round(min(confidence, 0.95), 2),
            "anaphoric": definite,
            "nominal": hit["nominal"],
            "depth": _depth(tok) + (20 if hit["frame"] else 0),
        }

    def _place(self, hit: dict[str, Any]) -> str | None:
        anchors = _anchors(hit)
        for a in anchors:
            for c in a.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        for t in [g, *g.subtree]:
                            e = self.ent_at.get(t.i)
                            if e and e.type in PLACE_TYPES and t.dep_ != "amod" and t.pos_ == "PROPN":
                                return e.id
        return None

    def _date(self, hit: dict[str, Any]) -> Timex | None:
        tok = hit["token"]
        anchors = {t.i for t in _anchors(hit)}
        best = None
        sent = tok.sent
        for i in range(sent.start, sent.end):
            tx = self.timex_at.get(i)
            if tx is None:
                continue
            t = self.sp[i]
            cur = t
            for _ in range(8):
                if cur.i in anchors:
                    if best is None or len(tx.value) > len(best.value):
                        best = tx
                    break
                if cur.head.i == cur.i or (
                    cur.i != t.i and cur.pos_ in ("VERB", "AUX") and cur.i not in anchors
                ):
                    break
                cur = cur.head
        return best


READY_WORDS = ("ready", "willing", "prepared", "set", "due", "poised")
PLANNED_MODIFIERS = ("planned", "upcoming", "proposed", "possible", "potential", "future", "next")
_BREAK = "break"  # a verb of saying: what it governs is reported, the climb stops


def modality_of(hit: dict[str, Any]) -> str:
    """negated, hypothetical, conditional, planned, reported or asserted: from the trigger and the
    verbs that govern it as their complement, the nearest first."""
    tok = hit["token"]
    chain = [tok]
    if hit["nominal"]:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "negated"
        if any(c.lower_ in PLANNED_MODIFIERS for c in tok.children):
            return "planned"
        chain = [tok.head] if tok.head.pos_ in ("VERB", "AUX") else []
    # climb through verbs that govern this one as their complement
    cur = chain[0] if chain else None
    while (
        cur is not None
        and cur.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acomp")
        and cur.head.i != cur.i
    ):
        cur = cur.head
        chain.append(cur)
    for i, v in enumerate(chain):
        found = _clause_modality(tok, chain, i, v)
        if found == _BREAK:
            break
        if found:
            return found
    return "asserted"


def _clause_modality(tok, chain: list, i: int, v) -> str | None:
    """What the ``i``-th verb of the chain says of the event's modality, if anything."""
    kids = list(v.children)
    lemma = v.lemma_.lower()
    if any(k.dep_ == "neg" for k in kids) and (i == 0 or lemma not in P.REPORT_VERBS):
        return "negated"
    if i > 0 and lemma in P.DENY_VERBS:
        return "negated"
    if any(k.dep_ == "mark" and k.lower_ in CONDITION_MARKS for k in kids):
        return "hypothetical"  # the condition itself ("if Russia chooses ...") is not said to happen
    if i == 0 and any(
        k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in k.children)
        for k in kids
    ):
        return "conditional"
    aux = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
    if "would" in aux and any(a.lemma_.lower() in P.REPORT_VERBS for a in chain[i:] + list(v.ancestors)[:3]):
        return "planned"  # "said they would meet": the future seen from the past
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if (
        i > 0
        and lemma == "be"
        and any(k.dep_ == "acomp" and k.lower_ in (*READY_WORDS, "going") for k in kids)
    ):
        return "planned"
    if i > 0 and v.dep_ == "acomp" and v.lower_ in READY_WORDS:
        return "planned"
    if aux & FUTURE_AUX or (i > 0 and lemma in P.PLAN_VERBS | P.INTENT_VERBS and tok.dep_ == "xcomp"):
        return "planned"
    if lemma in ("go",) and any(k.dep_ == "xcomp" for k in kids) and "ing" in v.text:
        return "planned"
    if i > 0 and lemma in P.ALLEGE_VERBS:
        return "reported"
    if lemma in P.REPORT_VERBS and i > 0:
        return _BREAK
    return None
