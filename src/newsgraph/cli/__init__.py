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
import traceback

from .common import app

EXIT_RUN_FAILED = 3  # the run itself failed (a store that cannot be opened, a crash): not one record's fault


def main() -> None:
    """The ``newsgraph`` command. Exit codes: 0 every record read, 1 some records quarantined (each named),
    2 a wrong call, 3 the run failed."""
    try:
        app()
    except BrokenPipeError:  # `newsgraph extract ... | head`
        sys.stderr.close()
    except Exception as exc:  # what no record explains: say so, with the trace for a report
        traceback.print_exc()
        reason = next((line for line in str(exc).splitlines() if line.strip()), "")
        print(f"newsgraph: the run failed: {type(exc).__name__}: {reason}", file=sys.stderr)
        sys.exit(EXIT_RUN_FAILED)


# The commands register themselves on the app when their modules are imported, in the order --help lists them.
for _name in ("reading", "queries", "server", "evaluate"):
    importlib.import_module(f"{__name__}.{_name}")

__all__ = ["app", "main"]
