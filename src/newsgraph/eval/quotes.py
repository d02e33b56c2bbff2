"""Scoring quotes against span-annotated gold (PolNeAR's JSONL), newsgraph beside textacy.

Per document, predicted and gold contents are matched one to one on the characters they cover,
ignoring quote marks, white space and ``, . ; :``. A pair counts as *lenient* when the prediction
covers more than 30% of the gold content, *strict* when their Jaccard overlap exceeds 0.8. Gold
quotes nested inside another are not annotated in PolNeAR (each token belongs to one attribution),
so newsgraph's nested quotes are left out of its side. Headline quotes are left out too: PolNeAR
annotates the body.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pipeline import GIVEN_TEXT, Pipeline
from ..stages import entities, parse, quotes
from ..types import Article
from .ingest import Report

IGNORED = set("\"“”«»„‘’'`,.;:") | {" ", "\t", "\n", "\r", "\u00a0"}
QUOTE_MARKS = set('"“”«»„')
PRONOUNS = frozenset("he she they it we i you him her them his their its".split())
QUOTE_STAGES = (parse.NAME, entities.NAME, quotes.HYBRID)


def chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text))) if text[i] not in IGNORED)


def gold_kind(text: str, spans: list[tuple[int, int]]) -> str:
    """direct: all inside quote marks; mixed: partly; indirect: none."""
    inside = _quoted_positions(text)
    cs = [i for s, e in spans for i in range(s, e) if text[i] not in IGNORED]
    if not cs:
        return "indirect"
    share = sum(1 for i in cs if i in inside) / len(cs)
    return "direct" if share > 0.9 else ("mixed" if share > 0.05 else "indirect")


def _quoted_positions(text: str) -> set[int]:
    from ..text.attribution import quote_segments

    return {i for seg in quote_segments(text) for i in range(seg.start, seg.end)}


def speaker_form(text: str | None) -> str:
    if not text:
        return "none"
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0][:1].isupper() and words[0].lower() not in (
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "other",
        "another",
    ):
        return "name"
    return "description"


def match(
    pred: list[frozenset[int]],
    gold: list[frozenset[int]],
    ok: Callable[[frozenset[int], frozenset[int]], bool],
) -> list[tuple[int, int]]:
    """One-to-one pairs that satisfy ``ok``, greedily by Jaccard overlap."""
    cand = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            inter = len(p & g)
            if inter and ok(p, g):
                cand.append((inter / len(p | g), i, j))
    cand.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cand:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def lenient(p: frozenset[int], g: frozenset[int]) -> bool:
    return len(p & g) / len(g) > 0.3 if g else False


def strict(p: frozenset[int], g: frozenset[int]) -> bool:
    return len(p & g) / len(p | g) > 0.8 if p | g else False


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def newsgraph_quotes(pipeline: Pipeline, text: str, doc_id: str) -> list[dict[str, Any]]:
    art = pipeline.apply(Article(text=text, input_id=doc_id, location=doc_id))
    if not isinstance(art, Article):
        return []
    out = []
    for q in art.quotes:
        if q.nested_in or q.content.field:
            continue
        parts = q.parts or [q.content]
        mention = q.speaker.mention
        out.append(
            {
                "spans": [(p.start, p.end) for p in parts],
                "kind": q.kind,
                "speaker": [(mention.start, mention.end)] if mention and not mention.field else [],
            }
        )
    return out


def textacy_quotes(nlp, text: str) -> list[dict[str, Any]]:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    out = []
    try:
        found = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on a document with an unclosed quotation mark
        found = []
    for q in found:
        speaker = [(t.idx, t.idx + len(t.text)) for t in q.speaker]
        out.append(
            {"spans": [(q.content.start_char, q.content.end_char)], "kind": "direct", "speaker": speaker}
        )
    return out


def score_quotes(
    path: Path,
    peers: Iterable[str] = (),
    limit: int | None = None,
    progress: Callable[[Iterable], Iterable] = lambda x: x,
) -> Report:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("primary", True)][: limit or None]
    pipeline = Pipeline(QUOTE_STAGES, provided=GIVEN_TEXT)
    systems: dict[str, Callable[[dict], list[dict[str, Any]]]] = {
        "newsgraph": lambda r: newsgraph_quotes(pipeline, r["text"], r["doc_id"])
    }
    if "textacy" in peers:
        from ..text.nlp import load_model

        nlp = load_model()
        systems["textacy 0.13 direct_quotations"] = lambda r: textacy_quotes(nlp, r["text"])
    counts = {name: Counter() for name in systems}
    for row in progress(rows):
        gold = _Gold.of(row)
        for name, run in systems.items():
            _count(counts[name], gold, run(row))
    report = Report(path.name, len(rows))
    for name, c in counts.items():
        report.systems[name] = _figures(c)
    report.notes.append(
        "lenient: prediction covers >30% of the gold content; strict: Jaccard > 0.8; one-to-one per document"
    )
    return report


@dataclass
class _Gold:
    """One document's gold attributions, as character sets, kinds and speaker forms."""

    text: str
    sets: list[frozenset[int]]
    kinds: list[str]
    forms: list[str]
    sources: list[frozenset[int]]
    keep: list[int]  # those with a content

    @classmethod
    def of(cls, row: dict[str, Any]) -> _Gold:
        text, gold = row["text"], row["attributions"]
        sets = [chars(text, [tuple(s) for s in a["content"]]) for a in gold]
        return cls(
            text,
            sets,
            [gold_kind(text, [tuple(s) for s in a["content"]]) for a in gold],
            [speaker_form(a.get("source_text")) for a in gold],
            [chars(text, [tuple(s) for s in a.get("source") or []]) for a in gold],
            [i for i, g in enumerate(sets) if g],
        )


def _count(c: Counter, gold: _Gold, preds: list[dict[str, Any]]) -> None:
    """Count one system's predictions on one document against the gold."""
    text = gold.text
    pred_sets = [chars(text, p["spans"]) for p in preds]
    c["pred"] += len(preds)
    c["gold"] += len(gold.keep)
    for kind in gold.kinds:
        c[f"gold:{kind}"] += 1
    for form in gold.forms:
        c[f"goldform:{form}"] += 1
    for p in preds:
        c[f"pred:{p['kind']}"] += 1
    kept = [gold.sets[i] if i in gold.keep else frozenset() for i in range(len(gold.sets))]
    for label, ok in (("lenient", lenient), ("strict", strict)):
        pairs = match(pred_sets, kept, ok)
        c[label] += len(pairs)
        if label != "lenient":
            continue
        for i, j in pairs:
            c[f"lenient_gold:{gold.kinds[j]}"] += 1
            c[f"lenient_pred:{preds[i]['kind']}"] += 1
            c[f"lenient_form:{gold.forms[j]}"] += 1
            if gold.sources[j]:
                c["with_source"] += 1
                hit = bool(chars(text, preds[i]["speaker"]) & gold.sources[j])
                c["speaker_hit"] += hit
                c[f"speaker_hit:{gold.forms[j]}"] += hit


def _figures(c: Counter) -> dict[str, float]:
    """Precision, recall and F1 (lenient and strict), speaker overlap, and the breakdowns."""
    figures = {}
    for label in ("lenient", "strict"):
        for k, v in _prf(c[label], c["pred"], c[label], c["gold"]).items():
            figures[f"{label}_{k}"] = v
    figures["speaker_mention_overlap"] = c["speaker_hit"] / c["with_source"] if c["with_source"] else 0.0
    for kind in ("direct", "indirect", "mixed"):
        figures[f"recall:{kind}"] = (
            c[f"lenient_gold:{kind}"] / c[f"gold:{kind}"] if c[f"gold:{kind}"] else 0.0
        )
    for kind in ("direct", "indirect", "mixed", "according_to"):
        if c[f"pred:{kind}"]:
            figures[f"precision:{kind}"] = c[f"lenient_pred:{kind}"] / c[f"pred:{kind}"]
    for form in ("name", "pronoun", "description", "none"):
        n = c[f"goldform:{form}"]
        if n:
            figures[f"recall:speaker_{form}"] = c[f"lenient_form:{form}"] / n
            matched = c[f"lenient_form:{form}"]
            if matched and form != "none":
                figures[f"speaker_overlap:{form}"] = c[f"speaker_hit:{form}"] / matched
    figures["predicted"] = float(c["pred"])
    figures["gold"] = float(c["gold"])
    return figures
