"""Entities within one article: spaCy's named-entity mentions merged into one entity per real thing.

"Blinken", "Antony Blinken" and "US Secretary of State Antony Blinken" are one PERSON named by the
fullest form; a surname the model tags as a place in one sentence is the person it is elsewhere;
titles come from the words that premodify a name ("US Secretary of State") or stand in apposition
to it ("Joe Biden, the US president").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from ..ids import article_key, content_id
from ..registry import stage
from ..text.nlp import token_table
from ..text.places import IRREGULAR, capital_of, city_geonameid, country_by_code, country_of
from ..types import Article, Entity, Mention

# Abbreviations and demonyms: a country's mention, never its name.
IRREGULAR_SHORT = frozenset(
    k for k in IRREGULAR if len(k) <= 4 or not k[0].isalpha() or k.endswith(("an", "ans", "ish", "ese", "i"))
)

# Diseases the small English model often tags as people or organisations.
_DISEASE = re.compile(
    r"^(?:COVID(?:-19)?|SARS(?:-CoV-2)?|MERS|H\dN\d|HIV|AIDS|Ebola|Zika|mpox|monkeypox|coronavirus)$", re.I
)
KEEP = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
# Words that make a premodifier a title or role rather than part of a name.
ROLE_WORDS = frozenset(
    """
    president vice prime minister secretary chancellor king queen prince princess senator sen rep
    representative governor mayor spokesman spokeswoman spokesperson ambassador envoy general gen
    admiral chief director chairman chairwoman chair ceo head leader premier foreign defence defense
    state deputy counterpart commissioner judge justice officer official minister's attorney pope
    """.split()
)
_TITLE_TOKEN = re.compile(r"^(?:[A-Z][\w.\-']*|of|the|for|and|&)$")


NAME = "entities.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("nlp", "title", "dateline", "removed"), assigns=("entities",))
def find_entities(doc: Article) -> Article:
    sp = doc.nlp
    ents = [
        e
        for e in _split_pairs(_split_possessives(sp)) + _named_by_kind(sp) + _demonyms_missed(sp)
        if e.label_ in KEEP and e.text.strip() and not _part_of_title(e)
    ]
    ents.sort(key=lambda e: e.start)
    clusters = _clusters(ents)
    akey = article_key(doc)
    out = [_entity(akey, label, c) for (label, _), c in clusters.items()]
    out.sort(key=lambda e: e.mentions[0].start)
    _add_agency(doc, out, akey)
    _add_credits(doc, out, akey)
    doc.entities = out
    return doc


def _clusters(ents: list) -> dict[tuple[str, str], dict[str, Any]]:
    """The mentions grouped by the thing they name: one type per thing, a country by its code, a
    person by the fullest name the surname belongs to."""
    votes = _label_votes(ents)
    # A surname stands for its person ("Mulally" after "Alan Mulally", whatever the recogniser made of
    # it alone); a country's name at the end of a name ("Garuda Indonesia") does not.
    surnames = {
        w
        for w in (
            _surname(_clean(e.text).split()) for e in ents if e.label_ == "PERSON" and len(e.text.split()) > 1
        )
        if not country_of(w)
    }
    labels = [_label(e, votes, surnames, _titled(e)) for e in ents]
    persons = [
        e
        for e, lab in zip(ents, labels, strict=True)
        if lab == "PERSON" and not _DISEASE.match(e.text) and not any(ch.isdigit() for ch in e.text)
    ]
    person_names = {_clean(e.text) for e in persons}
    clusters: dict[tuple[str, str], dict[str, Any]] = {}
    for ent, label in zip(ents, labels, strict=True):
        text = _clean(ent.text)
        if _DISEASE.match(text):
            label = "DISEASE"
        elif label == "PERSON" and any(ch.isdigit() for ch in text):
            label = "MISC"  # names of people carry no digits
        elif label != "PERSON" and (text in person_names or text in surnames):
            label = "PERSON"  # one type per thing across the document
        country = _country_meant(ent, text, label)
        if country:
            label = "GPE"
            key = (label, "country:" + country[0])
        else:
            key = (label, _person_key(text, persons) if label == "PERSON" else _norm(text))
        cluster = clusters.setdefault(
            key, {"type": label, "names": [], "mentions": [], "titles": [], "country": country}
        )
        if not country or (ent.label_ == "GPE" and len(text) > 3 and text.lower() not in IRREGULAR_SHORT):
            cluster["names"].append(text)
        cluster["mentions"].append(ent)
        if label == "PERSON":
            title = _title_before(ent)
            if title and title not in cluster["titles"]:
                cluster["titles"].append(title)
    return clusters


def _country_meant(ent, text: str, label: str):
    """The country a name, code or demonym names; a capital acting for its country ("Moscow could
    agree", "Moscow's aggressive actions") stands for it."""
    country = country_of(text) if label in ("GPE", "NORP", "LOC") else None
    capital = capital_of(text) if label == "GPE" and not country else None
    if capital and _acts(ent):
        country = country_by_code(capital)
    return country


def _entity(akey: str, label: str, c: dict[str, Any]) -> Entity:
    """One entity of a cluster, named by its fullest form (a country by its common short name, whatever
    form the article used)."""
    name = c["country"][1] if c["country"] else max(c["names"], key=lambda n: (len(n.split()), len(n)))
    entity = Entity(
        content_id("entity", akey, label, name),
        name,
        label,
        c["titles"],
        mentions=[Mention(m.start_char, m.end_char, m.text) for m in c["mentions"]],
    )
    if c["country"]:
        entity.country = c["country"][0]  # ISO 3166-1 alpha-2
    elif label == "GPE":
        entity.geonameid = city_geonameid(name)
    return entity


def _add_agency(doc: Article, entities: list[Entity], akey: str) -> None:
    """The news agency of the dateline ("/TASS/") is an organisation named there."""
    dl = doc.dateline
    if not dl or not dl.agency:
        return
    i = dl.text.find(dl.agency)
    mention = Mention(i, i + len(dl.agency), dl.agency, "dateline")
    for e in entities:
        if e.type == "ORG" and _norm(e.name) == _norm(dl.agency):
            e.mentions.insert(0, mention)
            return
    entities.append(_named_outside_body(akey, "ORG", dl.agency, mention))


def _named_outside_body(akey: str, label: str, name: str, mention: Mention) -> Entity:
    """An entity the story's text does not name, only its dateline or a credit."""
    return Entity(content_id("entity", akey, label, name), name, label, mentions=[mention])


# "© Russian Ministry of Foreign Affairs/TASS", "AP Photo/Evan Vucci", "Photo: Reuters; Getty Images"
_CREDIT_LEAD = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b|photo(?:graph)?s?(?: by)?:?|image(?: by)?:?|credit:?|picture:?|"
    r"pictured:?|source:?)\s*",
    re.I,
)
_CREDIT_PART = re.compile(r"[^/;|,]+")
_ORG_CUES = re.compile(
    r"\b(?:Ministry|Agency|Service|Office|Department|Press|News|Images?|Photos?|Pictures|Pool|"
    r"Government|Embassy|Council|Committee|"
    r"Handout|Archives?|Library|Museum|University|Institute|Foundation|Corp|Inc|Ltd|Group|Media|"
    r"Television|TV|Radio)\b"
)


def _add_credits(doc: Article, entities: list[Entity], akey: str) -> None:
    """Who a photo credit names (an agency, a ministry, a photographer) is named by the page, though
    the credit is not the story: its mentions point into the credit kept in ``removed``."""
    for i, item in enumerate(doc.removed):
        if item.kind != "credit":
            continue
        text = item.text
        lead = _CREDIT_LEAD.match(text)
        for part in _CREDIT_PART.finditer(text, lead.end() if lead else 0):
            start, end = part.start(), part.end()
            while start < end and text[start] in " \t-–—©":
                start += 1
            while end > start and text[end - 1] in " \t.-–—":
                end -= 1
            name = text[start:end]
            words = name.split()
            if (
                not words
                or not name[0].isupper()
                or len(words) > 6
                or name.lower().startswith(("ap photo", "photo"))
            ):
                continue  # a caption glued to its credit, or the credit's own label
            caps = all(w[0].isupper() or w in ("of", "for", "and", "the", "de") for w in words)
            label = (
                "ORG" if not caps or _ORG_CUES.search(name) or name.isupper() or len(words) == 1 else "PERSON"
            )
            mention = Mention(start, end, name, f"removed.{i}")
            same = next(
                (
                    e
                    for e in entities
                    if _norm(e.name) == _norm(name)
                    or (
                        label == "ORG"
                        and e.type == "ORG"
                        and any(_norm(m.text) == _norm(name) for m in e.mentions)
                    )
                ),
                None,
            )
            if same is not None:
                same.mentions.append(mention)
            else:
                entities.append(_named_outside_body(akey, label, name, mention))


def _acts(ent) -> bool:
    """A place name that does something (a subject, an agent, a possessor of actions)."""
    head = ent.root
    dep = head.dep_
    if dep == "conj":
        dep = head.head.dep_
    return dep in ("nsubj", "nsubjpass", "agent", "poss") or (dep == "pobj" and head.head.lower_ == "by")


# Nouns that say a capitalised name before them is an organisation: "the DarkSide group".
KIND_NOUNS = frozenset(
    "group gang organization organisation network movement militia syndicate cartel collective "
    "faction".split()
)


def _named_by_kind(sp) -> list:
    """Organisations the recogniser missed that the text names by their kind: 'the DarkSide group'."""
    out = []
    for i, lemma in enumerate(token_table(sp).lemma):
        if lemma not in KIND_NOUNS or i == 0:
            continue
        tok = sp[i]
        j = tok.i - 1
        while j >= 0 and sp[j].pos_ == "PROPN" and not sp[j].ent_type_ and sp[j].text[:1].isupper():
            j -= 1
        if j < tok.i - 1 and j >= 0 and sp[j].lower_ == "the":
            out.append(Span(sp, j + 1, tok.i, label="ORG"))
    return out


CORPORATE_WORDS = frozenset(
    "Corp Corporation Inc Co Cos Ltd Plc PLC plc LLC Group Holdings Investors Companies "
    "Restaurants Stores International".split()
)


def _split_possessives(sp) -> list:
    """ "Italy’s RAI TG1" tagged as one name is two: the country and the organisation."""
    out = []
    for ent in sp.ents:
        lead = ent.start
        while lead < ent.end - 1 and (sp[lead].lower_ in ("n't", "n’t", "'s", "’s") or sp[lead].is_punct):
            lead += 1  # "didn’t Obama": the recogniser took in the word before the name
        end = ent.end
        while (
            end + 1 < len(sp)
            and sp[end].text == "-"
            and not sp[end - 1].whitespace_
            and not sp[end].whitespace_
            and sp[end + 1].is_alpha
            and sp[end + 1].is_lower
        ):
            end += 2  # "Moon Jae-in": the recogniser stopped at the hyphen the tokenizer split
        if lead > ent.start or end > ent.end:
            ent = Span(sp, lead, end, label=ent.label_)
        cut = next((t for t in ent if t.dep_ == "case" and t.text in ("'s", "’s") and t.i > ent.start), None)
        if cut is None or cut.i + 1 >= ent.end or sp[cut.i + 1].text.rstrip(".") in CORPORATE_WORDS:
            # "Standard and Poor's Corp", "McDonald's Corp": the possessive is part of the name
            out.append(ent)
            continue
        left = sp[ent.start : cut.i]
        right = sp[cut.i + 1 : ent.end]
        left_label = "GPE" if country_of(left.text) else ent.label_
        out.append(Span(sp, left.start, left.end, label=left_label))
        out.append(Span(sp, right.start, right.end, label=ent.label_))
    return out


def _demonyms_missed(sp) -> list:
    """Country adjectives and names the recogniser left untagged ("Ghanaian authorities")."""
    out = []
    table = token_table(sp)
    for i, (ent, pos) in enumerate(zip(table.ent, table.pos, strict=True)):
        if ent != "-" or pos not in ("ADJ", "PROPN"):
            continue  # (an adjective or a name outside any entity: the few worth a closer look)
        tok = sp[i]
        if (
            tok.ent_type_
            or not tok.is_alpha
            or len(tok.text) < 4
            or not tok.text[0].isupper()
            or tok.text.isupper()
        ):
            continue
        if tok.pos_ in ("ADJ", "PROPN") and country_of(tok.text):
            out.append(Span(sp, tok.i, tok.i + 1, label="NORP" if tok.pos_ == "ADJ" else "GPE"))
    return out


def _split_pairs(ents: list) -> list:
    """ "Russian-US" (a summit, talks, relations) names two countries: one mention of each."""
    out = []
    for ent in ents:
        cuts = [t.i for t in ent if t.text in ("-", "–", "/") and ent.start < t.i < ent.end - 1]
        if len(cuts) == 1:
            left, right = ent.doc[ent.start : cuts[0]], ent.doc[cuts[0] + 1 : ent.end]
            if country_of(left.text) and country_of(right.text):
                out.append(Span(ent.doc, left.start, left.end, label="GPE"))
                out.append(Span(ent.doc, right.start, right.end, label="GPE"))
                continue
        out.append(ent)
    return out


def _part_of_title(ent) -> bool:
    """'State' in 'US Secretary of State Antony Blinken' is part of a title, not an organisation."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) > 2:
        return False
    doc = ent.doc
    j = ent.end
    while j < len(doc) and doc[j].ent_type_ != "PERSON" and doc[j].text[:1].isupper() and j - ent.end < 3:
        j += 1
    before = doc[ent.start - 1].lower_ if ent.start else ""
    return j < len(doc) and doc[j].ent_type_ == "PERSON" and before == "of"


def _clean(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(?:the|The|a|an)\s+", "", text)
    text = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?\s+(?=[A-Z])", "", text)  # "Ms Haley" is Haley
    if text.count("(") != text.count(")"):  # "(U.S. Marshals Service": a bracket the name does not close
        text = text.strip("()").strip()
    return text


def _label_votes(ents) -> dict[str, dict[str, int]]:
    """How often the recogniser gave each name each type, across the document."""
    votes: dict[str, dict[str, int]] = {}
    for e in ents:
        counts = votes.setdefault(_clean(e.text), {})
        counts[e.label_] = counts.get(e.label_, 0) + 1
    return votes


def _label(ent, votes: dict[str, dict[str, int]], surnames: set[str], titled: bool = False) -> str:
    """One type per name across the document: the one the recogniser gave it most often ("Ryanair"
    tagged a person once and an organisation four times is an organisation). A lone word tagged a
    person that names a country or a city ("Toulouse") is the place, unless a title stands before it
    ("President Jackson")."""
    text = _clean(ent.text)
    if text in surnames:
        return "PERSON"
    counts = votes.get(text, {})
    label = ent.label_
    if counts and counts.get(label, 0) < max(counts.values()):
        label = max(sorted(counts), key=lambda k: counts[k])
    if (
        label == "PERSON"
        and len(ent.text.split()) == 1
        and not titled
        and (country_of(ent.text) or city_geonameid(ent.text))
    ):
        label = "GPE"
    return label


def _titled(ent) -> bool:
    """A role or a courtesy title right before a name: "President Jackson", "Mr. Lincoln"."""
    return _title_before(ent) is not None or (
        ent.start > 0 and ent.doc[ent.start - 1].text in ("Mr.", "Mrs.", "Ms.", "Dr.")
    )


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _surname(tokens: list[str]) -> str:
    """The family name of a full name: the last word, or the first where a hyphenated given name
    after it shows the family name comes first ("Moon Jae-in", "Ri Yong-ho")."""
    if len(tokens) >= 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", tokens[-1]):
        return tokens[0]
    return tokens[-1]


def _person_key(text: str, persons) -> str:
    """People are keyed by the fullest name in the article that ends with the same surname. Where
    several full names share it ("Melania Trump", "Ivanka Trump"), the surname alone is the one of
    them named before it was first used alone, else a person of its own ("President Trump")."""
    tokens = text.split()
    fuller: dict[str, int] = {}  # fuller name → where it is first named
    first_alone = min((p.start for p in persons if _clean(p.text) == text), default=0)
    for p in persons:
        pt = _clean(p.text).split()
        if pt and _surname(pt) == tokens[-1] and len(pt) > len(tokens) and all(t in pt for t in tokens):
            fuller.setdefault(" ".join(pt), p.start)
    longest = max((len(n.split()) for n in fuller), default=0)
    # "Antony J. Blinken" and "Antony Blinken" are one name; different given names are not
    distinct = {n for n in fuller if not any(m != n and set(n.split()) <= set(m.split()) for m in fuller)}
    if len(distinct) > 1:
        before = sorted((pos, n) for n, pos in fuller.items() if pos < first_alone)
        if not before:
            return " ".join(tokens).lower()
        first = before[0][1]
        fuller = {n: pos for n, pos in fuller.items() if set(first.split()) <= set(n.split())}
        longest = max(len(n.split()) for n in fuller)
    best = min(
        (n for n in fuller if len(n.split()) == longest), key=lambda n: fuller[n], default=" ".join(tokens)
    )
    return best.lower()


def _title_before(ent) -> str | None:
    """The capitalised words right before a name that carry a role: 'US Secretary of State'."""
    sent = ent.sent
    i = ent.start - 1
    words = []
    while i >= sent.start and _TITLE_TOKEN.match(ent.doc[i].text) and ent.doc[i].ent_type_ not in ("PERSON",):
        words.insert(0, ent.doc[i].text)
        i -= 1
    while words and words[0].lower() in ("of", "the", "for", "and", "&"):
        words.pop(0)
    if words and any(w.lower().strip(".") in ROLE_WORDS for w in words):
        return " ".join(words)
    return None
