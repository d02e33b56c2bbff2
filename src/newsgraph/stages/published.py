"""The publication date: page metadata, else the caller's ``--published``, else a dated dateline.

It also gives the dateline's value its year where the dateline left it out (``XXXX-06-30`` with a
publication date of 2021-06-30 becomes ``2021-06-30``). Without any of these the year stays unknown.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

from ..registry import stage
from ..text.dateline import with_year
from ..types import Article

NAME = "published.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("dateline",), assigns=("published", "published_from", "dateline", "warnings"))
def resolve_published(doc: Article) -> Article:
    if doc.published:
        normal = normalise_date(doc.published)
        if normal is None:
            doc.warnings.append(f"publication date {doc.published!r} is not a date; ignored")
        doc.published = normal
        doc.published_from = (doc.published_from or "metadata") if normal else None
    if not doc.published and doc.published_hint:
        doc.published, doc.published_from = normalise_date(doc.published_hint), "caller"
    dl = doc.dateline
    if not doc.published and dl and dl.value and not dl.value.startswith("XXXX"):
        doc.published, doc.published_from = dl.value, "dateline"
    if dl and dl.value:
        dl.value = with_year(dl.value, doc.published)
    return doc


def normalise_date(value: str) -> str | None:
    """ISO 8601 date or datetime from ISO or RFC 2822 text; None when it is neither."""
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if len(value) <= 10 and "T" not in value:
        return parsed.date().isoformat()
    return parsed.isoformat()
