"""``newsgraph eval …``: each capability scored against the gold data, beside its peer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..output import write_rows
from .common import TableFormat, _check_choice, _eval_progress, default_data_dir, eval_app

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
    """Reading pages: pasted wire stories, Reuters-21578 datelines, Zyte bodies (beside trafilatura)."""
    from ..eval import ingest as ev

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
    """Who said what: content-span P/R/F1 (lenient and strict), speaker overlap, breakdowns."""
    from ..eval.quotes import score_quotes

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
    from ..eval.timex import score_timex

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
    from ..eval.entities import score_entities, score_example

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
    """Events: PLOVER types and source actors, ConfliBERT quad classes, MEANTIME mentions, the example."""
    from ..eval import events as ev

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
    from ..eval.dedup import score_dedup

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
