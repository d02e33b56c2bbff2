"""Statements without a verb of saying: speakers' turns in transcripts ("PENCE: Well, look, …", over
the paragraphs that follow), and quoted words no rule claimed ("…" ― Name, or the last speaker's).
"""

from __future__ import annotations

import re

from ..text.attribution import (
    Segment,
)
from .common import Found, _doc_text, _trim

_BYLINE_AFTER = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3})"
)


# "WALLACE: Let's start …" — a speaker's turn in a transcript, at the start of a paragraph.
_TURN = re.compile(
    r"(?P<open>[\"“”]?)(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}):[ \t]+(?P<rest>\S)"
)


NOT_SPEAKER_LABELS = frozenset(
    "update correction note editor's editor’s watch read related photos photo video see also "
    "advertisement source sources credit q a".split()
)


def _transcript_turns(sp, segments: list[Segment]) -> list[Found]:
    """Paragraphs that open with a speaker's label ("PENCE: Well, look, …"): the label in capitals,
    or a name the article gives a person. The paragraph is that speaker's words, and so are the
    paragraphs after it, within the same quote marks, up to the next label or stage direction."""
    from ..models.attribution import paragraphs

    text = _doc_text(sp)
    people = {m.text for m in sp.ents if m.label_ == "PERSON"}
    out: list[Found] = []
    current: tuple[Found, Segment | None] | None = None
    for p_start, p_end in paragraphs(sp):
        start, end = sp[p_start].idx, sp[p_end - 1].idx + len(sp[p_end - 1].text)
        m = _TURN.match(text, start, end)
        name = m.group("name") if m else ""
        if m is None or name.lower() in NOT_SPEAKER_LABELS or not (_is_label(name) or name in people):
            # The same speaker goes on in the next paragraph of the transcript.
            if (
                current is not None
                and current[1] is not None
                and current[1].start <= start < current[1].end
                and text[start : start + 2].lstrip('"“”')[:1] not in ("(", "[")
            ):
                content = _trim(text, start, end)
                if content[1] - content[0] >= 8:
                    current[0].parts.append(content)
                    continue
            current = None
            continue
        content = _trim(text, m.start("rest"), end)
        if content[1] - content[0] < 8:
            current = None
            continue
        seg = next((sg for sg in segments if sg.start < content[1] and content[0] < sg.end), None)
        for sg in segments:
            if sg.start < content[1] and content[0] < sg.end:
                sg.claimed = True
        span = sp.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        f = Found(
            "direct",
            [content],
            (m.start("name"), m.end("name") + 1),
            (m.start("name"), m.end("name")),
            span.root if span is not None else None,
            0.8,
            extra={"turn": True},
        )
        out.append(f)
        current = (f, seg)
    return out


def _is_label(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _unclaimed_segments(sp, segments: list[Segment]) -> list[Found]:
    """Quoted sentences with no cue of their own: the speaker is the one who spoke just before,
    or the one who was introduced with a colon ("He said: …")."""
    out = []
    text = _doc_text(sp)
    for seg in segments:
        if seg.claimed:
            continue
        content = _trim(text, seg.start, seg.end)
        inner = text[content[0] : content[1]]
        if len(inner.split()) < 5 or (
            not re.search(r"[.!?…]$", inner.strip('"”’»')) and len(inner.split()) < 12
        ):
            continue  # a short phrase in quote marks (a title, scare quotes), not a statement
        seg.claimed = True
        byline = _BYLINE_AFTER.match(text, seg.outer_end)
        if byline:  # "…" ― Krystal Correa: the name after a dash signs the quote
            span = sp.char_span(byline.start("name"), byline.end("name"), alignment_mode="expand")
            if span is not None:
                cue = (byline.start("dash"), byline.end("dash"))
                out.append(Found("direct", [content], cue, (span.start_char, span.end_char), span.root, 0.8))
                continue
        before = text[max(0, seg.outer_start - 3) : seg.outer_start]
        out.append(
            Found(
                "direct",
                [content],
                None,
                None,
                None,
                0.6 if ":" in before else 0.5,
                extra={"continuation": True},
            )
        )
    return out
