"""Copies and repeats across articles: syndicated copies of an article, the same quote in many outlets.

Texts are compared as sets of word shingles after what syndication changes is taken off: case,
punctuation, white space and paragraphing, and wire credits ("(Reuters) -", "/TASS/"). datasketch's
MinHash LSH proposes candidate pairs; each is then checked on the exact shingle sets. Two articles
are copies when their shingles overlap by Jaccard >= 0.8, or when one holds >= 0.9 of the other's
(a trimmed copy). Clusters are the connected pairs; the canonical article is the earliest published,
then the longest (the untrimmed original), then the smallest id. Nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..text.fingerprint import (
    ARTICLE_SHINGLE,
    NUM_PERM,
    QUOTE_SHINGLE,
    from_bytes,
    minhash,
    normal_key,
    shingles,
    words,
)

COPY_JACCARD = 0.8
COPY_CONTAINMENT = 0.9
QUOTE_JACCARD = 0.6
MIN_QUOTE_WORDS = 6


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Item:
    id: str
    published: str | None
    size: int  # words, for choosing the untrimmed original
    signature: bytes


def copy_clusters(
    items: Sequence[Item],
    text_of: Callable[[str], str],
    progress: Callable[[Iterable], Iterable] = lambda x: x,
) -> dict[str, str]:
    """``{article id: canonical id}`` for every article in a cluster of two or more."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(
        threshold=0.3, num_perm=NUM_PERM
    )  # low: a trimmed copy has a low Jaccard but a high containment
    sigs = {}
    for it in items:
        sigs[it.id] = from_bytes(it.signature)
        lsh.insert(it.id, sigs[it.id])
    uf = _UnionFind()
    cache: dict[str, set[str]] = {}

    def sh(aid: str) -> set[str]:
        if aid not in cache:
            cache[aid] = shingles(words(text_of(aid)), ARTICLE_SHINGLE)
        return cache[aid]

    for it in progress(items):
        for other in lsh.query(sigs[it.id]):
            if other <= it.id or uf.find(other) == uf.find(it.id):
                continue
            a, b = sh(it.id), sh(other)
            if not a or not b:
                continue
            inter = len(a & b)
            if inter / len(a | b) >= COPY_JACCARD or inter / min(len(a), len(b)) >= COPY_CONTAINMENT:
                uf.union(it.id, other)
    by_id = {it.id: it for it in items}
    groups: dict[str, list[str]] = {}
    for aid in list(uf.parent):
        groups.setdefault(uf.find(aid), []).append(aid)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=lambda a: (by_id[a].published or "9999", -by_id[a].size, a))
        for m in members:
            out[m] = canon
    return out


def quote_clusters(quotes: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``{quote id: cluster key}``: the same statement after normalisation, or near-identical wording.

    ``quotes`` are (id, content) pairs; the key of a cluster is the normal form of its first member
    by id, so the same quotes always give the same clusters.
    """
    from datasketch import MinHashLSH

    uf = _UnionFind()
    first_of_key: dict[str, str] = {}
    keys: dict[str, str] = {}
    for qid, content in sorted(quotes):
        key = normal_key(content)
        keys[qid] = key
        if key in first_of_key:
            uf.union(first_of_key[key], qid)
        else:
            first_of_key[key] = qid
            uf.find(qid)
    lsh = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
    sets: dict[str, set[str]] = {}
    sigs = {}
    for key, qid in first_of_key.items():
        ws = key.split()
        if len(ws) < MIN_QUOTE_WORDS:
            continue
        sets[qid] = shingles(ws, QUOTE_SHINGLE)
        sigs[qid] = minhash(sets[qid])
        lsh.insert(qid, sigs[qid])
    for qid, sig in sigs.items():
        for other in lsh.query(sig):
            if other <= qid:
                continue
            a, b = sets[qid], sets[other]
            if len(a & b) / len(a | b) >= QUOTE_JACCARD:
                uf.union(qid, other)
    return {qid: keys[uf.find(qid)] for qid in keys}
