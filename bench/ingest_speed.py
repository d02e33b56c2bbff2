"""Throughput and peak memory of the reading stage, beside trafilatura alone on the same pages.

    python bench/ingest_speed.py [--data ../shared/data] [--repeat 1] [--reuters 3000]

HTML: the Zyte benchmark's 181 pages, through newsgraph's whole pipeline and through
trafilatura.extract alone, in the same process, one after the other. Plain text: the pasted wire
stories and a slice of Reuters-21578 through newsgraph (no peer reads pasted text). Prints pages/s,
words/s, and the peak Python heap of a second, traced pass (tracemalloc).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from newsgraph.pipeline import Pipeline
from newsgraph.stages import READING_STAGES
from newsgraph.types import Failure, RawRecord

_WORD = re.compile(r"\w+")


def measure(name: str, items: list, fn: Callable[[object], str], repeat: int) -> dict:
    """Time one pass untraced (after a warm-up call), then trace a second pass for the peak heap."""
    fn(items[0])
    gc.collect()
    words = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            words += len(_WORD.findall(fn(item) or ""))
    elapsed = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    for item in items:
        fn(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(items) * repeat
    return {
        "system": name,
        "docs": n,
        "seconds": elapsed,
        "docs_per_s": n / elapsed,
        "words_per_s": words / elapsed,
        "peak_mib": peak / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--reuters", type=int, default=3000, help="Reuters stories in the plain-text pass")
    args = parser.parse_args()

    import trafilatura

    pipeline = Pipeline(READING_STAGES)  # the reading stages: what trafilatura alone also does

    def ours(record: RawRecord) -> str:
        result = pipeline.process(record)
        return "" if isinstance(result, Failure) else result.text

    zyte = args.data / "ingest" / "zyte-aeb"
    gold = json.loads((zyte / "ground-truth.json").read_text())
    pages = [
        (k, gzip.decompress((zyte / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8"), v.get("url"))
        for k, v in sorted(gold.items())
    ]
    html_records = [RawRecord(input_id=k, location=k, html=h, url=u) for k, h, u in pages]
    mib = sum(len(h.encode()) for _, h, _ in pages) / 2**20

    rows = [
        measure("newsgraph (HTML)", html_records, ours, args.repeat),
        measure(
            f"trafilatura {trafilatura.__version__} alone (HTML)",
            pages,
            lambda p: trafilatura.extract(p[1], url=p[2]),
            args.repeat,
        ),
    ]
    pasted = [
        json.loads(x)
        for x in (args.data / "ingest" / "pasted-text.dev.jsonl").read_text().splitlines()
        if x.strip()
    ]
    texts = [RawRecord(input_id=r["id"], location=r["id"], text=r["text"]) for r in pasted]
    with gzip.open(args.data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt") as fh:
        for line in fh:
            if len(texts) >= len(pasted) + args.reuters:
                break
            r = json.loads(line)
            if r.get("plain_text"):
                texts.append(
                    RawRecord(input_id=str(r["newid"]), location=str(r["newid"]), text=r["plain_text"])
                )
    rows.append(measure("newsgraph (plain-text wire stories)", texts, ours, args.repeat))

    print(
        f"HTML: {len(pages)} Zyte pages, {mib:.1f} MiB; plain text: {len(texts)} wire stories; "
        f"repeat={args.repeat}"
    )
    print(f"{'system':<42} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'words/s':>10} {'peak MiB':>9}")
    for r in rows:
        print(
            f"{r['system']:<42} {r['docs']:>6} {r['seconds']:>8.2f} {r['docs_per_s']:>8.1f} "
            f"{r['words_per_s']:>10.0f} {r['peak_mib']:>9.1f}"
        )
    ratio = rows[0]["docs_per_s"] / rows[1]["docs_per_s"]
    print(f"newsgraph / trafilatura pages per second on the same HTML: {ratio:.2f}x")


if __name__ == "__main__":
    main()
