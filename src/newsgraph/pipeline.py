"""An ordered list of stages, checked before it runs, applied record by record.

A record that fails in any stage becomes a :class:`Failure` naming the record, the stage and the
reason; the batch goes on. Every span an article carries is checked against the text it points
into before the article leaves the pipeline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import E_NO_CONTENT, E_SPAN, E_STAGE, NewsgraphError, PipelineError
from .ids import content_id
from .registry import Stage, get_stage
from .stages import DEFAULT_STAGES  # importing the stages registers them
from .types import Article, Failure, RawRecord, Span

# What a fresh article holds before any stage runs.
_PROVIDED = ("raw",)
# What an article built from a known clean text holds (evaluation on gold texts): the text and what is
# known of its title, dateline, publication date and removed furniture.
GIVEN_TEXT = ("text", "title", "dateline", "published", "removed")
# Set to 1 (the test suite does) to check, around every stage, that it changed only what it assigns.
CHECK_CONTRACTS_ENV = "NEWSGRAPH_CHECK_CONTRACTS"
# The output fields a stage may assign; ``id`` and ``stages`` are the pipeline's own.
CONTRACT_FIELDS = (
    "source",
    "title",
    "deck",
    "byline",
    "dateline",
    "published",
    "published_from",
    "language",
    "text",
    "paragraphs",
    "removed",
    "quotes",
    "entities",
    "timexes",
    "events",
    "topics",
    "warnings",
)


@dataclass
class Options:
    """Options of one run, in one object rather than many keyword arguments."""

    published: str | None = None  # the caller's publication date, used where the page has none
    stages: Sequence[str] | None = None  # stage names; None for the default pipeline


class Pipeline:
    def __init__(
        self,
        stages: Sequence[str] | None = None,
        provided: Sequence[str] = _PROVIDED,
        check_contracts: bool | None = None,
    ):
        """``provided``: what the articles given to :meth:`apply` already hold (``("text",)`` for an
        article whose clean text is known, as in evaluation on gold texts). ``check_contracts``: raise
        :class:`PipelineError` when a stage changes an output field it does not declare in ``assigns``
        (default: the ``NEWSGRAPH_CHECK_CONTRACTS`` environment variable; costs a serialisation per stage)."""
        self.stages: list[Stage] = [get_stage(n) for n in (stages or DEFAULT_STAGES)]
        self.provided = tuple(provided)
        if check_contracts is None:
            check_contracts = os.environ.get(CHECK_CONTRACTS_ENV, "") not in ("", "0")
        self.check_contracts = check_contracts
        self._check_order()

    def _check_order(self) -> None:
        available = set(self.provided)
        for st in self.stages:
            missing = [r for r in st.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                    f"order: {', '.join(s.name for s in self.stages)}"
                )
            available.update(st.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, record: RawRecord, options: Options | None = None) -> Article | Failure:
        return self.apply(new_article(record, options or Options()), record)

    def apply(self, doc: Article, record: RawRecord | None = None) -> Article | Failure:
        """Run the stages on an article; a failure names the record and the stage."""
        record = record or _record_of(doc)
        result: Article | Failure = doc
        for st in self.stages:
            result = self._run_stage(st, result, record)
            if isinstance(result, Failure):
                return result
        return _finish(result, record)

    def run(
        self, records: Iterable[RawRecord | Failure], options: Options | None = None, batch_size: int = 32
    ) -> Iterator[Article | Failure]:
        """Process records in order, in batches so that stages with a batched form (the parser)
        run once per batch; a record that fails in a batched stage is retried alone."""
        options = options or Options()
        batch: list[RawRecord | Failure] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, options)
                batch = []
        if batch:
            yield from self._run_batch(batch, options)

    def _run_batch(self, batch: list[RawRecord | Failure], options: Options) -> list[Article | Failure]:
        results: list[Article | Failure] = [
            r if isinstance(r, Failure) else new_article(r, options) for r in batch
        ]
        for st in self.stages:
            live = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if st.batch is not None and len(live) > 1:
                before = [self._fields(results[i]) for i in live]  # type: ignore[arg-type]
                try:
                    done = st.batch([results[i] for i in live])  # type: ignore[misc]
                except Exception:
                    pass
                else:
                    for i, doc, old in zip(live, done, before, strict=True):
                        self._check_contract(st, old, doc)
                        doc.stages.append(st.name)
                        results[i] = doc
                    continue
            for i in live:
                results[i] = self._run_stage(st, results[i], batch[i])  # type: ignore[arg-type]
        # type: ignore[arg-type]
        return [r if isinstance(r, Failure) else _finish(r, batch[i]) for i, r in enumerate(results)]

    def _fields(self, doc: Article) -> dict[str, str] | None:
        """The output fields of an article, serialised, where contracts are checked."""
        if not self.check_contracts:
            return None
        out = doc.to_dict()
        return {f: json.dumps(out[f], sort_keys=True, ensure_ascii=False) for f in CONTRACT_FIELDS}

    def _check_contract(self, st: Stage, before: dict[str, str] | None, doc: Article) -> None:
        if before is None:
            return
        after = self._fields(doc)
        # type: ignore[index]
        undeclared = [f for f in CONTRACT_FIELDS if before[f] != after[f] and f not in st.assigns]
        if undeclared:
            raise PipelineError(
                f"stage {st.name!r} changed {', '.join(undeclared)} of "
                f"{doc.location or doc.input_id or 'an article'}, "
                f"which it does not declare in assigns={st.assigns!r}; declare them (and give the "
                "stage a new version "
                "if its output changed)"
            )

    def _run_stage(self, st: Stage, doc: Article, record: RawRecord) -> Article | Failure:
        before = self._fields(doc)
        result = _run_stage(st, doc, record)
        if isinstance(result, Article):
            self._check_contract(st, before, result)
        return result


def _record_of(doc: Article) -> RawRecord:
    return RawRecord(
        input_id=doc.input_id, location=doc.location or doc.input_id or "<article>", text=doc.text
    )


def _run_stage(st: Stage, doc: Article, record: RawRecord) -> Article | Failure:
    try:
        doc = st(doc)
    except NewsgraphError as exc:
        return Failure(
            record.location,
            exc.code,
            f"{record.location}: stage {st.name}: {exc.message}",
            input_id=record.input_id,
            raw=_raw(record),
        )
    except Exception as exc:  # a bug or odd input in one stage must not stop the batch
        return Failure(
            record.location,
            E_STAGE,
            f"{record.location}: stage {st.name} failed: {type(exc).__name__}: {exc}",
            input_id=record.input_id,
            raw=_raw(record),
        )
    doc.stages.append(st.name)
    return doc


def _finish(doc: Article, record: RawRecord) -> Article | Failure:
    """Last checks: some text, every span true to its text; then the content-hash id."""
    if not doc.text.strip():
        return Failure(
            record.location,
            E_NO_CONTENT,
            f"{record.location}: no article text found in the page",
            input_id=record.input_id,
            raw=_raw(record),
        )
    bad = check_spans(doc)
    if bad:
        return Failure(
            record.location, E_SPAN, f"{record.location}: {bad}", input_id=record.input_id, raw=_raw(record)
        )
    doc.raw_text = doc.raw_html = doc.nlp = None
    doc.id = article_id(doc)
    return doc


def new_article(record: RawRecord, options: Options) -> Article:
    source: dict[str, Any] | None = None
    if record.source or record.url:
        source = {"name": record.source, "url": record.url}
    return Article(
        input_id=record.input_id,
        location=record.location,
        source=source,
        title=record.title.strip() if record.title else None,
        byline=record.byline,
        published=record.published,
        published_from="metadata" if record.published else None,
        raw_text=record.text,
        raw_html=record.html,
        raw_fragment=record.fragment,
        published_hint=options.published,
        warnings=list(record.warnings),
        record=record,
    )


def article_id(doc: Article) -> str:
    """The same title and text give the same id, whatever file or format they came from."""
    return content_id("article", doc.title or "", doc.text)


def iter_spans(doc: Article) -> Iterator[tuple[str, Span]]:
    """Every span the article carries, with what it is (for error messages)."""
    for p in doc.paragraphs:
        yield "paragraph", p
    for q in doc.quotes:
        spans = [("content", q.content), ("cue", q.cue), ("speaker", q.speaker.mention)]
        spans += [("part", p) for p in q.parts or ()] + [("occurrence", o) for o in q.occurrences]
        yield from ((f"quote {q.id} {what}", span) for what, span in spans if span is not None)
    for e in doc.entities:
        for m in e.mentions:
            yield f"entity {e.id} mention", m
    for t in doc.timexes:
        yield f"timex {t.id}", t
    for ev in doc.events:
        yield f"event {ev.id} trigger", ev.trigger
        yield f"event {ev.id} sentence", ev.sentence
        for m in ev.mentions:
            yield f"event {ev.id} mention trigger", m.trigger
            yield f"event {ev.id} mention sentence", m.sentence


def check_spans(doc: Article) -> str | None:
    """None when every span's text equals the slice it points to; else what is wrong."""
    for what, span in iter_spans(doc):
        target = doc.field_text(span.field)
        if not (0 <= span.start <= span.end <= len(target)) or target[span.start : span.end] != span.text:
            return (
                f"{what}: span [{span.start}:{span.end}] of {span.field or 'text'} is "
                f"{target[span.start : span.end]!r}, not {span.text!r}"
            )
    return None


def _raw(record: RawRecord) -> bytes | None:
    body = record.text if record.text is not None else record.html
    return body.encode("utf-8")[: 1 << 20] if body is not None else None
