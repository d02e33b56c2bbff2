"""Scoring events on three kinds of gold data, each read from where it lies.

* PLOVER gold-standard records (``PLOVER_GSR_dev.json``): one sentence, one coded event. Per
  sentence, newsgraph's main event (the one whose trigger sits highest in the parse) is compared
  with the gold type (older names mapped: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE,
  FIGHT→ASSAULT), and with the gold source actor: one of the event's actors must be named by
  words of the gold ``actorText``.
* ConfliBERT's ``cameo_class`` sentences: five classes (neutral and the four quad classes),
  accuracy and macro-F1. newsgraph's rules need no training and are scored on every sentence;
  the learned quad classifier and the bag-of-words peer are scored by 5-fold cross-validation
  (folds by a hash of the sentence), so no sentence is scored by a model that saw it.
* MEANTIME (Wikinews, CC BY): how many annotated event mentions a trigger of ours covers, how
  many of our triggers are annotated events, and on matched mentions the F1 of participants
  (gold ``Arg0``/``Arg1`` links against our actors and targets, by character overlap).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..pipeline import GIVEN_TEXT, Pipeline
from ..stages import entities, events, parse, quotes, timexes
from ..text.plover import OLD_NAMES, QUAD
from ..types import Article, Event
from .ingest import Report

EVENT_STAGES = (parse.NAME, entities.NAME, timexes.NAME, quotes.HYBRID, events.NAME)
QUAD_LABELS = (
    "neutral",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def main_event(article: Article, start: int = 0, end: int | None = None) -> Event | None:
    """The event whose trigger sits highest in the parse of the text between start and end."""
    end = len(article.text) if end is None else end
    best, key = None, None
    for ev in article.events:
        for m in ev.mentions:
            t = m.trigger
            if t.field or not (start <= t.start < end):
                continue
            k = (m.clause_depth, t.start)
            if key is None or k < key:
                best, key = ev, k
    return best


def _actor_names(article: Article, ev: Event) -> set[str]:
    """Words of every mention of the event's actors (so 'Hungarian' matches Hungary's entity)."""
    words: set[str] = set()
    for e in article.entities:
        if e.id in ev.actors:
            words |= _words(e.name)
            for m in e.mentions:
                words |= _words(m.text)
    return words


def score_plover(
    path: Path, progress: Callable[[Iterable], Iterable] = lambda x: x, limit: int | None = None
) -> Report:
    records = json.loads(path.read_text(encoding="utf-8"))[: limit or None]
    pipeline = Pipeline(EVENT_STAGES, provided=GIVEN_TEXT)
    c: Counter = Counter()
    report = Report(path.name, len(records))
    confusion: Counter = Counter()
    for rec in progress(records):
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        art = pipeline.apply(Article(text=rec["text"], input_id=rec["id"], location=rec["id"]))
        ev = main_event(art) if isinstance(art, Article) else None
        pred = ev.type if ev else None
        c["n"] += 1
        c[f"gold:{gold}"] += 1
        ok = pred == gold
        c["type"] += ok
        c[f"ok:{gold}"] += ok
        c["quad"] += bool(pred) and QUAD[pred] == QUAD[gold]
        confusion[(gold, pred)] += 1
        sources = [s.get("actorText") or "" for s in rec.get("source") or []]
        if ok and ev is not None:
            names = _actor_names(art, ev)
            if any(_words(s) & names for s in sources if s):
                c["type_actor"] += 1
        if not ok and len(report.errors) < 100:
            report.errors.append(
                {"id": rec["id"], "gold": gold, "predicted": pred, "text": rec["text"][:200]}
            )
    figures = {
        "type_accuracy": c["type"] / c["n"] if c["n"] else 0.0,
        "type_and_source_actor": c["type_actor"] / c["n"] if c["n"] else 0.0,
        "quad_accuracy": c["quad"] / c["n"] if c["n"] else 0.0,
    }
    for t in sorted(k.split(":", 1)[1] for k in c if k.startswith("gold:")):
        figures[f"recall:{t}"] = c[f"ok:{t}"] / c[f"gold:{t}"]
    report.systems["newsgraph"] = figures
    report.notes.append(
        "one coded event per sentence; newsgraph's main event is the one whose trigger sits "
        "highest in the parse"
    )
    report.notes.append(
        "no PLOVER or CAMEO coder installs here (PETRARCH-2 is not on PyPI and needs Python 2); "
        "the figures stand alone"
    )
    top = [f"{g}->{p}: {n}" for (g, p), n in confusion.most_common() if g != p][:12]
    report.notes.append("most common confusions: " + "; ".join(top))
    return report


# -- ConfliBERT quad classes ----------------------------------------------------------------------------


def read_conflibert(path: Path) -> list[tuple[str, int]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            (row[0], int(row[1]))
            for row in csv.reader(fh, delimiter="\t")
            if len(row) == 2 and row[1].strip().isdigit()
        ]


def fold_of(text: str, k: int = 5) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % k


def macro_f1(gold: list[int], pred: list[int], labels: Iterable[int] = range(5)) -> float:
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def score_conflibert(
    path: Path,
    peers: Iterable[str] = (),
    progress: Callable[[Iterable], Iterable] = lambda x: x,
    limit: int | None = None,
) -> Report:
    from ..models import quad

    rows = read_conflibert(path)[: limit or None]
    pipeline = Pipeline(EVENT_STAGES, provided=GIVEN_TEXT)
    gold = [lab for _, lab in rows]
    rule_pred: list[int] = []
    feats: list[list[str]] = []
    for text, _ in progress(rows):
        art = pipeline.apply(Article(text=text, location="conflibert"))
        ev = main_event(art) if isinstance(art, Article) else None
        rule_pred.append(QUAD_LABELS.index(QUAD[ev.type]) if ev else 0)
        feats.append(quad.features_of(art) if isinstance(art, Article) else quad.bag_of_words(text))
    systems: dict[str, list[int]] = {"newsgraph rules (no training)": rule_pred}
    folds = [fold_of(t) for t, _ in rows]
    report = Report(path.name, len(rows))
    try:
        import sklearn  # noqa: F401
    except ImportError:
        report.notes.append(
            "scikit-learn is not installed (pip install -e '.[peers]'): the learned systems are not scored"
        )
        peers = ()
    else:
        systems["newsgraph rules + learned quad classifier (5-fold CV)"] = quad.cross_validate(
            feats, gold, folds
        )
    if "bow" in peers or "logreg" in peers:
        bow = [quad.bag_of_words(t) for t, _ in rows]
        systems["bag-of-words logistic regression (scikit-learn, 5-fold CV)"] = quad.cross_validate(
            bow, gold, folds
        )
    for name, pred in systems.items():
        acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
        figures = {"accuracy": acc, "macro_f1": macro_f1(gold, pred)}
        for i, lab in enumerate(QUAD_LABELS):
            figures[f"f1:{lab}"] = macro_f1(gold, pred, [i])
        report.systems[name] = figures
    report.notes.append(
        "labels: 0 neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 "
        "material conflict"
    )
    report.notes.append(
        "learned systems: 5 folds by sha256(sentence) mod 5; each sentence scored by a model "
        "trained on the other four folds"
    )
    return report


# -- MEANTIME event mentions ----------------------------------------------------------------------------


def read_meantime_events(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The text (tokens joined as the entity scorer joins them) and its event mentions with their
    participants."""
    from .entities import meantime_text

    root = ET.parse(path).getroot()
    text, offsets = meantime_text(root)
    spans: dict[str, tuple[int, int]] = {}
    kinds: dict[str, str] = {}
    for tag in ("EVENT_MENTION", "ENTITY_MENTION"):
        for m in root.iter(tag):
            anchors = [offsets[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in offsets]
            if anchors:
                spans[m.get("m_id")] = (min(a[0] for a in anchors), max(a[1] for a in anchors))
                kinds[m.get("m_id")] = tag
    events: dict[str, dict[str, Any]] = {}
    for m in root.iter("EVENT_MENTION"):
        mid = m.get("m_id")
        if mid in spans:
            events[mid] = {"span": spans[mid], "participants": []}
    for rel in root.iter("HAS_PARTICIPANT"):
        src, tgt = rel.find("source"), rel.find("target")
        if src is None or tgt is None or src.get("m_id") not in events or tgt.get("m_id") not in spans:
            continue
        if kinds.get(tgt.get("m_id")) != "ENTITY_MENTION" or rel.get("sem_role") not in ("Arg0", "Arg1"):
            continue
        events[src.get("m_id")]["participants"].append(
            {"span": spans[tgt.get("m_id")], "role": rel.get("sem_role")}
        )
    return text, list(events.values())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_meantime(
    directory: Path, progress: Callable[[Iterable], Iterable] = lambda x: x, limit: int | None = None
) -> Report:
    files = sorted(directory.rglob("*.xml"))[: limit or None]
    pipeline = Pipeline(EVENT_STAGES, provided=GIVEN_TEXT)
    c: Counter = Counter()
    for f in progress(files):
        text, gold = read_meantime_events(f)
        art = pipeline.apply(Article(text=text, location=f.name))
        if not isinstance(art, Article):
            continue
        ent_spans = {e.id: [(m.start, m.end) for m in e.mentions if not m.field] for e in art.entities}
        triggers = _annotated_triggers(art, text, gold)
        c["gold"] += len(gold)
        c["pred"] += len(triggers)
        c["gold_hit"] += sum(1 for g in gold if any(_overlap(g["span"], t[0]) for t in triggers))
        for span, ev, m in triggers:
            match = next((g for g in gold if _overlap(g["span"], span)), None)
            if match is not None:
                c["pred_hit"] += 1
                _count_participants(c, ev, m, match["participants"], ent_spans)
    report = Report(directory.name, len(files))
    report.systems["newsgraph"] = _meantime_figures(c)
    report.notes.append(
        "MEANTIME annotates every event mention (rose, said, expected ...) of each article's "
        "first sentences (ours are scored up to "
        "the last annotated sentence); newsgraph reports only the PLOVER kinds "
        "(political and conflict acts), so recall over all mentions is low by design; trigger "
        "precision says how many of "
        "ours are real event mentions"
    )
    return report


def _annotated_triggers(art: Article, text: str, gold: list) -> list[tuple]:
    """Our event mentions up to the last sentence MEANTIME annotates (it annotates the first ones)."""
    last = max((g["span"][1] for g in gold), default=0)
    end_of = text.find("\n", last)
    limit_at = len(text) if end_of < 0 else end_of
    return [
        ((m.trigger.start, m.trigger.end), ev, m)
        for ev in art.events
        for m in ev.mentions
        if not m.trigger.field and m.trigger.start < limit_at
    ]


def _count_participants(c: Counter, ev, m, theirs: list, ent_spans: dict) -> None:
    """Our actors (Arg0) and targets (Arg1) in the mention's sentence against the gold participants."""
    sent = (m.sentence.start, m.sentence.end)
    ours = [
        (s, role)
        for role, ids in (("Arg0", ev.actors), ("Arg1", ev.targets))
        for i in ids
        for s in ent_spans.get(i, [])
        if _overlap(s, sent)
    ]
    c["part_gold"] += len(theirs)
    c["part_pred"] += len({s for s, _ in ours})
    c["part_hit_gold"] += sum(1 for p in theirs if any(_overlap(p["span"], s) for s, _ in ours))
    c["part_hit_pred"] += sum(1 for s in {s for s, _ in ours} if any(_overlap(p["span"], s) for p in theirs))
    c["role_hit"] += sum(1 for p in theirs if any(_overlap(p["span"], s) and r == p["role"] for s, r in ours))


def _meantime_figures(c: Counter) -> dict[str, float]:
    p = c["part_hit_pred"] / c["part_pred"] if c["part_pred"] else 0.0
    r = c["part_hit_gold"] / c["part_gold"] if c["part_gold"] else 0.0
    return {
        "event_mention_recall": c["gold_hit"] / c["gold"] if c["gold"] else 0.0,
        "trigger_precision": c["pred_hit"] / c["pred"] if c["pred"] else 0.0,
        "participant_precision": p,
        "participant_recall": r,
        "participant_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "participant_role_recall": c["role_hit"] / c["part_gold"] if c["part_gold"] else 0.0,
        "gold_event_mentions": float(c["gold"]),
        "triggers": float(c["pred"]),
    }


# -- the worked example ---------------------------------------------------------------------------------


def example_matches(art: Article, want: dict[str, Any], with_year: bool) -> bool:
    """An expected event: type (and mode), every named actor and target, the place, and the date."""
    names = {e.id: e.name for e in art.entities}
    for ev in art.events:
        if ev.type != want["type"] or (want.get("mode") and ev.mode != want["mode"]):
            continue
        people = {names.get(i) for i in ev.actors + ev.targets}
        if not all(a in people for a in want.get("actors", []) + want.get("targets", [])):
            continue
        if want.get("place") and names.get(ev.place or "") != want["place"]:
            continue
        date = want.get("date_with_year") if with_year else want.get("date")
        if with_year and date and ev.date != date:
            continue
        return True
    return False


def score_example(folder: Path) -> Report:
    """Every non-optional event of the worked example, found with its participants, place and date."""
    import newsgraph

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    text = (folder / "article.txt").read_text(encoding="utf-8")
    wanted = [e for e in expected.get("events", []) if not e.get("optional")]
    art = newsgraph.extract_text(text, published="2021-06-30")
    found = sum(example_matches(art, w, True) for w in wanted)
    report = Report("worked example (--published 2021-06-30)", 1)
    report.systems["newsgraph"] = {
        "events_found": found / len(wanted) if wanted else 0.0,
        "expected": float(len(wanted)),
        "predicted": float(len(art.events)),
    }
    return report
