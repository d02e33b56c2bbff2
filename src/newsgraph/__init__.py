"""newsgraph: news articles in, provenance-linked knowledge out.

>>> import newsgraph
>>> article = newsgraph.extract_text("WASHINGTON, June 30. /TASS/. The summit ...")
>>> article.dateline.place
'Washington'
"""

from __future__ import annotations

from .pipeline import Options, Pipeline
from .types import Article, Failure, RawRecord, Span

__version__ = "0.1.0"


def extract_text(
    text: str, *, title: str | None = None, published: str | None = None, input_id: str | None = None
) -> Article:
    """Run the default pipeline on one article given as text; raise on failure."""
    return _one(
        RawRecord(input_id=input_id, location=input_id or "<text>", text=text, title=title), published
    )


def extract_html(
    html: str, *, url: str | None = None, published: str | None = None, input_id: str | None = None
) -> Article:
    """Run the default pipeline on one HTML page; raise on failure."""
    return _one(
        RawRecord(input_id=input_id, location=input_id or url or "<html>", html=html, url=url), published
    )


def _one(record: RawRecord, published: str | None) -> Article:
    from .errors import NewsgraphError

    result = Pipeline().process(record, Options(published=published))
    if isinstance(result, Failure):
        raise NewsgraphError(result.reason, code=result.code)
    return result


__all__ = [
    "Article",
    "Failure",
    "Options",
    "Pipeline",
    "RawRecord",
    "Span",
    "__version__",
    "extract_html",
    "extract_text",
]
