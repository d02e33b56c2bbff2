"""A time expression as the patterns find it."""

from __future__ import annotations

from dataclasses import dataclass

from ..ids import content_id
from ..types import Timex


@dataclass
class Found:
    """A time expression as the patterns find it, before anaphora settle its value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    rule: str = ""  # the pattern that found it (for error analysis; not part of the output)

    def record(self, article_key: str, field: str | None = None) -> Timex:
        tid = content_id("timex", article_key, self.start, self.end)
        return Timex(self.start, self.end, self.text, field, tid, self.type, self.value, self.mod)
