"""Write Reuters-21578 stories and copies of them altered the ways syndication alters them, as JSONL.

    python bench/syndicated_copies.py --stories 1000 > copies.jsonl
    newsgraph ingest copies.jsonl --db copies.db        # then: newsgraph export --format jsonl --db copies.db

Each line is ``{"id", "text", "copy_of"}`` (``copy_of``: the id of the original, null for one). The
alterations (another outlet's wire credit or none, paragraphs joined or split, the last paragraphs
trimmed, a word changed, a line of page furniture) are those ``newsgraph eval dedup`` scores; the
generator lives in ``newsgraph.eval.dedup`` so that both use the same copies.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.eval.dedup import syndicated_copies  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    stories = []
    with gzip.open(
        args.data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            r = json.loads(line)
            if len((r.get("body") or "").split()) >= 120:
                stories.append((f"reuters-{r['newid']}", r["body"]))
            if len(stories) >= args.stories:
                break
    for sid, text, original in syndicated_copies(stories, args.seed):
        sys.stdout.write(json.dumps({"id": sid, "text": text, "copy_of": original}) + "\n")


if __name__ == "__main__":
    main()
