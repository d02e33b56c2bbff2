"""Train the attribution tagger on PolNeAR's training split, on the CPU, reproducibly.

    python -m newsgraph.models.train_attribution ../shared/data/quotes/polnear/polnear_train.jsonl

writes ``src/newsgraph/models/attribution.crfsuite`` (or ``--out``) and, beside it, the cue lemmas the
training data holds (``attribution.cues.txt``), which decide which paragraphs are worth tagging. CRFsuite's
L-BFGS training is
deterministic for the same data, features and settings, so the same command gives the same model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .attribution import MODEL_PATH, paragraphs, quoted_offsets, token_features


def token_labels(doc, attributions: list[dict]) -> list[str]:
    """BIO labels from PolNeAR's character spans (a token takes the role of any span it overlaps)."""
    labels = ["O"] * len(doc)
    for a in attributions:
        for role, key in (("SRC", "source"), ("CUE", "cue"), ("CNT", "content")):
            for s, e in a.get(key) or []:
                inside = [t.i for t in doc if t.idx < e and t.idx + len(t.text) > s and not t.is_space]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + role
    return labels


def cue_lexicon(rows: list[dict], nlp, min_count: int = 3) -> list[str]:
    """Lemmas of the verbs PolNeAR marks as cues, seen at least ``min_count`` times: a
    paragraph with none of them (and no quote mark) is not worth tagging."""
    from collections import Counter

    counts: Counter = Counter()
    cues = [a["cue_text"] for r in rows for a in r["attributions"] if a.get("cue_text")]
    for doc in nlp.pipe(cues, batch_size=256):
        counts.update({t.lemma_.lower() for t in doc if t.pos_ == "VERB" and t.is_alpha})
    return sorted(w for w, n in counts.items() if n >= min_count)


def write_lexicon(train: Path, out: Path) -> None:
    """Only the cue lexicon, without retraining the tagger."""
    from ..text.nlp import load_model

    rows = [json.loads(x) for x in train.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r.get("primary", True)]
    out.write_text("\n".join(cue_lexicon(rows, load_model())) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("train", type=Path, help="PolNeAR training JSONL")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--lexicon-only", action="store_true", help="write the cue lexicon and stop")
    args = parser.parse_args(argv)
    if args.lexicon_only:
        write_lexicon(args.train, args.out.with_suffix(".cues.txt"))
        return

    import pycrfsuite
    from tqdm import tqdm

    from ..text.nlp import load_model

    nlp = load_model()
    rows = [json.loads(x) for x in args.train.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r.get("primary", True)][: args.limit or None]
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.time()
    sequences = 0
    texts = [r["text"] for r in rows]
    for row, doc in tqdm(
        zip(rows, nlp.pipe(texts, batch_size=16), strict=True),
        total=len(rows),
        desc="features",
        file=sys.stderr,
        disable=None,
    ):
        feats = token_features(doc, quoted_offsets(doc.text))
        labels = token_labels(doc, row["attributions"])
        for start, end in paragraphs(doc):
            trainer.append(feats[start:end], labels[start:end])
            sequences += 1
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    print(f"{len(rows)} documents, {sequences} paragraphs; training ...", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lexicon = cue_lexicon(rows, nlp)
    args.out.with_suffix(".cues.txt").write_text("\n".join(lexicon) + "\n", encoding="utf-8")
    trainer.train(str(args.out))
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
