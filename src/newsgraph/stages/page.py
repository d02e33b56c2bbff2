"""The first stage: a raw record (pasted text or an HTML page) becomes a clean article.

HTML goes through trafilatura for the body and the page's metadata (title, byline, date, site);
both kinds then go through :func:`read_layout`, which takes off page furniture and reads the
headline, deck, byline and dateline.
"""

from __future__ import annotations

from ..registry import stage
from ..text.layout import Layout, read_layout
from ..types import Article, Span

PARAGRAPH_SEPARATOR = "\n\n"


NAME = "page.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(
    NAME,
    requires=("raw",),
    assigns=(
        "title",
        "deck",
        "byline",
        "dateline",
        "text",
        "paragraphs",
        "removed",
        "language",
        "source",
        "published",
        "published_from",
    ),
)
def read_page(doc: Article) -> Article:
    if doc.raw_html is not None and doc.raw_fragment:
        layout = read_layout(fragment_text(doc.raw_html), known_title=doc.title, extracted=True)
        doc.byline = doc.byline or layout.byline
        doc.deck = layout.deck
    elif doc.raw_html is not None:
        meta = _html_body(doc.raw_html, doc.source.get("url") if doc.source else None)
        title = doc.title or meta.get("title")
        layout = read_layout(meta.get("text") or "", known_title=title, extracted=True)
        doc.byline = doc.byline or meta.get("author") or layout.byline
        description = meta.get("description")
        doc.deck = layout.deck or _deck_from_description(description, layout)
        doc.language = meta.get("language")
        if meta.get("date") and not doc.published:
            doc.published, doc.published_from = meta["date"], "metadata"
        site = meta.get("sitename") or meta.get("hostname")
        if site and not (doc.source or {}).get("name"):
            doc.source = {**(doc.source or {}), "name": site}
    else:
        layout = read_layout(doc.raw_text or "", known_title=doc.title)
        doc.byline = doc.byline or layout.byline
        doc.deck = layout.deck
    doc.title = doc.title or layout.title
    doc.dateline = layout.dateline
    if layout.dateline and layout.dateline.agency and not (doc.source or {}).get("name"):
        doc.source = {**(doc.source or {}), "name": layout.dateline.agency}
    doc.removed = layout.removed
    _set_text(doc, layout)
    return doc


def _set_text(doc: Article, layout: Layout) -> None:
    parts, spans, pos = [], [], 0
    for p in layout.paragraphs:
        if parts:
            pos += len(PARAGRAPH_SEPARATOR)
        spans.append(Span(pos, pos + len(p), p))
        parts.append(p)
        pos += len(p)
    doc.text = PARAGRAPH_SEPARATOR.join(parts)
    doc.paragraphs = spans


_BLOCKS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "header",
    "footer",
}


def fragment_text(html: str) -> str:
    """Text of a piece of markup (a feed item's content): one line a block, scripts and styles dropped."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.text:
                el.text = "\n" + el.text
    return "\n".join(line.strip() for line in root.text_content().split("\n") if line.strip())


def _html_body(html: str, url: str | None) -> dict:
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_images=False,
        deduplicate=False,
    )
    if result is None:
        return {}
    d = result.as_dict()
    return {
        k: d.get(k)
        for k in ("title", "author", "date", "description", "sitename", "hostname", "language", "text")
    }


def _deck_from_description(description: str | None, layout: Layout) -> str | None:
    """The page's description is its deck unless it only repeats the story's opening."""
    if not description:
        return None
    first = layout.paragraphs[0] if layout.paragraphs else ""
    head = description.rstrip(".… ").strip()
    if not head or first.startswith(head[: max(20, len(head) - 5)]):
        return None
    return description.strip()
