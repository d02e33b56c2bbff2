"""Scoring of the reading stage against gold data: pasted wire stories, Reuters datelines, Zyte bodies.

Each scorer takes the gold file's path, runs newsgraph and a peer on the same documents in the
same run, and returns a :class:`Report` of named figures per system.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import Options, Pipeline
from ..stages import READING_STAGES
from ..text.dateline import month_day
from ..types import Article, Failure, RawRecord


@dataclass
class Report:
    name: str
    documents: int
    systems: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)  # examples of misses, for reading
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "documents": self.documents,
            "systems": self.systems,
            "notes": self.notes,
            "errors": self.errors,
        }


def _run(pipeline: Pipeline, record: RawRecord, options: Options | None = None) -> Article | None:
    result = pipeline.process(record, options)
    return None if isinstance(result, Failure) else result


def _norm(s: str | None) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))


# -- pasted wire stories ---------------------------------------------------------------------------


# What each pasted story is checked for.
PASTED_CHECKS = (
    "title", "dateline_place", "dateline_month_day", "agency", "deck", "body_start", "body_end",
    "no_furniture_in_body",
)  # fmt: skip


def score_pasted(path: Path, progress: Callable[[Iterable], Iterable] = lambda x: x) -> Report:
    """Title, dateline place/month/day/agency, deck, body start and end, furniture kept out."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline(READING_STAGES)
    ours: Counter = Counter()
    naive: Counter = Counter()
    report = Report("pasted", len(rows))
    for row in progress(rows):
        gold = row["gold"]
        art = _run(pipeline, RawRecord(input_id=row["id"], location=row["id"], text=row["text"]))
        got = _pasted_checks(art, gold)
        ours.update(k for k, ok in got.items() if ok)
        if not all(got.values()) and len(report.errors) < 20:
            report.errors.append({"id": row["id"], "failed": [k for k, ok in got.items() if not ok]})
        naive.update(k for k, ok in _pasted_checks(_naive_pasted(row["text"]), gold).items() if ok)
    n = len(rows)
    report.systems["newsgraph"] = {k: ours[k] / n for k in PASTED_CHECKS}
    report.systems["first-line-title baseline"] = {k: naive[k] / n for k in PASTED_CHECKS}
    report.notes.append(
        "No peer reads pasted text; the baseline takes the first line as title and the rest as body."
    )
    return report


def _pasted_checks(art: Article | None, gold: dict) -> dict[str, bool]:
    if art is None:
        return dict.fromkeys(PASTED_CHECKS, False)
    dl = art.dateline
    text = art.text
    body_lines = {ln.strip() for ln in text.split("\n")}
    return {
        "title": (art.title or "").lower() == (gold["title"] or "").lower(),
        "dateline_place": bool(dl and (dl.place or "").lower() == (gold["dateline_place"] or "").lower()),
        "dateline_month_day": bool(dl and dl.date and month_day(dl.date) == month_day(gold["dateline_date"])),
        "agency": bool(dl and (dl.agency or "").lower() == (gold["agency"] or "").lower()),
        "deck": _norm(art.deck) == _norm(gold.get("deck")),
        "body_start": text.startswith(gold["body_first_sentence"]),
        "body_end": text.rstrip().endswith(gold["body_last_sentence"]),
        "no_furniture_in_body": not any(
            b in body_lines or b in text.split("\n\n") for b in gold["boilerplate_lines"]
        ),
    }


def _naive_pasted(text: str) -> Article:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return Article(title=lines[0] if lines else None, text="\n".join(lines[1:]))


# -- Reuters-21578 datelines ---------------------------------------------------------------------------

_GOLD_DATELINE = re.compile(
    r"^(?:(?P<place>.+?)(?:\s?,\s*|\s+)(?:-\s+)?)?(?P<date>[A-Za-z]+\.?\s*\d{1,3}|\d{1,2} "
    r"[A-Za-z]+)(?:,?\s*Reuter)?(?=\s*,?\s*-|$)"
)


def gold_place_date(dateline: str) -> tuple[str | None, str | None]:
    """Place and date of a gold DATELINE field ("SAN DIEGO, Calif., April 13 -")."""
    gold = " ".join(dateline.split()).rstrip(" ,-")
    m = _GOLD_DATELINE.match(gold)
    if m is None and " - " in gold:  # text of the story caught in the field: "LONDON, March 9 - FIXTURE -"
        m = _GOLD_DATELINE.match(gold.split(" - ")[0])
    if m:
        place = m.group("place")
        return (place.strip(" ,-*") if place else None), " ".join(m.group("date").split())
    return gold.strip(" ,-*") or None, None


def score_reuters(
    path: Path, limit: int | None = None, progress: Callable[[Iterable], Iterable] = lambda x: x
) -> Report:
    """Dateline place and date of every NORM story against the gold DATELINE field."""
    pipeline = Pipeline(READING_STAGES)
    totals: Counter = Counter()
    report = Report("reuters21578", 0)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        rows = (r for r in rows if r.get("text_type") == "NORM" and r.get("dateline"))
        for i, row in enumerate(progress(rows)):
            if limit and i >= limit:
                break
            record = RawRecord(
                input_id=str(row["newid"]), location=f"newid {row['newid']}", text=row["plain_text"]
            )
            art = _run(pipeline, record)
            dl = art.dateline if art else None
            if not _count_dateline(totals, dl, row["dateline"]) and len(report.errors) < 25:
                report.errors.append(
                    {"newid": row["newid"], "gold": row["dateline"], "got": dl.text if dl else None}
                )
    n = totals["n"] or 1
    report.documents = totals["n"]
    clean = totals["n"] - totals["gold_not_dateline"] or 1
    report.systems["newsgraph"] = {
        "place": totals["place"] / n,
        "date": totals["date"] / n,
        "place_and_date": totals["both"] / n,
        "dateline_text": totals["text"] / n,
        "place_and_date_where_gold_is_a_dateline": totals["both_clean"] / clean,
    }
    report.notes.append(
        f"{totals['gold_not_dateline']} gold DATELINE fields hold table rows or story text, not a "
        "place or date"
    )
    report.notes.append(
        f"{totals['n'] - totals['gold_has_date']} gold datelines carry no date (a place alone, or "
        "a table row tagged as a dateline)"
    )
    return report


def _count_dateline(totals: Counter, dl, gold_dateline: str) -> bool:
    """Count one story's dateline against the gold; True where place and date are both right."""
    totals["n"] += 1
    gold = " ".join(gold_dateline.split())
    gold_place, gold_date = gold_place_date(gold)
    place_ok = bool(dl) and (_place_text(dl.text, dl.date).lower() if dl.place else None) == (
        gold_place.lower() if gold_place else None
    )
    date_ok = bool(dl) and (dl.date or "").lower() == (gold_date or "").lower()
    totals["place"] += place_ok
    totals["date"] += date_ok
    totals["both"] += place_ok and date_ok
    totals["text"] += bool(dl and gold.startswith(" ".join(dl.text.split()).rstrip(" ,-")))
    totals["gold_has_date"] += gold_date is not None
    not_dateline = gold_date is None and not re.fullmatch(
        r"[A-Z][A-Za-z.' ]+(?:, [A-Z][A-Za-z. ]+)*", gold_place or ""
    )
    totals["gold_not_dateline"] += not_dateline
    totals["both_clean"] += place_ok and date_ok and not not_dateline
    return place_ok and date_ok


def _place_text(dateline_text: str, date: str | None) -> str:
    """The place as written: the dateline text before its date."""
    if date and date in " ".join(dateline_text.split()):
        head = " ".join(dateline_text.split()).split(date)[0]
        return head.strip(" ,-*")
    return re.sub(r"\s*\(.*$", "", dateline_text).strip(" ,-*")


# -- Zyte article-extraction benchmark ---------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """As the benchmark's evaluate.py: shingle counts, normalised per page."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([precision(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([recall(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score_zyte(folder: Path, progress: Callable[[Iterable], Iterable] = lambda x: x) -> Report:
    """Body F1 on word 4-shingles, newsgraph beside trafilatura alone on the same pages."""
    import trafilatura

    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pipeline = Pipeline(READING_STAGES)
    ours, peer = [], []
    report = Report("zyte-aeb", len(gold))
    for key in progress(sorted(gold)):
        item = gold[key]
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        art = _run(pipeline, RawRecord(input_id=key, location=key, html=html, url=item.get("url")))
        text = art.text if art else ""
        ours.append(shingle_tp_fp_fn(item["articleBody"], text))
        peer.append(
            shingle_tp_fp_fn(item["articleBody"], trafilatura.extract(html, url=item.get("url")) or "")
        )
    report.systems["newsgraph"] = prf(ours)
    report.systems[f"trafilatura {trafilatura.__version__}"] = prf(peer)
    return report
