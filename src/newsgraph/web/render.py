"""HTML the pages need that a template cannot say simply: an article with its items highlighted from
their offsets, and a timeline chart as inline SVG (no JavaScript, no chart library)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..types import Article

KINDS = ("quote", "entity", "timex", "event")


def highlight(article: Article, kb_links: dict[str, str]) -> Markup:
    """The body with quotes, entity mentions, dates and event triggers marked, paragraph by paragraph.

    Spans may nest (a name inside a quote): each character takes the classes of every span over
    it, and a run of characters with the same classes becomes one element. An entity mention links
    to its knowledge-base page. Spans with a ``field`` point outside the body and are not marked.
    """
    text = article.text
    n = len(text)
    classes: list[set[str]] = [set() for _ in range(n)]
    entity_at: list[str | None] = [None] * n
    title_at: list[str | None] = [None] * n

    def mark(span, kind: str, title: str | None = None, entity: str | None = None) -> None:
        if span.field:
            return
        for i in range(max(0, span.start), min(n, span.end)):
            classes[i].add(kind)
            if title and title_at[i] is None:
                title_at[i] = title
            if kind == "entity":
                entity_at[i] = entity

    for q in article.quotes:
        for p in q.parts or [q.content]:
            mark(p, "quote", f"quote: {q.speaker.name or 'unknown speaker'}")
    for e in article.entities:
        for m in e.mentions:
            mark(m, "entity", f"{e.type}: {e.name}", kb_links.get(e.id))
    for t in article.timexes:
        mark(t, "timex", f"{t.type} {t.value}")
    for ev in article.events:
        for tr in [m.trigger for m in ev.mentions] or [ev.trigger]:
            mark(tr, "event", f"event: {ev.type}" + (f" ({ev.mode})" if ev.mode else ""))
    html: list[str] = []
    pos = 0
    for para in text.split("\n\n"):
        begin = text.find(para, pos)
        end = begin + len(para)
        pos = end
        html.append("<p>" + _runs(text, begin, end, classes, entity_at, title_at) + "</p>")
    return Markup("\n".join(html))


def _runs(text: str, begin: int, end: int, classes, entity_at, title_at) -> str:
    parts: list[str] = []
    i = begin
    while i < end:
        j = i
        while (
            j < end
            and classes[j] == classes[i]
            and entity_at[j] == entity_at[i]
            and title_at[j] == title_at[i]
        ):
            j += 1
        chunk = escape(text[i:j])
        if classes[i]:
            cls = " ".join(f"hl-{c}" for c in KINDS if c in classes[i])
            attrs = f' class="{cls}"'
            if title_at[i]:
                attrs += f' title="{escape(title_at[i])}"'
            if entity_at[i]:
                parts.append(f'<a href="/entity/{escape(entity_at[i])}"{attrs}>{chunk}</a>')
            else:
                parts.append(f"<mark{attrs}>{chunk}</mark>")
        else:
            parts.append(str(chunk))
        i = j
    return "".join(parts)


def timeline_svg(rows: list[dict[str, Any]], width: int = 720, height: int = 180) -> Markup:
    """Bars per period: articles naming the entity (blue) and quotes it gave (orange)."""
    if not rows:
        return Markup('<p class="muted">No dated articles yet.</p>')
    top = max([r["articles"] for r in rows] + [r["quotes"] for r in rows] + [1])
    pad_l, pad_b, pad_t = 30, 36, 10
    inner_w, inner_h = width - pad_l - 10, height - pad_b - pad_t
    slot = inner_w / len(rows)
    bar = max(2.0, min(18.0, slot / 2 - 2))
    items = [
        '<svg class="timeline" role="img" aria-label="articles and quotes per period" viewBox="0 '
        f'0 {width} {height}" width="{width}" height="{height}">',
        f'<line x1="{pad_l}" y1="{pad_t + inner_h}" x2="{width - 10}" y2="{pad_t + inner_h}" class="axis"/>',
        f'<text x="4" y="{pad_t + 10}" class="tick">{top}</text><text x="4" y="{pad_t + inner_h}" '
        'class="tick">0</text>',
    ]
    label_every = max(1, len(rows) // 12)
    for k, r in enumerate(rows):
        x = pad_l + k * slot + slot / 2
        for dx, value, cls in ((-bar, r["articles"], "bar-articles"), (0, r["quotes"], "bar-quotes")):
            h = inner_h * value / top
            items.append(
                f'<rect x="{x + dx:.1f}" y="{pad_t + inner_h - h:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" class="{cls}"><title>{escape(r["period"])}: '
                f"{value}</title></rect>"
            )
        if k % label_every == 0:
            items.append(
                f'<text x="{x:.1f}" y="{height - 14}" class="tick" '
                f'text-anchor="middle">{escape(r["period"])}</text>'
            )
    items.append(
        f'<rect x="{width - 200}" y="{height - 12}" width="10" height="10" '
        f'class="bar-articles"/><text x="{width - 186}" y="{height - 3}" '
        'class="tick">articles</text>'
    )
    items.append(
        f'<rect x="{width - 120}" y="{height - 12}" width="10" height="10" '
        f'class="bar-quotes"/><text x="{width - 106}" y="{height - 3}" class="tick">quotes</text>'
    )
    items.append("</svg>")
    return Markup("".join(items))
