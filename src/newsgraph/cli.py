"""The ``newsgraph`` command: thin commands over the library's functions.

Exit codes: 0 when every record was read, 1 when some records failed (each named on standard
error and, for ``ingest``, kept in the store's failures table), 2 for a wrong call.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .ingest import DEFAULT_MAX_BYTES, FORMATS, input_size, read_inputs
from .output import TABLE_FORMATS, dumps, write_rows
from .pipeline import Options, Pipeline
from .types import Failure

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into provenance-linked knowledge: clean text, quotes, entities, dates "
    "and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score newsgraph against gold data, side by side with the strongest peer.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

EXIT_FAILED_RECORDS = 1
DEFAULT_DB = "newsgraph.db"


def default_data_dir() -> Path:
    """The shared evaluation data: $NEWSGRAPH_DATA, else ../shared/data beside the working folder or the
    checkout."""
    import os

    if os.environ.get("NEWSGRAPH_DATA"):
        return Path(os.environ["NEWSGRAPH_DATA"])
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


InputFormat = Annotated[
    str, typer.Option("--input-format", "-i", help=f"One of {', '.join(FORMATS)}; auto sniffs each file.")
]
Published = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for pages whose metadata gives none."),
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", help="Largest single article or record read, in bytes.")
]
Db = Annotated[str, typer.Option("--db", help="Database URL or SQLite file path.", envvar="NEWSGRAPH_DB")]
TableFormat = Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(TABLE_FORMATS)}.")]


def _check_choice(value: str, choices: tuple[str, ...], option: str) -> None:
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=option)


def _report_failure(failure: Failure) -> None:
    typer.echo(f"error: [{failure.code}] {failure.reason}", err=True)


def _progress(paths: list[str], desc: str):
    """A progress bar over the input bytes (records, rate, ETA) on a terminal; silent in pipes."""
    from tqdm import tqdm

    return tqdm(
        total=input_size(paths),
        unit="B",
        unit_scale=True,
        desc=desc,
        disable=None,
        file=sys.stderr,
        dynamic_ncols=True,
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
    from .kb.build import rebuild as rebuild_kb
    from .store import Store

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
    """Make stored articles again with this code's stages, from the input record each was read from
    (articles stored before inputs were kept: their language stages, from the stored clean text);
    each replaces the old one and its items at once, and the knowledge base is rebuilt."""
    from .reprocess import reprocess as run
    from .store import Store

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
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        rows = store.failures()
    write_rows(
        rows,
        fmt,
        ("code", "location", "input_id", "raw_bytes", "reason"),
        widths={"reason": 100, "location": 50},
    )


@app.command()
def articles(
    db: Db = DEFAULT_DB,
    fmt: TableFormat = "table",
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """List stored articles: id, publication date, source, dateline place, title."""
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        rows = store.article_rows(limit)
    write_rows(rows, fmt, ("id", "published", "source_name", "dateline_place", "title"), widths={"title": 70})


@app.command()
def show(article_id: str, db: Db = DEFAULT_DB) -> None:
    """Print one stored article as JSON."""
    from .store import Store

    with Store(db) as store:
        article = store.get(article_id)
    if article is None:
        typer.echo(f"error: no article {article_id!r} in {db}", err=True)
        raise typer.Exit(EXIT_FAILED_RECORDS)
    typer.echo(dumps(article.to_dict(), pretty=True))


# -- the knowledge base -----------------------------------------------------------------------------

Limit = Annotated[int, typer.Option(help="At most this many.")]
Offset = Annotated[int, typer.Option(help="Skip this many (paging).")]
Since = Annotated[str | None, typer.Option(help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Up to this date.")]


@app.command("quotes")
def quotes_cmd(
    db: Db = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Who said it (a name or part of one).")] = None,
    about: Annotated[str | None, typer.Option(help="An entity the quote names.")] = None,
    since: Since = None,
    until: Until = None,
    search: Annotated[str | None, typer.Option(help="Words the quote holds (full-text search).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only quotes reported by this source.")] = None,
    no_copies: Annotated[
        bool, typer.Option("--no-copies", help="Leave out quotes from syndicated copies.")
    ] = False,
    fmt: TableFormat = "table",
    limit: Limit = 50,
    offset: Offset = 0,
) -> None:
    """Quotes across stored articles: who said what, when, where it was reported."""
    from .kb import queries
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        res = queries.quotes(
            store.engine, speaker, about, since, until, search, outlet, not no_copies, limit, offset
        )
    write_rows(
        res["items"],
        fmt,
        ("published", "speaker_name", "content", "source_name", "cluster_size", "id"),
        widths={"content": 80, "speaker_name": 28},
    )
    if fmt == "table":
        typer.echo(f"{len(res['items'])} of {res['total']} quote(s)", err=True)


@app.command("entity")
def entity_cmd(
    name: Annotated[str, typer.Argument(help="A name, part of one, or a knowledge-base id.")],
    db: Db = DEFAULT_DB,
    fmt: TableFormat = "table",
) -> None:
    """One person, organisation or place across articles: aliases, titles, counts, quotes, companions."""
    from .kb import queries
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        card = queries.entity(store.engine, name)
        others = queries.matching_entities(store.engine, name, 10)
    if card is None:
        typer.echo(f"error: no entity matches {name!r} in {db}", err=True)
        raise typer.Exit(EXIT_FAILED_RECORDS)
    if fmt != "table":
        write_rows(
            [card],
            fmt,
            (
                "id",
                "name",
                "type",
                "first_seen",
                "last_seen",
                "article_count",
                "article_count_without_copies",
                "mention_count",
            ),
        )
        return
    typer.echo(f"{card['name']}  ({card['type']}, id {card['id']})")
    for label, key in (("titles", "titles"), ("aliases", "aliases")):
        if card[key]:
            typer.echo(f"  {label}: " + "; ".join(card[key][:10]))
    typer.echo(
        f"  seen {card['first_seen'] or '?'} to {card['last_seen'] or '?'} in "
        f"{card['article_count']} article(s) ({card['article_count_without_copies']} without "
        f"copies), {card['mention_count']} mention(s)"
    )
    if card["appears_with"]:
        typer.echo(
            "  appears with: " + ", ".join(f"{c['name']} ({c['articles']})" for c in card["appears_with"])
        )
    for q in card["quotes"][:10]:
        typer.echo(
            f"  {q['published'] or '':10}  \u201c{q['content'][:110]}\u201d  [{q['source_name'] or ''}]"
        )
    rest = [o["name"] + f" ({o['type']})" for o in others if o["id"] != card["id"]]
    if rest:
        typer.echo("  other matches: " + ", ".join(rest[:8]))


@app.command("timeline")
def timeline_cmd(
    name: Annotated[str, typer.Argument(help="A name, part of one, or a knowledge-base id.")],
    db: Db = DEFAULT_DB,
    by: Annotated[str, typer.Option(help="month, day or year.")] = "month",
    fmt: TableFormat = "table",
) -> None:
    """Articles naming an entity and quotes it gave, per month: a bar chart on the terminal."""
    from .kb import queries
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    _check_choice(by, ("month", "day", "year"), "--by")
    with Store(db) as store:
        found = queries.matching_entities(store.engine, name, 1)
        rows = queries.timeline(store.engine, found[0]["id"], by) if found else []
    if not found:
        typer.echo(f"error: no entity matches {name!r} in {db}", err=True)
        raise typer.Exit(EXIT_FAILED_RECORDS)
    if fmt != "table":
        write_rows(rows, fmt, ("period", "articles", "quotes"))
        return
    typer.echo(f"{found[0]['name']}: articles (#) and quotes (=) per {by}")
    top = max([r["articles"] for r in rows] + [r["quotes"] for r in rows] + [1])
    for r in rows:
        bar = "#" * max(1 if r["articles"] else 0, round(40 * r["articles"] / top))
        said = "=" * max(1 if r["quotes"] else 0, round(40 * r["quotes"] / top))
        typer.echo(f"  {r['period']:10} {bar:<40} {r['articles']:>4}  {said:<40} {r['quotes']:>4}")


@app.command("events")
def events_cmd(
    db: Db = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Who did it (a name or part of one).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="A PLOVER type: ASSAULT, CONSULT, ...")] = None,
    since: Since = None,
    until: Until = None,
    fmt: TableFormat = "table",
    limit: Limit = 50,
    offset: Offset = 0,
) -> None:
    """Events across stored articles: who did what to whom, when and where, with the sentence."""
    from .kb import queries
    from .store import Store
    from .text.plover import TYPES

    _check_choice(fmt, TABLE_FORMATS, "--format")
    if type:
        _check_choice(type.upper(), TYPES, "--type")
    with Store(db) as store:
        res = queries.events(store.engine, actor, type, since, until, limit, offset)
    rows = [
        {**r, "actors": "; ".join(r["actors"]), "targets": "; ".join(r["targets"])}
        if fmt in ("table", "csv")
        else r
        for r in res["items"]
    ]
    write_rows(
        rows,
        fmt,
        ("date", "type", "mode", "actors", "targets", "place", "trigger", "modality", "source_name", "id"),
        widths={"actors": 30, "targets": 30},
    )


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find in titles and texts.")],
    db: Db = DEFAULT_DB,
    fmt: TableFormat = "table",
    limit: Limit = 20,
    offset: Offset = 0,
) -> None:
    """Full-text search of stored articles, best first, with a snippet."""
    from .kb import queries
    from .store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        res = queries.search(store.engine, query, limit, offset)
    write_rows(
        res["items"],
        fmt,
        ("published", "title", "snippet", "source_name", "id"),
        widths={"title": 50, "snippet": 90},
    )
    if fmt == "table":
        typer.echo(f"{len(res['items'])} of {res['total']} article(s)", err=True)


@app.command()
def export(
    db: Db = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet, gdelt or quotebank.")
    ] = "jsonl",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (gdelt: a prefix for .export.CSV and .mentions.CSV); standard output "
            "where the format allows.",
        ),
    ] = None,
    table: Annotated[
        str, typer.Option(help="For csv and parquet: articles, quotes, entities or events.")
    ] = "articles",
    no_copies: Annotated[
        bool, typer.Option("--no-copies", help="jsonl: leave out syndicated copies.")
    ] = False,
) -> None:
    """Export the store: the output contract per article, flat tables, GDELT 2.0 events and mentions,
    Quotebank records."""
    from .kb import export as ex
    from .store import Store

    _check_choice(fmt, ("jsonl", "csv", "parquet", "gdelt", "quotebank"), "--format")
    _check_choice(table, tuple(ex.TABLES), "--table")
    if fmt in ("parquet", "gdelt") and out is None:
        raise typer.BadParameter(f"--format {fmt} writes files: give --out", param_hint="--out")
    with Store(db) as store:
        engine = store.engine
        if fmt == "gdelt":
            n_ev, n_m = ex.write_gdelt(engine, out)
            typer.echo(
                f"{n_ev} event(s) to {out}.export.CSV, {n_m} mention(s) to {out}.mentions.CSV", err=True
            )
            return
        if fmt == "parquet":
            n = ex.write_parquet(engine, table, out)
            typer.echo(f"{n} {table} row(s) to {out}", err=True)
            return
        with (
            open(out, "w", encoding="utf-8", newline="") if out else contextlib.nullcontext(sys.stdout) as fh
        ):
            if fmt == "jsonl":
                n = ex.write_jsonl(engine, fh, not no_copies)
                what = "article(s)"
            elif fmt == "csv":
                n = ex.write_csv(engine, table, fh)
                what = f"{table} row(s)"
            else:
                n = ex.write_quotebank(engine, fh)
                what = "quotation(s)"
    typer.echo(f"{n} {what} exported", err=True)


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Token that POST /api/ingest needs; without one, ingest over HTTP is off.",
            envvar="NEWSGRAPH_TOKEN",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (/api/…, OpenAPI at /docs) and the web UI over a store."""
    import uvicorn

    from .web.app import create_app

    app_ = create_app(db, token=token)
    typer.echo(
        f"newsgraph: serving {app_.state.store.url} at http://{host}:{port}/ (API docs at "
        f"http://{host}:{port}/docs); Ctrl-C stops",
        err=True,
    )
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


# -- eval ------------------------------------------------------------------------------------------------


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data", help="The shared evaluation data folder [default: $NEWSGRAPH_DATA or ../shared/data]."
    ),
]


@eval_app.command("ingest")
def eval_ingest(
    which: Annotated[str, typer.Option("--set", help="pasted, reuters, zyte or all.")] = "all",
    data: DataDir = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Score only the first N Reuters stories.")] = None,
) -> None:
    """Reading pages: pasted wire stories, Reuters-21578 datelines, Zyte article bodies (beside
    trafilatura)."""
    from .eval import ingest as ev

    _check_choice(which, ("pasted", "reuters", "zyte", "all"), "--set")
    data = data or default_data_dir()
    if not data.is_dir():
        raise typer.BadParameter(
            f"no evaluation data at {data}; pass --data or set NEWSGRAPH_DATA", param_hint="--data"
        )

    reports = []
    if which in ("pasted", "all"):
        reports.append(
            ev.score_pasted(data / "ingest" / "pasted-text.dev.jsonl", progress=_eval_progress("pasted"))
        )
    if which in ("reuters", "all"):
        reports.append(
            ev.score_reuters(
                data / "corpora" / "reuters21578" / "reuters21578.jsonl.gz",
                limit,
                progress=_eval_progress("reuters"),
            )
        )
    if which in ("zyte", "all"):
        reports.append(ev.score_zyte(data / "ingest" / "zyte-aeb", progress=_eval_progress("zyte")))
    _print_reports(reports, fmt)


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Span-annotated gold JSONL [default: PolNeAR dev].")
    ] = None,
    peer: Annotated[
        list[str] | None, typer.Option("--peer", help="Run a peer side by side: textacy.")
    ] = None,
    data: DataDir = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Who said what: content-span precision, recall and F1 (lenient and strict), speaker overlap,
    breakdowns."""
    from .eval.quotes import score_quotes

    gold = gold or (data or default_data_dir()) / "quotes" / "polnear" / "polnear_dev.jsonl"
    _run_eval(score_quotes, [gold], peer, ("textacy",), limit, fmt)


@eval_app.command("timex")
def eval_timex(
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold",
            help="A folder of TimeML (.tml) or MEANTIME CAT XML files [default: TimeBank + AQUAINT, "
            "then MEANTIME].",
        ),
    ] = None,
    peer: Annotated[
        list[str] | None,
        typer.Option("--peer", help="Run a peer side by side: dateparser, heideltime (needs Java)."),
    ] = None,
    data: DataDir = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Dates: TIMEX3 extents (strict, relaxed) and values, the TempEval-3 way."""
    from .eval.timex import score_timex

    root = data or default_data_dir()
    folders = gold or [root / "time" / "TBAQ-cleaned", root / "time" / "meantime_en" / "intra-doc_annotation"]
    _run_eval(score_timex, folders, peer, ("dateparser", "heideltime"), limit, fmt)


@eval_app.command("entities")
def eval_entities(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="A folder of MEANTIME CAT XML files [default: MEANTIME English]."),
    ] = None,
    data: DataDir = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Entities: typed name mentions and their merging on MEANTIME, beside spaCy's NER; the worked example."""
    from .eval.entities import score_entities, score_example

    base = data or default_data_dir()
    gold = gold or base / "time" / "meantime_en" / "intra-doc_annotation"
    if not gold.exists():
        raise typer.BadParameter(f"no gold data at {gold}", param_hint="--gold")
    reports = [score_entities(gold, ("spacy",), limit, progress=_eval_progress("entities"))]
    example = base.parent / "examples" / "tass-geneva-blinken"
    if example.is_dir():
        reports.append(score_example(example))
    _print_reports(reports, fmt)


@eval_app.command("events")
def eval_events(
    data: DataDir = None,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="plover, conflibert, meantime, example (repeatable) [default: all]."),
    ] = None,
    peer: Annotated[
        list[str] | None,
        typer.Option(
            "--peer", help="Also score the peer: bow (bag-of-words logistic regression, same folds)."
        ),
    ] = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Score only the first N records of each set.")] = None,
) -> None:
    """Events: PLOVER type (and source actor) per sentence, ConfliBERT quad classes, MEANTIME mentions, the
    worked example."""
    from .eval import events as ev

    known = ("plover", "conflibert", "meantime", "example")
    for name in sets or []:
        _check_choice(name, known, "--set")
    for p in peer or []:
        _check_choice(p, ("bow",), "--peer")
    chosen = sets or list(known)
    base = data or default_data_dir()
    paths = {
        "plover": base / "events" / "plover" / "PLOVER_GSR_dev.json",
        "conflibert": base / "events" / "conflibert" / "cameo_class" / "train.tsv",
        "meantime": base / "time" / "meantime_en" / "intra-doc_annotation",
        "example": base.parent / "examples" / "tass-geneva-blinken",
    }
    for name in chosen:
        if not paths[name].exists():
            raise typer.BadParameter(f"no gold data for {name} at {paths[name]}", param_hint="--data")
    reports = []
    if "plover" in chosen:
        reports.append(ev.score_plover(paths["plover"], progress=_eval_progress("plover"), limit=limit))
    if "conflibert" in chosen:
        reports.append(
            ev.score_conflibert(
                paths["conflibert"], peer or ["bow"], progress=_eval_progress("conflibert"), limit=limit
            )
        )
    if "meantime" in chosen:
        reports.append(ev.score_meantime(paths["meantime"], progress=_eval_progress("meantime"), limit=limit))
    if "example" in chosen:
        reports.append(ev.score_example(paths["example"]))
    _print_reports(reports, fmt)


@eval_app.command("dedup")
def eval_dedup(
    data: DataDir = None,
    fmt: TableFormat = "table",
    limit: Annotated[int | None, typer.Option(help="Reuters stories to copy [default: 1000].")] = None,
) -> None:
    """Copies: BBC's duplicate pairs, Reuters stories with syndicated copies, BASIL triplets never merged."""
    from .eval.dedup import score_dedup

    base = data or default_data_dir()
    if not (base / "corpora").is_dir():
        raise typer.BadParameter(f"no corpora at {base / 'corpora'}", param_hint="--data")
    _print_reports(score_dedup(base, progress=_eval_progress("dedup"), limit=limit), fmt)


def _run_eval(
    score,
    golds: list[Path],
    peers: list[str] | None,
    known_peers: tuple[str, ...],
    limit: int | None,
    fmt: str,
) -> None:
    """Check the call, score each gold set with a progress bar, print the reports."""
    for p in peers or []:
        _check_choice(p, known_peers, "--peer")
    for gold in golds:
        if not gold.exists():
            raise typer.BadParameter(f"no gold data at {gold}", param_hint="--gold")
    _print_reports(
        [score(gold, peers or [], limit, progress=_eval_progress(gold.name)) for gold in golds], fmt
    )


def _eval_progress(desc: str):
    from tqdm import tqdm

    return lambda items: tqdm(items, desc=desc, disable=None, file=sys.stderr, leave=False)


def _print_reports(reports, fmt: str) -> None:
    rows = []
    for r in reports:
        for system, figures in r.systems.items():
            for metric, value in figures.items():
                rows.append(
                    {
                        "set": r.name,
                        "documents": r.documents,
                        "system": system,
                        "metric": metric,
                        "value": round(value, 4),
                    }
                )
    write_rows(rows, fmt, ("set", "documents", "system", "metric", "value"))
    if fmt == "table":
        for r in reports:
            for note in r.notes:
                typer.echo(f"note ({r.name}): {note}")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `newsgraph extract ... | head`
        sys.stderr.close()


if __name__ == "__main__":
    main()
