"""Expressions that point back to a time named before them ("a year earlier", "the following year",
"that month", "the next morning"), resolved in reading order; and days and months counted from a
dateline that gives the day but not the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .arithmetic import _quarter_of
from .found import Found
from .vocabulary import _DAY_STEPS, _PARTS, _QUARTER_VALUE, _STEPS, ORDINAL_QUARTERS, WEEKDAYS


def count_from_month_day(found: list[tuple[Found, str | None, dict]], month_day: tuple[int, int]) -> None:
    """Days and months counted from a day of publication whose year is unknown."""
    month, day = month_day
    # A year that makes the day valid; only a step across the end of February depends on which.
    ref = dt.date(2000 if (month, day) == (2, 29) else 2001, month, day)
    for t, _, g in found:
        if t.rule == "day_ref" and t.value.startswith("XXXX-XX-XX"):
            step = _DAY_STEPS.get((g.get("day") or g["ref"]).lower(), 0)
            when = ref + dt.timedelta(days=step)
            if (when.month, when.day) in ((2, 28), (2, 29)) and step < 0 and (month, day) == (3, 1):
                value = "XXXX-02-XX"  # the day before March 1: the 28th or the 29th
            else:
                value = f"XXXX-{when.month:02d}-{when.day:02d}"
            t.value = value + t.value[len("XXXX-XX-XX") :]
        elif t.rule == "rel" and t.value == "XXXX-XX" and (g.get("unit") or "").lower() == "month":
            rel = g["rel"].lower()
            if rel in ("last", "this", "next", "current", "previous", "coming"):
                t.value = f"XXXX-{(month - 1 + _STEPS.get(rel, 0)) % 12 + 1:02d}"


def anaphor(name: str, m: re.Match) -> str | None:
    """Which kind of earlier time an expression points back to, if any."""
    g = m.groupdict()
    if (
        name == "ago" and (g["n"] or "").lower() in ("a", "an", "one") and g["unit"].lower() == "year"
    ) or name == "year_earlier":
        return "year_before"  # "a year earlier": the same quarter a year before, when a quarter is the topic
    if (name == "quarter" and g.get("ago")) or name == "unit_year_ago":
        return "year_before"
    if name == "latest":
        which = g["which"].lower()
        return (
            "year_before"
            if which in ("year-earlier", "year-ago")
            else ("latest" if which in ("latest", "most recent") else "quarter")
        )
    if name == "the_unit":
        return "quarter"
    if name == "that_year":
        return "year"
    if name == "the_year" and re.match(r"the (?:full|entire|whole) year$", m.group(0), re.I):
        return "whole_year"  # "a loss in the fourth quarter of 2005 and for the entire year": 2005
    if name in ("that_day", "the_day"):
        return "day"  # ("to end the day at 7,114" in a report of Monday's trading: Monday)
    if (
        name == "rel"
        and g["rel"].lower() in ("the previous", "the following")
        and g["unit"].lower() in WEEKDAYS
    ):
        return "weekday"  # "down from the previous Friday": the Friday before the day last named
    return None


DROP, KEEP, KEEP_UNREMEMBERED = 0, 1, 2  # what becomes of an expression once its kind is resolved


@dataclass
class _Context:
    """What the text has named so far, in reading order."""

    anchor: dt.date | None
    quarter: tuple[int, int] | None = None  # the last quarter named outright
    year: int | None = None  # the last year named or resolved
    month: tuple[int, int] | None = None  # and the last month
    day: dt.date | None = None  # and the last full date
    period: tuple[str, int] | None = None  # the last month named outright, and where
    quarter_at: int = -1  # and where the last quarter was
    months_at: int = -1  # where the last "first nine months", "six months" (to date) was

    def remember(self, t: Found, kind: str | None) -> None:
        if kind is None and re.fullmatch(r"\d{4}-\d\d", t.value):
            self.period = (t.value, t.start)
        if t.type == "DURATION" and t.value in ("P6M", "P9M"):
            self.months_at = t.start
        if kind in (None, "latest") and _QUARTER_VALUE.match(t.value):
            self.quarter_at = t.start
            named = _quarter_of(t.value)
            # a quarter still to come ("a fourth-quarter charge", "the third quarter of 1990") is a
            # forecast, one before it ("after a flat second quarter") background: the quarter
            # reported on stays the one "a year earlier" compares with
            if (
                self.quarter is None
                or self.anchor is None
                or (
                    dt.date(named[0] + named[1] // 4, named[1] % 4 * 3 + 1, 1) <= self.anchor
                    and named >= self.quarter
                )
            ):
                self.quarter = named
        if t.type == "DATE" and re.match(r"^\d{4}(?:-|$)", t.value):
            self.year = int(t.value[:4])
            if mm := re.match(r"^\d{4}-(\d\d)", t.value):
                self.month = (self.year, int(mm.group(1)))
        if dm := re.match(r"^(\d{4}-\d\d-\d\d)", t.value):
            self.day = dt.date.fromisoformat(dm.group(1))


def _year_before(t: Found, g: dict, c: _Context) -> int:
    unit = (g.get("unit") or "").lower()
    if unit == "month" and c.period is None:
        return DROP  # "the same month a year ago" with no month named before it
    if c.period and (unit == "month" or (unit == "period" and (not c.quarter or c.period[1] > c.quarter_at))):
        t.value = (
            f"{int(c.period[0][:4]) - 1:04d}{c.period[0][4:]}"  # "in February, … the same period last year"
        )
    elif c.quarter and c.months_at > c.quarter_at and t.rule in ("ago", "year_earlier"):
        pass  # "profit for the nine months … compared with a year earlier": that year, not the quarter
    elif c.quarter:
        q = ORDINAL_QUARTERS[g["ord"].lower()] if g.get("ord") else c.quarter[1]
        t.value, t.type = f"{c.quarter[0] - 1:04d}-Q{q}", "DATE"
    return KEEP


def _latest(t: Found, g: dict, c: _Context) -> int:
    # "the latest quarter": the one named before if it has ended, else the last that has
    # ("a fourth-quarter charge" ahead does not make the fourth the latest)
    if c.quarter and (t.value == "XXXX-QX" or c.quarter <= _quarter_of(t.value)):
        t.value = f"{c.quarter[0]:04d}-Q{c.quarter[1]}"
    return KEEP


def _quarter(t: Found, g: dict, c: _Context) -> int:
    explicit = g.get("py")
    if explicit:
        base = int(explicit)
    elif c.quarter:
        base = c.quarter[0] - 1 if (g.get("ly") or "").lower() == "last" else c.quarter[0]
    else:
        base = None
    if c.quarter and base is not None:
        t.value = f"{base:04d}-Q{c.quarter[1]}"
    elif explicit:
        t.value = explicit
    elif g["unit"].lower() == "period" and not g.get("ly"):
        return DROP  # "the period" with no quarter in view names no time
    return KEEP


def _day(t: Found, g: dict, c: _Context) -> int:
    if c.day is None:
        # "the day" with no day named before it: the day of the report; "that day": no date before it
        return KEEP_UNREMEMBERED if g.get("which") is None else DROP
    which = (g.get("which") or "that").lower()
    step = 1 if which in ("the next", "the following") else (-1 if which == "the previous" else 0)
    when = c.day + dt.timedelta(days=step)
    part = (g.get("part") or "day").lower()
    if part == "day":
        t.value, t.type = when.isoformat(), "DATE"
    else:
        t.value, t.type = f"{when.isoformat()}T{_PARTS[part]}", "TIME"
    return KEEP


def _weekday(t: Found, g: dict, c: _Context) -> int:
    if c.day is not None:
        wd = WEEKDAYS[g["unit"].lower()]
        if g["rel"].lower() == "the previous":
            when = c.day - dt.timedelta(days=(c.day.weekday() - wd) % 7 or 7)
        else:
            when = c.day + dt.timedelta(days=(wd - c.day.weekday()) % 7 or 7)
        t.value = when.isoformat()
    return KEEP


def _whole_year(t: Found, g: dict, c: _Context) -> int:
    if c.quarter is not None:  # the year of the quarter reported on
        t.value = f"{c.quarter[0]:04d}"
    return KEEP


def _year(t: Found, g: dict, c: _Context) -> int:
    step = _STEPS.get((g.get("step") or "").lower(), 0)
    if g.get("after"):  # "than the year previous", "the month after"
        step = 1 if g["after"].lower() in ("after", "later") else -1
    if (g.get("unit") or "").lower() == "quarter":
        if c.quarter is None:
            return DROP  # "that quarter" with no quarter before it
        t.value = f"{c.quarter[0]:04d}-Q{c.quarter[1]}"
    elif (g.get("unit") or g.get("unit2") or g.get("unit3") or "").lower() == "month":
        if c.month is None:
            return DROP  # "that month" with no month before it: nothing to resolve it to
        y, mth = divmod(c.month[1] - 1 + step, 12)
        t.value = f"{c.month[0] + y:04d}-{mth + 1:02d}"
    elif c.year is None:
        return DROP
    else:
        t.value = f"{c.year + step:04d}"
    return KEEP


RESOLVERS: dict[str, Callable[[Found, dict, _Context], int]] = {
    "year_before": _year_before,
    "latest": _latest,
    "quarter": _quarter,
    "day": _day,
    "weekday": _weekday,
    "whole_year": _whole_year,
    "year": _year,
}


def resolve_anaphora(
    found: list[tuple[Found, str | None, dict]], anchor: dt.date | None = None
) -> list[Found]:
    """The expressions in reading order, each that points back resolved against what was named before
    it (``anaphor`` says which kind it is); those with nothing to point back to are dropped."""
    out: list[Found] = []
    context = _Context(anchor)
    for t, kind, g in found:
        resolver = RESOLVERS.get(kind) if kind else None
        outcome = resolver(t, g, context) if resolver else KEEP
        if outcome == DROP:
            continue
        out.append(t)
        if outcome == KEEP:
            context.remember(t, kind)
    return out
