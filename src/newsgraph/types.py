"""Plain, serialisable records that cross stage and process boundaries.

Nothing here holds a live spaCy ``Doc`` or lxml tree: every record is a dataclass
of strings, numbers, lists and dicts, so it pickles for Ray and dumps to JSON.
Every annotation is a :class:`Span` of character offsets into one string of the
article (``text`` by default; ``field`` names another, such as the title).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Fields of an Article a Span may point into; ``None`` means the clean body text.
SPAN_FIELDS = ("title", "deck", "dateline")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    field: str | None = None  # None: the article's ``text``; else one of SPAN_FIELDS, or "removed.N" (the Nth removed item)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.field:
            d["field"] = self.field
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        if d is None:
            return None
        return cls(d["start"], d["end"], d["text"], d.get("field"))


@dataclass
class RawRecord:
    """One input record as read, before any stage runs.

    ``input_id`` is the caller's id (JSONL ``id``, a file name, a WARC record id);
    ``location`` says where it came from, for error messages (``file.warc.gz#record 12``).
    Exactly one of ``text`` and ``html`` is set.
    """

    input_id: str | None
    location: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    fragment: bool = False  # ``html`` is a piece of markup (a feed item's content), not a whole page
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """A record that could not be read or processed, kept with its reason."""

    location: str
    code: str
    reason: str
    input_id: str | None = None
    raw: bytes | None = None  # the record's bytes, up to a limit, so nothing is lost

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "input_id": self.input_id,
            "code": self.code,
            "reason": self.reason,
            "raw_bytes": len(self.raw) if self.raw is not None else None,
        }


@dataclass
class Dateline:
    text: str
    place: str | None = None
    agency: str | None = None
    date: str | None = None  # the date as written: "June 30"
    value: str | None = None  # TIMEX3 value; XXXX where the year is unknown

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Removed:
    kind: str  # navigation | caption | credit | share | related | copyright | signoff | ...
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Article:
    """The document every stage reads and writes."""

    id: str = ""
    input_id: str | None = None
    location: str = ""
    source: dict[str, Any] | None = None
    title: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    published_from: str | None = None  # metadata | caller | dateline
    language: str | None = None
    text: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Set by the pipeline: which stages ran, in order, with their versioned names.
    stages: list[str] = field(default_factory=list)
    # What the reading stages start from; not part of the output.
    raw_text: str | None = field(default=None, repr=False)
    raw_html: str | None = field(default=None, repr=False)
    raw_fragment: bool = field(default=False, repr=False)
    # spaCy's parse of ``text`` while the pipeline runs; dropped before the article leaves it.
    nlp: Any = field(default=None, repr=False)
    # The caller's hint for the publication date (``--published``); not part of the output.
    published_hint: str | None = field(default=None, repr=False)

    def field_text(self, name: str | None) -> str:
        """The string a Span with ``field=name`` points into."""
        if name is None:
            return self.text
        if name == "dateline":
            return self.dateline.text if self.dateline else ""
        if name in SPAN_FIELDS:
            return getattr(self, name) or ""
        if name.startswith("removed.") and name[8:].isdigit() and int(name[8:]) < len(self.removed):
            return self.removed[int(name[8:])].text  # page furniture kept aside: a photo credit
        raise ValueError(f"unknown span field {name!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input_id": self.input_id,
            "source": self.source,
            "title": self.title,
            "deck": self.deck,
            "byline": self.byline,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "published": self.published,
            "published_from": self.published_from,
            "language": self.language,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "removed": [r.to_dict() for r in self.removed],
            "quotes": self.quotes,
            "entities": self.entities,
            "timexes": self.timexes,
            "events": self.events,
            "topics": self.topics,
            "warnings": self.warnings,
            "stages": self.stages,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        dl = d.get("dateline")
        return cls(
            id=d["id"],
            input_id=d.get("input_id"),
            source=d.get("source"),
            title=d.get("title"),
            deck=d.get("deck"),
            byline=d.get("byline"),
            dateline=Dateline(**dl) if dl else None,
            published=d.get("published"),
            published_from=d.get("published_from"),
            language=d.get("language"),
            text=d.get("text", ""),
            paragraphs=[Span.from_dict(p) for p in d.get("paragraphs", [])],  # type: ignore[misc]
            removed=[Removed(**r) for r in d.get("removed", [])],
            quotes=d.get("quotes", []),
            entities=d.get("entities", []),
            timexes=d.get("timexes", []),
            events=d.get("events", []),
            topics=d.get("topics", []),
            warnings=d.get("warnings", []),
            stages=d.get("stages", []),
        )
