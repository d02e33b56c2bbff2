"""Scoring TIMEX3 against TimeML gold (TimeBank + AQUAINT) the TempEval-3 way.

Extents: strict (same start and end) and relaxed (overlap) precision, recall and F1. Values: accuracy
over relaxed matches, and value F1 (a prediction counts when it overlaps a gold TIMEX3 and has its
value). Each document is normalised against its creation time (DCT), as the task does.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..stages.parse import load_model
from ..stages.timexes import _tense_lookup, tag
from .ingest import Report


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    timexes: list[tuple[int, int, str, str]]  # start, end, type, value


def read_tml(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    dct_el = root.find(".//DCT/TIMEX3")
    dct = dt.date.fromisoformat((dct_el.get("value") or "")[:10]) if dct_el is not None else dt.date(2000, 1, 1)
    text_el = root.find(".//TEXT")
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []

    def walk(el) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                spans.append((start, sum(map(len, parts)), child.get("type") or "", child.get("value") or ""))
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return GoldDoc(path.name, "".join(parts), dct, spans)


def dateparser_timexes(text: str, anchor: dt.date) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day)}) or []
    out, pos = [], 0
    for surface, when in found:
        i = text.find(surface, pos)
        if i < 0:
            i = text.find(surface)
        if i < 0:
            continue
        pos = i + len(surface)
        out.append((i, i + len(surface), when.date().isoformat()))
    return out


def score_timex(folder: Path, peers: Iterable[str] = (), limit: int | None = None, progress: Callable[[Iterable], Iterable] = lambda x: x) -> Report:
    files = sorted(folder.rglob("*.tml"))[: limit or None]
    docs = [read_tml(p) for p in files]
    nlp = load_model()
    systems: dict[str, Callable[[GoldDoc], list[tuple[int, int, str]]]] = {}

    def ours(d: GoldDoc) -> list[tuple[int, int, str]]:
        sp = nlp(d.text)
        return [(t.start, t.end, t.value) for t in tag(d.text, d.dct, _tense_lookup(sp))]

    systems["newsgraph"] = ours
    if "dateparser" in peers:
        systems["dateparser (search_dates)"] = lambda d: dateparser_timexes(d.text, d.dct)
    counts = {k: Counter() for k in systems}
    for d in progress(docs):
        gold = d.timexes
        for name, run in systems.items():
            c = counts[name]
            pred = run(d)
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            c["strict"] += len({(s, e) for s, e, _ in pred} & {(s, e) for s, e, _, _ in gold})
            used = set()
            for s, e, value in pred:
                j = next((k for k, g in enumerate(gold) if k not in used and s < g[1] and g[0] < e), None)
                if j is None:
                    continue
                used.add(j)
                c["relaxed"] += 1
                c["value"] += _same_value(value, gold[j][3])
    report = Report("TBAQ-cleaned", len(docs))
    for name, c in counts.items():
        f: dict[str, float] = {}
        for label in ("strict", "relaxed", "value"):
            p = c[label] / c["pred"] if c["pred"] else 0.0
            r = c[label] / c["gold"] if c["gold"] else 0.0
            f[f"{label}_precision"], f[f"{label}_recall"], f[f"{label}_f1"] = p, r, 2 * p * r / (p + r) if p + r else 0.0
        f["value_accuracy"] = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
        f["predicted"], f["gold"] = float(c["pred"]), float(c["gold"])
        report.systems[name] = f
    report.notes.append("value F1: a prediction counts when it overlaps a gold TIMEX3 and carries its value; each document anchored at its DCT")
    return report


def _same_value(pred: str, gold: str) -> bool:
    return pred == gold or re.sub(r"T00:00$", "", pred) == gold
