"""What the commands share: the Typer apps, the options every command reads, and the helpers for
choices, failures and progress.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..ingest import FORMATS, input_size
from ..output import TABLE_FORMATS
from ..types import Failure

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


Limit = Annotated[int, typer.Option(help="At most this many.")]


Offset = Annotated[int, typer.Option(help="Skip this many (paging).")]


Since = Annotated[str | None, typer.Option(help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")]


Until = Annotated[str | None, typer.Option(help="Up to this date.")]


def _eval_progress(desc: str):
    from tqdm import tqdm

    return lambda items: tqdm(items, desc=desc, disable=None, file=sys.stderr, leave=False)
