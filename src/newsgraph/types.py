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
    field: str | None = (
        None  # None: the article's ``text``; else one of SPAN_FIELDS, or "removed.N" (the Nth removed item)
    )

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


@dataclass(frozen=True)
class Mention(Span):
    """A span that names an entity; ``form`` is ``description`` where the words describe it ("the
    company") rather than name it."""

    form: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        if self.form:
            d["form"] = self.form
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Mention | None:  # type: ignore[override]
        if d is None:
            return None
        return cls(d["start"], d["end"], d["text"], d.get("field"), d.get("form"))


@dataclass(frozen=True)
class Timex(Span):
    """A TIMEX3 expression: ``type`` DATE, TIME, DURATION or SET; ``value`` its normalised value
    (``2021-06-16``, ``XXXX-06-16``, ``P3M``, ``PAST_REF``); ``mod`` START, MID, END, APPROX ..."""

    id: str = ""
    type: str = "DATE"
    value: str = ""
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            d["mod"] = self.mod
        if self.field:
            d["field"] = self.field
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:  # type: ignore[override]
        return cls(
            d["start"],
            d["end"],
            d["text"],
            d.get("field"),
            d.get("id", ""),
            d.get("type", "DATE"),
            d.get("value", ""),
            d.get("mod"),
        )


@dataclass
class Entity:
    """One real thing named in the article, under its fullest name, with every mention of it."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, ... (OntoNotes)
    titles: list[str] = field(default_factory=list)
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166 code of a country (or of its capital acting for it)
    geonameid: int | None = None  # an unambiguous city

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type,
        "titles": list(self.titles), "kb_id": self.kb_id,
                             "mentions": [m.to_dict() for m in self.mentions]}  # fmt: skip
        if self.country is not None:
            d["country"] = self.country
        if self.geonameid is not None:
            d["geonameid"] = self.geonameid
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            d["id"],
            d["name"],
            d["type"],
            list(d.get("titles", [])),
            d.get("kb_id"),
            [Mention.from_dict(m) for m in d.get("mentions", [])],
            d.get("country"),
            d.get("geonameid"),
        )


@dataclass
class Speaker:
    """Who a quote is attributed to: ``name`` the canonical person or body (null where unresolved),
    ``entity`` its id in ``entities``, ``mention`` the words naming it where the quote is cued,
    ``form`` name, pronoun, description or none; ``entities`` where several speak together."""

    name: str | None = None
    entity: str | None = None
    mention: Span | None = None
    form: str = "none"
    entities: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict() if self.mention else None,
            "form": self.form,
        }
        if self.entities is not None:
            d["entities"] = list(self.entities)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Speaker:
        d = d or {}
        return cls(
            d.get("name"),
            d.get("entity"),
            Span.from_dict(d.get("mention")),
            d.get("form", "none"),
            d.get("entities"),
        )


@dataclass
class Quote:
    """An attributed statement: ``content`` (and its ``parts`` where split around the cue), ``cue``,
    ``speaker``, the same statement's other ``occurrences``, and the quote it is ``nested_in``."""

    id: str
    kind: str  # direct | indirect | mixed | according_to | headline
    speaker: Speaker
    content: Span
    cue: Span | None = None
    occurrences: list[Span] = field(default_factory=list)
    confidence: float = 0.0
    parts: list[Span] | None = None
    nested_in: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict(),
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "occurrences": [o.to_dict() for o in self.occurrences],
            "confidence": self.confidence,
        }
        if self.parts is not None:
            d["parts"] = [p.to_dict() for p in self.parts]
        if self.nested_in is not None:
            d["nested_in"] = self.nested_in
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        parts = d.get("parts")
        # type: ignore[arg-type]
        return cls(d["id"], d["kind"], Speaker.from_dict(d.get("speaker")), Span.from_dict(d["content"]),
                   # type: ignore[misc]
                   Span.from_dict(d.get("cue")), [Span.from_dict(o) for o in d.get("occurrences", [])],
                   # type: ignore[misc]
                   d.get("confidence", 0.0),
                   [Span.from_dict(p) for p in parts] if parts is not None else None,
                   d.get("nested_in"))  # fmt: skip


@dataclass
class EventMention:
    """One place an event is told: its trigger word, its sentence, how it is told."""

    trigger: Span
    sentence: Span
    modality: str
    clause_depth: int
    nominal: bool

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
        "modality": self.modality,
                "clause_depth": self.clause_depth, "nominal": self.nominal}  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventMention:
        return cls(
            Span.from_dict(d["trigger"]),
            Span.from_dict(d["sentence"]),
            d["modality"],
            d["clause_depth"],
            d["nominal"],
        )  # type: ignore[arg-type]


@dataclass
class Event:
    """Who did what to whom, when and where, in the PLOVER ontology; ``actors``, ``targets`` and
    ``place`` are entity ids, ``date`` a TIMEX3 value and ``date_timex`` the timex it comes from."""

    id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    quad_class: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    date: str | None = None
    date_timex: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    modality: str = "asserted"
    confidence: float = 0.0
    mentions: list[EventMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "quad_class": self.quad_class,
            "actors": list(self.actors),
            "targets": list(self.targets),
            "date": self.date,
            "date_timex": self.date_timex,
            "place": self.place,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "modality": self.modality,
            "confidence": self.confidence,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        # type: ignore[arg-type]
        return cls(
            d["id"],
            d["type"],
            Span.from_dict(d["trigger"]),
            Span.from_dict(d["sentence"]),
            d.get("mode"),
            d.get("quad_class"),
            list(d.get("actors", [])),
            list(d.get("targets", [])),
            d.get("date"),
            d.get("date_timex"),
            d.get("place"),
            d.get("negated", False),
            d.get("hypothetical", False),
            d.get("modality", "asserted"),
            d.get("confidence", 0.0),
            [EventMention.from_dict(m) for m in d.get("mentions", [])],
        )


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
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
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
    # The input record it was read from, kept so that the store can make the article again; not part of the
    # output.
    record: RawRecord | None = field(default=None, repr=False)

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
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
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
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            timexes=[Timex.from_dict(t) for t in d.get("timexes", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            topics=d.get("topics", []),
            warnings=d.get("warnings", []),
            stages=d.get("stages", []),
        )
