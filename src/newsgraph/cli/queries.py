"""Commands that read the store: articles, one article, quotes, an entity, a timeline, events,
search, and exports.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..output import TABLE_FORMATS, dumps, write_rows
from .common import (
    DEFAULT_DB,
    EXIT_FAILED_RECORDS,
    Db,
    Limit,
    Offset,
    Since,
    TableFormat,
    Until,
    _check_choice,
    app,
)


@app.command()
def articles(
    db: Db = DEFAULT_DB,
    fmt: TableFormat = "table",
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """List stored articles: id, publication date, source, dateline place, title."""
    from ..store import Store

    _check_choice(fmt, TABLE_FORMATS, "--format")
    with Store(db) as store:
        rows = store.article_rows(limit)
    write_rows(rows, fmt, ("id", "published", "source_name", "dateline_place", "title"), widths={"title": 70})


@app.command()
def show(article_id: str, db: Db = DEFAULT_DB) -> None:
    """Print one stored article as JSON."""
    from ..store import Store

    with Store(db) as store:
        article = store.get(article_id)
    if article is None:
        typer.echo(f"error: no article {article_id!r} in {db}", err=True)
        raise typer.Exit(EXIT_FAILED_RECORDS)
    typer.echo(dumps(article.to_dict(), pretty=True))


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
    from ..kb import queries
    from ..store import Store

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
    from ..kb import queries
    from ..store import Store

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
    from ..kb import queries
    from ..store import Store

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
    from ..kb import queries
    from ..store import Store
    from ..text.plover import TYPES

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
    from ..kb import queries
    from ..store import Store

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
    """Export the store: articles as the output contract, flat tables, GDELT 2.0, Quotebank records."""
    from ..kb import export as ex
    from ..store import Store

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
