"""A sequence tagger for attributions: source, cue and content tokens, with a CRF (CRFsuite).

Trained on the PolNeAR training split by ``python -m newsgraph.models.train_attribution`` (on the CPU,
a few minutes, deterministic) and shipped with the package as ``attribution.crfsuite``. Its features
come from spaCy's parse: words, lemmas, parts of speech, dependencies, the path to the nearest verb
of saying or believing, and whether a token stands inside quote marks. Each paragraph is one
sequence; tags are BIO over SRC, CUE and CNT.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("attribution.crfsuite")
LABELS = ("SRC", "CUE", "CNT")


def cue_lemmas() -> frozenset[str]:
    from ..stages.quotes import CUE_LEMMAS

    return CUE_LEMMAS


def token_features(doc, quoted: set[int], start: int = 0, end: int | None = None) -> list[dict[str, object]]:
    """One feature dict per token of ``doc[start:end]``; ``quoted`` holds character offsets inside quotes."""
    cues = cue_lemmas()
    feats: list[dict[str, object]] = []
    for tok in doc[start:end]:
        lemma = tok.lemma_.lower()
        head = tok.head
        f: dict[str, object] = {
            "bias": 1.0,
            "low": tok.lower_,
            "lemma": lemma,
            "pos": tok.pos_,
            "tag": tok.tag_,
            "dep": tok.dep_,
            "shape": tok.shape_[:4],
            "title": tok.is_title,
            "punct": tok.is_punct,
            "quote_mark": tok.text in ('"', "“", "”", "''", "``", "«", "»", "„"),
            "in_quote": tok.idx in quoted,
            "ent": tok.ent_type_ or "-",
            "cue": lemma in cues and tok.pos_ in ("VERB", "AUX"),
            "h_lemma": head.lemma_.lower(),
            "h_pos": head.pos_,
            "h_dep": head.dep_,
            "h_cue": head.lemma_.lower() in cues,
            "dep_hdep": f"{tok.dep_}|{head.dep_}",
            "sent_start": tok.is_sent_start,
        }
        # The path up to the nearest verb of saying: which relation leads there, and how far.
        node, path = tok, []
        for depth in range(1, 7):
            path.append(node.dep_)
            if node.head is node:
                break
            node = node.head
            if node.lemma_.lower() in cues and node.pos_ in ("VERB", "AUX"):
                f["cue_anc"] = True
                f["cue_anc_dep"] = path[-1]
                f["cue_anc_depth"] = min(depth, 4)
                f["cue_anc_lemma"] = node.lemma_.lower()
                f["cue_anc_first"] = path[0] if len(path) > 0 else "-"
                break
        for off in (-2, -1, 1, 2):
            j = tok.i + off
            if 0 <= j < len(doc):
                n = doc[j]
                f[f"{off}:low"] = n.lower_
                f[f"{off}:pos"] = n.pos_
                f[f"{off}:in_quote"] = n.idx in quoted
                f[f"{off}:cue"] = n.lemma_.lower() in cues
            else:
                f[f"{off}:edge"] = True
        feats.append(f)
    return feats


def paragraphs(doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs of a Doc (separated by blank lines)."""
    out, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                out.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def quoted_offsets(text: str) -> set[int]:
    from ..stages.quotes import quote_segments

    return {i for seg in quote_segments(text) for i in range(seg.outer_start, seg.outer_end)}


@functools.lru_cache(maxsize=1)
def load_tagger():
    """The shipped model, or None where it has not been trained."""
    if not MODEL_PATH.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


@dataclass
class TaggedSpan:
    label: str
    start: int  # token index
    end: int  # token index, exclusive


def tag(doc) -> list[TaggedSpan]:
    """Spans of SRC, CUE and CNT tokens the model finds in a Doc (empty without a model)."""
    tagger = load_tagger()
    if tagger is None:
        return []
    quoted = quoted_offsets(doc.text)
    spans: list[TaggedSpan] = []
    for start, end in paragraphs(doc):
        # A paragraph with no verb and no quote mark (a table, a heading) attributes nothing.
        if not any(t.pos_ in ("VERB", "AUX") or t.idx in quoted for t in doc[start:end]):
            continue
        labels = tagger.tag([_crf_items(f) for f in token_features(doc, quoted, start, end)])
        current: TaggedSpan | None = None
        for k, lab in enumerate(labels):
            i = start + k
            kind = lab[2:] if lab != "O" else None
            if kind and (lab.startswith("B-") or current is None or current.label != kind):
                if current:
                    spans.append(current)
                current = TaggedSpan(kind, i, i + 1)
            elif kind and current is not None:
                current.end = i + 1
            else:
                if current:
                    spans.append(current)
                current = None
        if current:
            spans.append(current)
    return spans


def _crf_items(f: dict[str, object]) -> dict[str, object]:
    """CRFsuite takes strings (one-hot) and floats: booleans become 1.0/0.0 weights."""
    out: dict[str, object] = {}
    for k, v in f.items():
        if isinstance(v, bool):
            if v:
                out[k] = 1.0
        elif isinstance(v, (int, float)):
            out[k] = float(v)
        else:
            out[f"{k}={v}"] = 1.0
    return out
