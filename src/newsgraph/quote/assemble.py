"""From statements found to quotes: quoted sentences that continue the last statement, overlaps
resolved, nesting marked, the headline's attribution, the same statement again (in the deck), and
the descriptions the speakers were resolved from as mentions of their entities.
"""

from __future__ import annotations

import re

from ..ids import article_key, content_id
from ..text.people import ORG_NOUNS, PERSON_NOUNS
from ..text.speakers import SpeakerResolver
from ..types import Article, Mention, Quote, Speaker
from .common import Found, _span, _trim

_HEADLINE_TAIL = re.compile(r"\s+[—–-]\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2})\s*$")


_HEADLINE_HEAD = re.compile(r"^(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2}):\s+(?P<rest>\S.*)$")


def _add_described_mentions(doc: Article, quotes: list[Quote]) -> None:
    """A description the speaker resolver tied to an entity names that entity: "the US top
    diplomat" is a mention of Antony Blinken, "the company" of JBS. (A document that speaks for
    someone, "a transcript of the interview", is not the person; a pronoun is left to the quote.)"""
    by_id = {e.id: e for e in doc.entities}
    for q in quotes:
        speaker = q.speaker
        mention, entity = speaker.mention, by_id.get(speaker.entity or "")
        if speaker.form != "description" or not mention or mention.field or entity is None:
            continue
        head = mention.text.split()[-1].lower()
        if head not in (
            PERSON_NOUNS if entity.type == "PERSON" else ORG_NOUNS if entity.type == "ORG" else ()
        ):
            continue
        own = [m for m in entity.mentions if not m.field]
        if any(m.start < mention.end and mention.start < m.end for m in own):
            continue  # the words name it already
        if any(
            (m.start, m.end) == (mention.start, mention.end)
            for e in doc.entities
            for m in e.mentions
            if not m.field
        ):
            continue  # the same words are another entity's mention ("US" inside it is not)
        at = next(
            (i for i, m in enumerate(entity.mentions) if not m.field and m.start > mention.start),
            len(entity.mentions),
        )
        entity.mentions.insert(at, Mention(mention.start, mention.end, mention.text, form="description"))


def _join_continuations(found: list[Found], text: str) -> list[Found]:
    """'"A," she said. "B."': B, with no cue of its own, is the rest of the same quote when only
    the cue clause stands between them (in the same or the next paragraph); so is a quoted
    sentence after an indirect one ('She said that A. "B."')."""
    out: list[Found] = []
    prev: Found | None = None  # the last quote not inside another ("I think" within a quote is not it)
    quoted: Found | None = None  # the last such quote in quote marks
    for f in found:
        if f.extra.get("continuation"):
            # The quote goes on from the last statement found by a rule ('X said that A. "B."'). What
            # the tagger found within the cue's own sentence does not stand between ('"A," said
            # Caddell, speaking of her health. "B."'): B goes on from the last quote in quote marks.
            target = (
                quoted
                if prev is not None and prev.extra.get("model") and prev.kind not in ("direct", "mixed")
                else prev
            )
            if target is not None and target.cue is not None:
                gap = text[target.parts[-1][1] : f.parts[0][0]]
                ends = len(re.findall(r"[.!?][\"”’'»]*\s", gap.lstrip(".!?\"”’'» ,")))
                if (
                    len(gap) < 200
                    and gap.count("\n\n") <= 1
                    and target.cue[0] < f.parts[0][0]
                    and (target is prev or ends <= 1)
                ):
                    target.parts.extend(f.parts)
                    if target.kind == "indirect":
                        target.kind = "mixed"  # reported speech, then the speaker's own words
                    continue
        out.append(f)
        if prev is None or not any(s <= f.parts[0][0] and f.parts[-1][1] <= e for s, e in prev.parts):
            prev = f
            if f.kind in ("direct", "mixed"):
                quoted = f
    return out


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Two cues that claim the same stretch: the earlier-found, more specific one stays."""
    kept: list[Found] = []
    for f in found:
        s, e = f.parts[0]
        clash = next((k for k in kept if k.parts[0][0] == s and k.parts[0][1] == e), None)
        if clash is None:
            kept.append(f)
    return kept


def _mark_nesting(found: list[Found]) -> None:
    """A quote whose cue lies inside another quote's content is reported speech nested in it."""
    for f in found:
        if f.cue is None or f.extra.get("turn"):
            continue
        for g in found:
            if g is not f and g.parts[0][0] <= f.parts[0][0] and any(s <= f.cue[0] < e for s, e in g.parts):
                f.parent = g
                break


def _add_headline_quote(doc: Article, quotes: list[Quote], resolver: SpeakerResolver) -> None:
    title = doc.title or ""
    m = _HEADLINE_TAIL.search(title)
    if m:
        content_end = m.start()
        name = m.group("name")
        speaker, _ = resolver.resolve_name(name, (m.start("name"), m.end("name")), "title")
        if speaker.entity is None and not _looks_like_name(name, doc):
            return
        dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        quotes.insert(0, _headline(doc, title, 0, content_end, (dash, m.end()), speaker))
        return
    m = _HEADLINE_HEAD.match(title)
    if m:
        speaker, _ = resolver.resolve_name(m.group("name"), (m.start("name"), m.end("name")), "title")
        if speaker.entity is None:
            return
        quotes.insert(
            0,
            _headline(doc, title, m.start("rest"), len(title), (m.start("name"), m.end("name") + 1), speaker),
        )


def _looks_like_name(name: str, doc: Article) -> bool:
    return any(name in e.name for e in doc.entities if e.type in ("PERSON", "ORG"))


def _headline(
    doc: Article, title: str, start: int, end: int, cue: tuple[int, int], speaker: Speaker
) -> Quote:
    start, end = _trim(title, start, end)
    return Quote(
        content_id("quote", article_key(doc), "title", start, end),
        "headline",
        speaker,
        _span(title, start, end, "title"),
        _span(title, cue[0], cue[1], "title"),
        confidence=0.7,
    )


def _norm_words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _add_occurrences(doc: Article, quotes: list[Quote]) -> None:
    """A statement the deck (or title) repeats is one quote with another occurrence there."""
    for field_name in ("deck", "title"):
        value = getattr(doc, field_name) or ""
        norm_value = _norm_words(value)
        if not norm_value:
            continue
        for q in quotes:
            content = q.content
            if content.field or len(content.text) < 20:
                continue
            if _norm_words(content.text) in norm_value:
                idx = _find_loose(value, content.text)
                if idx is not None:
                    q.occurrences.append(_span(value, idx[0], idx[1], field_name))


def _find_loose(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` stands in ``haystack``, allowing differences of spacing and punctuation."""
    words = re.findall(r"\w+", needle)
    if not words:
        return None
    pattern = r"\W+".join(re.escape(w) for w in words)
    m = re.search(pattern, haystack, re.I)
    return (m.start(), m.end()) if m else None
