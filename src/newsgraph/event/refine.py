"""What a trigger's words and arguments say of its type and mode, beyond the lexicon's entry: rules
tried in order, each of which may change the type or mode, or find that the trigger is no event
("denied the claim", "fight corruption", "released a statement")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..text import plover as P
from .common import RELEASED, _subject

# What may be fought without an act of violence.
NOT_FOUGHT = frozenset(
    "corruption crime poverty disease pandemic virus terrorism climate inflation fire fires".split()
)
# What "target", "hit", "storm" and the like need in their clause to be an assault.
FORCE_WORDS = P.MILITARY_WORDS | frozenset(
    "missile rocket bomb airstrike shell attack fighter militant rebel protester building village town "
    "city base position convoy home house".split()
)
FORCE_VERBS = frozenset(["target", "hit", "pound", "burn", "strike at", "capture", "fire", "storm"])
# Triggers and words that make a cyber mode a cyber attack, not a word about computers.
CYBER_TRIGGERS = frozenset(
    [
        "hack", "hack into", "break into", "hacking", "cyberattack", "cyberattacks", "cyber attack",
        "cyber attacks", "ransomware attack", "attack", "attacks", "target",
    ]
)  # fmt: skip
CYBER_WORDS = frozenset("hack hacked hacking ransomware malware cyberattack ddos breach".split())
# Light verbs whose passive subject may be the event noun ("sanctions were imposed").
PASSIVE_LIGHT_VERBS = frozenset(
    "impose lift sign hold launch reach declare deploy send provide carry stage".split()
)
ALLEGE_LEMMAS = frozenset("accuse allege charge sue indict prosecute blame".split())
ALLEGE_NOUNS = frozenset("accusation accusations allegation allegations charges lawsuit suit".split())


@dataclass
class Hit:
    """A trigger being typed: its token, lexicon entry, event noun, object, and the type and mode so far."""

    tok: Any
    lemma: str
    noun: str | None
    obj: Any
    nominal: bool
    ent_at: dict
    typ: str
    mode: str | None = None

    def entity_type(self, tok) -> str | None:
        """The type of the article's entity the token belongs to, if any."""
        e = self.ent_at.get(tok.i) if tok is not None else None
        return e.type if e is not None else None

    def sentence_words(self) -> set[str]:
        return {t.lower_ for t in self.tok.sent} | {t.lemma_.lower() for t in self.tok.sent}

    def subtree_lemmas(self) -> set[str]:
        return {t.lemma_.lower() for t in self.tok.subtree}


def _strike(h: Hit) -> bool:
    """Workers strike; armies strike targets ("air strike", "missile strike")."""
    if h.typ in ("PROTEST", "ASSAULT") and (
        h.lemma in ("strike", "strikes") or h.noun in ("strike", "strikes")
    ):
        subject = _subject(h.tok)
        workers = (
            h.tok.lemma_ == "go"
            or (subject is not None and subject.lemma_.lower() in P.WORKER_WORDS)
            or bool(
                h.sentence_words()
                & ({"general", "hunger", "union"} | (P.WORKER_WORDS if h.nominal else set()))
            )
        )
        h.typ = "PROTEST" if workers else "ASSAULT"
    return True


def _protest_in_words(h: Hit) -> bool:
    """A government's protest, or one in words, is a diplomatic one."""
    if h.typ == "PROTEST" and not h.nominal and h.lemma == "protest":
        subject = _subject(h.tok)
        said = any(c.dep_ == "ccomp" for c in h.tok.children)
        if said or (
            subject is not None and subject.tag_ in ("NNP",) and h.entity_type(subject) in ("PERSON", "GPE")
        ):
            h.typ, h.mode = "ACCUSE", "disapprove"
    return True


def _block(h: Hit) -> bool:
    if h.lemma == "block":
        obj = h.obj
        if (
            obj is not None
            and obj.lemma_.lower() not in P.BLOCKED_PLACES
            and obj.lower_ not in P.BLOCKED_PLACES
            and h.entity_type(obj) not in ("GPE", "LOC", "FAC")
        ):
            h.typ = "REJECT"  # "blocked the resolution"
        else:
            h.mode = "obstruct"
    return True


def _withdraw(h: Hit) -> bool:
    """Diplomats and envoys withdrawn are a sanction; troops withdrawn a retreat."""
    if h.lemma in ("withdraw", "pull out", "pull back", "recall"):
        words = h.subtree_lemmas()
        if words & P.INSTITUTION_WORDS or words & P.DIPLOMAT_WORDS or h.lemma == "recall":
            h.typ, h.mode = "SANCTION", "withdraw"
        else:
            h.typ, h.mode = "RETREAT", "withdraw"
    return True


def _expel(h: Hit) -> bool:
    if h.lemma == "expel":
        h.typ, h.mode = (
            ("SANCTION", "expel") if h.subtree_lemmas() & P.DIPLOMAT_WORDS else ("COERCE", "deport")
        )
    return True


def _release(h: Hit) -> bool:
    """What is released or freed as a retreat is people held, not a statement."""
    if h.lemma in ("release", "free") and h.typ == "RETREAT":
        held = h.obj if h.obj is not None else (h.tok.head if h.tok.dep_ == "acl" else None)
        if held is None or not (
            held.lemma_.lower() in RELEASED or held.lower_ in RELEASED or h.entity_type(held) == "PERSON"
        ):
            return False
    return True


def _deny(h: Hit) -> bool:
    """Denying a claim is no event of its own."""
    return not (h.lemma == "deny" and (h.obj is None or h.obj.lemma_.lower() not in P.DENY_REJECT_OBJECTS))


def _receive(h: Hit) -> bool:
    """Receiving is a meeting only with a visitor."""
    if h.lemma != "receive":
        return True
    obj = h.obj
    return obj is not None and (
        h.entity_type(obj) in ("PERSON", "ORG", "NORP")
        or obj.lemma_.lower() in ("delegation", "envoy", "minister", "president", "visitor")
    )


def _fight(h: Hit) -> bool:
    """ "fight corruption", "battle the virus": no violence."""
    return not (
        h.lemma in ("fight", "battle")
        and h.nominal is False
        and h.obj is not None
        and h.obj.lemma_.lower() in NOT_FOUGHT
    )


def _military_aid(h: Hit) -> bool:
    """Supporting an army, sending peacekeepers: aid."""
    if (
        h.lemma in ("support", "back", "defend")
        and h.obj is not None
        and h.obj.lemma_.lower() in P.MILITARY_WORDS
    ):
        h.typ = "AID"
    if (
        h.lemma in ("send", "deploy", "mass", "move")
        and h.noun in P.NOUNS
        and h.obj is not None
        and h.obj.lemma_.lower() in P.PEACE_WORDS
    ):
        h.typ = "AID"
    return True


def _force(h: Hit) -> bool:
    """ "target", "hit", "storm": an assault only where the clause names arms or a place of force."""
    return not (h.lemma in FORCE_VERBS and not (h.subtree_lemmas() & FORCE_WORDS))


def _mode(h: Hit) -> bool:
    """The mode of the type: how the assault or coercion was done, the kind of protest, meeting or
    accusation."""
    if h.typ in ("ASSAULT", "COERCE"):
        _violence_mode(h)
    elif h.typ == "PROTEST":
        h.mode = h.mode or P.PROTEST_MODES.get(h.noun or h.lemma) or P.PROTEST_MODES.get(h.lemma) or "demo"
    elif h.typ == "CONSULT":
        h.mode = P.CONSULT_MODES.get(h.noun or h.lemma) or P.CONSULT_MODES.get(h.lemma)
    elif h.typ == "ACCUSE":
        if h.lemma in ("investigate", "probe") or h.noun in ("investigation", "probe", "inquiry"):
            h.mode = "investigate"
        elif h.lemma in ALLEGE_LEMMAS or h.noun in ALLEGE_NOUNS:
            h.mode = "allege"
        else:
            h.mode = h.mode or "disapprove"
    return True


def _violence_mode(h: Hit) -> None:
    if h.typ == "COERCE":
        h.mode = P.COERCE_MODES.get(h.lemma) or (P.COERCE_MODES.get(h.noun) if h.noun else None)
    tok = h.tok
    if h.nominal:
        words = h.sentence_words()
    else:
        words = {t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree} | {h.lemma}
    for name, cues in P.MODE_CUES:
        if not words & cues:
            continue
        if name == "cyber" and not ({h.lemma, h.noun} & CYBER_TRIGGERS or words & CYBER_WORDS):
            continue
        h.mode = h.mode or name
        if name == "cyber":
            h.typ, h.mode = "ASSAULT", "cyber"
        break


RULES: tuple[Callable[[Hit], bool], ...] = (
    _strike,
    _protest_in_words,
    _block,
    _withdraw,
    _expel,
    _release,
    _deny,
    _receive,
    _fight,
    _military_aid,
    _force,
    _mode,
)


def refine(h: Hit) -> bool:
    """Apply the rules in order; False where one finds the trigger is no event."""
    return all(rule(h) for rule in RULES)
