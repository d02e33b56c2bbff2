"""What the quote finders share: a statement as a rule finds it (``Found``), and character spans of
the parse (a token's mention, trimmed bounds, overlaps).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text.nlp import TEXT
from ..types import Span


@dataclass
class Found:
    kind: str
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None  # the mention's character span
    speaker_token: Any = None  # the mention's head token, for resolution
    confidence: float = 0.8
    parent: Found | None = None  # the quote whose content holds this one's cue
    extra: dict[str, Any] = field(default_factory=dict)


def _doc_text(doc) -> str:
    """A spaCy Doc's text, built once: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def _span(text: str, start: int, end: int, field_name: str | None = None) -> Span:
    return Span(start, end, text[start:end], field_name)


def _where_not_what(verb, content: str) -> bool:
    """'Gambrell reported from Dubai', 'wrote for the Post': where or for whom, not what."""
    return verb.lemma_.lower() in ("report", "write") and content.lower().startswith(("from ", "for "))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and trailing commas from a content span."""
    while start < end and (text[start].isspace() or text[start] in '"“”«»„‘’,—–―'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in '"“”«»„‘’,—–―:'):
        end -= 1
    return start, end


def _mention(tok) -> tuple[int, int] | None:
    """The noun phrase a subject heads, without appositions or relative clauses after a comma."""
    if tok is None:
        return None
    toks = list(tok.subtree)
    cut = [t for t in toks if t.i > tok.i and (t.text == "," or t.dep_ in ("relcl", "appos", "acl"))]
    if cut:
        toks = [t for t in toks if t.i < cut[0].i]
    toks = [
        t for t in toks if not (t.is_punct and t.text not in ".-&") and t.dep_ != "case" and not t.is_space
    ]
    if not toks:
        return None
    doc, last = tok.doc, toks[-1]
    while (
        last.i + 2 < len(doc)
        and doc[last.i + 1].text == "-"
        and not last.whitespace_
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].is_alpha
    ):
        last = doc[last.i + 2]  # "Moon Jae-in": the tokenizer split the name at its hyphen
    return toks[0].idx, last.idx + len(last.text)


def _token_gap(a, b) -> int:
    """Tokens between two tagged spans (0 where they touch)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
