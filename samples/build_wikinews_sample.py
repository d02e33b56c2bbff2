"""Rebuild ``wikinews-sample.jsonl`` from the MEANTIME corpus (Wikinews articles, CC BY 4.0).

    python samples/build_wikinews_sample.py ../shared/data/time/meantime_en \
        > samples/articles/wikinews-sample.jsonl

MEANTIME keeps each article as tokens with sentence numbers: sentence 0 is the headline, sentence 1
the date line, the rest the story. The tokens are joined back into text here (one sentence a line;
the corpus keeps no paragraph breaks).
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

PER_TOPIC = 30  # all of MEANTIME: 120 articles


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)(?=\s|$)", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r"`` ?| ?''", '"', text)
    return text


def article(path: Path) -> dict:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    date = datetime.strptime(lines[1].replace(" ,", ","), "%B %d, %Y").date().isoformat()
    return {
        "id": f"wikinews-{root.get('doc_id')}",
        "title": lines[0],
        "published": date,
        "url": root.get("url"),
        "source": "Wikinews",
        "licence": "CC BY 4.0 (Wikinews contributors; MEANTIME corpus, FBK / VU Amsterdam / UPV-EHU)",
        "text": "\n".join(lines[2:]),
    }


def main(folder: str) -> None:
    base = Path(folder) / "intra-doc_annotation"
    for topic in sorted(p for p in base.iterdir() if p.is_dir()):
        for path in sorted(topic.glob("*.xml"))[:PER_TOPIC]:
            sys.stdout.write(json.dumps(article(path), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
