"""A sentence's quad class (neutral, verbal/material cooperation, verbal/material conflict), learned.

The event rules say what kind of act a sentence reports when they find a trigger; many sentences
of conflict news say it in words no lexicon lists. A multinomial logistic regression over the
sentence's words and the rules' own findings (the main event's type, quad class, modality, and
whether it is a verb or a noun) weighs both. It is trained on ConfliBERT's ``cameo_class`` split by
``python -m newsgraph.models.train_quad`` (scikit-learn, on the CPU, deterministic) and shipped as
plain JSON weights (``quad.json``), read here without scikit-learn.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("quad.json")
LABELS = ("neutral", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words too common to say anything about the act.
_STOP = frozenset(
    "the a an of to in on and or for with at by from as is was were be been are that this it its "
    "their his her".split()
)


def bag_of_words(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in pairwise(words)]


def features(text: str, mentions: Sequence[dict[str, Any]]) -> list[str]:
    """Words of the sentence plus what the event rules found in it (``mentions``: type, modality, depth,
    nominal)."""
    feats = bag_of_words(text)
    if not mentions:
        return [*feats, "rule=none"]
    main = min(mentions, key=lambda m: (m.get("depth", 9), m.get("start", 0)))
    from ..text.plover import QUAD

    feats += [
        f"main={main['type']}",
        f"mainquad={QUAD[main['type']]}",
        f"mainmod={main.get('modality')}",
        f"mainnom={bool(main.get('nominal'))}",
    ]
    feats += [f"any={m['type']}" for m in mentions] + [f"anyquad={QUAD[m['type']]}" for m in mentions]
    return feats


def features_of(article) -> list[str]:
    """Features of a whole (one-sentence) article, from its stored events."""
    mentions = []
    for ev in getattr(article, "events", None) or []:
        for m in ev.mentions:
            mentions.append(
                {
                    "type": ev.type,
                    "modality": m.modality,
                    "depth": m.clause_depth,
                    "nominal": m.nominal,
                    "start": m.trigger.start,
                }
            )
    return features(getattr(article, "text", "") or "", mentions)


class QuadModel:
    def __init__(self, weights: dict[str, list[float]], bias: list[float], labels: Sequence[str] = LABELS):
        self.weights = weights
        self.bias = bias
        self.labels = tuple(labels)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuadModel:
        return cls(data["weights"], data["bias"], data.get("labels", LABELS))

    def proba(self, feats: Iterable[str]) -> dict[str, float]:
        scores = list(self.bias)
        counts: dict[str, int] = {}
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
        for f, n in counts.items():
            w = self.weights.get(f)
            if w is not None:
                for i, x in enumerate(w):
                    scores[i] += x * n
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {lab: e / total for lab, e in zip(self.labels, exps, strict=True)}


@functools.lru_cache(maxsize=1)
def load() -> QuadModel | None:
    """The shipped model, or None where it has not been trained (the rules then stand alone)."""
    if not MODEL_PATH.exists():
        return None
    return QuadModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


# -- training (scikit-learn, only where it is installed) --------------------------------------------------

C = 2.0  # inverse regularisation strength, fixed in advance (not tuned on any evaluation split)


def fit(feats: list[list[str]], labels: list[int]) -> QuadModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([_counts(f) for f in feats])
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    classes = list(clf.classes_)
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(names):
        row = [0.0] * len(LABELS)
        for ci, cls in enumerate(classes):
            row[cls] = round(float(clf.coef_[ci, j]), 5)
        if any(abs(v) >= 1e-4 for v in row):
            weights[str(name)] = row
    bias = [0.0] * len(LABELS)
    for ci, cls in enumerate(classes):
        bias[cls] = round(float(clf.intercept_[ci]), 5)
    return QuadModel(weights, bias)


def _counts(feats: Iterable[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for f in feats:
        out[f] = out.get(f, 0.0) + 1.0
    return out


def cross_validate(feats: list[list[str]], labels: list[int], folds: list[int]) -> list[int]:
    """Each item predicted by a model fitted on the other folds."""
    pred = [0] * len(labels)
    for k in sorted(set(folds)):
        train = [i for i, f in enumerate(folds) if f != k]
        model = fit([feats[i] for i in train], [labels[i] for i in train])
        for i, f in enumerate(folds):
            if f == k:
                p = model.proba(feats[i])
                pred[i] = LABELS.index(max(p, key=p.get))
    return pred
