"""A sequence tagger for attributions: source, cue and content tokens, with a CRF (CRFsuite).

Trained on the PolNeAR training split by ``python -m newsgraph.models.train_attribution`` (on the CPU,
a few minutes, deterministic) and shipped with the package as ``attribution.crfsuite``. Its features
come from spaCy's parse: words, lemmas, parts of speech, dependencies, the path to the nearest verb
of saying or believing, and whether a token stands inside quote marks. Each paragraph is one
sequence; tags are BIO over SRC, CUE and CNT.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..text.attribution import CUE_LEMMAS, quote_segments
from ..text.nlp import token_table

MODEL_PATH = Path(__file__).with_name("attribution.crfsuite")
LABELS = ("SRC", "CUE", "CNT")


def token_features(doc, quoted: set[int], start: int = 0, end: int | None = None) -> list[dict[str, float]]:
    """CRFsuite items for the tokens of ``doc[start:end]``: ``name=value`` strings and flags weigh 1.0.

    ``quoted`` holds the character offsets that stand inside quote marks.
    """
    t = token_table(doc)
    n = len(t.low)
    end = n if end is None else end
    lo, hi = max(0, start - 2), min(n, end + 2)
    in_quote = {j: t.idx[j] in quoted for j in range(lo, hi)}
    cue_lemma = {j: t.lemma[j] in CUE_LEMMAS for j in range(lo, hi)}
    items: list[dict[str, float]] = []
    for i in range(start, end):
        f = _own_features(t, i, in_quote[i], cue_lemma[i])
        _cue_path(f, t, i)
        _window(f, t, i, in_quote, cue_lemma)
        items.append(f)
    # The argument's edges as seen from the neighbouring tokens: a content ends just before the
    # token that follows its argument's last word, and begins just after the one before its first.
    for k, f in enumerate(items):
        if k + 1 < len(items) and "arg_left_edge" in items[k + 1]:
            f["+1:arg_left_edge"] = 1.0
        if k and "arg_right_edge" in items[k - 1]:
            f["-1:arg_right_edge"] = 1.0
    return items


def _own_features(t, i: int, in_quote: bool, cue_lemma: bool) -> dict[str, float]:
    """The token's own words, tags and flags, and its head's."""
    low, lemma, pos, dep = t.low, t.lemma, t.pos, t.dep
    h = t.head[i]
    h_lemma = lemma[h]
    f: dict[str, float] = {
        "bias": 1.0,
        f"low={low[i]}": 1.0,
        f"lemma={lemma[i]}": 1.0,
        f"pos={pos[i]}": 1.0,
        f"tag={t.tag[i]}": 1.0,
        f"dep={dep[i]}": 1.0,
        f"shape={t.shape[i]}": 1.0,
        f"ent={t.ent[i]}": 1.0,
        f"h_lemma={h_lemma}": 1.0,
        f"h_pos={pos[h]}": 1.0,
        f"h_dep={dep[h]}": 1.0,
        f"dep_hdep={dep[i]}|{dep[h]}": 1.0,
    }
    flags = (
        ("title", t.title[i]),
        ("punct", t.punct[i]),
        ("quote_mark", t.quote_mark[i]),
        ("in_quote", in_quote),
        ("cue", cue_lemma and pos[i] in ("VERB", "AUX")),
        ("h_cue", h_lemma in CUE_LEMMAS),
        ("sent_start", t.sent_start[i]),
    )
    for name, on in flags:
        if on:
            f[name] = 1.0
    return f


def _cue_path(f: dict[str, float], t, i: int) -> None:
    """The path up to the nearest verb of saying: which relation leads there, and how far (a
    sentence's root is its own head, so the walk may stay there)."""
    lemma, pos, dep, head = t.lemma, t.pos, t.dep, t.head
    node, path = i, []
    for depth in range(1, 7):
        path.append(dep[node])
        child, node = node, head[node]
        if lemma[node] in CUE_LEMMAS and pos[node] in ("VERB", "AUX"):
            f["cue_anc"] = 1.0
            f[f"cue_anc_dep={path[-1]}"] = 1.0
            f["cue_anc_depth"] = float(min(depth, 4))
            f[f"cue_anc_lemma={lemma[node]}"] = 1.0
            f[f"cue_anc_first={path[0]}"] = 1.0
            # Where the cue's argument begins and ends, and which preposition leads it: the
            # content's bounds are mostly these.
            if dep[child] == "prep":
                f[f"cue_arg_prep={t.low[child]}"] = 1.0
            left, right = t.edges(child)
            if i == left:
                f["arg_left_edge"] = 1.0
            if i == right:
                f["arg_right_edge"] = 1.0
            return


def _window(f: dict[str, float], t, i: int, in_quote: dict[int, bool], cue_lemma: dict[int, bool]) -> None:
    """The words and tags of the two tokens on each side."""
    n = len(t.low)
    for off, name in _OFFSETS:
        j = i + off
        if 0 <= j < n:
            f[f"{name}low={t.low[j]}"] = 1.0
            f[f"{name}pos={t.pos[j]}"] = 1.0
            if in_quote[j]:
                f[f"{name}in_quote"] = 1.0
            if cue_lemma[j]:
                f[f"{name}cue"] = 1.0
        else:
            f[f"{name}edge"] = 1.0


_OFFSETS = tuple((off, f"{off}:") for off in (-2, -1, 1, 2))


def paragraphs(doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs of a Doc (separated by blank lines), found once per Doc."""
    cached = doc.user_data.get("newsgraph.paragraphs")
    if cached is not None:
        return cached
    out, start = [], 0
    for i, low in enumerate(token_table(doc).low):
        if "\n" in low and low.isspace():
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    doc.user_data["newsgraph.paragraphs"] = out
    return out


def quoted_offsets(text: str) -> set[int]:
    return {i for seg in quote_segments(text) for i in range(seg.outer_start, seg.outer_end)}


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> frozenset[str]:
    """The verbs the training data marks as cues (written beside the model by the training script),
    with the rules' own cue verbs."""
    path = MODEL_PATH.with_suffix(".cues.txt")
    words = set(path.read_text(encoding="utf-8").split()) if path.exists() else set()
    return frozenset(words | CUE_LEMMAS)


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


def tag(
    doc, quoted: set[int] | None = None, wanted: Callable[[str, str], bool] | None = None
) -> list[TaggedSpan]:
    """Spans of SRC, CUE and CNT tokens the model finds in a Doc (empty without a model).
    ``quoted``: the offsets inside quote marks, where the caller has them already. ``wanted(lemma,
    lower)``: true of a word without which the caller keeps nothing tagged in a paragraph (its cues);
    a paragraph with none is not tagged."""
    tagger = load_tagger()
    if tagger is None:
        return []
    if quoted is None:
        quoted = quoted_offsets(doc.text)
    lexicon = cue_lexicon()
    t = token_table(doc)
    spans: list[TaggedSpan] = []
    for start, end in paragraphs(doc):
        # A paragraph with no quote mark and none of the verbs the training data uses as cues
        # attributes nothing the tagger could find: skipping it keeps the stage cheap.
        if not any(
            t.idx[i] in quoted or (t.pos[i] == "VERB" and t.lemma[i] in lexicon) for i in range(start, end)
        ):
            continue
        if wanted is not None and not any(wanted(t.lemma[i], t.low[i]) for i in range(start, end)):
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
