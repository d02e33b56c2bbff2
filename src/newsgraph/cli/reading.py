"""Commands that read articles in: extract, ingest, reprocess, and the failures kept."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..ingest import DEFAULT_MAX_BYTES, FORMATS, read_inputs
from ..output import TABLE_FORMATS, dumps, write_rows
from ..pipeline import Options, Pipeline
from ..types import Failure
from .common import (
    DEFAULT_DB,
    EXIT_FAILED_RECORDS,
    Db,
    InputFormat,
    MaxBytes,
    Published,
    TableFormat,
    _check_choice,
    _eval_progress,
    _progress,
    _report_failure,
    app,
)


@app.command()
def extract(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders to read; '-' or nothing for standard input."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (indented, one object per article) or jsonl.")
    ] = "json",
    input_format: InputFormat = "auto",
    published: Published = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Print one object per article, following the output contract (article.schema.json)."""
    _check_choice(fmt, ("json", "jsonl"), "--format")
    _check_choice(input_format, FORMATS, "--input-format")
    paths = files or ["-"]
    pipeline = Pipeline()
    failed = 0
    for result in pipeline.run(read_inputs(paths, input_format, max_bytes), Options(published=published)):
        if isinstance(result, Failure):
            failed += 1
            _report_failure(result)
            continue
        sys.stdout.write(dumps(result.to_dict(), pretty=fmt == "json") + "\n")
        sys.stdout.flush()
    if failed:
        raise typer.Exit(EXIT_FAILED_RECORDS)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read ('-' for standard input).")],
    db: Db = DEFAULT_DB,
    input_format: InputFormat = "auto",
    published: Published = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Read articles and store them with everything extracted; failed records are kept with their reason."""
    from ..kb.build import rebuild as rebuild_kb
    from ..store import Store

    _check_choice(input_format, FORMATS, "--input-format")
    pipeline = Pipeline()
    counts = {"new": 0, "updated": 0, "known": 0, "failed": 0}
    with Store(db) as store, _progress(paths, "ingest") as bar:
        records = read_inputs(paths, input_format, max_bytes, on_bytes=bar.update)
        for result in pipeline.run(records, Options(published=published)):
            if isinstance(result, Failure):
                counts["failed"] += 1
                store.add_failure(result)
                bar.write(f"error: [{result.code}] {result.reason}", file=sys.stderr)
            else:
                counts[store.put(result)] += 1
            bar.set_postfix(records=sum(counts.values()), failed=counts["failed"], refresh=False)
        total = store.count()
        kb = (
            rebuild_kb(store.engine, _eval_progress("copies")) if counts["new"] or counts["updated"] else None
        )
    typer.echo(
        f"{counts['new']} new article(s), {counts['known']} already stored, {counts['updated']} "
        "made again by newer stages, "
        f"{counts['failed']} failed record(s); {total} article(s) in {store.url}",
        err=True,
    )
    _report_kb(kb)
    if counts["failed"]:
        raise typer.Exit(EXIT_FAILED_RECORDS)


def _report_kb(kb: dict[str, int] | None) -> None:
    if kb:
        typer.echo(
            f"knowledge base: {kb['kb_entities']} entities, {kb['copies']} copies in "
            f"{kb['copy_clusters']} cluster(s), "
            f"{kb['repeated_quotes']} quote(s) reported more than once",
            err=True,
        )


@app.command()
def reprocess(
    db: Db = DEFAULT_DB,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale/--all",
            help="Only articles made by other stage versions than this code's (default), or every one.",
        ),
    ] = True,
) -> None:
    """Make stored articles again with this code's stages; each replaces the old one and its items at once.

    Each is made from the input record it was read from (articles stored before inputs were kept: their
    language stages run again on the stored clean text); the knowledge base is rebuilt after."""
    from ..reprocess import reprocess as run
    from ..store import Store

    with Store(db) as store:
        summary = run(store, stale_only=stale, progress=_eval_progress("reprocess"))
    for failure in summary.failed:
        _report_failure(failure)
    typer.echo(
        f"{summary.reprocessed} article(s) made again, {summary.current} already current, "
        f"{len(summary.failed)} failed "
        f"(kept as they were); {summary.checked} checked in {store.url}",
        err=True,
    )
    _report_kb(summary.kb)
    if summary.failed:
        raise typer.Exit(EXIT_FAILED_RECORDS)


@app.command()
def failures(db: Db = DEFAULT_DB, fmt: TableFormat = "table") -> None:
    """List the records that could not be read, with the reason."""
    from ..store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        rows = store.failures()
    write_rows(
        rows,
        fmt,
        ("code", "location", "input_id", "raw_bytes", "reason"),
        widths={"reason": 100, "location": 50},
    )
