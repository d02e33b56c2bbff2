"""``python -m newsgraph.cli``: the same command as ``newsgraph``."""

from . import main

main()
