"""Make stored articles again with the stages of this version of the code.

Every stored article records the versioned stages that made it. Where its input record was kept
(every ingest since the store kept them), the whole pipeline runs again on that record; where it was
not, the language stages (entities, dates, quotes, events) run again on the stored clean article and
its reading stages' versions stay as they were. The new article replaces the old one and its items in
one transaction; the knowledge base is rebuilt once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .kb.build import rebuild as rebuild_kb
from .pipeline import GIVEN_TEXT, Options, Pipeline
from .stages import READING_STAGES
from .store import Store, decode_raw
from .types import Article, Failure, RawRecord


@dataclass
class Plan:
    """What to run for one stored article: its raw record, or its stored clean article."""

    article_id: str
    record: RawRecord | None = None
    published: str | None = None  # the caller's publication date given at ingest
    stored: Article | None = None


@dataclass
class Summary:
    checked: int = 0
    reprocessed: int = 0
    current: int = 0
    failed: list[Failure] = field(default_factory=list)
    kb: dict[str, int] | None = None


def is_stale(made: str, pipeline: Pipeline, has_raw: bool) -> bool:
    """Whether the stages that made an article (``made``, space-separated) differ from this code's;
    without its raw record only the stages that can run again (those after reading) count."""
    names = made.split()
    if has_raw:
        return names != pipeline.names
    return [n for n in names if not _reading(n)] != [n for n in pipeline.names if not _reading(n)]


def _reading(name: str) -> bool:
    """A reading stage, of any version: its output needs the input record to be made again."""
    return name.rsplit(".v", 1)[0] in {r.rsplit(".v", 1)[0] for r in READING_STAGES}


def plans(store: Store, pipeline: Pipeline, stale_only: bool) -> Iterator[Plan | None]:
    """A plan for each stored article that needs one (None for one that is current), in id order."""
    for aid, made, raw in store.reprocess_candidates():
        if stale_only and not is_stale(made, pipeline, raw is not None):
            yield None
        elif raw is not None:
            record, published = decode_raw(raw)
            yield Plan(aid, record=record, published=published)
        else:
            yield Plan(aid, stored=store.get(aid))


def reprocess(
    store: Store,
    stale_only: bool = True,
    progress: Callable[[Iterable], Iterable] = lambda x: x,
    batch_size: int = 32,
) -> Summary:
    """Run this code's stages again over the stored articles (only those made by other stage
    versions, with ``stale_only``), replace them, and rebuild the knowledge base."""
    pipeline = Pipeline()
    language = Pipeline([n for n in pipeline.names if not _reading(n)], provided=GIVEN_TEXT)
    summary = Summary()
    batch: list[Plan] = []
    for plan in progress(plans(store, pipeline, stale_only)):
        summary.checked += 1
        if plan is None:
            summary.current += 1
            continue
        batch.append(plan)
        if len(batch) >= batch_size:
            _run(store, pipeline, language, batch, summary)
            batch = []
    if batch:
        _run(store, pipeline, language, batch, summary)
    if summary.reprocessed:
        summary.kb = rebuild_kb(store.engine)
    return summary


def _run(store: Store, pipeline: Pipeline, language: Pipeline, batch: list[Plan], summary: Summary) -> None:
    for plan, result in zip(batch, _results(pipeline, language, batch), strict=True):
        if isinstance(result, Failure):
            summary.failed.append(result)  # the stored article stays as it was
            continue
        store.replace(plan.article_id, result)
        summary.reprocessed += 1


def _results(pipeline: Pipeline, language: Pipeline, batch: list[Plan]) -> list[Article | Failure]:
    """Each plan's new article, the raw records in batches per caller's date (the parser runs once a
    batch)."""
    out: dict[int, Article | Failure] = {}
    by_date: dict[str | None, list[int]] = {}
    for k, plan in enumerate(batch):
        if plan.record is not None:
            by_date.setdefault(plan.published, []).append(k)
        else:
            out[k] = language.apply(_language_input(plan.stored))  # type: ignore[arg-type]
    for published, ks in by_date.items():
        # type: ignore[misc]
        results = pipeline.run([batch[k].record for k in ks], Options(published=published))
        out.update(zip(ks, results, strict=True))
    return [out[k] for k in range(len(batch))]


def _language_input(stored: Article) -> Article:
    """A stored article with its reading stages' output only, ready for the language stages."""
    stored.quotes, stored.entities, stored.timexes, stored.events, stored.topics = [], [], [], [], []
    stored.stages = [n for n in stored.stages if _reading(n)]
    stored.location = stored.location or stored.id
    return stored
