"""One event per real happening: mentions of the same type, with no conflicting date or place, and a
shared participant, a shared place, or a definite reference back ("the summit", "this attack").
"""

from __future__ import annotations

from typing import Any

from ..ids import article_key, content_id
from ..text import plover as P
from ..types import Article, Event, EventMention
from .common import NON_DATES, _unique


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if not a or not b or a in NON_DATES or b in NON_DATES:
        return True
    n = min(len(a), len(b))
    return all(x == y or "X" in (x, y) for x, y in zip(a[:n], b[:n], strict=True))


def merge(doc: Article, mentions: list[dict[str, Any]]) -> list[Event]:
    akey = article_key(doc)
    events: list[dict[str, Any]] = []
    for m in mentions:
        value = m["timex"].value if m["timex"] else None
        target = _same_event(events, m, value)
        if target is None:
            target = {
                "type": m["type"], "mode": m["mode"], "modality": m["modality"], "actors": [], "targets": [],
                "place": None, "date": None, "date_timex": None, "mentions": [], "confidence": 0.0,
            }  # fmt: skip
            events.append(target)
        _add_mention(target, m, value)
    return [_event(akey, ev) for ev in events]


def _asserted(modality: str) -> bool:
    return modality in ("asserted", "reported")


def _same_event(events: list[dict[str, Any]], m: dict[str, Any], value: str | None) -> dict[str, Any] | None:
    """The event told before that this mention tells again, if any: the best of those of its type and
    modality whose date and place do not conflict, by a shared place, shared participants and a
    definite reference back."""
    target, best = None, 0
    for ev in reversed(events):
        if ev["type"] != m["type"] or _asserted(ev["modality"]) != _asserted(m["modality"]):
            continue
        if not _compatible_dates(ev["date"], value):
            continue
        if ev["place"] and m["place"] and ev["place"] != m["place"]:
            continue
        shared = set(ev["actors"] + ev["targets"]) & set(m["actors"] + m["targets"])
        same_place = ev["place"] is not None and ev["place"] == m["place"]
        score = 2 * same_place + len(shared) + m["anaphoric"]
        if score > best:
            target, best = ev, score
    return target


def _add_mention(target: dict[str, Any], m: dict[str, Any], value: str | None) -> None:
    """The mention's participants, place and date join the event's; the fullest known date wins."""
    target["actors"] = _unique(target["actors"] + m["actors"])
    target["targets"] = [t for t in _unique(target["targets"] + m["targets"]) if t not in target["actors"]]
    target["place"] = target["place"] or m["place"]
    if value and (
        not target["date"]
        or (target["date"] in NON_DATES and value not in NON_DATES)
        or (
            value not in NON_DATES
            and (
                len(value) > len(target["date"])
                or (target["date"].startswith("XXXX") and not value.startswith("XXXX"))
            )
        )
    ):
        target["date"], target["date_timex"] = value, m["timex"].id
    target["mode"] = target["mode"] or m["mode"]
    target["confidence"] = max(target["confidence"], m["confidence"])
    target["mentions"].append(
        EventMention(m["trigger"], m["sentence"], m["modality"], m["depth"], m["nominal"])
    )


def _event(akey: str, ev: dict[str, Any]) -> Event:
    first = ev["mentions"][0]
    return Event(
        id=content_id("event", akey, ev["type"], first.trigger.start, first.trigger.end),
        type=ev["type"],
        trigger=first.trigger,
        sentence=first.sentence,
        mode=ev["mode"],
        quad_class=P.QUAD[ev["type"]],
        actors=ev["actors"],
        targets=ev["targets"],
        date=ev["date"],
        date_timex=ev["date_timex"],
        place=ev["place"],
        negated=ev["modality"] == "negated",
        hypothetical=ev["modality"] in ("hypothetical", "conditional", "planned"),
        modality=ev["modality"],
        confidence=ev["confidence"],
        mentions=ev["mentions"],
    )
