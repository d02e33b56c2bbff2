"""The TIMEX3 type, value and mod of one pattern's match, against the anchor and the tense of the
verb that governs it (``normalise``).
"""

from __future__ import annotations

import datetime as dt
import re

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


def normalise(
    name: str, m: re.Match, anchor: dt.date | None, tense: str | None
) -> tuple[str, str, str | None] | None:
    g = m.groupdict()
    mod = _MOD_VALUES.get((g.get("mod") or "").lower()) if g.get("mod") else None
    if name == "iso":
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}", None
    if name == "numeric":
        y = g["y"] if len(g["y"]) == 4 else ("19" if int(g["y"]) > 30 else "20") + g["y"]
        return "DATE", f"{y}-{int(g['m']):02d}-{int(g['d']):02d}", None
    if name == "time_date":
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
    if name == "week_of_month":
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
    if name == "week_of":
        month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        year = g.get("y") or _year_for(month, day, anchor, tense)
        if year == "XXXX":
            return "DATE", "XXXX-WXX", None
        try:
            return "DATE", _iso_week(dt.date(int(year), month, day)), None
        except ValueError:
            return None
    if name in ("mdy", "dmy"):
        month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        year = g.get("y") or _year_for(month, day, anchor, tense)
        return "DATE", f"{year}-{month:02d}-{day:02d}", mod
    if name == "my":
        return "DATE", f"{g['y'] or _spelled_year(g['sy'])}-{_month(g['mon']):02d}", mod
    if name == "season_year":
        return "DATE", f"{g['y'] or _spelled_year(g['sy'])}-{SEASONS[g['season'].lower()]}", mod
    if name in ("month", "may", "month_of"):
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
    if name == "quarter":
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
    if name == "two_quarters":
        return "DATE", f"{g['y']}-H{1 if g['ord'].lower() == 'first' else 2}", None
    if name == "that_day":
        return "DATE", "XXXX-XX-XX", None  # resolved against the date named before it
    if name == "midday":
        day = (
            _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
            if g.get("wd")
            else _day_ref((g.get("ref") or "today").lower(), anchor)
        )
        mid = g["mid"].lower()
        return "TIME", f"{day}T{'12:00' if mid == 'midday' else ('AF' if 'afternoon' in mid else 'MO')}", None
    if name == "long":
        unit = g["unit"].lower()
        return "DURATION", _duration("several" if unit.endswith("s") else None, unit), None
    if name == "the_years":
        return "DURATION", _duration("several", g.get("unit") or g["unit2"]), None
    if name == "half":
        year = g.get("y") or (str(anchor.year) if anchor else "XXXX")
        return "DATE", f"{year}-H{1 if g['ord'].lower() == 'first' else 2}", None
    if name == "time":
        return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{_clock(g)}", None
    if name == "time24":
        day = (
            _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense)
            if g.get("wd")
            else _day_ref((g.get("ref") or "today").lower(), anchor)
        )
        return "TIME", f"{day}T{int(g['h']):02d}:{g['mi']}Z", None
    if name == "the_day":
        return "DATE", _day_ref("today", anchor), None
    if name == "clock_part":
        h = int(g["h"]) % 12 + (0 if g["part"].lower() == "morning" else 12)
        return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{h:02d}:00", None
    if name == "ago":
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
    if name == "half_dur":
        n = _num(g.get("n") or g.get("nw") or "0") or 0 if not g.get("a") else 1
        return "DURATION", _duration(str(n + 0.5), g["unit"]), None
    if name == "reldur":
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
    if name == "rel":
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
    if name == "that_year":
        return "DATE", "XXXX", None  # resolved against the year named before it
    if name == "season":
        before = m.string[max(0, m.start() - 8) : m.start()].lower()
        if not _SEASON_AFTER.search(before) or (
            g["season"].lower() == "fall" and not before.endswith("the ")
        ):
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
    if name == "mod_year":
        return "DATE", g["y"][:3] if g.get("s") else g["y"], _MOD_VALUES[g["mod"].lower()]
    if name == "decade":
        if _AGE_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
            return None
        if g.get("dec"):
            return "DATE", g["dec"][:3], None
        return "DATE", "19" + g["dd"][0] if g.get("dd") else _DECADE_WORDS[g["word"].lower()], None
    if name == "century":
        number = int(g["c"]) if g.get("c") else ORDINAL_WORDS[g["cw"].lower()]
        return (
            "DATE",
            f"{'BC' if g.get('bc') else ''}{number - 1:02d}",
            None,
        )  # the 20th century: 19xx; the 5th century BC: BC04
    if name == "bc_year":
        return "DATE", f"BC{int(g['y']):04d}", None  # TimeML writes years before the common era with BC
    if name == "spelled_year":
        return "DATE", _spelled_year(g["sy"]), None
    if name == "holiday":
        return (
            "DATE",
            _holiday(g["hol"], g.get("rel"), anchor, tense, int(g["hy"]) if g.get("hy") else None),
            None,
        )
    if name == "weekday":
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
    if name == "day_ref":
        ref = g["ref"].lower()
        if g.get("day"):
            return "TIME", f"{_day_ref(g['day'].lower(), anchor)}T{_PARTS[g['part'].lower()]}", None
        if ref in ("tonight", "last night"):
            return "TIME", f"{_day_ref('today' if ref == 'tonight' else 'yesterday', anchor)}TNI", None
        return "DATE", _day_ref(ref, anchor), None
    if name == "weekend":
        if anchor is None:
            return "DATE", "XXXX-WXX-WE", None
        return "DATE", _iso_week(dt.date.fromisoformat(_weekday(5, anchor, tense))) + "-WE", None
    if name == "ref":
        return "DATE", _REF_VALUES.get(g["ref"].lower(), "FUTURE_REF"), None
    if name == "recent":  # "in recent months": some time before now, as the examples read it
        return "DATE", "FUTURE_REF" if g["which"].lower() == "coming" else "PAST_REF", None
    if name == "latest_year":
        return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX", None
    if name == "months_ago":
        return "DURATION", _duration(g["n"], "month"), None
    if name == "unit_year_ago":
        if anchor is None:
            return "DATE", "XXXX-QX", None
        year, q = _last_ended_quarter(anchor)
        return "DATE", f"{year - 1:04d}-Q{q}", None
    if name in ("latest", "the_unit"):
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
    if name == "the_year":
        if g.get("ended"):
            return "DURATION", "P1Y", None  # "the year ended March 31": a twelve-month period
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX", None
    if name == "year_earlier":
        return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX", None
    if name == "bare_units":
        return "DURATION", _duration("several", g["unit"]), None
    if name == "year":
        return "DATE", g["y"], None
    if name == "apos_year":
        if anchor is None:
            return "DATE", "XXXX", None  # the century is not written: without a date to go by it is unknown
        year = anchor.year // 100 * 100 + int(g["yy"])
        return "DATE", f"{year - 100 if year > anchor.year else year:04d}", None  # the latest such year
    if name == "fy":
        return "DATE", g["y"], None
    if name == "duration":
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
    if name == "set":
        if _after_amount(m):
            return None  # "rise 8.5% annually": a rate of growth, not a recurring time
        words = g["set"].lower().split()
        last = words[-1].rstrip(".")
        if last in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[last] + 1}", None
        if len(words) > 1 and re.fullmatch(_MONTH, words[-1], re.I):
            return "SET", f"XXXX-{_month(last):02d}", None
        return "SET", _SET_VALUES.get(last, "P1Y"), None
    return None


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
