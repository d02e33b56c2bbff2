"""Fingerprints of texts for finding copies: the words that syndication does not change (case,
punctuation, white space and paragraphing, and wire credits such as "(Reuters) -" or "/TASS/" taken
off), their shingles, and MinHash signatures of those, as bytes a store can keep.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2's default, named so that stored signatures read back the same
ARTICLE_SHINGLE = 5
QUOTE_SHINGLE = 2

WIRE_CREDIT = re.compile(
    r"\((?:reuters|ap|afp|tass|xinhua|ria novosti|interfax|bloomberg|upi|dpa|ansa|efe|kyodo|"
    r"yonhap|pti|ians|anadolu)\)\s*[-–—]?"
    r"|/(?:tass|xinhua|itar-tass)/\.?"
    r"|\b(?:reporting|writing|editing|additional reporting) by [^\n.]*",
    re.I,
)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(WIRE_CREDIT.sub(" ", text).lower())


def normal_key(text: str) -> str:
    """Identity after lower-casing and removing punctuation: the floor of 'the same statement'."""
    return " ".join(words(text))


def shingles(ws: Sequence[str], k: int) -> set[str]:
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


def minhash(sh: Iterable[str]):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


def signature(text: str, k: int = ARTICLE_SHINGLE) -> bytes:
    """The MinHash signature of a text, as bytes a store can keep."""
    return minhash(shingles(words(text), k)).hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes):
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM,
        seed=1,
        scheme=SCHEME,
        hashvalues=np.frombuffer(data, dtype="<u8").astype(np.uint64),
    )
