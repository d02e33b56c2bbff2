"""Dates and times (TIMEX3): found by a grammar of patterns, normalised against the publication date.

Values follow TimeML: ``2021-06-16``, ``2021-05`` with mod ``START`` for "early May", ``P3M`` for
"three months", ``PAST_REF`` for "recently", ``2021-Q1``, ``199`` for "the 1990s". Relative dates
("Tuesday", "last year", "two weeks ago") are resolved against the anchor: the publication date,
else the dateline once its year is known. In a report in the past tense "Tuesday" is the latest
Tuesday on or before the anchor; in a plan it is the next one. Without an anchor the year stays
``XXXX`` and a weekday stays ``XXXX-XX-XX``: never today's year, never a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..ids import content_id
from ..registry import stage
from ..types import Article
from .dateline import MONTH_PATTERN, MONTHS

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "half": 0.5,
}  # fmt: skip
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "weekend": "WE", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MONTH = MONTH_PATTERN
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|half|several|few|a few|many|some|a couple of)"
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOD = r"(?:(?P<mod>early|mid|late|the (?:beginning|start|middle|end) of|end of|beginning of|middle of)[ -])?"

# Ordered: longer and more specific patterns first; a later match may not overlap an earlier one.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("numeric", re.compile(rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>{_YEAR}|\d\d)\b")),
    ("mdy", re.compile(rf"\b{_MOD}(?P<wd>{_WEEKDAY},? )?(?P<mon>{_MONTH}) (?P<d>{_DAYNUM})(?:,? (?P<y>{_YEAR}))?\b(?!-)")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAYNUM}) (?:of )?(?P<mon>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b")),
    ("my", re.compile(rf"\b{_MOD}(?P<mon>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("quarter", re.compile(rf"\b(?:the )?(?P<rel>(?:last|next|this|previous|current|same) )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of (?P<y>{_YEAR}))?\b", re.I)),
    ("half", re.compile(rf"\b(?:the )?(?P<ord>first|second) half(?: of (?P<y>{_YEAR}))?\b", re.I)),
    ("time", re.compile(r"\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))? ?(?P<ap>[ap]\.?m\.?)(?=\W|$)", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUM})[ -](?P<unit>{_UNIT}) (?:ago|earlier|before)\b", re.I)),
    ("reldur", re.compile(rf"\b(?P<rel>the (?:past|last|next|previous|coming|first|final)) (?:(?P<n>{_NUM}) )?(?P<unit>{_UNIT})\b", re.I)),
    ("rel", re.compile(rf"\b(?P<rel>last|next|this|previous|coming|current|past|the following|the previous|the same) (?P<unit>week(?:end)?|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|{_WEEKDAY}|{_MONTH})\b(?!-)", re.I)),
    ("mod_year", re.compile(rf"\b(?P<mod>early|mid|late)[ -](?P<y>{_YEAR})s?\b", re.I)),
    ("decade", re.compile(r"\b(?:the )?(?P<dec>(?:1[89]|20)\d0)'?s\b")),
    ("month", re.compile(rf"\b{_MOD}(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b")),
    ("may", re.compile(r"\b(?:(?P<mod>early|mid|late)[ -]|(?<=in )|(?<=since )|(?<=until )|(?<=by ))May\b(?! \d)")),
    ("weekday", re.compile(rf"\b(?:(?P<mod>early|late) )?(?P<wd>{_WEEKDAY})(?: (?P<part>morning|afternoon|evening|night))?\b")),
    ("day_ref", re.compile(r"\b(?P<ref>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("ref", re.compile(r"\b(?P<ref>now|currently|current|at present|nowadays|recently|recent (?:months|years|weeks|days)|recent|the future|future|in the past|formerly|previously|soon)\b(?!-)", re.I)),
    ("latest", re.compile(r"\b(?:the )?(?P<which>latest|most recent|last|year-earlier|year-ago) (?P<unit>quarter|period)\b", re.I)),
    ("the_unit", re.compile(r"\bthe (?P<unit>quarter)\b(?! of)", re.I)),
    ("year_earlier", re.compile(r"\b(?P<which>year-earlier|year-ago)\b", re.I)),
    ("bare_units", re.compile(r"(?:(?<=\bfor )|(?<=\bin )|(?<=\bwithin ))(?P<unit>years|months|weeks|days|decades)\b", re.I)),
    ("year", re.compile(rf"(?<![\d$,.£€])\b(?:fiscal )?(?P<y>{_YEAR})\b(?![\-/]\d|,\d|\.\d|%| percent| mln| billion| million| people| shares| tonnes| dollars| dlrs| units| barrels| feet| metres| meters| miles| points| cars| workers| troops| jobs)")),
    ("fy", re.compile(rf"\b(?P<y>{_YEAR})/(?P<y2>\d\d)\b")),
    ("duration", re.compile(rf"\b(?P<n>{_NUM})[ -](?P<unit>{_UNIT})(?:[ -]long)?\b(?![ -]old)", re.I)),
    ("set", re.compile(r"\b(?P<set>every (?:day|week|month|year)|each (?:day|week|month|year))\b", re.I)),
]
_REF_VALUES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "soon": "FUTURE_REF", "in the past": "PAST_REF", "formerly": "PAST_REF",
    "previously": "PAST_REF",
}  # fmt: skip
_MOD_VALUES = {"early": "START", "mid": "MID", "late": "END", "beginning of": "START", "the beginning of": "START", "start of": "START",
               "the start of": "START", "middle of": "MID", "the middle of": "MID", "end of": "END", "the end of": "END"}  # fmt: skip
_SET_VALUES = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y"}


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    def to_dict(self, article_key: str) -> dict:
        d = {"id": content_id("timex", article_key, self.start, self.end), "start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}
        if self.mod:
            d["mod"] = self.mod
        return d


def anchor_date(doc: Article) -> dt.date | None:
    """The publication date, else a dateline with a year; None when neither is known."""
    for value in (doc.published, doc.dateline.value if doc.dateline else None):
        if value and not value.startswith("XXXX"):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


@stage("timex.rules.v1", requires=("nlp",), assigns=("timexes",))
def find_timexes(doc: Article) -> Article:
    from .entities import article_key

    akey = article_key(doc)
    anchor = anchor_date(doc)
    tense = _tense_lookup(doc.nlp) if doc.nlp is not None else (lambda i: None)
    found = tag(doc.text, anchor, tense)
    doc.timexes = [t.to_dict(akey) for t in found]
    if doc.dateline and doc.dateline.date:
        dl_text = doc.dateline.text
        i = dl_text.find(doc.dateline.date)
        if i >= 0:
            value = doc.dateline.value or "XXXX-XX-XX"
            d = Timex(i, i + len(doc.dateline.date), doc.dateline.date, "DATE", value).to_dict(akey)
            d["field"] = "dateline"
            doc.timexes.insert(0, d)
    return doc


def tag(text: str, anchor: dt.date | None, tense=lambda i: None) -> list[Timex]:
    """Every TIMEX3 in ``text``, normalised against ``anchor`` (None: the year is unknown)."""
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(s < b and a < e for a, b in taken):
                continue
            norm = _normalise(name, m, anchor, tense(s))
            if norm is None:
                continue
            typ, value, mod = norm
            surface = text[s:e]
            if surface.lower().startswith("the ") and name not in ("decade", "reldur"):
                s += 4
                surface = surface[4:]
            taken.append((s, e))
            out.append(Timex(s, e, surface, typ, value, mod))
    out.sort(key=lambda t: t.start)
    return out


def _tense_lookup(sp):
    """'past', 'future' or None for the verb that governs the words at a character offset."""

    starts = [t.idx for t in sp]

    def lookup(offset: int) -> str | None:
        if not starts:
            return None
        tok = sp[max(0, bisect.bisect_right(starts, offset) - 1)]
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                break
            if tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("will", "'ll", "shall", "wo") for a in aux) or any(a.lower_ in ("is", "are", "am") for a in aux) and tok.tag_ == "VBG" and tok.lower_ == "going":
            return "future"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or any(a.lower_ in ("has", "have", "had") for a in aux):
            return "past"
        if tok.tag_ in ("VBP", "VBZ") and not aux:
            return None
        if tok.tag_ == "VB" and any(a.lower_ in ("to",) for a in tok.children):
            return "future"
        return None

    return lookup


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
    slack = 2 if day else 31
    ahead = (when - anchor).days
    if tense == "past" and ahead > slack or tense is None and ahead > 183:
        year -= 1
    elif tense == "future" and -ahead > slack or tense is None and -ahead > 183:
        year += 1  # with no tense to go by, the nearer of the two years
    return f"{year:04d}"


def _num(text: str) -> float | None:
    t = text.lower()
    if t in NUMBERS:
        return NUMBERS[t]
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
    if code == "DE":
        return f"P{amount if amount == 'X' else int(float(amount) * 10)}Y"
    if code == "CE":
        return f"P{amount if amount == 'X' else int(float(amount) * 100)}Y"
    if code == "WE":
        return f"P{amount}WE"
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


def _normalise(name: str, m: re.Match, anchor: dt.date | None, tense: str | None) -> tuple[str, str, str | None] | None:
    g = m.groupdict()
    mod = _MOD_VALUES.get((g.get("mod") or "").lower()) if g.get("mod") else None
    if name == "iso":
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}", None
    if name == "numeric":
        y = g["y"] if len(g["y"]) == 4 else ("19" if int(g["y"]) > 30 else "20") + g["y"]
        return "DATE", f"{y}-{int(g['m']):02d}-{int(g['d']):02d}", None
    if name in ("mdy", "dmy"):
        month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
        year = g.get("y") or _year_for(month, day, anchor, tense)
        return "DATE", f"{year}-{month:02d}-{day:02d}", mod
    if name == "my":
        return "DATE", f"{g['y']}-{_month(g['mon']):02d}", mod
    if name in ("month", "may"):
        month = _month(m.group(0).split()[-1].split("-")[-1])
        return "DATE", f"{_year_for(month, None, anchor, tense)}-{month:02d}", mod
    if name == "quarter":
        q = ORDINAL_QUARTERS[g["ord"].lower()]
        year = g.get("y") or (str(anchor.year) if anchor else "XXXX")
        return "DATE", f"{year}-Q{q}", None
    if name == "half":
        year = g.get("y") or (str(anchor.year) if anchor else "XXXX")
        return "DATE", f"{year}-H{1 if g['ord'].lower() == 'first' else 2}", None
    if name == "time":
        h = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        day = anchor.isoformat() if anchor else "XXXX-XX-XX"
        return "TIME", f"{day}T{h:02d}:{int(g.get('mi') or 0):02d}", None
    if name == "ago":
        return "DATE", _shift(anchor, g["n"], g["unit"], -1), None
    if name == "reldur":
        rel = g["rel"].lower()
        if g.get("n") or rel in ("the past", "the last", "the next", "the coming"):
            return "DURATION", _duration(g.get("n"), g["unit"]), None
        return None
    if name == "rel":
        return _relative(g["rel"].lower(), g["unit"], anchor, tense)
    if name == "mod_year":
        return "DATE", g["y"], _MOD_VALUES[g["mod"].lower()]
    if name == "decade":
        return "DATE", g["dec"][:3], None
    if name == "weekday":
        return "DATE", _weekday(WEEKDAYS[g["wd"].lower()], anchor, tense), None
    if name == "day_ref":
        ref = g["ref"].lower()
        if anchor is None:
            return "DATE", "XXXX-XX-XX", None
        delta = {"yesterday": -1, "tomorrow": 1}.get(ref, 0)
        value = (anchor + dt.timedelta(days=delta)).isoformat()
        part = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF", "this evening": "EV"}.get(ref)
        return ("TIME", f"{value}T{part}", None) if part else ("DATE", value, None)
    if name == "ref":
        ref = g["ref"].lower()
        return "DATE", _REF_VALUES.get(ref, "PAST_REF"), None
    if name in ("latest", "the_unit"):
        # Reports speak of the last quarter that has ended; a year-earlier one is a year before it.
        if anchor is None:
            return "DATE", "XXXX-QX", None
        q = (anchor.month - 1) // 3 - 1
        year, q = anchor.year + q // 4, q % 4 + 1
        if (g.get("which") or "").lower() in ("year-earlier", "year-ago"):
            year -= 1
        return "DATE", f"{year:04d}-Q{q}", None
    if name == "year_earlier":
        return "DATE", f"{anchor.year - 1:04d}" if anchor else "XXXX", None
    if name == "bare_units":
        return "DURATION", _duration("several", g["unit"]), None
    if name == "year":
        return "DATE", g["y"], None
    if name == "fy":
        return "DATE", g["y"], None
    if name == "duration":
        return "DURATION", _duration(g["n"], g["unit"]), None
    if name == "set":
        word = g["set"].lower().split()[-1]
        return "SET", _SET_VALUES.get(word, "P1Y"), None
    return None


def _shift(anchor: dt.date | None, n_text: str, unit: str, sign: int) -> str:
    n = _num(n_text)
    unit = unit.lower().rstrip("s")
    if anchor is None or n is None or not float(n).is_integer():
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = int(n) * sign
    if unit.startswith("year"):
        return f"{anchor.year + n:04d}"
    if unit.startswith("decade"):
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit.startswith("month"):
        y, mth = divmod(anchor.month - 1 + n, 12)
        return f"{anchor.year + y:04d}-{mth + 1:02d}"
    if unit.startswith("week"):
        iso = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit.startswith("day"):
        return (anchor + dt.timedelta(days=n)).isoformat()
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


def _relative(rel: str, unit: str, anchor: dt.date | None, tense: str | None) -> tuple[str, str, str | None] | None:
    u = unit.lower()
    step = {"last": -1, "previous": -1, "past": -1, "the previous": -1, "next": 1, "coming": 1, "the following": 1}.get(rel, 0)
    if u in WEEKDAYS:
        return "DATE", _weekday(WEEKDAYS[u], anchor, "past" if step < 0 else ("future" if step > 0 else tense)), None
    if u in SEASONS:
        year = anchor.year + (step if step else 0) if anchor else None
        return "DATE", f"{year:04d}-{SEASONS[u]}" if year else f"XXXX-{SEASONS[u]}", None
    if re.fullmatch(_MONTH, unit, re.I):
        month = _month(unit)
        if anchor is None:
            return "DATE", f"XXXX-{month:02d}", None
        year = anchor.year + (-1 if step < 0 and month >= anchor.month else (1 if step > 0 and month <= anchor.month else 0))
        return "DATE", f"{year:04d}-{month:02d}", None
    if anchor is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}[u], None
    if u == "year":
        return "DATE", f"{anchor.year + step:04d}", None
    if u == "month":
        y, mth = divmod(anchor.month - 1 + step, 12)
        return "DATE", f"{anchor.year + y:04d}-{mth + 1:02d}", None
    if u in ("week", "weekend"):
        iso = (anchor + dt.timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if u == "weekend" else ""), None
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
    if tense == "future" or tense is None and ahead < back:
        return (anchor + dt.timedelta(days=ahead)).isoformat()
    return (anchor - dt.timedelta(days=back)).isoformat()
