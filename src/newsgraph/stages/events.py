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
"""

from __future__ import annotations

from typing import Any

from ..ids import content_id
from ..models import quad
from ..registry import stage
from ..text import plover as P
from ..text.nlp import token_table
from ..text.speakers import PRONOUNS_SINGULAR, ROLE_NOUNS, SpeakerResolver
from ..types import Article, Entity, Event, EventMention, Span, Timex

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
    doc.events = _merge(doc, mentions)
    return doc


class _Finder:
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
            if noun in P.NOUNS and not (
                obj.dep_ == "nsubjpass"
                and lemma
                not in (
                    "impose",
                    "lift",
                    "sign",
                    "hold",
                    "launch",
                    "reach",
                    "declare",
                    "deploy",
                    "send",
                    "provide",
                    "carry",
                    "stage",
                )
            ):
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
        typ, mode = label, None
        sent_words = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
        if typ in ("PROTEST", "ASSAULT") and (
            lemma in ("strike", "strikes") or noun in ("strike", "strikes")
        ):
            # workers strike; armies strike targets ("air strike", "missile strike")
            subject = _subject(tok)
            workers = (
                tok.lemma_ == "go"
                or (subject is not None and subject.lemma_.lower() in P.WORKER_WORDS)
                or bool(
                    sent_words & ({"general", "hunger", "union"} | (P.WORKER_WORDS if nominal else set()))
                )
            )
            typ = "PROTEST" if workers else "ASSAULT"
        if typ == "PROTEST" and not nominal and lemma == "protest":
            subject = _subject(tok)
            said = any(c.dep_ == "ccomp" for c in tok.children)
            if said or (
                subject is not None
                and subject.tag_ in ("NNP",)
                and subject.i in self.ent_at
                and self.ent_at[subject.i].type in ("PERSON", "GPE")
            ):
                typ, mode = (
                    "ACCUSE",
                    "disapprove",
                )  # a government's protest, or one in words, is a diplomatic one
        if lemma == "block":
            if (
                obj is not None
                and obj.lemma_.lower() not in P.BLOCKED_PLACES
                and obj.lower_ not in P.BLOCKED_PLACES
                and not (obj.i in self.ent_at and self.ent_at[obj.i].type in ("GPE", "LOC", "FAC"))
            ):
                typ = "REJECT"  # "blocked the resolution"
            else:
                mode = "obstruct"
        if lemma in ("withdraw", "pull out", "pull back", "recall") or (
            lemma == "withdraw" and obj is not None
        ):
            words = {t.lemma_.lower() for t in tok.subtree}
            if words & P.INSTITUTION_WORDS or words & P.DIPLOMAT_WORDS or lemma == "recall":
                typ, mode = "SANCTION", "withdraw"
            else:
                typ, mode = "RETREAT", "withdraw"
        if lemma == "expel":
            words = {t.lemma_.lower() for t in tok.subtree}
            typ, mode = ("SANCTION", "expel") if words & P.DIPLOMAT_WORDS else ("COERCE", "deport")
        if lemma in ("release", "free") and typ == "RETREAT":
            held = obj if obj is not None else (tok.head if tok.dep_ == "acl" else None)
            if held is None or not (
                held.lemma_.lower() in RELEASED
                or held.lower_ in RELEASED
                or (held.i in self.ent_at and self.ent_at[held.i].type == "PERSON")
            ):
                return None
        if lemma == "deny":
            if obj is None or obj.lemma_.lower() not in P.DENY_REJECT_OBJECTS:
                return None  # denying a claim is no event of its own
        if lemma in ("receive",) and (
            obj is None
            or not (
                (obj.i in self.ent_at and self.ent_at[obj.i].type in ("PERSON", "ORG", "NORP"))
                or obj.lemma_.lower() in ("delegation", "envoy", "minister", "president", "visitor")
            )
        ):
            return None
        if (
            lemma in ("fight", "battle")
            and nominal is False
            and obj is not None
            and obj.lemma_.lower()
            in (
                "corruption",
                "crime",
                "poverty",
                "disease",
                "pandemic",
                "virus",
                "terrorism",
                "climate",
                "inflation",
                "fire",
                "fires",
            )
        ):
            return None
        if (
            lemma in ("support", "back", "defend")
            and obj is not None
            and obj.lemma_.lower() in P.MILITARY_WORDS
        ):
            typ = "AID"
        if (
            lemma in ("send", "deploy", "mass", "move")
            and noun in P.NOUNS
            and obj is not None
            and obj.lemma_.lower() in P.PEACE_WORDS
        ):
            typ = "AID"
        if lemma in ("target", "hit", "pound", "burn", "strike at", "capture", "fire", "storm") and not (
            {t.lemma_.lower() for t in tok.subtree}
            & (
                P.MILITARY_WORDS
                | {
                    "missile",
                    "rocket",
                    "bomb",
                    "airstrike",
                    "shell",
                    "attack",
                    "fighter",
                    "militant",
                    "rebel",
                    "protester",
                    "building",
                    "village",
                    "town",
                    "city",
                    "base",
                    "position",
                    "convoy",
                    "home",
                    "house",
                }
            )
        ):
            return None
        if typ in ("ASSAULT", "COERCE"):
            if typ == "COERCE":
                mode = P.COERCE_MODES.get(lemma) or (P.COERCE_MODES.get(noun) if noun else None)
            words = (
                sent_words
                if nominal
                else ({t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree} | {lemma})
            )
            for name, cues in P.MODE_CUES:
                if words & cues:
                    if name == "cyber" and not (
                        {lemma, noun}
                        & {
                            "hack",
                            "hack into",
                            "break into",
                            "hacking",
                            "cyberattack",
                            "cyberattacks",
                            "cyber attack",
                            "cyber attacks",
                            "ransomware attack",
                            "attack",
                            "attacks",
                            "target",
                        }
                        or words
                        & {
                            "hack",
                            "hacked",
                            "hacking",
                            "ransomware",
                            "malware",
                            "cyberattack",
                            "ddos",
                            "breach",
                        }
                    ):
                        continue
                    mode = mode or name
                    if name == "cyber":
                        typ, mode = "ASSAULT", "cyber"
                    break
        elif typ == "PROTEST":
            mode = mode or P.PROTEST_MODES.get(noun or lemma) or P.PROTEST_MODES.get(lemma) or "demo"
        elif typ == "CONSULT":
            mode = P.CONSULT_MODES.get(noun or lemma) or P.CONSULT_MODES.get(lemma)
        elif typ == "ACCUSE":
            if lemma in ("investigate", "probe") or noun in ("investigation", "probe", "inquiry"):
                mode = "investigate"
            elif lemma in ("accuse", "allege", "charge", "sue", "indict", "prosecute", "blame") or noun in (
                "accusation",
                "accusations",
                "allegation",
                "allegations",
                "charges",
                "lawsuit",
                "suit",
            ):
                mode = "allege"
            else:
                mode = mode or "disapprove"
        frame = (
            typ == "ACCUSE"
            and not nominal
            and any(c.dep_ == "ccomp" for c in tok.children)
            and lemma in ("charge", "allege", "claim", "complain", "protest", "say")
        )
        return {
            "token": tok,
            "tokens": tokens,
            "type": typ,
            "mode": mode,
            "lemma": lemma,
            "nominal": nominal,
            "obj": obj,
            "frame": frame,
        }

    # -- one mention: arguments, modality, place and date -------------------------------------------

    def _mention(self, hit: dict[str, Any], sent) -> dict[str, Any] | None:
        tok = hit["token"]
        typ = hit["type"]
        actors, targets, co = self._arguments(hit)
        (actors if typ in CO_ACTOR_TYPES or (typ == "ASSAULT" and not targets) else targets).extend(co)
        actors = _unique(actors)
        targets = [t for t in _unique(targets) if t not in actors]
        modality = self._modality(hit)
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

    def _arguments(self, hit: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
        """Actors, targets, and those the act is done *with* (co-actors of a meeting, targets of most
        else)."""
        tok = hit["token"]
        actors: list[str] = []
        targets: list[str] = []
        co: list[str] = []
        if hit["nominal"]:
            # who is named before the noun: "the Russian-US summit", "Israel's offensive", "a DarkSide attack"
            for t in self.sp[tok.left_edge.i : tok.i]:
                if (
                    t.i in self.ent_at
                    and t.dep_ not in ("det",)
                    and not (t.head.i != tok.i and t.head.dep_ == "prep")
                ):
                    actors.append(self.ent_at[t.i].id)
            for c in tok.children:
                if c.dep_ in ("poss",) and c.i not in self.ent_at:
                    actors += self._entities(c, shallow=True)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    actors += [e for g in c.children if g.dep_ == "pobj" for e in self._entities(g)]
                elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"with", "between"}:
                    found = [e for g in c.children if g.dep_ == "pobj" for e in self._entities(g)]
                    (co if c.lower_ in ("with", "between") else targets).extend(found)
            if not actors and tok.dep_ in ("dobj",) and tok.head.pos_ in ("VERB", "AUX"):
                subj = _subject(tok.head)
                if subj is not None and hit["lemma"] not in ("attack", "attacks"):
                    actors += self._entities(subj)
            return actors, targets, co
        subj = _subject(tok)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if subj is not None:
            (targets if passive else actors).extend(self._entities(subj))
        for c in tok.children:
            if c.dep_ == "agent":
                actors += [e for g in c.children if g.dep_ == "pobj" for e in self._entities(g)]
            elif c.dep_ in ("dobj", "dative") and not passive:
                obj = c
                if hit.get("obj") is not None and c.i == hit["obj"].i and _noun_key(c) in P.NOUNS:
                    # "imposed sanctions on Russia": the target hangs off the event noun
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ in TARGET_PREPS | {"with", "for"}:
                            found = [e for p in g.children if p.dep_ == "pobj" for e in self._entities(p)]
                            (co if g.lower_ == "with" else targets).extend(found)
                        elif g.dep_ in ("poss",):
                            targets += self._entities(g, shallow=True)
                    continue
                targets += self._entities(obj)
            elif (
                c.dep_ == "prep"
                and c.lower_ in TARGET_PREPS | {"with", "for"}
                and not (c.lower_ == "for" and hit["type"] not in ("REQUEST", "AID"))
            ):
                found = [e for g in c.children if g.dep_ == "pobj" for e in self._entities(g)]
                (co if c.lower_ == "with" else targets).extend(found)
        return actors, targets, co

    def _entities(self, tok, shallow: bool = False, depth: int = 0) -> list[str]:
        """Entity ids an argument names: its head (and conjuncts), else its modifiers, else of/from
        phrases."""
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
        found: list[str] = []
        for h in heads:
            if h.i in self.ent_at:
                found.append(self.ent_at[h.i].id)
                continue
            r = self._resolve(h)
            if r:
                found += r
        if found or depth > 4:
            return found
        mods = [
            c for h in heads for c in h.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")
        ]
        weak: list[str] = []  # a demonym before a common noun: "the American division (of JBS)"
        for c in mods:
            if c.i in self.ent_at:
                (weak if c.dep_ == "amod" or c.pos_ == "ADJ" else found).append(self.ent_at[c.i].id)
            elif c.dep_ == "appos":
                found += self._entities(c, depth=depth + 1)
        if found:
            return found
        if shallow:
            return weak
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in (
                    "of",
                    "from",
                    "for",
                    "at",
                    "within",
                    "behind",
                    "in",
                    "throughout",
                    "across",
                ):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            found += self._entities(g, depth=depth + 1)
        return found or weak

    def _resolve(self, h) -> list[str]:
        """Pronouns and role descriptions ('he', 'the minister', 'the leaders') to the entities meant."""
        word = h.lower_
        if (
            h.pos_ == "PRON"
            and word in ("he", "she", "it", "they", "we")
            and h.dep_ in ("nsubj", "nsubjpass")
        ):
            # "Syria says it will withdraw": the one who says it
            for anc in h.head.ancestors:
                if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in P.REPORT_VERBS | {
                    "announce",
                    "declare",
                    "promise",
                    "warn",
                    "vow",
                    "quote",
                }:
                    subj = next(
                        (c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != h.i), None
                    )
                    if subj is not None and subj.pos_ != "PRON":
                        found = self._entities(subj)
                        if found:
                            return found
                    break
        if h.pos_ == "PRON" and word in PRONOUNS_SINGULAR:
            sp, _ = self.resolver.resolve((h.idx, h.idx + len(h.text)), h, h.idx, None)
            return [sp.entity] if sp.entity else []
        lemma = h.lemma_.lower()
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "their", "this", "that")
            for c in h.children
        )
        if lemma in ROLE_NOUNS and definite and h.pos_ == "NOUN":
            if h.tag_ == "NNS":
                group = self.resolver._last_group(h.idx)
                return [e.id for e in group] if group else []
            sp, _ = self.resolver.resolve((h.left_edge.idx, h.idx + len(h.text)), h, h.idx, None)
            return [sp.entity] if sp.entity and self._is_person(sp.entity) else []
        return []

    def _is_person(self, eid: str) -> bool:
        return any(e.id == eid and e.type == "PERSON" for e in self.doc.entities)

    def _modality(self, hit: dict[str, Any]) -> str:
        tok = hit["token"]
        chain = [tok]
        if hit["nominal"]:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                return "negated"
            if any(
                c.lower_ in ("planned", "upcoming", "proposed", "possible", "potential", "future", "next")
                for c in tok.children
            ):
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
            kids = list(v.children)
            if any(k.dep_ == "neg" for k in kids) and (i == 0 or v.lemma_.lower() not in P.REPORT_VERBS):
                return "negated"
            if i > 0 and v.lemma_.lower() in P.DENY_VERBS:
                return "negated"
            if any(k.dep_ == "mark" and k.lower_ in CONDITION_MARKS for k in kids):
                return "hypothetical"  # the condition itself ("if Russia chooses ...") is not said to happen
            if (
                any(
                    k.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in k.children)
                    for k in kids
                )
                and i == 0
            ):
                return "conditional"
            aux = {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
            if "would" in aux and any(
                a.lemma_.lower() in P.REPORT_VERBS for a in chain[i:] + list(v.ancestors)[:3]
            ):
                return "planned"  # "said they would meet": the future seen from the past
            if aux & HYPOTHETICAL_AUX:
                return "hypothetical"
            if (
                i > 0
                and v.lemma_.lower() == "be"
                and any(
                    k.dep_ == "acomp"
                    and k.lower_ in ("ready", "willing", "prepared", "set", "due", "poised", "going")
                    for k in kids
                )
            ):
                return "planned"
            if (
                i > 0
                and v.dep_ == "acomp"
                and v.lower_ in ("ready", "willing", "prepared", "set", "due", "poised")
            ):
                return "planned"
            if aux & FUTURE_AUX or (
                i > 0 and v.lemma_.lower() in P.PLAN_VERBS | P.INTENT_VERBS and tok.dep_ == "xcomp"
            ):
                return "planned"
            if v.lemma_.lower() in ("go",) and any(k.dep_ == "xcomp" for k in kids) and "ing" in v.text:
                return "planned"
            if i > 0 and v.lemma_.lower() in P.ALLEGE_VERBS:
                return "reported"
            if v.lemma_.lower() in P.REPORT_VERBS and i > 0:
                break
        return "asserted"

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


# -- one event per real happening ---------------------------------------------------------------------


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if not a or not b or a in NON_DATES or b in NON_DATES:
        return True
    n = min(len(a), len(b))
    return all(x == y or "X" in (x, y) for x, y in zip(a[:n], b[:n], strict=True))


def _merge(doc: Article, mentions: list[dict[str, Any]]) -> list[Event]:
    from .entities import article_key

    akey = article_key(doc)
    events: list[dict[str, Any]] = []
    for m in mentions:
        value = m["timex"].value if m["timex"] else None
        target, best = None, 0
        for ev in reversed(events):
            if ev["type"] != m["type"] or (ev["modality"] in ("asserted", "reported")) != (
                m["modality"] in ("asserted", "reported")
            ):
                continue
            if not _compatible_dates(ev["date"], value):
                continue
            if ev["place"] and m["place"] and ev["place"] != m["place"]:
                continue
            shared = set(ev["actors"] + ev["targets"]) & set(m["actors"] + m["targets"])
            same_place = ev["place"] is not None and ev["place"] == m["place"]
            score = 2 * same_place + len(shared) + m["anaphoric"]
            if score > best:
                target, best = ev, score
        if target is None:
            target = {"type": m["type"], "mode": m["mode"], "actors": [], "targets": [], "place": None,
            "date": None, "date_timex": None,
                      "modality": m["modality"], "mentions": [], "confidence": 0.0}  # fmt: skip
            events.append(target)
        target["actors"] = _unique(target["actors"] + m["actors"])
        target["targets"] = [
            t for t in _unique(target["targets"] + m["targets"]) if t not in target["actors"]
        ]
        target["place"] = target["place"] or m["place"]
        if value and (
            not target["date"]
            or (target["date"] in NON_DATES and value not in NON_DATES)
            or (
                value not in NON_DATES
                and (
                    len(value) > len(target["date"])
                    or (target["date"].startswith("XXXX") and not value.startswith("XXXX"))
                )
            )
        ):
            target["date"], target["date_timex"] = value, m["timex"].id
        target["mode"] = target["mode"] or m["mode"]
        target["confidence"] = max(target["confidence"], m["confidence"])
        target["mentions"].append(
            EventMention(m["trigger"], m["sentence"], m["modality"], m["depth"], m["nominal"])
        )
    out = []
    for ev in events:
        first = ev["mentions"][0]
        out.append(
            Event(
                id=content_id("event", akey, ev["type"], first.trigger.start, first.trigger.end),
                type=ev["type"],
                trigger=first.trigger,
                sentence=first.sentence,
                mode=ev["mode"],
                quad_class=P.QUAD[ev["type"]],
                actors=ev["actors"],
                targets=ev["targets"],
                date=ev["date"],
                date_timex=ev["date_timex"],
                place=ev["place"],
                negated=ev["modality"] == "negated",
                hypothetical=ev["modality"] in ("hypothetical", "conditional", "planned"),
                modality=ev["modality"],
                confidence=ev["confidence"],
                mentions=ev["mentions"],
            )
        )
    return out
