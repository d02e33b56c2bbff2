"""Scoring entities: typed name mentions and their merging, on MEANTIME (Wikinews, CC BY) and the
worked example.

MEANTIME marks each name mention (syntactic type NAM) and the entity it refers to, with the
entity's type (PER, ORG, LOC, PRO, FIN). Per type, a predicted mention counts when it overlaps a
gold name mention of the same type. Merging is scored on pairs of matched mentions: a pair that
gold puts in one entity should be in one predicted entity (recall), and the other way round
(precision). The peer is spaCy's named-entity recogniser alone, its mentions merged only when
their text is the same.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ..pipeline import GIVEN_TEXT, Pipeline
from ..stages import entities, parse
from ..types import Article
from .ingest import Report

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "PRODUCT": "PRO"}
ENTITY_STAGES = (parse.NAME, entities.NAME)


@dataclass
class GoldMention:
    start: int
    end: int
    type: str
    entity: str


def meantime_text(root) -> tuple[str, dict[str, tuple[int, int]]]:
    """A MEANTIME document's tokens joined into text (a sentence a line), with each token's offsets."""
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos, sentence = 0, None
    for tok in root.iter("token"):
        s = tok.get("sentence")
        if parts:
            parts.append("\n" if s != sentence else " ")
            pos += 1
        text = tok.text or ""
        offsets[tok.get("t_id")] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        sentence = s
    return "".join(parts), offsets


def annotated_end(root, offsets: dict[str, tuple[int, int]]) -> int:
    """Where the annotated part of a MEANTIME document ends: it annotates the first sentences of each
    article only (the end of the last sentence with any annotation)."""
    sentence = {t.get("t_id"): int(t.get("sentence") or 0) for t in root.iter("token")}
    marked = [
        a.get("t_id")
        for tag in ("TIMEX3", "EVENT_MENTION", "ENTITY_MENTION")
        for m in root.iter(tag)
        for a in m.iter("token_anchor")
        if a.get("t_id") in offsets
    ]
    if not marked:
        return max((e for _, e in offsets.values()), default=0)
    last = max(sentence[t] for t in marked)
    return max(offsets[t][1] for t, n in sentence.items() if n <= last and t in offsets)


def read_meantime(path: Path) -> tuple[str, list[GoldMention], int]:
    """A MEANTIME document's text, its gold name mentions, and where its annotated part ends."""
    root = ET.parse(path).getroot()
    text, offsets = meantime_text(root)
    mentions = {}
    for m in root.iter("ENTITY_MENTION"):
        anchors = [offsets[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors and m.get("syntactic_type") == "NAM":
            mentions[m.get("m_id")] = (min(a[0] for a in anchors), max(a[1] for a in anchors))
    types = {e.get("m_id"): e.get("ent_type") for e in root.iter("ENTITY")}
    gold = []
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or target.get("m_id") not in types:
            continue
        for src in rel.iter("source"):
            if src.get("m_id") in mentions:
                s, e = mentions[src.get("m_id")]
                gold.append(GoldMention(s, e, types[target.get("m_id")], target.get("m_id")))
    return text, gold, annotated_end(root, offsets)


def newsgraph_mentions(pipeline: Pipeline, text: str) -> list[tuple[int, int, str, str]]:
    art = pipeline.apply(Article(text=text, location="meantime"))
    if not isinstance(art, Article):
        return []
    return [
        (m.start, m.end, TYPE_MAP.get(e.type, e.type), e.id)
        for e in art.entities
        for m in e.mentions
        if not m.field and m.form != "description"
    ]


def spacy_mentions(nlp, text: str) -> list[tuple[int, int, str, str]]:
    return [
        (e.start_char, e.end_char, TYPE_MAP.get(e.label_, e.label_), e.label_ + ":" + e.text)
        for e in nlp(text).ents
    ]


def score_entities(
    folder: Path,
    peers: Iterable[str] = ("spacy",),
    limit: int | None = None,
    progress: Callable[[Iterable], Iterable] = lambda x: x,
) -> Report:
    files = sorted(folder.rglob("*.xml"))
    files = [f for f in files if "intra-doc" in str(f) or "intra-doc" not in str(folder)][: limit or None]
    pipeline = Pipeline(ENTITY_STAGES, provided=GIVEN_TEXT)
    systems: dict[str, Callable[[str], list[tuple[int, int, str, str]]]] = {
        "newsgraph": lambda t: newsgraph_mentions(pipeline, t)
    }
    if "spacy" in peers:
        from ..text.nlp import load_model

        nlp = load_model()
        systems["spaCy NER alone (merged by identical text)"] = lambda t: spacy_mentions(nlp, t)
    counts = {k: Counter() for k in systems}
    for path in progress(files):
        text, gold, end = read_meantime(path)
        for name, run in systems.items():
            # the whole article is read (merging needs it); mentions count where it is annotated
            pred = [p for p in run(text) if p[2] in ("PER", "ORG", "LOC", "PRO") and p[0] < end]
            _count_mentions(counts[name], pred, gold)
    report = Report("MEANTIME (intra-doc)", len(files))
    for name, c in counts.items():
        report.systems[name] = _entity_figures(c)
    report.notes.append(
        "name mentions only (MEANTIME syntactic type NAM); a prediction counts when it overlaps "
        "a gold mention of the same type"
    )
    report.notes.append(
        "MEANTIME annotates the first sentences of each article (mentions after them are not "
        "scored) and the entities of its four topics' events, not every name: precision is a "
        "floor, recall and merging are the figures to read"
    )
    return report


def _count_mentions(c: Counter, pred: list[tuple[int, int, str, str]], gold: list) -> None:
    """Mentions matched one to one (overlap, same type), and the pairs of matched mentions that the gold
    and the prediction put in one entity."""
    used: set[int] = set()
    matched: list[tuple[int, int]] = []
    for i, p in enumerate(pred):
        c[f"pred:{p[2]}"] += 1
        j = next(
            (
                k
                for k, g in enumerate(gold)
                if k not in used and g.type == p[2] and p[0] < g.end and g.start < p[1]
            ),
            None,
        )
        if j is not None:
            used.add(j)
            matched.append((i, j))
            c[f"tp:{p[2]}"] += 1
    for g in gold:
        c[f"gold:{g.type}"] += 1
    c["pred_entities"] += len({p[3] for p in pred})
    c["pred_mentions"] += len(pred)
    c["gold_entities"] += len({g.entity for g in gold})
    c["gold_mentions"] += len(gold)
    for (i1, j1), (i2, j2) in combinations(matched, 2):
        same_gold = gold[j1].entity == gold[j2].entity
        same_pred = pred[i1][3] == pred[i2][3]
        c["link_gold"] += same_gold
        c["link_pred"] += same_pred
        c["link_both"] += same_gold and same_pred


def _entity_figures(c: Counter) -> dict[str, float]:
    f: dict[str, float] = {}
    for t in ("PER", "ORG", "LOC", "PRO"):
        f[f"{t}_precision"] = c[f"tp:{t}"] / c[f"pred:{t}"] if c[f"pred:{t}"] else 0.0
        f[f"{t}_recall"] = c[f"tp:{t}"] / c[f"gold:{t}"] if c[f"gold:{t}"] else 0.0
    f["merge_precision"] = c["link_both"] / c["link_pred"] if c["link_pred"] else 0.0
    f["merge_recall"] = c["link_both"] / c["link_gold"] if c["link_gold"] else 0.0
    f["mentions"], f["entities"] = float(c["pred_mentions"]), float(c["pred_entities"])
    f["gold_mentions"], f["gold_entities"] = float(c["gold_mentions"]), float(c["gold_entities"])
    return f


def score_example(folder: Path) -> Report:
    """The worked example: expected entities found by name and type, and with every alias merged."""
    import newsgraph

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    art = newsgraph.extract_text((folder / "article.txt").read_text(encoding="utf-8"))
    wanted = [e for e in expected["entities"] if not e.get("optional")]
    found = merged = 0
    for want in wanted:
        hit = next((e for e in art.entities if e.name == want["name"] and e.type == want["type"]), None)
        if hit is None:
            continue
        found += 1
        texts = {m.text.removeprefix("the ").removeprefix("The ") for m in hit.mentions}
        # a titled alias ("President Putin") is a mention ("Putin") with one of the entity's titles
        texts |= {f"{t} {x}" for t in hit.titles for x in list(texts)}
        merged += all(a.removeprefix("the ") in texts for a in want.get("aliases", []))
    report = Report("worked example", 1)
    report.systems["newsgraph"] = {
        "entities_found": found / len(wanted),
        "aliases_merged": merged / len(wanted),
        "expected": float(len(wanted)),
    }
    return report
