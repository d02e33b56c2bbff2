"""Train the quad-class sentence model on ConfliBERT's ``cameo_class`` split, on the CPU, reproducibly.

    python -m newsgraph.models.train_quad ../shared/data/events/conflibert/cameo_class/train.tsv

writes ``src/newsgraph/models/quad.json`` (or ``--out``): the weights of a multinomial logistic
regression (scikit-learn's L-BFGS, deterministic for the same data) over the sentence's words and
what the event rules found in it. ``newsgraph eval events`` scores the same recipe by 5-fold
cross-validation, so the figure it prints never comes from a model that saw the sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .quad import LABELS, MODEL_PATH, features_of, fit


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train", type=Path, help="ConfliBERT cameo_class TSV (sentence, label 0-4)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from ..eval.events import EVENT_STAGES, read_conflibert
    from ..pipeline import GIVEN_TEXT, Pipeline
    from ..types import Article

    started = time.time()
    rows = read_conflibert(args.train)
    pipeline = Pipeline(EVENT_STAGES, provided=GIVEN_TEXT)
    feats, labels = [], []
    for text, label in tqdm(rows, desc="features", file=sys.stderr, disable=None):
        art = pipeline.apply(Article(text=text, location="train"))
        feats.append(features_of(art) if isinstance(art, Article) else [])
        labels.append(label)
    model = fit(feats, labels)
    data = {
        "labels": list(LABELS),
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
        "trained_on": args.train.name,
        "sentences": len(rows),
    }
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} sentences; wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
        f"{len(model.weights)} features) in {time.time() - started:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
