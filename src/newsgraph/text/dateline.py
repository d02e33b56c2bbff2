"""Datelines in the styles of the big agencies, and their dates as TIMEX3 values.

    WASHINGTON, June 30. /TASS/.          NEW YORK, April 7 (Reuters) -
    MOSCOW (AP) —                         PARIS, March 3 (AFP) -
    SAN DIEGO, Calif., April 13 -         BEIJING, June 30 (Xinhua) --
    KYIV, Ukraine, Feb. 24, 2022 (AP) —   LONDON, 3 March (Reuters) -

A year the dateline does not give is never guessed: the value keeps ``XXXX`` until a
publication date supplies one (:func:`with_year`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

# Month names, full or abbreviated ("Feb.", "Sept"); shared with the date tagger.
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH = MONTH_PATTERN
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# "June 30", "Feb. 24, 2022", "30 June", "JUNE 30"; the month is matched case-insensitively.
_DATE = (
    rf"(?P<date>{_WEEKDAY}(?i:{_MONTH})\s*\d{{1,2}}(?!\d)(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\d{{1,2}}\s+(?i:{_MONTH})(?:\s+(?P<year2>\d{{4}}))?)"
)
# A place: capitalised words ("NEW YORK", "Calgary", "THE HAGUE", "RIO DE JANEIRO", "ST. LOUIS"),
# optionally with a region or country after a comma ("SAN DIEGO, Calif.", "KYIV, Ukraine").
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_LOWER = r"(?:[a-z][a-z'’.\-]*)"  # "New york", "La paz": wire copy is not always well cased
_PLACE_CORE = rf"{_WORD}(?:(?:[ \-]|/)(?:{_WORD}|{_LOWER})){{0,4}}"
_PLACE_STRICT = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,4}}(?:,\s*{_WORD}(?:\s{_WORD}){{0,2}})?)"
_PLACE = rf"(?P<place>{_PLACE_CORE}(?:\s?,\s*(?:the\s)?{_WORD}(?:\s{_WORD}){{0,2}}){{0,2}})"
# Wire copy sometimes carries control marks before the dateline ("****LONDON, March 5 -").
_JUNK = r"(?:[*#]+\s*)?"
_AGENCY_PAREN = r"\((?P<agency>[A-Z][A-Za-z\-/ ]{1,30}?|[A-Z]{2,10})\)"
_AGENCY_SLASH = r"/(?P<agency2>[A-Z][A-Za-z\-]{1,20})/\.?"
_DASH = r"(?:\s*(?:--|[-–—])\s*)"

_PATTERNS = [
    # TASS: "WASHINGTON, June 30. /TASS/."
    re.compile(rf"^{_JUNK}{_PLACE},\s*{_DATE}\.?\s+{_AGENCY_SLASH}\s*"),
    # Reuters / AFP / Xinhua / AP with a date: "NEW YORK, April 7 (Reuters) -"
    re.compile(rf"^{_JUNK}{_PLACE},?\s*{_DATE}\s*{_AGENCY_PAREN}{_DASH}?"),
    # AP without a date: "MOSCOW (AP) —", "KYIV, Ukraine (AP) —"
    re.compile(rf"^{_JUNK}{_PLACE_STRICT}\s*{_AGENCY_PAREN}{_DASH}"),
    # Plain wire: "SALVADOR, Feb 26 -", "JOHANNESBURG March 13 -", "CHEVY CHASE, Md., - March 4 -"
    re.compile(rf"^{_JUNK}{_PLACE}\s?,?\s*(?:-\s+)?{_DATE}\.?,?(?:\s*(?P<agency3>Reuter))?{_DASH}"),
    # Date only: "APRIL 7 -"
    re.compile(rf"^{_JUNK}{_DATE}{_DASH}"),
]
# Upper-case place alone: "WASHINGTON -", "BEIRUT —" (upper case only, to avoid sentences with dashes).
_PLACE_ONLY = re.compile(
    r"^(?:[*#]+\s*)?(?P<place>[A-Z][A-Z'.\-/]+(?: [A-Z][A-Z'.\-/]+){0,3}(?:, [A-Z][A-Za-z.]+(?: "
    r"[A-Z][A-Za-z.]+)?)?)\s+(?:--|[-–—])\s*"
)
# A mixed-case place with its region and no date: "CALGARY, Alberta -".
_PLACE_REGION = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}, [A-Z][a-z]+\.?(?: "
    r"[A-Z][a-z]+\.?)?)\s+(?:--|[-–—])\s*"
)
# Wire copy typed all in lower case: "dodge city, april 7 -".
_LOWER_CASE = re.compile(rf"^(?P<place>[a-z][a-z'.\-]+(?: [a-z][a-z'.\-]+){{0,3}}),\s+{_DATE}{_DASH}")
# A misspelled month still makes a dateline in the plain wire style ("NEW YORK, Narch 2 -").
_LOOSE = re.compile(rf"^{_PLACE},\s+(?P<date>[A-Z][a-z]{{2,8}}\.?\s*\d{{1,3}})\s*-\s+")


@dataclass
class ParsedDateline:
    text: str  # the dateline as written, without the separator that follows it
    end: int  # where the story starts after it
    place: str | None
    agency: str | None
    date: str | None
    value: str | None
    strong: bool = True  # an agency, or a comma before the date: not a headline with a date in it


def parse_dateline(paragraph: str) -> ParsedDateline | None:
    """Parse a dateline at the start of ``paragraph``; None when it does not start with one."""
    for pattern in _PATTERNS:
        m = pattern.match(paragraph)
        if m:
            return _result(paragraph, m)
    for pattern in (_PLACE_ONLY, _PLACE_REGION):
        m = pattern.match(paragraph)
        if m and len(m.group("place")) >= 3:
            return _result(paragraph, m)
    for pattern in (_LOWER_CASE, _LOOSE):
        m = pattern.match(paragraph)
        if m:
            return _result(paragraph, m)
    return None


def _result(paragraph: str, m: re.Match) -> ParsedDateline:
    groups = m.groupdict()
    text = re.sub(r"[\s,]*(?:--|[-–—])$", "", paragraph[: m.end()].rstrip()).rstrip(",")
    place = groups.get("place")
    date = groups.get("date")
    year = groups.get("year") or groups.get("year2")
    agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3")
    before_date = paragraph[: m.start("date")] if groups.get("date") else ""
    return ParsedDateline(
        strong=bool(agency) or "," in before_date,
        text=text,
        end=m.end(),
        place=place.strip().rstrip(",") if place else None,
        agency=agency.strip() if agency else None,
        date=" ".join(date.split()) if date else None,
        value=date_value(date, year) if date else None,
    )


def month_day(date: str) -> tuple[int, int] | None:
    """(month, day) of "June 30", "Feb. 24", "30 June"; None for a misspelled month."""
    m = re.search(r"([A-Za-z]+)\.?\s*(\d{1,2})(?!\d)", date) or None
    n = re.search(r"(\d{1,2})\s+([A-Za-z]+)", date)
    if m and m.group(1)[:3].lower() in MONTHS:
        month, day = MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    elif n and n.group(2)[:3].lower() in MONTHS:
        month, day = MONTHS[n.group(2)[:3].lower()], int(n.group(1))
    else:
        return None
    if not 1 <= day <= 31:
        return None
    return month, day


def date_value(date: str, year: str | None = None) -> str | None:
    md = month_day(date)
    if md is None:
        return None
    y = year if year else "XXXX"
    return f"{y}-{md[0]:02d}-{md[1]:02d}"


def with_year(value: str | None, published: str | None) -> str | None:
    """Fill the unknown year of a dateline value from the publication date.

    A dateline is written on or shortly before publication: the year is the one that puts the
    dateline on or before the publication date (a 30 December dateline published on 2 January
    belongs to the year before).
    """
    if not value or not value.startswith("XXXX") or not published:
        return value
    try:
        pub = dt.date.fromisoformat(published[:10])
        month, day = int(value[5:7]), int(value[8:10])
    except ValueError:
        return value
    for year in (pub.year, pub.year - 1):
        try:
            if dt.date(year, month, day) <= pub + dt.timedelta(days=1):
                return f"{year:04d}-{month:02d}-{day:02d}"
        except ValueError:
            continue  # 29 February of a common year
    return value
