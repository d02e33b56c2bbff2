"""Dates and times (TIMEX3): found by a grammar of patterns, normalised against the publication date.

Values follow TimeML: ``2021-06-16``, ``2021-05`` with mod ``START`` for "early May", ``P3M`` for
"three months", ``PAST_REF`` for "recently", ``2021-Q1``, ``199`` for "the 1990s". Relative dates
("Tuesday", "last year", "two weeks ago") are resolved against the anchor: the publication date,
else the dateline once its year is known. In a report in the past tense "Tuesday" is the latest
Tuesday on or before the anchor; in a plan it is the next one. Without an anchor the year stays
``XXXX`` and a weekday stays ``XXXX-XX-XX``: never today's year, never a guess.

The machinery is in ``newsgraph/timex/``; this stage runs it over an article.
"""

from __future__ import annotations

import datetime as dt
import re

from ..ids import article_key
from ..registry import stage
from ..timex.found import Found
from ..timex.tagger import tag
from ..timex.tense import tense_lookup
from ..types import Article


def anchor_date(doc: Article) -> dt.date | None:
    """The publication date, else a dateline with a year; None when neither is known."""
    for value in (doc.published, doc.dateline.value if doc.dateline else None):
        if value and not value.startswith("XXXX"):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _month_day(doc: Article) -> tuple[int, int] | None:
    """The month and day of a dateline without a year ("WASHINGTON, June 30"), if any."""
    value = doc.dateline.value if doc.dateline else None
    if value and (m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)):
        return int(m.group(1)), int(m.group(2))
    return None


NAME = "timex.rules.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("nlp", "published", "dateline"), assigns=("timexes",))
def find_timexes(doc: Article) -> Article:
    akey = article_key(doc)
    anchor = anchor_date(doc)
    tense = tense_lookup(doc.nlp) if doc.nlp is not None else (lambda i: None)
    found = tag(doc.text, anchor, tense, _month_day(doc) if anchor is None else None)
    doc.timexes = [t.record(akey) for t in found]
    if doc.dateline and doc.dateline.date:
        dl_text = doc.dateline.text
        i = dl_text.find(doc.dateline.date)
        if i >= 0:
            value = doc.dateline.value or "XXXX-XX-XX"
            doc.timexes.insert(
                0,
                Found(i, i + len(doc.dateline.date), doc.dateline.date, "DATE", value).record(
                    akey, "dateline"
                ),
            )
    return doc
