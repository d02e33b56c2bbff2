"""The ``newsgraph`` command: thin commands over the library's functions.

Exit codes: 0 when every record was read, 1 when some records failed (each named on standard
error and, for ``ingest``, kept in the store's failures table), 2 for a wrong call.

The commands are in modules by what they do: ``reading`` (extract, ingest, reprocess, failures),
``queries`` (the store's articles, quotes, entities, timelines, events, search, export), ``server``
(serve, version) and ``evaluate`` (``newsgraph eval …``); ``common`` holds the app and the options.
"""

from __future__ import annotations

import importlib
import sys

from .common import app


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `newsgraph extract ... | head`
        sys.stderr.close()


# The commands register themselves on the app when their modules are imported, in the order --help lists them.
for _name in ("reading", "queries", "server", "evaluate"):
    importlib.import_module(f"{__name__}.{_name}")

__all__ = ["app", "main"]
