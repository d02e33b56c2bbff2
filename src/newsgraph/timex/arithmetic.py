"""Calendar arithmetic against an anchor date: ISO weeks, seasons, quarters, the year a month
or day falls in by tense, relative units ("last year", "next week"), shifts ("two weeks ago"),
weekdays, holidays, durations, clock times and spelled numbers and years. Without an anchor what
cannot be known stays ``X``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.dateline import MONTHS
from .patterns import _MONTH
from .vocabulary import (
    _DAY_STEPS,
    _HALVES,
    _ONES,
    _QUARTER_VALUE,
    _STEPS,
    _TENS,
    NUMBERS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)


def _iso_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _season_bounds(code: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of the season nearest the anchor's year (winter begins in December, so in
    January it is last year's), and the first day after it."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = dt.date(anchor.year - (1 if first == 12 and anchor.month < 3 else 0), first, 1)
    return start, dt.date(start.year + (first + 3) // 13, (first + 2) % 12 + 1, 1)


def _last_ended_quarter(anchor: dt.date) -> tuple[int, int]:
    q = (anchor.month - 1) // 3 - 1
    return anchor.year + q // 4, q % 4 + 1


def _quarter_of(value: str) -> tuple[int, int]:
    qm = _QUARTER_VALUE.match(value)
    return (int(qm.group(1)), int(qm.group(2))) if qm else (0, 0)


def _month(token: str) -> int:
    return MONTHS[token[:3].lower()]


def _year_for(month: int, day: int | None, anchor: dt.date | None, tense: str | None) -> str:
    """The year of a month (and day) written without one: the anchor's, moved by a year where the
    tense puts it on the other side of the anchor."""
    if anchor is None:
        return "XXXX"
    year = anchor.year
    try:
        when = dt.date(year, month, day or 1)
    except ValueError:
        return str(year)
    # A past-tense report speaks of dates on or before the anchor, a plan of dates after it; with
    # no tense to go by, the date is the one within half a year of the anchor.
    tense = None if tense in ("intent", "present") else tense
    # Reports in the past tense often name a date that is still to come ("payable Dec. 7", "extended
    # to Nov. 16"): up to two months ahead stays in the anchor's year.
    slack = 62 if day else 31
    ahead = (when - anchor).days
    if (tense == "past" and ahead > slack) or (tense is None and ahead > 183):
        year -= 1
    elif (tense == "future" and -ahead > slack) or (tense is None and -ahead > 183):
        year += 1  # with no tense to go by, the nearer of the two years
    return f"{year:04d}"


def _num(text: str) -> float | None:
    t = text.lower()
    if t in NUMBERS:
        return NUMBERS[t]
    if (tens := re.fullmatch(r"(\w+)[- ](\w+)", t)) and tens.group(1) in NUMBERS and tens.group(2) in NUMBERS:
        return NUMBERS[tens.group(1)] + NUMBERS[tens.group(2)]  # "twenty-four", "twenty four"
    try:
        return float(t)
    except ValueError:
        return None


def _duration(n_text: str | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    code = UNITS.get(unit, "D")
    n = _num(n_text) if n_text else 1
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if n is not None and float(n) % 1 == 0.5 and code in _HALVES:
        whole, (half, small) = int(n), _HALVES[code]
        return (
            f"P{'T' if code.startswith('T') else ''}{whole}{code[-1]}"
            f"{'T' if code == 'D' else ''}{half}{small}"
            if whole
            else f"P{'T' if code.startswith('T') or code == 'D' else ''}{half}{small}"
        )
    if code == "DE":
        return f"P{amount if amount == 'X' else int(float(amount) * 10)}Y"
    if code == "CE":
        return f"P{amount if amount == 'X' else int(float(amount) * 100)}Y"
    if code == "WE":
        return f"P{amount}WE"
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


def _clock(g: dict) -> str:
    h = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
    return f"{h:02d}:{int(g.get('mi') or 0):02d}"


def _day_ref(ref: str, anchor: dt.date | None) -> str:
    if anchor is None:
        return "XXXX-XX-XX"
    return (anchor + dt.timedelta(days=_DAY_STEPS.get(ref, 0))).isoformat()


def _spelled_year(words: str) -> str:
    """ "nineteen ninety-six" → 1996, "two thousand" → 2000."""
    w = re.split(r"[ -]+", words.lower().replace(" and ", " "))
    if w[:2] == ["two", "thousand"]:
        return f"{2000 + sum(_ONES.get(x, 0) for x in w[2:]):04d}"
    rest = w[1:]
    if rest == ["hundred"]:
        return "1900"
    return f"{1900 + _TENS.get(rest[0], 0) + sum(_ONES.get(x, 0) for x in rest[1:]):04d}"


def _holiday(
    name: str, rel: str | None, anchor: dt.date | None, tense: str | None, year: int | None = None
) -> str:
    """A holiday's date in the year written with it ("Christmas Day 2009"), else in the year the
    tense points to (the last one in a report, the next in a plan)."""
    key = name.lower().replace("'", "")

    def on(year: int) -> dt.date:
        if key.startswith("thanksgiving"):
            return _nth_weekday(year, 11, 3, 4)
        if key.startswith("christmas"):
            return dt.date(year, 12, 24 if key.endswith("eve") else 25)
        if key.startswith("new years"):
            return dt.date(year, 12, 31) if key.endswith("eve") else dt.date(year, 1, 1)
        if key.startswith("independence"):
            return dt.date(year, 7, 4)
        if key.startswith("election"):
            return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
        if key.startswith("easter"):
            from dateutil.easter import easter

            return easter(year)
        if key.startswith("labor"):
            return _nth_weekday(year, 9, 0, 1)
        if key.startswith("memorial"):
            return _nth_weekday(year, 6, 0, 1) - dt.timedelta(days=7)  # the last Monday of May
        if key.startswith("veterans"):
            return dt.date(year, 11, 11)
        if key.startswith("valentine"):
            return dt.date(year, 2, 14)
        return dt.date(year, 10, 31)  # Halloween

    if year is not None:
        return on(year).isoformat()
    if anchor is None:
        d = on(2000)
        return (
            f"XXXX-{d.month:02d}-{d.day:02d}"
            if not key.startswith(("thanksgiving", "election", "easter", "labor", "memorial"))
            else "XXXX-XX-XX"
        )
    this = on(anchor.year)
    if (rel and rel.lower() == "last") or (
        not rel and tense != "future" and tense != "intent" and this > anchor + dt.timedelta(days=2)
    ):
        this = on(anchor.year - 1) if this > anchor else this
    elif (rel and rel.lower() == "next") or (tense in ("future", "intent") and this < anchor):
        this = on(anchor.year + 1) if this < anchor else this
    return this.isoformat()


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _shift(anchor: dt.date | None, n_text: str, unit: str, sign: int) -> str:
    n = _num(n_text)
    unit = unit.lower().rstrip("s")
    if anchor is None or n is None or not float(n).is_integer():
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = int(n) * sign
    if unit.startswith("year"):
        return f"{anchor.year + n:04d}"
    if unit.startswith("decade"):
        return f"{anchor.year + 10 * n:04d}"
    if unit.startswith("month"):
        y, mth = divmod(anchor.month - 1 + n, 12)
        return f"{anchor.year + y:04d}-{mth + 1:02d}"
    if unit.startswith("week"):
        return _iso_week(anchor + dt.timedelta(weeks=n))
    if unit.startswith("day"):
        return (anchor + dt.timedelta(days=n)).isoformat()
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


def _relative(
    rel: str, unit: str, anchor: dt.date | None, tense: str | None
) -> tuple[str, str, str | None] | None:
    u = unit.lower()
    step = _STEPS.get(rel, 0)
    if u in WEEKDAYS:
        if step and anchor is not None:  # "last Monday" said on a Monday is a week ago
            back = (anchor.weekday() - WEEKDAYS[u]) % 7 or 7
            ahead = (WEEKDAYS[u] - anchor.weekday()) % 7 or 7
            return "DATE", (anchor + dt.timedelta(days=ahead if step > 0 else -back)).isoformat(), None
        return "DATE", _weekday(WEEKDAYS[u], anchor, tense), None
    if u in SEASONS:
        if anchor is None:
            return "DATE", f"XXXX-{SEASONS[u]}", None
        # "last spring" is the latest spring that has ended, "next spring" the first still to come
        start, end = _season_bounds(SEASONS[u], anchor)
        ended = anchor >= end
        year = start.year - (1 if step < 0 and not ended else 0) + (1 if step > 0 and anchor >= start else 0)
        return "DATE", f"{year:04d}-{SEASONS[u]}", None
    if re.fullmatch(_MONTH, unit, re.I):
        month = _month(unit)
        if anchor is None:
            return "DATE", f"XXXX-{month:02d}", None
        year = anchor.year + (
            -1 if step < 0 and month >= anchor.month else (1 if step > 0 and month <= anchor.month else 0)
        )
        return "DATE", f"{year:04d}-{month:02d}", None
    if anchor is None:
        return (
            "DATE",
            {
                "year": "XXXX",
                "month": "XXXX-XX",
                "week": "XXXX-WXX",
                "weekend": "XXXX-WXX-WE",
                "quarter": "XXXX-QX",
                "decade": "XXX",
                "century": "XX",
            }[u],
            None,
        )
    if u == "year":
        return "DATE", f"{anchor.year + step:04d}", None
    if u == "month":
        y, mth = divmod(anchor.month - 1 + step, 12)
        return "DATE", f"{anchor.year + y:04d}-{mth + 1:02d}", None
    if u in ("week", "weekend"):
        return "DATE", _iso_week(anchor + dt.timedelta(weeks=step)) + ("-WE" if u == "weekend" else ""), None
    if u == "quarter":
        q = (anchor.month - 1) // 3 + step
        y, q = anchor.year + q // 4, q % 4 + 1
        return "DATE", f"{y:04d}-Q{q}", None
    if u == "decade":
        return "DATE", f"{(anchor.year // 10 + step):03d}", None
    if u == "century":
        return "DATE", f"{(anchor.year // 100 + step):02d}", None
    return None


def _weekday(wd: int, anchor: dt.date | None, tense: str | None) -> str:
    """A weekday next to the anchor: on or before it in a report, after it in a plan."""
    if anchor is None:
        return "XXXX-XX-XX"
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if tense in ("future", "intent", "present"):  # news writes coming days in the present: "meets Monday"
        return (anchor + dt.timedelta(days=ahead)).isoformat()
    return (anchor - dt.timedelta(days=back)).isoformat()
