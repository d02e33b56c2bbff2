"""Read the layout of a pasted or extracted page: title, deck, byline, dateline, body, furniture.

A page pasted from a browser reads top to bottom as: navigation, the headline, a deck (standfirst),
photo captions and credits, the byline, the dateline that opens the story, the story's paragraphs,
and then sharing prompts, tags, related links and the copyright line. The dateline is the anchor:
what stands before it is headline matter or furniture, what follows it is the story until the
furniture of the page's foot. Without a dateline the first paragraph that reads as prose opens the
story.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..types import Dateline, Removed
from .dateline import ParsedDateline, parse_dateline
from .furniture import classify_line, ends_sentence, is_contact_line, is_trailer, words

# How far into the page a dateline is looked for (in blocks).
DATELINE_WINDOW = 15
_BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+[A-Z][\w.'’\-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’\-]+){0,7}\s*$")
_LOWER_PARTICLES = {
    "de",
    "da",
    "do",
    "del",
    "di",
    "la",
    "le",
    "les",
    "el",
    "am",
    "an",
    "upon",
    "on",
    "of",
    "sur",
    "van",
    "von",
}


@dataclass
class Layout:
    title: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def split_blocks(text: str) -> list[str]:
    """Split text into blocks (paragraphs), re-joining hard-wrapped lines.

    Text pasted from a page has one paragraph a line (or blank lines between them). Wire copy such
    as Reuters' is hard-wrapped near 70 columns with an indent opening each paragraph: there,
    lines are joined until the next indented or blank line.
    """
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    nonblank = [ln for ln in lines if ln.strip()]
    if _hard_wrapped(nonblank):
        blocks: list[str] = []
        current: list[str] = []
        for ln in lines:
            starts_paragraph = not ln.strip() or ln[:1] in (" ", "\t")
            if starts_paragraph and current:
                blocks.append(" ".join(current))
                current = []
            if ln.strip():
                current.append(ln.strip())
        if current:
            blocks.append(" ".join(current))
        return [re.sub(r"[ \t]+", " ", b) for b in blocks]
    return [re.sub(r"[ \t]+", " ", ln.strip()) for ln in lines if ln.strip()]


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 4:
        return False
    widths = [len(ln.rstrip()) for ln in lines]
    longest = max(widths)
    if longest > 100:
        return False
    near_margin = sum(1 for w in widths if longest - 25 <= w <= longest)
    return near_margin / len(lines) >= 0.5


def display_place(place: str | None) -> str | None:
    """'WASHINGTON' -> 'Washington', 'RIO DE JANEIRO' -> 'Rio de Janeiro'; mixed case is kept."""
    if not place:
        return place
    head, _, rest = place.partition(",")
    if head.upper() != head:
        return place
    parts = re.split(r"([ \-])", head.lower())
    out = []
    for i, p in enumerate(parts):
        if p in (" ", "-") or (i and p in _LOWER_PARTICLES):
            out.append(p)
        else:
            out.append(p[:1].upper() + p[1:])
    titled = "".join(out)
    titled = re.sub(r"\b(St|Ft|Mt)\.\s*(\w)", lambda m: f"{m.group(1)}. {m.group(2).upper()}", titled)
    return titled + ("," + rest if rest else "")


def read_layout(text: str, known_title: str | None = None, extracted: bool = False) -> Layout:
    """Find title, deck, byline, dateline, body paragraphs and furniture in ``text``.

    ``known_title`` is a title the page's metadata already gave (HTML, feeds, JSONL): a block equal
    to it is taken as the headline and not repeated in the body. ``extracted`` says the text is a
    body an HTML extractor already isolated: then only furniture and a repeated headline are
    taken off its top, and no prose is mistaken for a deck.
    """
    blocks = split_blocks(text)
    layout = Layout()
    if not blocks:
        return layout
    kinds = [classify_line(b) for b in blocks]

    if extracted:
        # An extractor's body opens with the story: a dateline can only stand in its first block.
        top = _extracted_start(blocks, kinds, known_title)
        dl_index, parsed = _find_dateline(blocks[: top + 1], kinds[: top + 1])
    else:
        dl_index, parsed = _find_dateline(blocks, kinds)

    if dl_index is not None and parsed is not None:
        first = blocks[dl_index][parsed.end :].strip() or next(iter(blocks[dl_index + 1 :]), "")
        _read_head(blocks[:dl_index], kinds[:dl_index], layout, known_title, first)
        layout.dateline = Dateline(
            text=parsed.text,
            place=display_place(parsed.place),
            agency=parsed.agency,
            date=parsed.date,
            value=parsed.value,
        )
        first = blocks[dl_index][parsed.end :].strip()
        body = ([first] if first else []) + blocks[dl_index + 1 :]
        body_kinds = ([None] if first else []) + kinds[dl_index + 1 :]
    else:
        start = (
            _extracted_start(blocks, kinds, known_title)
            if extracted
            else _story_start(blocks, kinds, known_title)
        )
        _read_head(
            blocks[:start], kinds[:start], layout, known_title, blocks[start] if start < len(blocks) else ""
        )
        body, body_kinds = blocks[start:], kinds[start:]

    layout.paragraphs = _read_body(
        body, body_kinds, layout.removed, is_contact_line if extracted else is_trailer
    )
    return layout


def _find_dateline(blocks: list[str], kinds: list[str | None]) -> tuple[int | None, ParsedDateline | None]:
    """The first strong dateline in the page's top, else the first weak one."""
    weak: tuple[int | None, ParsedDateline | None] = (None, None)
    for i, block in enumerate(blocks[:DATELINE_WINDOW]):
        if kinds[i]:
            continue
        parsed = parse_dateline(block)
        if parsed and _plausible_dateline(parsed, block, i):
            if parsed.strong:
                return i, parsed
            if weak[0] is None:
                weak = (i, parsed)
    return weak


def _plausible_dateline(parsed: ParsedDateline, block: str, index: int) -> bool:
    """A match with neither date nor agency (``WASHINGTON -``) counts only as a block's opening
    words followed by a story, not as a short heading such as ``UK - RESULTS``."""
    if parsed.date or parsed.agency:
        return True
    rest = block[parsed.end :]
    return len(words(rest)) >= 8 or (index > 0 and len(words(rest)) == 0)


def _story_start(blocks: list[str], kinds: list[str | None], known_title: str | None) -> int:
    """Without a dateline: the first block that reads as prose (a sentence of some length)."""
    for i, block in enumerate(blocks[:DATELINE_WINDOW]):
        if kinds[i] or (known_title and _same(block, known_title)):
            continue
        n = len(words(block))
        if (n >= 12 and ends_sentence(block)) or n >= 30:
            # A deck right under the headline reads as prose too: it is the story only if
            # nothing but furniture lies between it and the next prose block.
            if i + 1 < len(blocks) and i > 0 and _is_deck_candidate(blocks, kinds, i, known_title):
                continue
            return i
    first = 0
    while first < len(blocks) and kinds[first]:
        first += 1
    if known_title is None and first + 1 < len(blocks) and _headline_like(blocks[first]):
        return first + 1
    return first


def _extracted_start(blocks: list[str], kinds: list[str | None], known_title: str | None) -> int:
    start = 0
    while start < len(blocks) - 1 and (
        kinds[start] or (known_title and _same(blocks[start], known_title)) or _BYLINE.match(blocks[start])
    ):
        start += 1
    return start


def _is_deck_candidate(blocks: list[str], kinds: list[str | None], i: int, known_title: str | None) -> bool:
    """Block i follows the headline and is followed by captions or credits before more prose."""
    before = [j for j in range(i) if not kinds[j]]
    if known_title is None and (len(before) != 1 or not _headline_like(blocks[before[0]])):
        return False
    if known_title is not None and before and not all(_same(blocks[j], known_title) for j in before):
        return False
    j = i + 1
    saw_furniture = False
    while j < len(blocks) and (kinds[j] or len(words(blocks[j])) < 12):
        saw_furniture = True
        j += 1
    return saw_furniture and j < len(blocks)


def _headline_like(block: str) -> bool:
    n = len(words(block))
    return 2 <= n <= 30 and not block.rstrip().endswith((".", ",", ";", ":"))


def _read_head(
    blocks: list[str], kinds: list[str | None], layout: Layout, known_title: str | None, opening: str
) -> None:
    """Blocks before the story: navigation, headline, deck, byline, captions and credits.

    ``opening`` is the story's first paragraph: a line under the headline that repeats its start
    is a deck however short it is.
    """
    title_at = None
    for i, block in enumerate(blocks):
        kind = kinds[i]
        if kind:
            layout.removed.append(
                Removed("navigation" if kind == "navigation" and title_at is None else kind, block)
            )
            continue
        if _BYLINE.match(block) and layout.byline is None:
            layout.byline = re.sub(r"^\s*by\s+", "", block.strip(), flags=re.I)
            continue
        if title_at is None and (known_title is None or _same(block, known_title)):
            if known_title is None and not _headline_like(block) and len(words(block)) > 30:
                layout.removed.append(Removed("unknown", block))
                continue
            layout.title = known_title or block
            title_at = i
            continue
        if (
            layout.deck is None
            and (_deck_like(block) or _repeats_opening(block, opening))
            and (title_at is not None or known_title)
            and _only_furniture_between(kinds, title_at, i)
        ):
            layout.deck = block
            continue
        layout.removed.append(Removed("caption", block))
    if layout.title is None and known_title:
        layout.title = known_title


def _only_furniture_between(kinds: list[str | None], title_at: int | None, i: int) -> bool:
    if title_at is None:
        return True
    return all(kinds[j] for j in range(title_at + 1, i))


def _repeats_opening(block: str, opening: str) -> bool:
    head = " ".join(words(block.lower()))
    return bool(head) and " ".join(words(opening.lower())).startswith(head)


def _deck_like(block: str) -> bool:
    """A standfirst reads as a sentence: eight words or more. Captions name what a photo shows."""
    return len(words(block)) >= 8


def _read_body(
    blocks: list[str], kinds: list[str | None], removed: list[Removed], trailer: Callable[[str], bool]
) -> list[str]:
    """Story paragraphs, without furniture inside the story or at the foot of the page.

    ``trailer`` judges the lines of the page's foot that no furniture pattern names: any short line
    without a sentence ending for a pasted page; for a body an extractor already isolated, where such
    lines are more often list items or subheads, only contact lines (e-mail, handle, web address).
    """
    end = len(blocks)
    while end > 1 and (kinds[end - 1] or trailer(blocks[end - 1])):
        end -= 1
    paragraphs = []
    for i, block in enumerate(blocks):
        if i >= end:
            removed.append(Removed(kinds[i] or "trailer", block))
        elif kinds[i] and kinds[i] != "navigation":
            removed.append(Removed(kinds[i], block))  # type: ignore[arg-type]
        else:
            paragraphs.append(block)
    return paragraphs


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(words(s.lower()))

    return norm(a) == norm(b)
