"""The server and the version."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .common import DEFAULT_DB, Db, app


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

    from ..web.app import create_app

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
