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
QUOTE_TOKENS = frozenset(('"', "“", "”", "''", "``", "«", "»", "„"))


def cue_lemmas() -> frozenset[str]:
    from ..stages.quotes import CUE_LEMMAS

    return CUE_LEMMAS


def token_features(doc, quoted: set[int], start: int = 0, end: int | None = None) -> list[dict[str, float]]:
    """CRFsuite items for the tokens of ``doc[start:end]``: ``name=value`` strings and flags weigh 1.0.

    ``quoted`` holds the character offsets that stand inside quote marks.
    """
    cues = cue_lemmas()
    items: list[dict[str, float]] = []
    n = len(doc)
    for tok in doc[start:end]:
        lemma = tok.lemma_.lower()
        head = tok.head
        h_lemma = head.lemma_.lower()
        f: dict[str, float] = {
            "bias": 1.0,
            f"low={tok.lower_}": 1.0,
            f"lemma={lemma}": 1.0,
            f"pos={tok.pos_}": 1.0,
            f"tag={tok.tag_}": 1.0,
            f"dep={tok.dep_}": 1.0,
            f"shape={tok.shape_[:4]}": 1.0,
            f"ent={tok.ent_type_ or '-'}": 1.0,
            f"h_lemma={h_lemma}": 1.0,
            f"h_pos={head.pos_}": 1.0,
            f"h_dep={head.dep_}": 1.0,
            f"dep_hdep={tok.dep_}|{head.dep_}": 1.0,
        }
        for flag, on in (
            ("title", tok.is_title),
            ("punct", tok.is_punct),
            ("quote_mark", tok.text in QUOTE_TOKENS),
            ("in_quote", tok.idx in quoted),
            ("cue", lemma in cues and tok.pos_ in ("VERB", "AUX")),
            ("h_cue", h_lemma in cues),
            ("sent_start", bool(tok.is_sent_start)),
        ):
            if on:
                f[flag] = 1.0
        # The path up to the nearest verb of saying: which relation leads there, and how far.
        node, path = tok, []
        for depth in range(1, 7):
            path.append(node.dep_)
            if node.head is node:
                break
            child, node = node, node.head
            if node.lemma_.lower() in cues and node.pos_ in ("VERB", "AUX"):
                f["cue_anc"] = 1.0
                f[f"cue_anc_dep={path[-1]}"] = 1.0
                f["cue_anc_depth"] = float(min(depth, 4))
                f[f"cue_anc_lemma={node.lemma_.lower()}"] = 1.0
                f[f"cue_anc_first={path[0]}"] = 1.0
                # Where the cue's argument begins and ends, and which preposition leads it: the
                # content's bounds are mostly these.
                if child.dep_ == "prep":
                    f[f"cue_arg_prep={child.lower_}"] = 1.0
                if tok.i == child.left_edge.i:
                    f["arg_left_edge"] = 1.0
                if tok.i == child.right_edge.i:
                    f["arg_right_edge"] = 1.0
                break
        for off in (-2, -1, 1, 2):
            j = tok.i + off
            if 0 <= j < n:
                nb = doc[j]
                f[f"{off}:low={nb.lower_}"] = 1.0
                f[f"{off}:pos={nb.pos_}"] = 1.0
                if nb.idx in quoted:
                    f[f"{off}:in_quote"] = 1.0
                if nb.lemma_.lower() in cues:
                    f[f"{off}:cue"] = 1.0
            else:
                f[f"{off}:edge"] = 1.0
        items.append(f)
    # The argument's edges as seen from the neighbouring tokens: a content ends just before the
    # token that follows its argument's last word, and begins just after the one before its first.
    for k, f in enumerate(items):
        if k + 1 < len(items) and "arg_left_edge" in items[k + 1]:
            f["+1:arg_left_edge"] = 1.0
        if k and "arg_right_edge" in items[k - 1]:
            f["-1:arg_right_edge"] = 1.0
    return items


def paragraphs(doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs of a Doc (separated by blank lines), found once per Doc."""
    cached = doc.user_data.get("newsgraph.paragraphs")
    if cached is not None:
        return cached
    out, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                out.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    doc.user_data["newsgraph.paragraphs"] = out
    return out


def quoted_offsets(text: str) -> set[int]:
    from ..stages.quotes import quote_segments

    return {i for seg in quote_segments(text) for i in range(seg.outer_start, seg.outer_end)}


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> frozenset[str]:
    """The verbs the training data marks as cues (written beside the model by the training script),
    with the rules' own cue verbs."""
    path = MODEL_PATH.with_suffix(".cues.txt")
    words = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    return frozenset(words | cue_lemmas())


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


def tag(doc, quoted: set[int] | None = None) -> list[TaggedSpan]:
    """Spans of SRC, CUE and CNT tokens the model finds in a Doc (empty without a model).
    ``quoted``: the offsets inside quote marks, where the caller has them already."""
    tagger = load_tagger()
    if tagger is None:
        return []
    if quoted is None:
        quoted = quoted_offsets(doc.text)
    lexicon = cue_lexicon()
    spans: list[TaggedSpan] = []
    for start, end in paragraphs(doc):
        # A paragraph with no quote mark and none of the verbs the training data uses as cues
        # attributes nothing the tagger could find: skipping it keeps the stage cheap.
        if not any(t.idx in quoted or (t.pos_ == "VERB" and t.lemma_.lower() in lexicon) for t in doc[start:end]):
            continue
        labels = tagger.tag(token_features(doc, quoted, start, end))
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
