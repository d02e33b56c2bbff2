"""Output options shared by the commands: ``--format table|json|jsonl|csv``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

TABLE_FORMATS = ("table", "json", "jsonl", "csv")


def dumps(obj: Any, pretty: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, indent=2 if pretty else None)


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    columns: Sequence[str],
    out: TextIO | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "json":
        out.write(dumps(rows, pretty=True) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(dumps(r) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        out.write(table(rows, columns, widths or {}) + "\n")


def table(rows: list[dict[str, Any]], columns: Sequence[str], widths: dict[str, int]) -> str:
    def cell(v: Any, limit: int) -> str:
        s = "" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))
        s = " ".join(s.split())
        return s if len(s) <= limit else s[: limit - 1] + "…"

    cells = [[cell(r.get(c), widths.get(c, 60)) for c in columns] for r in rows]
    width = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(width[i]) for i, c in enumerate(columns)), "  ".join("-" * w for w in width)]
    lines += ["  ".join(v.ljust(width[i]) for i, v in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines)
