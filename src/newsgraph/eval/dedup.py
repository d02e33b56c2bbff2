"""Scoring copy detection: the clusters the knowledge base builds, on three kinds of data.

* BBC News 2225: the corpus's 100 exact-duplicate pairs must each fall in one cluster; pairs it
  clusters that the list does not name are counted too (the silver near-duplicate lists show the
  corpus has more near-copies than exact ones, so these are not all errors).
* Reuters-21578 stories and copies of them altered the ways syndication alters them (made by
  ``syndicated_copies``: another outlet's wire credit, the credit or the dateline dropped, paragraphs
  joined or split, the last paragraphs trimmed, a word changed, a line of furniture added): recall of
  copy-original pairs, precision of every pair put in one cluster.
* BASIL: 100 events, each told by three outlets in three different articles: none may be merged.

The peer is exact identity after normalisation (lower case, no punctuation), the floor the issue sets.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

from ..kb.clusters import Item, copy_clusters
from ..text.fingerprint import normal_key, signature
from .ingest import Report

CREDITS = ("(Reuters) - ", "(AP) — ", "/TASS/. ", "(AFP) - ", "")


def syndicated_copies(stories: list[tuple[str, str]], seed: int = 13) -> list[tuple[str, str, str | None]]:
    """Originals and altered copies: (id, text, id of the original or None). Deterministic for a seed."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str | None]] = []
    for sid, text in stories:
        out.append((sid, text, None))
        paras = [p for p in re.split(r"\n\s*\n|\n(?=\s{2,})", text) if p.strip()]
        if len(paras) < 3:
            paras = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
        for k, how in enumerate(rng.sample(["credit", "join", "split", "trim", "edit", "furniture"], 3)):
            ps = list(paras)
            if how == "credit":
                first = re.sub(
                    r"^([A-Z][A-Z .,'-]+?)(,\s*\w+\s*\d+)?\s*(\([A-Za-z]+\)\s*-\s*|-\s*)", "", ps[0].strip()
                )
                ps[0] = rng.choice(["LONDON", "NEW YORK", "TOKYO"]) + " " + rng.choice(CREDITS) + first
            elif how == "join":
                ps = [" ".join(p.strip() for p in ps)]
            elif how == "split":
                ps = [s for p in ps for s in re.split(r"(?<=[.!?])\s+", p.strip()) if s]
            elif how == "trim":
                keep = max(2, int(len(ps) * 0.7))
                ps = ps[:keep]
            elif how == "edit":
                words = " ".join(ps).split()
                i = rng.randrange(len(words))
                words[i] = rng.choice(["said", "says", "added", "noted"])
                ps = [" ".join(words)]
            else:
                ps = ["Advertisement", *ps, "Read more: business news"]
            out.append((f"{sid}~copy{k}-{how}", "\n\n".join(ps), sid))
    return out


def _cluster(docs: list[tuple[str, str, str | None]], progress) -> dict[str, str]:
    texts = {d[0]: d[1] for d in docs}
    items = [Item(d[0], (d[2] and "2") or "1", len(d[1].split()), signature(d[1])) for d in docs]
    return copy_clusters(items, texts.__getitem__, progress)


def _pairs(canon: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for k, v in canon.items():
        groups.setdefault(v, []).append(k)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(sorted(g), 2)}


def _exact_pairs(docs: list[tuple[str, str, str | None]]) -> set[tuple[str, str]]:
    by_key: dict[str, list[str]] = {}
    for d in docs:
        by_key.setdefault(hashlib.sha256(normal_key(d[1]).encode()).hexdigest(), []).append(d[0])
    return {tuple(sorted(p)) for g in by_key.values() for p in combinations(sorted(g), 2)}


SYSTEMS = ("newsgraph (MinHash LSH, checked)", "exact after normalisation")


def score_dedup(
    data: Path, progress: Callable[[Iterable], Iterable] = lambda x: x, limit: int | None = None
) -> list[Report]:
    return [
        _score_bbc(data, progress),
        _score_reuters_copies(data, progress, limit),
        _score_basil(data, progress),
    ]


def _systems(docs, progress) -> list[tuple[str, set]]:
    """The pairs each system clusters: ours, and exact identity after normalisation."""
    return [(SYSTEMS[0], _pairs(_cluster(docs, progress))), (SYSTEMS[1], _exact_pairs(docs))]


def _score_bbc(data: Path, progress) -> Report:
    """BBC: the corpus's exact-duplicate pairs."""
    bbc_dir = data / "corpora" / "bbc-news-2225"
    rows = [
        json.loads(x)
        for x in (bbc_dir / "bbc-news-2225.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    docs = [(r["id"], r["body"], None) for r in rows]
    gold = {
        tuple(sorted(p))
        for g in json.loads((bbc_dir / "exact_duplicate_groups.json").read_text())
        for p in combinations(g, 2)
    }
    rep = Report("BBC News 2225 exact duplicates", len(docs))
    for name, pairs in _systems(docs, progress):
        rep.systems[name] = {
            "pairs_clustered": len(gold & pairs) / len(gold),
            "gold_pairs": float(len(gold)),
            "other_pairs": float(len(pairs - gold)),
        }
    return rep


def _reuters_originals(data: Path, limit: int | None) -> list[tuple[str, str]]:
    """Reuters-21578 stories of 120+ words that the corpus's own copies (the silver lists) leave out."""
    silver = data / "ingest" / "dedup" / "silver"
    repeated: set[str] = set()
    for name in ("reuters.exact_groups.json", "reuters.minhash_pairs_t0.5.json"):
        if (silver / name).exists():
            for group in json.loads((silver / name).read_text()):
                repeated.update(str(x) for x in group if not isinstance(x, float))
    stories = []
    with gzip.open(data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            body = r.get("text") or r.get("body") or ""
            if len(body.split()) >= 120 and str(r.get("newid")) not in repeated:
                stories.append((str(r.get("id") or r.get("newid") or len(stories)), body))
            if len(stories) >= (limit or 1000):
                break
    return stories


def _score_reuters_copies(data: Path, progress, limit: int | None) -> Report:
    """Reuters stories and their syndicated copies."""
    docs = syndicated_copies(_reuters_originals(data, limit))
    truth = {tuple(sorted((d[0], d[2]))) for d in docs if d[2]}
    rep = Report("Reuters-21578 stories + syndicated copies", len(docs))
    for name, pairs in _systems(docs, progress):
        found = {p for p in pairs if p[0].split("~")[0] == p[1].split("~")[0]}  # one original
        rep.systems[name] = {
            "copy_recall": len(truth & pairs) / len(truth),
            "pair_precision": len(found) / len(pairs) if pairs else 1.0,
            "copies": float(len(truth)),
            "pairs_clustered": float(len(pairs)),
        }
        by_kind: dict[str, list[int]] = {}
        for d in docs:
            if d[2]:
                kind = d[0].rsplit("-", 1)[1]
                by_kind.setdefault(kind, []).append(tuple(sorted((d[0], d[2]))) in pairs)
        for kind, hits in sorted(by_kind.items()):
            rep.systems[name][f"recall:{kind}"] = sum(hits) / len(hits)
    rep.notes.append(
        "originals: Reuters-21578 stories of 120+ words that the silver near-duplicate scan "
        "(MinHash, Jaccard >= 0.5) does not pair with "
        "another; precision counts a pair right when both come from one original"
    )
    return rep


def _score_basil(data: Path, progress) -> Report:
    """BASIL: three outlets, one event, three different articles: none should be merged."""
    docs = []
    for f in sorted((data / "corpora" / "basil" / "articles").rglob("*.json")):
        a = json.loads(f.read_text(encoding="utf-8"))
        paras = a.get("body-paragraphs")
        if isinstance(paras, str):
            import ast

            paras = ast.literal_eval(paras)
        docs.append((f.stem, "\n\n".join(" ".join(p) for p in paras), None))
    pairs = _pairs(_cluster(docs, progress))
    within = {p for p in pairs if p[0].rsplit("_", 1)[0] == p[1].rsplit("_", 1)[0]}
    rep = Report("BASIL triplets (same event, different articles)", len(docs))
    rep.systems[SYSTEMS[0]] = {
        "triplet_pairs_merged": float(len(within)),
        "any_pairs_merged": float(len(pairs)),
    }
    return rep
