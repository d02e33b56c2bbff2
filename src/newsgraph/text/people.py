"""Words for people and bodies, and their gender: pronouns, nouns of roles, documents and
organisations, gendered words and honorifics, and the gender a given name tells where at least 90%
of its bearers have it (the name table of ``nomquamgender``, read as data).
"""

from __future__ import annotations

import bisect
import functools
import re
from importlib import metadata

from ..types import Article, Entity, Speaker

PRONOUNS_SINGULAR = frozenset("he she him her his hers himself herself".split())


PRONOUNS_PLURAL = frozenset("they them their we us".split())


PERSONAL_PRONOUNS = frozenset("he she they him her them".split())


FIRST_PERSON = frozenset("i me my we us our".split())


ROLE_NOUNS = frozenset(
    """
    diplomat minister president official spokesman spokeswoman spokesperson secretary leader chief
    envoy ambassador senator governor mayor chancellor premier director chairman chairwoman ceo
    executive lawmaker legislator representative congressman congresswoman commander general officer
    prosecutor judge king queen prince candidate nominee adviser advisor aide head counterpart
    """.split()
)


# One person the article leaves unnamed: "a spokesman", "one dealer", "the witness".
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """
    spokesman spokeswoman dealer trader analyst economist source witness banker lawyer attorney expert
    resident man woman official strategist negotiator investigator researcher scientist doctor activist
    """.split()
)


DOCUMENT_NOUNS = frozenset(
    "transcript statement report letter release communique communiqué readout memo document".split()
)


# Nouns that describe an organisation: "the company said" is the company last named.
ORG_NOUNS = frozenset(
    "company firm carrier airline manufacturer maker automaker carmaker planemaker bank group "
    "retailer giant corporation conglomerate ministry agency".split()
)


# Words that are never a speaker's name: what they stand for is found, or the speaker stays unresolved.
NOT_NAMES = frozenset(
    "it its i me you we they which who whom that this these those one someone something".split()
)


# What tells a person's gender in the article itself: an honorific before the name, a gendered word in
# a title or apposition, a "he"/"she" in a sentence that names no one else. A pronoun goes to no one
# the article shows to be of the other gender.
MALE_PRONOUNS = frozenset("he him his himself".split())


FEMALE_PRONOUNS = frozenset("she her hers herself".split())


_MALE_HONORIFIC = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Monsieur|Herr)\.?\s*$")


_FEMALE_HONORIFIC = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Madame|Mme|Lady|Dame|Queen|Princess|Frau)\.?\s*$")


MALE_WORDS = frozenset(
    "spokesman chairman congressman businessman councilman husband father son brother king "
    "prince boyfriend uncle nephew grandfather widower actor".split()
)


FEMALE_WORDS = frozenset(
    "spokeswoman chairwoman congresswoman businesswoman councilwoman wife mother daughter sister "
    "queen princess girlfriend aunt niece grandmother widow actress lady".split()
)


_PREPOSITIONS = frozenset("on of for at in with from to who that".split())


_GROUP_NOUNS = frozenset("police people military taliban staff personnel clergy".split())


def _plural(speaker: Speaker) -> bool:
    """Whether a speaker is a group the article names with a plural ("shipping sources", "the
    unions", "they" already resolved to one)."""
    text = (speaker.mention.text if speaker.mention else "").lower()
    words = re.findall(r"[\w'’-]+", text)
    if not words:
        return False
    if speaker.form == "pronoun":
        return words[-1] in ("they", "them", "their")
    if ";" in (speaker.name or "") or "and" in words:
        return True  # "X and Y said"
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    noun = words[cut - 1]
    return noun in _GROUP_NOUNS or (
        len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _genders(doc: Article, mention_index: list[tuple[int, int, Entity]]) -> dict[str, str]:
    """Each person's gender as the article shows it ("m" or "f"); nobody is guessed from a name.

    Evidence, weighed: an honorific before a mention ("Mr.", "Ms.") 3; a gendered word in a title
    ("spokeswoman", "wife of") 2; a subject "he"/"she" or a possessive "his"/"her" in a sentence
    that names this person and no other, after the name, or opening the next sentence 1."""
    score: dict[str, int] = {}
    text = doc.text
    people = [
        (s, e, ent) for s, e, ent in mention_index if ent.type == "PERSON"
    ]  # in order of offsets, as the index is
    sp = doc.nlp
    # Quotes and events each resolve speakers in the same parse: the answer is kept on the parse
    # (it goes with it) for as long as the people's mentions stay the same.
    key = tuple((s, ent.id) for s, _, ent in people) + tuple(
        (ent.id, tuple(ent.titles or ())) for ent in doc.entities if ent.type == "PERSON"
    )
    kept = sp.user_data.get("newsgraph.genders") if sp is not None else None
    if kept is not None and kept[0] == key:
        return dict(kept[1])
    for s, _, ent in people:
        before = text[max(0, s - 12) : s]
        if _MALE_HONORIFIC.search(before):
            score[ent.id] = score.get(ent.id, 0) + 3
        elif _FEMALE_HONORIFIC.search(before):
            score[ent.id] = score.get(ent.id, 0) - 3
    for ent in doc.entities:
        if ent.type != "PERSON":
            continue
        words = {w.lower().strip(",.") for t in ent.titles or [] for w in t.split()}
        score[ent.id] = (
            score.get(ent.id, 0) + 2 * (len(words & MALE_WORDS) > 0) - 2 * (len(words & FEMALE_WORDS) > 0)
        )
    if sp is not None and people:
        sents = list(sp.sents)
        starts = [s for s, _, _ in people]
        for i, sent in enumerate(sents):
            lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
            named = [(s, ent) for s, _, ent in people[lo:hi]]
            if len({ent.id for _, ent in named}) != 1:
                continue
            first, ent = named[0]
            later = [t for t in sent if t.idx > first]
            if i + 1 < len(sents) and sents[i + 1][0].lower_ in ("he", "she"):
                later.append(sents[i + 1][0])
            for t in later:
                if t.dep_ in ("nsubj", "nsubjpass", "poss") and (
                    t.lower_ in ("he", "his") or t.lower_ in ("she", "her")
                ):
                    score[ent.id] = score.get(ent.id, 0) + (1 if t.lower_ in MALE_PRONOUNS else -1)
    out = {k: ("m" if v > 0 else "f") for k, v in score.items() if v}
    for ent in doc.entities:  # no word of the article tells: the given name, where it is a strong sign
        words = ent.name.split()
        if ent.type == "PERSON" and ent.id not in out and len(words) >= 2:
            guess = first_name_genders().get(words[0].lower())
            if guess:
                out[ent.id] = guess
    if sp is not None:
        sp.user_data["newsgraph.genders"] = (key, dict(out))
    return out


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given names that name one gender in at least 90% of their bearers ("amy" → "f", "paul" → "m"),
    read once from the name table nomquamgender ships (MIT; 720,000 names from census and registry
    data, with how often each is borne by women). Names seen fewer than 100 times are left out. The
    table is read as text, without importing the package (which loads pandas)."""
    path = metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
    raw = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for m in _NAME_ROW.finditer(raw):
        share = float(m.group(3))
        if int(m.group(2)) >= 100 and (share >= 0.9 or share <= 0.1):
            out[m.group(1)] = "f" if share >= 0.9 else "m"
    return out


_NAME_ROW = re.compile(r'"([a-z][a-z\'-]+)": \[\d+, (\d+), ([01](?:\.\d+)?)')
