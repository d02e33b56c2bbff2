"""Every TIMEX3 of a text (``tag``): the patterns' matches, longest first and without overlaps,
normalised, bounded ("nearly", "at least"), joined with the day beside a clock time, with titles
of works and rates taken out, then anaphora resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from itertools import pairwise

from .anaphora import anaphor, count_from_month_day, resolve_anaphora
from .arithmetic import _duration
from .found import Found
from .patterns import _COMMA, _YEAR, NEEDS, PATTERNS
from .values import normalise
from .vocabulary import UNITS


def tag(
    text: str, anchor: dt.date | None, tense=lambda i: None, month_day: tuple[int, int] | None = None
) -> list[Found]:
    """Every TIMEX3 in ``text``, normalised against ``anchor`` (None: the year is unknown).

    Expressions that point back to a time named before them ("a year earlier" after "the third
    quarter", "the following year" after "1995") are resolved in a second pass, in reading order.
    ``month_day``: where only the day of publication is known, not its year (a dateline "WASHINGTON,
    June 30"), the days and months counted from it ("yesterday" → ``XXXX-06-29``, "last month" →
    ``XXXX-05``); weekdays and years stay unknown."""
    found = _scan(text, anchor, tense)
    found.sort(key=lambda f: f[0].start)
    _share_range_years(text, found)
    _take_bounds(text, found)
    dayless = [
        f[0] for f in found if f[2].get("h") and not (f[2].get("wd") or f[2].get("ref") or f[2].get("mon"))
    ]
    out = resolve_anaphora(found, anchor)
    if anchor is None and month_day is not None:
        count_from_month_day(found, month_day)
    if dayless:
        _date_clock_times(text, out, {id(t) for t in dayless})
    return out


def _scan(text: str, anchor: dt.date | None, tense) -> list[tuple[Found, str | None, dict]]:
    """Each pattern's matches, in the patterns' order, that overlap none taken before, with what
    each points back to and its groups."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[Found, str | None, dict]] = []
    paragraphs = _paragraphs(text)
    for name, pattern in PATTERNS:
        for m in _matches(name, pattern, text, paragraphs):
            s, e = m.start(), m.end()
            if any(s < b and a < e for a, b in taken) or _named_work(m):
                continue
            norm = normalise(name, m, anchor, tense(s))
            if norm is None:
                continue
            typ, value, mod = norm
            surface = text[s:e]  # with its "the", as TimeML's extents have it ("the third quarter")
            taken.append((s, e))
            found.append((Found(s, e, surface, typ, value, mod, name), anaphor(name, m), m.groupdict()))
            if name == "duration":
                _low_end(text, m, taken, found)
            if name == "mdy" and not m.group("y"):
                _second_day(text, m, value, taken, found)
    return found


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Paragraphs (between blank lines) as (start, end, lower-case text)."""
    low = text.lower()
    bounds = [0, *(i for b in _BLANK_LINE.finditer(text) for i in (b.start(), b.end())), len(text)]
    return [(bounds[k], bounds[k + 1], low[bounds[k] : bounds[k + 1]]) for k in range(0, len(bounds), 2)]


def _matches(name: str, pattern: re.Pattern, text: str, paragraphs) -> Iterable[re.Match]:
    """The pattern's matches, scanning only the paragraphs that hold a word each match needs:
    scanning every pattern over every text was most of this stage's time."""
    needs = NEEDS.get(name)
    if needs is None:
        return pattern.finditer(text)
    return (
        m for a, b, par in paragraphs if any(w in par for w in needs) for m in pattern.finditer(text, a, b)
    )


def _low_end(text: str, m: re.Match, taken: list, found: list) -> None:
    """ "between 60 and 90 days", "two to six days": the low end is an amount of the same unit."""
    s = m.start()
    low_end = _RANGE_START.search(text, max(0, s - 30), s)
    if not low_end or any(low_end.start() < b and a < low_end.end("n") for a, b in taken):
        return
    a, b = low_end.start("n"), low_end.end("n")
    taken.append((a, b))
    duration = _duration(text[a:b], m.group("unit"))
    found.append((Found(a, b, text[a:b], "DURATION", duration, None, "duration"), None, {}))


def _second_day(text: str, m: re.Match, value: str, taken: list, found: list) -> None:
    """ "on April 24 and 25": the second day is a date of the same month."""
    pair = _SECOND_DAY.match(text, m.end())
    if not pair or int(pair.group("d")) <= int(re.sub(r"\D", "", m.group("d"))):
        return
    year, month = pair.group("y") or value[:4], value[5:7]
    if pair.group("y"):
        found[-1][0].value = f"{year}{value[4:]}"
    a, b = pair.start("d"), pair.end("d")
    taken.append((a, pair.end()))
    found.append((Found(a, b, text[a:b], "DATE", f"{year}-{month}-{int(pair.group('d')):02d}"), None, {}))


def _share_range_years(text: str, found: list) -> None:
    """ "between September and December last year": both months last year."""
    for (a, _, _), (b, _, _) in pairwise(found):
        if (
            a.rule in ("month", "may")
            and b.rule == "month_of"
            and re.fullmatch(r"\s*(?:and|to|through|until|-|–)\s*", text[a.end : b.start])
            and b.value[:4].isdigit()
        ):
            a.value = b.value[:4] + a.value[4:]


def _take_bounds(text: str, found: list) -> None:
    """ "nearly two weeks ago", "at least 30 days", "more than four decades": the bound is part of the
    expression and its mod."""
    for t, _, _ in found:
        if (
            t.type in ("DURATION", "DATE")
            and not t.mod
            and (bound := _BOUND_BEFORE.search(text, max(0, t.start - 16), t.start))
        ):
            t.mod = _BOUND_MODS[bound.group(1).lower()]
            t.start = bound.start()
            t.text = text[t.start : t.end]


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


_BOUND_BEFORE = re.compile(
    r"(?<![\w-])(nearly|almost|at least|more than|less than|no more than|up to) $", re.I
)


_BOUND_MODS = {"nearly": "APPROX", "almost": "APPROX", "at least": "EQUAL_OR_MORE", "more than": "MORE_THAN",
"less than": "LESS_THAN",
               "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}  # fmt: skip


_NEXT_TO = re.compile(r"^(?:\s*\(|\s*\)?\s*,?\s*(?:on\s+)?)$")


_SAME_CLAUSE = re.compile(r"^[^.;!?\n\"“”]{0,60}\s(?:at|around|about)\s+$")


_AFTER_DAY = re.compile(r"^\s*,?\s+(?:at|around|about|by|before|after)\s+(?:about\s+|around\s+)?$")


def _date_clock_times(text: str, found: list[Found], dayless: set[int]) -> None:
    """A clock time written without its day takes the day written next to it: "10:35 a.m. (0735
    GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)", "on Friday at 10 a.m."."""
    for i in range(len(found) - 1, -1, -1):  # right to left: "(0735 GMT) Friday" first gets its day
        t = found[i]
        if id(t) not in dayless:
            continue
        day = None
        if i + 1 < len(found) and _NEXT_TO.match(text[t.end : found[i + 1].start]):
            day = re.match(r"^\d{4}-\d\d-\d\d", found[i + 1].value)
        if day is None and i > 0 and _AFTER_DAY.match(text[found[i - 1].end : t.start]):
            day = re.match(r"^\d{4}-\d\d-\d\d", found[i - 1].value)
        if (
            day is None
            and i > 0
            and found[i - 1].type == "DATE"
            and _SAME_CLAUSE.match(text[found[i - 1].end : t.start])
        ):
            # "made its first test flight Tuesday in Everett, Washington at 18:00 UTC": the day
            # named earlier in the sentence, with no other time between
            day = re.match(r"^\d{4}-\d\d-\d\d$", found[i - 1].value)
        if day:
            t.value = day.group(0) + t.value[t.value.index("T") :]


_RANGE_START = re.compile(
    r"(?<![\w.,$])(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty) (?:and|to|or) $",
    re.I,
)


_SECOND_DAY = re.compile(
    rf" (?:and|or|to|through|-) (?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:{_COMMA}(?P<y>{_YEAR})\b)?"
    r"(?!(?: ?%| percent|[.,:]\d| (?:million|billion|thousand|years?|days?|months?|weeks?|hours?|"
    r"people|points?|cents?|a\.m|p\.m)\b))"
)


_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:of|or|and|to|for|in|later|ago|earlier|before|after|longer|more|less|now|then)\b)[a-z]"
)


def _named_work(m: re.Match) -> bool:
    """Whether a match is a title or an ordinal rather than a time: a unit written with a capital
    inside a sentence ("CBS's ``60 Minutes''", ABC's "This Week"), or "a second" before a noun ("a
    second betrayal"), or a capitalised "Today" after a name ("USA Today", "USA TODAY", NBC's
    "Today" show)."""
    if m.group(0) in ("Today", "Tonight", "TODAY"):
        before = m.string[max(0, m.start() - 40) : m.start()]
        if re.search(r"\bUSA\s$", before):
            return True  # the newspaper, also where its name stands in a byline
        after_name = re.search(r"(?:[A-Z][\w.&-]*|'s)\s$", before) and not re.search(
            r"(?:^|[.!?:;]['\"’”]?)\s*$", before
        )
        if (
            after_name or re.match(r"\s+(?:show|program|programme)\b", m.string[m.end() :])
        ) and not _in_title_case_line(m):
            return True
    unit = m.groupdict().get("unit")
    if not unit:
        return False
    if (
        unit[0].isupper()
        and m.start("unit") > m.start()
        and (unit.lower().rstrip("s") in UNITS or unit.lower().startswith("centur"))
    ):
        if not _in_title_case_line(m):
            return True
    return unit.lower() == "second" and bool(_ORDINAL_SECOND.match(m.string, m.end()))


def _in_title_case_line(m: re.Match) -> bool:
    """Whether a match stands in a headline written in title case, where capitals say nothing."""
    text = m.string
    line = text[text.rfind("\n", 0, m.start()) + 1 : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
    words = re.findall(r"[A-Za-z]+", line)
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)
