"""Words per second of the whole pipeline beside spaCy's small English pipeline alone.

    python bench/pipeline_speed.py [--data ../shared/data] [--docs 400]

Both run in this process on the same plain-text wire stories (the pasted dev set, then Reuters-21578
stories). spaCy alone is measured two ways: one ``nlp(text)`` call per document, and batched
``nlp.pipe`` (as newsgraph's parse stage runs it). The three take turns on slices of 64 stories, in
several rounds, and each keeps its best time per slice. Prints words/s and the ratio newsgraph / spaCy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

from newsgraph.pipeline import Pipeline
from newsgraph.stages import DEFAULT_STAGES
from newsgraph.text.nlp import MODEL_PACKAGES
from newsgraph.types import RawRecord

_WORD = re.compile(r"\w+")


def stories(data: Path, n: int) -> list[str]:
    texts = [
        json.loads(x)["text"]
        for x in (data / "ingest" / "pasted-text.dev.jsonl").read_text().splitlines()
        if x.strip()
    ]
    with gzip.open(data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            if len(texts) >= n:
                break
            r = json.loads(line)
            if r.get("text_type") == "NORM" and len(r.get("plain_text", "")) > 400:
                texts.append(r["plain_text"])
    return texts[:n]


def spacy_alone():
    """spaCy's English pipeline as it ships, without the component newsgraph adds before its parser."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy pipeline is installed")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = stories(args.data, args.docs)
    nlp = spacy_alone()
    pipeline = Pipeline()
    records = [RawRecord(input_id=str(i), location=str(i), text=t) for i, t in enumerate(texts)]
    pipeline.process(records[0])  # load the model and the tagger before timing
    nlp(texts[0])

    clean = [getattr(pipeline.process(r), "text", "") for r in records]  # spaCy alone parses the same words
    words = sum(len(_WORD.findall(t)) for t in clean)

    def ours(lo: int, hi: int) -> None:
        for _ in pipeline.run(records[lo:hi], batch_size=32):
            pass

    def spacy_each(lo: int, hi: int) -> None:
        for t in clean[lo:hi]:
            nlp(t)

    def spacy_pipe(lo: int, hi: int) -> None:
        for _ in nlp.pipe(clean[lo:hi], batch_size=32):
            pass

    systems = [
        ("newsgraph, whole pipeline (batches of 32)", ours),
        ("spaCy en_core_web_sm alone, nlp(text)", spacy_each),
        ("spaCy en_core_web_sm alone, nlp.pipe", spacy_pipe),
    ]
    # The stories are timed in slices of 64, the three systems in turn on each slice, in several
    # rounds; each system's time is the sum over slices of its best time on the slice. A shared
    # machine's speed drifts over minutes: turns of a few seconds expose the three alike.
    slices = [(lo, min(lo + 64, len(records))) for lo in range(0, len(records), 64)]
    best = {(name, sl): float("inf") for name, _ in systems for sl in slices}
    for _ in range(args.rounds):
        for sl in slices:
            for name, run in systems:
                start = time.perf_counter()
                run(*sl)
                best[name, sl] = min(best[name, sl], time.perf_counter() - start)
    rows = [(name, words, sum(best[name, sl] for sl in slices)) for name, _ in systems]

    print(f"{len(texts)} wire stories; stages: {', '.join(DEFAULT_STAGES)}")
    print(f"{'system':<42} {'words':>8} {'seconds':>8} {'words/s':>9}")
    for name, w, s in rows:
        print(f"{name:<42} {w:>8} {s:>8.2f} {w / s:>9.0f}")
    ours = rows[0][1] / rows[0][2]
    print(
        f"newsgraph / spaCy nlp(text): {ours / (rows[1][1] / rows[1][2]):.2f}x; newsgraph / spaCy "
        f"nlp.pipe: {ours / (rows[2][1] / rows[2][2]):.2f}x"
    )


if __name__ == "__main__":
    main()
