"""The TIMEX3 type, value and mod of one pattern's match, against the anchor and the tense of the
verb that governs it (``normalise``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .arithmetic import (
    _clock,
    _day_ref,
    _duration,
    _holiday,
    _iso_week,
    _last_ended_quarter,
    _month,
    _num,
    _relative,
    _season_bounds,
    _shift,
    _spelled_year,
    _weekday,
    _year_for,
)
from .patterns import _MONTH, _WEEKDAY
from .vocabulary import (
    _DECADE_WORDS,
    _MOD_VALUES,
    _PARTS,
    _REF_VALUES,
    _SET_VALUES,
    _STEPS,
    ORDINAL_QUARTERS,
    ORDINAL_WORDS,
    SEASONS,
    WEEKDAYS,
)

_SHARED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+{_WEEKDAY}(?:s\b| (?P<part>morning|afternoon|evening|night)s\b)"
)


_RESULTS_OF = re.compile(
    r"['’]s (?:net |pretax |operating |reported )?(?:loss|losses|profit|profits|results|earnings|"
    r"income|net|sales|revenue|revenues)\b"
)


Value = tuple[str, str, str | None] | None  # type, value, mod; None: the match is no time expression
# A pattern's normaliser: (pattern name, match, its groups, anchor, tense, mod of 'early/late') -> Value
Normaliser = Callable[[str, re.Match, dict, dt.date | None, str | None, str | None], Value]


def _value_iso(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{g['y']}-{g['m']}-{g['d']}", None


def _value_numeric(name, m, g, anchor, tense, mod) -> Value:
    y = g["y"] if len(g["y"]) == 4 else ("19" if int(g["y"]) > 30 else "20") + g["y"]
    return "DATE", f"{y}-{int(g['m']):02d}-{int(g['d']):02d}", None


def _value_time_date(name, m, g, anchor, tense, mod) -> Value:
    if g.get("mon"):
        month, day_n = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        day = f"{_year_for(month, day_n, anchor, tense)}-{month:02d}-{day_n:02d}"
    elif g.get("wd"):
        day = _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
    else:
        day = _day_ref(g["ref"].lower(), anchor)
    if g.get("nm"):
        return "TIME", f"{day}T{'12:00' if g['nm'].lower() == 'noon' else '24:00'}", None
    return "TIME", f"{day}T{_clock(g)}", None


def _value_week_of_month(name, m, g, anchor, tense, mod) -> Value:
    month = _month(g["mon"])
    year = g.get("y") or _year_for(month, None, anchor, tense)
    if year == "XXXX":
        return "DATE", "XXXX-WXX", None
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["ord"].lower())
    if n:
        day = dt.date(int(year), month, 4 + 7 * (n - 1))
    else:  # the last week: the one holding most of the month's last seven days
        day = dt.date(int(year) + month // 12, month % 12 + 1, 1) - dt.timedelta(days=4)
    return "DATE", _iso_week(day), None


def _value_week_of(name, m, g, anchor, tense, mod) -> Value:
    month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
    year = g.get("y") or _year_for(month, day, anchor, tense)
    if year == "XXXX":
        return "DATE", "XXXX-WXX", None
    try:
        return "DATE", _iso_week(dt.date(int(year), month, day)), None
    except ValueError:
        return None
    return None


def _value_mdy(name, m, g, anchor, tense, mod) -> Value:
    month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
    year = g.get("y") or _year_for(month, day, anchor, tense)
    return "DATE", f"{year}-{month:02d}-{day:02d}", mod


def _value_my(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{g['y'] or _spelled_year(g['sy'])}-{_month(g['mon']):02d}", mod


def _value_season_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{g['y'] or _spelled_year(g['sy'])}-{SEASONS[g['season'].lower()]}", mod


def _value_month(name, m, g, anchor, tense, mod) -> Value:
    if _A_MARCH.search(m.string[max(0, m.start() - 12) : m.end() + 8]):
        return None
    month = _month(g.get("mon") or m.group(0).split()[-1].split("-")[-1])
    if g.get("ofrel"):  # "October of next year", "Sept. 11 last year"
        year = f"{anchor.year + _STEPS.get(g['ofrel'].lower(), 0):04d}" if anchor else "XXXX"
        if g.get("d"):
            day = int(re.sub(r"\D", "", g["d"]))
            return "DATE", f"{year}-{month:02d}-{day:02d}", mod
        return "DATE", f"{year}-{month:02d}", mod
    return "DATE", f"{_year_for(month, None, anchor, tense)}-{month:02d}", mod


def _value_quarter(name, m, g, anchor, tense, mod) -> Value:
    q = ORDINAL_QUARTERS[g["ord"].lower()]
    if g.get("y") or g.get("py"):
        year = g.get("y") or g["py"]
    elif anchor is None:
        year = "XXXX"
    elif g.get("ofrel"):
        year = f"{anchor.year + _STEPS.get(g['ofrel'].lower(), 0):04d}"
    elif g.get("rel"):
        year = f"{anchor.year + _STEPS.get(g['rel'].lower(), 0):04d}"
    elif g.get("ago"):
        year = f"{anchor.year - 1:04d}"
    else:
        # Results are reported once a quarter has ended: in a report a quarter that has not yet
        # begun is last year's ("fourth-quarter profit" in January).
        started = dt.date(anchor.year, 3 * q - 2, 1) <= anchor
        year = f"{anchor.year - (0 if started or tense in ('future', 'intent') else 1):04d}"
    return "DATE", f"{year}-Q{q}", None


def _value_two_quarters(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{g['y']}-H{1 if g['ord'].lower() == 'first' else 2}", None


def _value_that_day(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", "XXXX-XX-XX", None  # resolved against the date named before it


def _value_midday(name, m, g, anchor, tense, mod) -> Value:
    day = (
        _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
        if g.get("wd")
        else _day_ref((g.get("ref") or "today").lower(), anchor)
    )
    mid = g["mid"].lower()
    return "TIME", f"{day}T{'12:00' if mid == 'midday' else ('AF' if 'afternoon' in mid else 'MO')}", None


def _value_long(name, m, g, anchor, tense, mod) -> Value:
    unit = g["unit"].lower()
    return "DURATION", _duration("several" if unit.endswith("s") else None, unit), None


def _value_the_years(name, m, g, anchor, tense, mod) -> Value:
    return "DURATION", _duration("several", g.get("unit") or g["unit2"]), None


def _value_half(name, m, g, anchor, tense, mod) -> Value:
    year = g.get("y") or (str(anchor.year) if anchor else "XXXX")
    return "DATE", f"{year}-H{1 if g['ord'].lower() == 'first' else 2}", None


def _value_time(name, m, g, anchor, tense, mod) -> Value:
    return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{_clock(g)}", None


def _value_time24(name, m, g, anchor, tense, mod) -> Value:
    day = (
        _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
        if g.get("wd")
        else _day_ref((g.get("ref") or "today").lower(), anchor)
    )
    return "TIME", f"{day}T{int(g['h']):02d}:{g['mi']}Z", None


def _value_the_day(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", _day_ref("today", anchor), None


def _value_clock_part(name, m, g, anchor, tense, mod) -> Value:
    h = int(g["h"]) % 12 + (0 if g["part"].lower() == "morning" else 12)
    return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{h:02d}:00", None


def _value_ago(name, m, g, anchor, tense, mod) -> Value:
    if m.group(0).lower().endswith("before") and re.match(
        r" (?:the |a |an |his |her |their |its )?[a-z]", m.string[m.end() :]
    ):
        # "ten days before the shooting": an amount of time before an event, not before the report
        return "DURATION", _duration(g["n"], g["unit"]), None
    return (
        "DATE",
        _shift(anchor, g["n"], g["unit"], -1),
        "APPROX" if " or so " in m.group(0).lower() else None,
    )


def _value_half_dur(name, m, g, anchor, tense, mod) -> Value:
    n = _num(g.get("n") or g.get("nw") or "0") or 0 if not g.get("a") else 1
    return "DURATION", _duration(str(n + 0.5), g["unit"]), None


def _value_reldur(name, m, g, anchor, tense, mod) -> Value:
    rel = g["rel"].lower()
    if g.get("n"):
        return "DURATION", _duration(g["n"], g["unit"]), None
    unit = g["unit"].lower()
    if unit.endswith("s"):  # "the past weeks": some weeks
        return (
            ("DURATION", _duration("several", unit), None)
            if rel in ("the past", "the last", "the next", "the coming")
            else None
        )
    if rel in ("the first", "the final") or unit not in (
        "month",
        "quarter",
        "year",
    ):  # "for the last week": seven days
        return ("DURATION", _duration(None, unit), None) if rel != "the first" else None
    # "the past year", "the last quarter, which ended Dec. 30", "the next year or so": the
    # calendar unit before (after) the report's, as "last year" is
    return _relative(rel.removeprefix("the "), unit, anchor, tense)


def _value_rel(name, m, g, anchor, tense, mod) -> Value:
    if (
        anchor is not None
        and g["rel"].lower() == "this"
        and g["unit"].lower() == "quarter"
        and _RESULTS_OF.match(m.string, m.end())
    ):
        year, q = _last_ended_quarter(
            anchor
        )  # "this quarter's loss": results are of a quarter that has ended
        return "DATE", f"{year:04d}-Q{q}", None
    return _relative(g["rel"].lower(), g["unit"], anchor, tense)


def _value_that_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", "XXXX", None  # resolved against the year named before it


def _value_season(name, m, g, anchor, tense, mod) -> Value:
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    if not _SEASON_AFTER.search(before) or (g["season"].lower() == "fall" and not before.endswith("the ")):
        return None  # "spring shows", "prices fall": no season named
    code = SEASONS[g["season"].lower()]
    if anchor is None:
        return "DATE", f"XXXX-{code}", mod
    start, end = _season_bounds(code, anchor)
    year = (
        start.year
        - (1 if tense == "past" and start > anchor else 0)
        + (1 if tense in ("future", "intent") and anchor >= end else 0)
    )
    return "DATE", f"{year:04d}-{code}", mod


def _value_mod_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", g["y"][:3] if g.get("s") else g["y"], _MOD_VALUES[g["mod"].lower()]


def _value_decade(name, m, g, anchor, tense, mod) -> Value:
    if _AGE_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None
    if g.get("dec"):
        return "DATE", g["dec"][:3], None
    return "DATE", "19" + g["dd"][0] if g.get("dd") else _DECADE_WORDS[g["word"].lower()], None


def _value_century(name, m, g, anchor, tense, mod) -> Value:
    number = int(g["c"]) if g.get("c") else ORDINAL_WORDS[g["cw"].lower()]
    return (
        "DATE",
        f"{'BC' if g.get('bc') else ''}{number - 1:02d}",
        None,
    )  # the 20th century: 19xx; the 5th century BC: BC04


def _value_bc_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"BC{int(g['y']):04d}", None  # TimeML writes years before the common era with BC


def _value_spelled_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", _spelled_year(g["sy"]), None


def _value_holiday(name, m, g, anchor, tense, mod) -> Value:
    return (
        "DATE",
        _holiday(g["hol"], g.get("rel"), anchor, tense, int(g["hy"]) if g.get("hy") else None),
        None,
    )


def _value_weekday(name, m, g, anchor, tense, mod) -> Value:
    if m.group(0).lower() == g["wd"].lower() and re.match(
        r"\s+(?:[\w-]+\s+)?(?:shows?|programs?|programmes?|talk shows?)\b(?!\s+(?:a|an|the|"
        r"that|no|signs?|how)\b)",
        m.string[m.end() : m.end() + 40],
    ):
        return None  # "a Sunday TV show", "the Sunday talk shows": a show of every Sunday
    part = g.get("part")
    shared = None if g.get("pl") or g.get("pps") else _SHARED_PLURAL.match(m.string, m.end())
    if g.get("pl") or g.get("pps") or shared:
        # "on Thursdays", "Tuesday nights", "Monday and Tuesday nights": every such day
        part = part or (shared.group("part") if shared else None)
        return (
            "SET",
            f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}" + (f"T{_PARTS[part.lower()]}" if part else ""),
            None,
        )
    day = _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
    return ("TIME", f"{day}T{_PARTS[part.lower()]}", None) if part else ("DATE", day, None)


def _value_day_ref(name, m, g, anchor, tense, mod) -> Value:
    ref = g["ref"].lower()
    if g.get("day"):
        return "TIME", f"{_day_ref(g['day'].lower(), anchor)}T{_PARTS[g['part'].lower()]}", None
    if ref in ("tonight", "last night"):
        return "TIME", f"{_day_ref('today' if ref == 'tonight' else 'yesterday', anchor)}TNI", None
    return "DATE", _day_ref(ref, anchor), None


def _value_weekend(name, m, g, anchor, tense, mod) -> Value:
    if anchor is None:
        return "DATE", "XXXX-WXX-WE", None
    return "DATE", _iso_week(dt.date.fromisoformat(_weekday(5, anchor, tense))) + "-WE", None


def _value_ref(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", _REF_VALUES.get(g["ref"].lower(), "FUTURE_REF"), None


def _value_recent(name, m, g, anchor, tense, mod) -> Value:
    # "in recent months": some time before now, as the examples read it
    return "DATE", "FUTURE_REF" if g["which"].lower() == "coming" else "PAST_REF", None


def _value_latest_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX", None


def _value_months_ago(name, m, g, anchor, tense, mod) -> Value:
    return "DURATION", _duration(g["n"], "month"), None


def _value_unit_year_ago(name, m, g, anchor, tense, mod) -> Value:
    if anchor is None:
        return "DATE", "XXXX-QX", None
    year, q = _last_ended_quarter(anchor)
    return "DATE", f"{year - 1:04d}-Q{q}", None


def _value_latest(name, m, g, anchor, tense, mod) -> Value:
    # Reports speak of the last quarter that has ended; a year-earlier one is a year before it.
    if g["unit"].lower() == "period" and name == "the_unit" and not g.get("py"):
        if g.get("ly") and anchor is not None:  # "last year's period" with no quarter named: last year
            return "DATE", f"{anchor.year - (g['ly'].lower() == 'last'):04d}", None
        return "DATE", "XXXX-QX", None  # only a quarter named before gives "the period" a value
    if anchor is None:
        return "DATE", "XXXX-QX", None
    year, q = _last_ended_quarter(anchor)
    if (g.get("which") or "").lower() in ("year-earlier", "year-ago") or (
        g.get("ly") or ""
    ).lower() == "last":
        year -= 1
    return "DATE", f"{year:04d}-Q{q}", None


def _value_the_year(name, m, g, anchor, tense, mod) -> Value:
    if g.get("ended"):
        return "DURATION", "P1Y", None  # "the year ended March 31": a twelve-month period
    return "DATE", f"{anchor.year:04d}" if anchor else "XXXX", None


def _value_year_earlier(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX", None


def _value_bare_units(name, m, g, anchor, tense, mod) -> Value:
    return "DURATION", _duration("several", g["unit"]), None


def _value_year(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", g["y"], None


def _value_apos_year(name, m, g, anchor, tense, mod) -> Value:
    if anchor is None:
        return "DATE", "XXXX", None  # the century is not written: without a date to go by it is unknown
    year = anchor.year // 100 * 100 + int(g["yy"])
    return "DATE", f"{year - 100 if year > anchor.year else year:04d}", None  # the latest such year


def _value_fy(name, m, g, anchor, tense, mod) -> Value:
    return "DATE", g["y"], None


def _value_duration(name, m, g, anchor, tense, mod) -> Value:
    if (
        g["unit"].lower().startswith("quarter")
        and re.match(r"[ -]of (?:the|its|their|his|her|our|all|a|an|this|that)\b", m.string[m.end() :])
        and (_num(g["n"]) or 9) <= 3
    ):
        return None  # "three-quarters of its food": a fraction
    if g["n"].lower() in ("a", "an") and _after_amount(m):
        return None  # "$2 million a year", "four flights a week": a rate
    if m.group(0).lower() == "one day" and re.search(
        r"\b(?:will|would|could|may|might|can|shall|to|hope|hopes|hoped)\s+$",
        m.string[max(0, m.start() - 12) : m.start()],
    ):
        return "DATE", "FUTURE_REF", None  # "Islam will one day be …": some day to come
    return "DURATION", _duration(g["n"], g["unit"]), None


def _value_set(name, m, g, anchor, tense, mod) -> Value:
    if _after_amount(m):
        return None  # "rise 8.5% annually": a rate of growth, not a recurring time
    words = g["set"].lower().split()
    last = words[-1].rstrip(".")
    if last in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[last] + 1}", None
    if len(words) > 1 and re.fullmatch(_MONTH, words[-1], re.I):
        return "SET", f"XXXX-{_month(last):02d}", None
    return "SET", _SET_VALUES.get(last, "P1Y"), None


# Each pattern's normaliser, by the pattern's name.
VALUES: dict[str, Normaliser] = {
    "iso": _value_iso,
    "numeric": _value_numeric,
    "time_date": _value_time_date,
    "week_of_month": _value_week_of_month,
    "week_of": _value_week_of,
    "mdy": _value_mdy,
    "dmy": _value_mdy,
    "my": _value_my,
    "season_year": _value_season_year,
    "month": _value_month,
    "may": _value_month,
    "month_of": _value_month,
    "quarter": _value_quarter,
    "two_quarters": _value_two_quarters,
    "that_day": _value_that_day,
    "midday": _value_midday,
    "long": _value_long,
    "the_years": _value_the_years,
    "half": _value_half,
    "time": _value_time,
    "time24": _value_time24,
    "the_day": _value_the_day,
    "clock_part": _value_clock_part,
    "ago": _value_ago,
    "half_dur": _value_half_dur,
    "reldur": _value_reldur,
    "rel": _value_rel,
    "that_year": _value_that_year,
    "season": _value_season,
    "mod_year": _value_mod_year,
    "decade": _value_decade,
    "century": _value_century,
    "bc_year": _value_bc_year,
    "spelled_year": _value_spelled_year,
    "holiday": _value_holiday,
    "weekday": _value_weekday,
    "day_ref": _value_day_ref,
    "weekend": _value_weekend,
    "ref": _value_ref,
    "recent": _value_recent,
    "latest_year": _value_latest_year,
    "months_ago": _value_months_ago,
    "unit_year_ago": _value_unit_year_ago,
    "latest": _value_latest,
    "the_unit": _value_latest,
    "the_year": _value_the_year,
    "year_earlier": _value_year_earlier,
    "bare_units": _value_bare_units,
    "year": _value_year,
    "apos_year": _value_apos_year,
    "fy": _value_fy,
    "duration": _value_duration,
    "set": _value_set,
}


def normalise(name: str, m: re.Match, anchor: dt.date | None, tense: str | None) -> Value:
    """The type, value and mod of a match of the pattern ``name``; None where the match is no time."""
    g = m.groupdict()
    mod = _MOD_VALUES.get((g.get("mod") or "").lower()) if g.get("mod") else None
    value = VALUES.get(name)
    return value(name, m, g, anchor, tense, mod) if value else None


_SEASON_AFTER = re.compile(r"\b(?:the|in|during|over|since|until|by) $")


_AGE_BEFORE = re.compile(r"\b(?:his|her|their)(?: early| late| mid-)? $", re.I)


# "the annual March for Life", "the ``March of the Combatant Mothers": a march, not the month
_A_MARCH = re.compile(r"(?:\b(?:the|a|annual)|``|\")\s*March (?:for|of the|on|against|to)\b", re.I)


_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|thousand|hundred|percent|cents|dollars|pounds|euros|"
    r"yen)(?:\s+[a-z]+)?\s+$|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|"
    r"several|few)\s+[a-z]+s\s+$",
    re.I,
)


def _after_amount(m: re.Match) -> bool:
    """Whether a match follows an amount or a counted plural ("$1.76 a year", "seats a week")."""
    return bool(_AMOUNT_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]))
