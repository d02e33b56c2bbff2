"""The arguments of a trigger from the parse around it: actors (subject, ``by``-agent, possessor of a
nominal), targets (object, passive subject, ``on``/``against``/``into`` phrases) and co-actors, as
entity ids of the article, with pronouns and role descriptions resolved as the speaker resolver does.
"""

from __future__ import annotations

from typing import Any

from ..text import plover as P
from ..text.people import PRONOUNS_SINGULAR, ROLE_NOUNS
from .common import TARGET_PREPS, _noun_key, _subject


class Arguments:
    """Actors and targets of a trigger (a part of the stage's finder)."""

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
