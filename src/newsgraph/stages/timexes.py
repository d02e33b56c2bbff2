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
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from ..ids import content_id
from ..registry import stage
from ..text.dateline import MONTH_PATTERN, MONTHS
from ..text.nlp import token_table
from ..types import Article, Timex

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half": 0.5, "a couple of": 2, "couple of": 2,
}  # fmt: skip
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Verbs that set or move a deadline: "postponed until Tuesday" names a day still to come.
DEADLINE_VERBS = frozenset(
    {
        "postpone",
        "extend",
        "delay",
        "adjourn",
        "defer",
        "give",
        "suspend",
        "recess",
        "hold",
        "set",
        "push",
        "put",
        "close",
        "shut",
        "halt",
    }
)
# Verbs whose infinitive names a time still to come when they are told in the past: "agreed to meet Friday".
PLAN_VERBS = frozenset({
    "plan", "expect", "agree", "decide", "promise", "intend", "hope", "schedule", "want", "aim", "seek",
    "vow", "threaten", "pledge", "offer", "propose", "ask", "urge", "call", "order", "tell", "invite",
    "prepare", "set", "be", "say", "announce", "refuse", "decline", "vote", "move", "try", "need", "have",
    "get", "go", "arrange", "choose", "elect", "wish",
})  # fmt: skip
# Nouns whose infinitive names what is still to come: "announced an agreement to acquire it in January".
PLAN_NOUNS = frozenset({
    "agreement", "plan", "decision", "deal", "proposal", "offer", "bid", "intention", "attempt", "effort",
    "move", "promise", "pledge", "vow", "commitment", "order", "request", "call", "deadline", "option",
    "right", "permission", "approval", "chance", "opportunity", "way", "time", "vote", "motion", "pact",
    "accord", "contract", "program", "programme", "scheme", "strategy",
})  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)}  # fmt: skip
ORDINAL_WORDS["twenty-first"] = 21
ORDINAL_QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

_MONTH = MONTH_PATTERN
_ERA_NOUNS = (
    r"world|youth|society|societies|generations?|children|kids|young|teenagers|people|culture|"
    r"standards|technology|consumers|"
    r"families|women|men|politics|economy|(?:\w+ )?(?:computers|students|workers|voters|parents|cars|weapons)"
)
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUM = (
    rf"(?:\d+(?:\.\d+)?|{_TENS_WORDS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a|an|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|hundred|half|several|few|a few|many|some|a couple of|couple "
    r"of)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|"
    r"decades?|centur(?:y|ies))"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOD = r"(?:(?P<mod>early|mid|late|the (?:beginning|start|middle|end) of|end of|beginning of|middle of)[ -])?"

_COMMA = r"(?: ?,)? "  # "June 9, 2008", and "June 9 , 2008" in tokenised text
_TZ = r"(?:,? (?:[ECMP][SD]T|GMT|UTC|local time))?"
_CLOCK = r"(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))? ?(?P<ap>[ap]\.?m\b\.?)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_ORD = r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
_SPELLED_YEAR = (
    r"(?P<sy>nineteen[ -](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|hundred)|two thousand(?:(?: and)? (?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten))?)"
)
HOLIDAYS = (
    r"(?P<hol>Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Independence Day|"
    r"Election Day|Easter(?: Sunday)?|Labor Day|Memorial Day|Veterans Day|Valentine's Day|Halloween)\b"
)

# Ordered: longer and more specific patterns first; a later match may not overlap an earlier one.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("numeric", re.compile(rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>{_YEAR}|\d\d)\b")),
    # "5 p.m. EST Nov. 9", "9 a.m. Tuesday", "noon Thursday": a clock time on a named day
    (
        "time_date",
        re.compile(
            rf"\b(?:{_CLOCK}|(?P<nm>noon|midnight)){_TZ},? (?:(?P<mon>{_MONTH}) (?P<d>{_DAYNUM})\b|"
            rf"(?P<wd>{_WEEKDAY})\b|(?P<ref>today|tomorrow|yesterday)\b)",
            re.I,
        ),
    ),
    (
        "week_of_month",
        re.compile(
            r"\bthe (?P<ord>first|second|third|fourth|last|final) week of "
            rf"(?P<mon>{_MONTH})(?:{_COMMA}(?P<y>{_YEAR}))?\b"
        ),
    ),
    (
        "week_of",
        re.compile(rf"\bthe week of (?P<mon>{_MONTH}) (?P<d>{_DAYNUM})(?:{_COMMA}(?P<y>{_YEAR}))?\b"),
    ),
    # "each Thursday", "every July": a recurring time, before the day or month alone is taken
    (
        "set",
        re.compile(
            rf"\b(?P<set>(?:every|each) (?:day|week|month|year|quarter|{_WEEKDAY}|{_MONTH})|daily|"
            r"weekly|monthly|annually|yearly|hourly)\b(?!(?-i: [A-Z]))",
            re.I,
        ),
    ),
    # "October of next year", "June last year", "Sept. 11 last year"
    (
        "month_of",
        re.compile(
            rf"\b{_MOD}(?P<mon>{_MONTH})(?: (?P<d>{_DAYNUM}),?)?(?: of)? (?P<ofrel>last|next|this) year\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_MOD}(?P<wd>{_WEEKDAY},? )?(?P<mon>{_MONTH}) "
            rf"(?P<d>{_DAYNUM})(?:{_COMMA}(?P<y>{_YEAR}))?\b(?!-)"
        ),
    ),
    ("dmy", re.compile(rf"\b(?P<d>{_DAYNUM}) (?:of )?(?P<mon>{_MONTH})(?:{_COMMA}(?P<y>{_YEAR}))?\b")),
    ("my", re.compile(rf"\b{_MOD}(?P<mon>{_MONTH}),? (?:(?P<y>{_YEAR})|{_SPELLED_YEAR})\b")),
    (
        "season_year",
        re.compile(
            r"\b(?:the )?(?:(?P<mod>early|late) )?(?P<season>spring|summer|autumn|fall|winter) of "
            rf"(?:(?P<y>{_YEAR})|{_SPELLED_YEAR})\b",
            re.I,
        ),
    ),
    # "this year's third quarter", "the 1988 second quarter", "the year-ago third quarter", "fourth-quarter"
    (
        "quarter",
        re.compile(
            r"\b(?:the )?(?:(?P<rel>last|next|this|previous|current|same) (?:year's )?|"
            rf"(?P<py>{_YEAR}) |(?P<ago>year-(?:ago|earlier)) |(?P<fiscal>fiscal "
            rf"))?{_ORD}[- ](?:fiscal[- ])?quarter(?: of (?:fiscal )?(?:(?P<y>{_YEAR})|"
            r"(?P<ofrel>last|next|this) year))?\b",
            re.I,
        ),
    ),
    ("two_quarters", re.compile(rf"\b(?:the )?(?P<ord>first|last) two quarters of (?P<y>{_YEAR})\b", re.I)),
    # (the half of a decade or century is left to the decade: "the last half of the '80s")
    (
        "half",
        re.compile(
            rf"\b(?:the )?(?P<ord>first|second|last|latter) half(?: of (?P<y>{_YEAR}))?\b(?! of "
            r"the (?:'?\d0s|(?:1[89]|20)\d0s|\w+ties|\w+ century)\b)",
            re.I,
        ),
    ),
    ("time", re.compile(rf"\b{_CLOCK}(?=\W|$)", re.I)),
    (
        "time24",
        re.compile(
            r"\b(?P<h>[01]?\d|2[0-3]):?(?P<mi>[0-5]\d) (?P<z>UTC|GMT)\b(?: (?:(?P<wd>Monday|"
            r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<ref>today|yesterday|"
            r"tomorrow))\b)?"
        ),
    ),
    (
        "clock_part",
        re.compile(r"\b(?P<h>[01]?\d) (?:o'clock )?in the (?P<part>morning|afternoon|evening)\b", re.I),
    ),
    # "the quarter a year ago", "the same period last year": the period reported on, a year before
    (
        "unit_year_ago",
        re.compile(
            r"\bthe (?:same |comparable |corresponding )?(?:fiscal )?(?P<unit>quarter|period|"
            r"month) (?:a year (?:ago|earlier)|(?:of )?(?:the )?last year)\b",
            re.I,
        ),
    ),
    ("ago", re.compile(rf"\b(?P<n>{_NUM})[ -](?P<unit>{_UNIT})(?: or so)? (?:ago|earlier|before)\b", re.I)),
    (
        "half_dur",
        re.compile(
            rf"\b(?:(?P<n>\d+) 1/2|(?P<nw>{_NUM}) and a half|(?P<a>an?)) (?P<unit>{_UNIT})(?(a) "
            r"and a half)\b",
            re.I,
        ),
    ),
    (
        "reldur",
        re.compile(
            rf"\b(?P<rel>the (?:past|last|next|previous|coming|first|final)) (?:(?P<n>{_NUM}) "
            rf")?(?:(?:trading|business|working|full|consecutive) )?(?P<unit>{_UNIT})\b",
            re.I,
        ),
    ),
    (
        "that_year",
        re.compile(
            r"\b(?:(?:later|earlier) )?(?:that|the same) (?P<unit>year|month|quarter)\b|\bthe "
            r"(?P<step>following|next|previous) (?P<unit2>year|month)\b(?! or)|\bthe "
            r"(?P<unit3>year|month) (?P<after>previous|before|earlier|after|later)\b",
            re.I,
        ),
    ),
    # "last year's quarter": before "last year" is read alone
    ("the_unit", re.compile(r"\b(?P<ly>last|this) year's (?P<unit>quarter|period)\b(?! of|-)", re.I)),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>last|next|this|previous|coming|current|past|the following|the previous|"
            r"the same) (?P<unit>week(?:end)?|month|year|quarter|decade|century|spring|summer|"
            rf"autumn|fall|winter|(?-i:{_WEEKDAY}|{_MONTH}))\b(?!-)",
            re.I,
        ),
    ),
    # "over the summer", "in the early summer": the season nearest the report, on the side its tense says
    # (after "the", "in", "during", "over", "since", "until", "by": see _SEASON_AFTER)
    (
        "season",
        re.compile(
            r"\b(?:(?P<mod>early|late) )?(?P<season>spring|summer|autumn|winter|fall)\b(?! of\b)(?!-)", re.I
        ),
    ),
    ("mod_year", re.compile(rf"\b(?:the )?(?P<mod>early|mid|late)[ -](?P<y>{_YEAR})(?P<s>s)?\b", re.I)),
    # (not an age: "in his 30s", see _AGE_BEFORE)
    (
        "decade",
        re.compile(
            r"\b(?:the )?(?:(?P<dec>(?:1[89]|20)\d0)'?s|'?(?P<dd>[1-9]0)s|(?P<word>twenties|"
            r"thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
        ),
    ),
    (
        "century",
        re.compile(
            r"\b(?:the )?(?:(?P<c>[12]?\d)(?:st|nd|rd|th)|(?<!\ba )(?<!\ban "
            r")(?P<cw>(?:twenty-)?first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
            r"eighteenth|nineteenth|twentieth))[ -]century\b(?P<bc> (?:BCE?|"
            r"B\.C\.(?:E\.)?)(?!\w))?",
            re.I,
        ),
    ),
    ("bc_year", re.compile(r"\b(?P<y>\d{1,4}) (?:BCE?|B\.C\.(?:E\.)?)(?!\w)")),
    (
        "spelled_year",
        re.compile(
            rf"\b(?:the year )?{_SPELLED_YEAR}\b(?![ -](?:years?|months?|days?|hours?|people|"
            r"dollars|miles|troops|of)\b)",
            re.I,
        ),
    ),
    (
        "holiday",
        re.compile(rf"\b(?:(?P<rel>last|next|this) )?{HOLIDAYS}(?:,? (?P<hy>{_YEAR})\b(?![-/.,]\d))?", re.I),
    ),
    # (a march, "the annual March for Life", is no month: see _A_MARCH)
    (
        "month",
        re.compile(
            rf"\b{_MOD}(?P<mon>January|February|March|April|June|July|August|September|October|"
            r"November|December)\b"
        ),
    ),
    (
        "may",
        re.compile(
            r"\b(?:(?P<mod>early|mid|late)[ -]|(?<=in )|(?<=since )|(?<=until )|(?<=by ))May\b(?! "
            r"\d)|\bMay(?=(?: to| and| through| until| ?[-–]) ?(?:January|February|March|April|"
            r"June|July|August|September|October|November|December)\b)"
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<mod>early|late) )?(?P<wd>{_WEEKDAY})(?P<pl>s)?(?: {_PART}(?P<pps>s)?)?\b"),
    ),
    # "earlier that day", "the next morning": a day counted from the last date named before
    (
        "that_day",
        re.compile(
            r"\b(?:(?:earlier|later) )?(?P<which>that|the same|that same|the next|the following|"
            r"the previous) (?P<part>day|morning|afternoon|evening|night)\b(?! (?:after|before|of|"
            r"when|that)\b)",
            re.I,
        ),
    ),
    (
        "midday",
        re.compile(
            r"\b(?P<mid>midday|mid[- ]?afternoon|mid[- ]?morning)(?: (?P<ref>yesterday|today|"
            rf"tomorrow)\b| (?P<wd>{_WEEKDAY})\b)?",
            re.I,
        ),
    ),
    # ("today's youth", "the people of tomorrow" speak of an era, not of a day)
    (
        "day_ref",
        re.compile(
            rf"\b(?P<ref>(?P<day>yesterday|tomorrow|this) {_PART}|today(?!'s (?:{_ERA_NOUNS})\b)|"
            r"yesterday|(?<!\bof )tomorrow|tonight|last night)\b",
            re.I,
        ),
    ),
    (
        "the_day",
        re.compile(
            r"(?:(?<=\bend )|(?<=\bended )|(?<=\bending )|(?<=\bfinish )|(?<=\bfinished )|"
            r"(?<=\bfor )|(?<=\bin )|(?<=\bstart of )|(?<=\bclose of ))the day\b(?! before| after|"
            r" of| when| that)",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(?:over|during|on|at|ahead of|for|since|through) the (?P<unit>weekend)\b", re.I),
    ),
    (
        "ref",
        re.compile(
            r"\b(?P<ref>then[- ]current|now|currently|current(?! (?:fiscal )?(?:year|quarter|"
            r"period|month|week)\b)|at present|nowadays|recently|(?<!\bmost )recent(?! (?:years|"
            r"months|weeks|days|quarters|decades)\b)|these days|the (?:near |distant |foreseeable "
            r")?future|the (?:near|short) term|in the past|the past)\b(?!-)",
            re.I,
        ),
    ),
    ("long", re.compile(r"\b(?P<unit>days?|weeks?|months?|years?|decades?)-long\b", re.I)),
    (
        "the_years",
        re.compile(
            r"\bthe (?:early |intervening )?(?P<unit>years)\b(?! old)|\bthe (?P<unit2>days|weeks|"
            r"months|years) ahead\b",
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            r"\b(?P<which>recent|coming|past) (?P<unit>years|months|weeks|days|quarters|decades)\b", re.I
        ),
    ),
    # "the latest fiscal year": the last year that has ended
    ("latest_year", re.compile(r"\bthe (?:latest|most recent) (?:fiscal |financial )?year\b(?!-)", re.I)),
    # "the year-earlier nine months": the months to date, a year before; as long as "the nine months"
    (
        "months_ago",
        re.compile(
            r"\b(?:the )?(?:year-earlier|year-ago) (?:first )?(?P<n>three|six|nine|\d{1,2}) months\b", re.I
        ),
    ),
    (
        "latest",
        re.compile(
            r"\b(?:the )?(?P<which>latest|most recent|last|year-earlier|year-ago|comparable|same) "
            r"(?P<unit>quarter|period)\b",
            re.I,
        ),
    ),
    (
        "the_unit",
        re.compile(rf"\bthe (?:(?P<py>{_YEAR}) )?(?:fiscal )?(?P<unit>quarter|period)\b(?! of|-)", re.I),
    ),
    (
        "the_year",
        re.compile(
            r"\bthe (?:full |fiscal |current |current fiscal |entire |whole "
            r")?year\b(?![-'])(?P<ended> end(?:ed|ing))?",
            re.I,
        ),
    ),
    ("year_earlier", re.compile(r"\b(?P<which>year-earlier|year-ago)\b", re.I)),
    (
        "bare_units",
        re.compile(
            r"(?:(?<=\bfor )|(?<=\bin )|(?<=\bwithin )|(?<=\bjust ))(?P<unit>years|months|weeks|"
            r"days|decades|hours|minutes)\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d$,.£€])\b(?:fiscal )?(?P<y>{_YEAR})\b(?![\-/]\d|,\d|\.\d|%| percent| mln| "
            r"billion| million| people| shares| tonnes| dollars| dlrs| units| barrels| feet| "
            r"metres| meters| miles| points| cars| workers| troops| jobs)"
        ),
    ),
    # "since '82", "the class of '98": a year written with two digits after a preposition
    (
        "apos_year",
        re.compile(
            r"(?:(?<=\bsince )|(?<=\bin )|(?<=\bof )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|"
            r"(?<=\bbefore )|(?<=\bafter ))['’‘](?P<yy>\d\d)\b(?!['’]?s\b|[.,]\d)",
            re.I,
        ),
    ),
    ("fy", re.compile(rf"\b(?P<y>{_YEAR})/(?P<y2>\d\d)\b")),
    (
        "duration",
        re.compile(
            rf"\b(?P<n>{_NUM})[ -](?:(?:consecutive|straight|more|additional|full|successive|"
            rf"trading|business) )?(?P<unit>{_UNIT})(?:[ -]long)?\b(?![ -]old)",
            re.I,
        ),
    ),
]
_REF_VALUES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "in the past": "PAST_REF", "the past": "PAST_REF", "then current": "PAST_REF",
    "then-current": "PAST_REF",
}  # fmt: skip
_MOD_VALUES = {
    "early": "START",
    "mid": "MID",
    "late": "END",
    "beginning of": "START",
    "the beginning of": "START",
    "start of": "START",
    "the start of": "START",
    "middle of": "MID",
    "the middle of": "MID",
    "end of": "END",
    "the end of": "END",
}
_SET_VALUES = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q", "daily": "P1D",
"weekly": "P1W", "monthly": "P1M",
               "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}  # fmt: skip
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DECADE_WORDS = {
    "twenties": "192",
    "thirties": "193",
    "forties": "194",
    "fifties": "195",
    "sixties": "196",
    "seventies": "197",
    "eighties": "198",
    "nineties": "199",
}
_TENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_DAY_STEPS = {"yesterday": -1, "tomorrow": 1, "last night": -1}  # days from the day of the report
# How far "last", "next", "the following" … move from the anchor (or from the time named before);
# "this", "current", "same" stay.
_STEPS = {
    "last": -1,
    "previous": -1,
    "past": -1,
    "the previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "the following": 1,
}
_HALVES = {
    "Y": ("6", "M"),
    "M": ("15", "D"),
    "D": ("12", "H"),
    "TH": ("30", "M"),
    "TM": ("30", "S"),
}  # half of a unit, in the next smaller one
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


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


def anchor_date(doc: Article) -> dt.date | None:
    """The publication date, else a dateline with a year; None when neither is known."""
    for value in (doc.published, doc.dateline.value if doc.dateline else None):
        if value and not value.startswith("XXXX"):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _month_day(doc: Article) -> tuple[int, int] | None:
    """The month and day of a dateline without a year ("WASHINGTON, June 30"), if any."""
    value = doc.dateline.value if doc.dateline else None
    if value and (m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value)):
        return int(m.group(1)), int(m.group(2))
    return None


NAME = "timex.rules.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("nlp", "published", "dateline"), assigns=("timexes",))
def find_timexes(doc: Article) -> Article:
    from .entities import article_key

    akey = article_key(doc)
    anchor = anchor_date(doc)
    tense = _tense_lookup(doc.nlp) if doc.nlp is not None else (lambda i: None)
    found = tag(doc.text, anchor, tense, _month_day(doc) if anchor is None else None)
    doc.timexes = [t.record(akey) for t in found]
    if doc.dateline and doc.dateline.date:
        dl_text = doc.dateline.text
        i = dl_text.find(doc.dateline.date)
        if i >= 0:
            value = doc.dateline.value or "XXXX-XX-XX"
            doc.timexes.insert(
                0,
                Found(i, i + len(doc.dateline.date), doc.dateline.date, "DATE", value).record(
                    akey, "dateline"
                ),
            )
    return doc


_CENTURIES = ("18", "19", "20")  # every year written in figures
_CLOCK = ("am", "a.m", "pm", "p.m", "noon", "midnight")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNIT_WORDS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
)
# Words (lower case) of which every match of a pattern holds one: a text with none of them is not
# scanned with it. Scanning every pattern over every text was most of this stage's time.
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": _CENTURIES,
    "year": _CENTURIES,
    "numeric": ("/",),
    "fy": ("/",),
    "time": _CLOCK,
    "time_date": _CLOCK,
    "time24": ("utc", "gmt"),
    "mdy": _MONTH_STEMS,
    "dmy": _MONTH_STEMS,
    "my": _MONTH_STEMS,
    "month": _MONTH_STEMS,
    "may": ("may",),
    "mod_year": ("early", "mid", "late"),
    "weekday": _WEEKDAY_NAMES,
    "day_ref": ("yesterday", "tomorrow", "this ", "today", "tonight", "last night"),
    "rel": ("last", "next", "this", "previous", "coming", "current", "past", "following", "same"),
    "ref": ("now", "current", "at present", "recent", "these days", "future", "term", "the past"),
    "ago": ("ago", "earlier", "before"),
    "half_dur": ("half", "1/2"),
    "duration": _UNIT_WORDS,
    "bare_units": _UNIT_WORDS,
    "recent": _UNIT_WORDS,
    "reldur": ("the ",),
    "quarter": ("quarter",),
    "half": ("half",),
    "two_quarters": ("two quarters",),
    "that_day": ("that ", "the same ", "the next ", "the following ", "the previous "),
    "midday": ("midday", "afternoon", "morning"),
    "long": ("-long",),
    "the_years": ("the early years", "the intervening years", "the years", " ahead"),
    "latest": ("quarter", "period"),
    "unit_year_ago": ("quarter", "period", "month"),
    "the_unit": ("quarter", "period"),
    "the_day": ("the day",),
    "the_year": ("year",),
    "that_year": ("year", "month", "quarter"),
    "weekend": ("weekend",),
    "century": ("century",),
    "bc_year": (" bc", " b.c."),
    "decade": ("0s", "0's", "ties"),
    "season_year": ("spring", "summer", "autumn", "fall", "winter"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "month_of": (" last year", " next year", " this year"),
    "week_of_month": (" week of ",),
    "week_of": ("the week of ",),
    "apos_year": (" '", " ’", " ‘"),
    "spelled_year": ("nineteen", "two thousand"),
    "holiday": (
        "thanksgiving",
        "christmas",
        "new year",
        "independence day",
        "election day",
        "easter",
        "labor day",
        "memorial day",
        "veterans day",
        "valentine",
        "halloween",
    ),
    "set": ("every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly"),
    "year_earlier": ("year-",),
    "months_ago": ("year-",),
    "latest_year": ("latest", "most recent"),
    "clock_part": ("in the",),
}


def tag(
    text: str, anchor: dt.date | None, tense=lambda i: None, month_day: tuple[int, int] | None = None
) -> list[Found]:
    """Every TIMEX3 in ``text``, normalised against ``anchor`` (None: the year is unknown).

    Expressions that point back to a time named before them ("a year earlier" after "the third
    quarter", "the following year" after "1995") are resolved in a second pass, in reading order.
    ``month_day``: where only the day of publication is known, not its year (a dateline "WASHINGTON,
    June 30"), the days and months counted from it ("yesterday" → ``XXXX-06-29``, "last month" →
    ``XXXX-05``); weekdays and years stay unknown."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[Found, str | None, dict]] = []
    low = text.lower()
    # Paragraphs (between blank lines), each scanned only with the patterns whose words it holds:
    # scanning every pattern over every text was most of this stage's time.
    bounds = [0, *(i for b in _BLANK_LINE.finditer(text) for i in (b.start(), b.end())), len(text)]
    paragraphs = [
        (bounds[k], bounds[k + 1], low[bounds[k] : bounds[k + 1]]) for k in range(0, len(bounds), 2)
    ]
    for name, pattern in PATTERNS:
        needs = _NEEDS.get(name)
        if needs is None:
            matches: Iterable[re.Match] = pattern.finditer(text)
        else:
            matches = (
                m
                for a, b, par in paragraphs
                if any(w in par for w in needs)
                for m in pattern.finditer(text, a, b)
            )
        for m in matches:
            s, e = m.start(), m.end()
            if any(s < b and a < e for a, b in taken):
                continue
            if _named_work(m):
                continue
            norm = _normalise(name, m, anchor, tense(s))
            if norm is None:
                continue
            typ, value, mod = norm
            surface = text[s:e]  # with its "the", as TimeML's extents have it ("the third quarter")
            taken.append((s, e))
            found.append((Found(s, e, surface, typ, value, mod, name), _anaphor(name, m), m.groupdict()))
            if (
                name == "duration"
                and (low_end := _RANGE_START.search(text, max(0, s - 30), s))
                and not any(low_end.start() < b and a < low_end.end("n") for a, b in taken)
            ):
                # "between 60 and 90 days", "two to six days": the low end is an amount of the same unit
                a, b = low_end.start("n"), low_end.end("n")
                taken.append((a, b))
                found.append(
                    (
                        Found(a, b, text[a:b], "DURATION", _duration(text[a:b], m.group("unit")), None, name),
                        None,
                        {},
                    )
                )
            if (
                name == "mdy"
                and not m.group("y")
                and (pair := _SECOND_DAY.match(text, e))
                and int(pair.group("d")) > int(re.sub(r"\D", "", m.group("d")))
            ):
                # "on April 24 and 25": the second day is a date of the same month
                year, month = pair.group("y") or value[:4], value[5:7]
                if pair.group("y"):
                    found[-1][0].value = f"{year}{value[4:]}"
                a, b = pair.start("d"), pair.end("d")
                taken.append((a, pair.end()))
                found.append(
                    (Found(a, b, text[a:b], "DATE", f"{year}-{month}-{int(pair.group('d')):02d}"), None, {})
                )
    found.sort(key=lambda f: f[0].start)
    for (a, _, _), (b, _, _) in pairwise(found):
        if (
            a.rule in ("month", "may")
            and b.rule == "month_of"
            and re.fullmatch(r"\s*(?:and|to|through|until|-|–)\s*", text[a.end : b.start])
            and b.value[:4].isdigit()
        ):
            a.value = b.value[:4] + a.value[4:]  # "between September and December last year": both last year
    for t, _, _ in found:
        # "nearly two weeks ago", "at least 30 days", "more than four decades": the bound is part of
        # the expression and its mod
        if (
            t.type in ("DURATION", "DATE")
            and not t.mod
            and (bound := _BOUND_BEFORE.search(text, max(0, t.start - 16), t.start))
        ):
            t.mod = _BOUND_MODS[bound.group(1).lower()]
            t.start = bound.start()
            t.text = text[t.start : t.end]
    dayless = [
        f[0] for f in found if f[2].get("h") and not (f[2].get("wd") or f[2].get("ref") or f[2].get("mon"))
    ]
    out = _resolve_anaphora(found, anchor)
    if anchor is None and month_day is not None:
        _count_from_month_day(found, month_day)
    if dayless:
        _date_clock_times(text, out, {id(t) for t in dayless})
    return out


def _count_from_month_day(found: list[tuple[Found, str | None, dict]], month_day: tuple[int, int]) -> None:
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


_SHARED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+{_WEEKDAY}(?:s\b| (?P<part>morning|afternoon|evening|night)s\b)"
)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_RESULTS_OF = re.compile(
    r"['’]s (?:net |pretax |operating |reported )?(?:loss|losses|profit|profits|results|earnings|"
    r"income|net|sales|revenue|revenues)\b"
)
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


def _anaphor(name: str, m: re.Match) -> str | None:
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


def _resolve_anaphora(
    found: list[tuple[Found, str | None, dict]], anchor: dt.date | None = None
) -> list[Found]:
    out: list[Found] = []
    quarter: tuple[int, int] | None = None  # the last quarter named outright
    year: int | None = None  # the last year named or resolved
    month: tuple[int, int] | None = None  # and the last month
    day: dt.date | None = None  # and the last full date
    period: tuple[str, int] | None = None  # the last month named outright, and where
    quarter_at = -1  # and where the last quarter was
    months_at = -1  # where the last "first nine months", "six months" (to date) was
    for t, kind, g in found:
        unit = (g.get("unit") or "").lower()
        if kind == "year_before" and unit == "month" and period is None:
            continue  # "the same month a year ago" with no month named before it
        if (
            kind == "year_before"
            and period
            and (unit == "month" or (unit == "period" and (not quarter or period[1] > quarter_at)))
        ):
            t.value = (
                f"{int(period[0][:4]) - 1:04d}{period[0][4:]}"  # "in February, … the same period last year"
            )
        elif (
            kind == "year_before" and quarter and months_at > quarter_at and t.rule in ("ago", "year_earlier")
        ):
            pass  # "profit for the nine months … compared with a year earlier": that year, not the quarter
        elif kind == "year_before" and quarter:
            q = ORDINAL_QUARTERS[g["ord"].lower()] if g.get("ord") else quarter[1]
            t.value, t.type = f"{quarter[0] - 1:04d}-Q{q}", "DATE"
        elif kind == "latest":
            # "the latest quarter": the one named before if it has ended, else the last that has
            # ("a fourth-quarter charge" ahead does not make the fourth the latest)
            if quarter and (t.value == "XXXX-QX" or quarter <= _quarter_of(t.value)):
                t.value = f"{quarter[0]:04d}-Q{quarter[1]}"
        elif kind == "quarter":
            explicit = g.get("py")
            base = (
                int(explicit)
                if explicit
                else (
                    quarter[0] - 1
                    if quarter and (g.get("ly") or "").lower() == "last"
                    else (quarter[0] if quarter else None)
                )
            )
            if quarter and base is not None:
                t.value = f"{base:04d}-Q{quarter[1]}"
            elif explicit:
                t.value = explicit
            elif g["unit"].lower() == "period" and not g.get("ly"):
                continue  # "the period" with no quarter in view names no time
        elif kind == "day":
            if day is None:
                if g.get("which") is None:
                    out.append(t)  # "the day" with no day named before it: the day of the report
                continue  # "that day" with no date before it
            which = (g.get("which") or "that").lower()
            when = day + dt.timedelta(
                days=1 if which in ("the next", "the following") else (-1 if which == "the previous" else 0)
            )
            part = (g.get("part") or "day").lower()
            t.value, t.type = (
                (when.isoformat(), "DATE")
                if part == "day"
                else (f"{when.isoformat()}T{_PARTS[part]}", "TIME")
            )
        elif kind == "weekday":
            if day is not None:
                wd = WEEKDAYS[g["unit"].lower()]
                if g["rel"].lower() == "the previous":
                    when = day - dt.timedelta(days=(day.weekday() - wd) % 7 or 7)
                else:
                    when = day + dt.timedelta(days=(wd - day.weekday()) % 7 or 7)
                t.value = when.isoformat()
        elif kind == "whole_year":
            if quarter is not None:  # the year of the quarter reported on
                t.value = f"{quarter[0]:04d}"
        elif kind == "year":
            step = _STEPS.get((g.get("step") or "").lower(), 0)
            if g.get("after"):  # "than the year previous", "the month after"
                step = 1 if g["after"].lower() in ("after", "later") else -1
            if (g.get("unit") or "").lower() == "quarter":
                if quarter is None:
                    continue  # "that quarter" with no quarter before it
                t.value = f"{quarter[0]:04d}-Q{quarter[1]}"
            elif (g.get("unit") or g.get("unit2") or g.get("unit3") or "").lower() == "month":
                if month is None:
                    continue  # "that month" with no month before it: nothing to resolve it to
                y, mth = divmod(month[1] - 1 + step, 12)
                t.value = f"{month[0] + y:04d}-{mth + 1:02d}"
            elif year is None:
                continue
            else:
                t.value = f"{year + step:04d}"
        out.append(t)
        if kind is None and re.fullmatch(r"\d{4}-\d\d", t.value):
            period = (t.value, t.start)
        if t.type == "DURATION" and t.value in ("P6M", "P9M"):
            months_at = t.start
        if kind in (None, "latest") and _QUARTER_VALUE.match(t.value):
            quarter_at = t.start
            named = _quarter_of(t.value)
            # a quarter still to come ("a fourth-quarter charge", "the third quarter of 1990") is a
            # forecast, one before it ("after a flat second quarter") background: the quarter
            # reported on stays the one "a year earlier" compares with
            if (
                quarter is None
                or anchor is None
                or (dt.date(named[0] + named[1] // 4, named[1] % 4 * 3 + 1, 1) <= anchor and named >= quarter)
            ):
                quarter = named
        if t.type == "DATE" and re.match(r"^\d{4}(?:-|$)", t.value):
            year = int(t.value[:4])
            if mm := re.match(r"^\d{4}-(\d\d)", t.value):
                month = (year, int(mm.group(1)))
        if dm := re.match(r"^(\d{4}-\d\d-\d\d)", t.value):
            day = dt.date.fromisoformat(dm.group(1))
    return out


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


def _tense_lookup(sp):
    """'past', 'future', 'intent' (an infinitive: "plans to meet Friday"), 'present' or None for the
    verb that governs the words at a character offset.

    A day's name that owns a noun ("Wednesday's ruling") is the day of a thing already done, not of
    the verb around it; a deadline moved or set "until Tuesday" lies ahead of the report."""

    starts = token_table(sp).idx

    def lookup(offset: int) -> str | None:
        if not starts:
            return None
        tok = sp[max(0, bisect.bisect_right(starts, offset) - 1)]
        first = tok
        head = tok
        for _ in range(2):  # "Wednesday's ruling", "Saturday night's debate"
            if head.dep_ == "poss":
                return None
            if head.dep_ not in ("compound", "nmod") or head.head is head:
                break
            head = head.head
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                break
            if tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        for _ in range(3):
            # A participle with no auxiliary of its own takes the tense of the verb it hangs on:
            # "has fluctuated …, rising … from $29.75 in March", "was arrested and charged Friday"
            # ("announced Wednesday", a participle standing alone, is done: see below)
            # and an infinitive of purpose the tense of its clause ("staged celebrations to mark the
            # entry into NATO on Friday")
            inherits = (
                (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"))
                or (tok.tag_ == "VBN" and tok.dep_ == "conj")
                or (
                    tok.tag_ == "VB"
                    and tok.dep_ == "advcl"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                )
            )
            if not inherits or tok.head.pos_ not in ("VERB", "AUX"):
                break
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in tok.children):
                break
            tok = tok.head
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in aux}
        before = sp[first.i - 1].lower_ if first.i > 0 else ""
        if before in ("until", "till") and tok.lemma_ in DEADLINE_VERBS:
            return "future"
        if before == "effective" and (first.i < 2 or sp[first.i - 2].lemma_ not in ("be", "become")):
            return "future"  # "named chairman, effective Feb. 1": a change still to come
        if (
            tok.lemma_ in ("schedule", "plan")
            and tok.dep_ not in ("acl", "amod", "advcl")
            and any(c.dep_ == "dobj" for c in tok.children)
        ):
            # "scheduled a news conference (for) Thursday": the conference lies ahead
            return "future"  # ("planned a demonstration on Saturday")
        # "would meet", "might come … as soon as Tuesday": not yet done ("could have met" is)
        modal = "would" in words or (
            words & {"might", "may", "could", "should", "must", "can", "ca"} and tok.tag_ == "VB"
        )
        if words & {"will", "'ll", "shall", "wo"} or (modal and not words & {"have", "'ve"}):
            return "future"
        if words & {"is", "are", "am"} and tok.tag_ == "VBG" and tok.lower_ == "going":
            return "future"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or words & {"has", "have", "had"}:
            return "past"
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "advcl") and not aux:
            return "past"  # "the year ended March 31", "the decision, announced Wednesday"
        if tok.tag_ in ("VBP", "VBZ") and not aux:
            # "meets Monday"; a verb the tagger took for a present in a sentence told in the past
            # ("which fell on Friday" beside "hurt") is no plan
            return None if tok.tag_ == "VBP" and any(t.tag_ == "VBD" for t in tok.sent) else "present"
        if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
            up = tok.head
            for _ in range(3):  # "it had been due to expire Friday": a plan of the past
                if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in up.children):
                    return "past"
                if up.pos_ in ("VERB", "AUX"):
                    # what a past verb made hard or possible was done then ("made it difficult to
                    # meet demand into the summer", "the first countries to accede on Friday were",
                    # also where the parser made that infinitive the subject);
                    # what was planned, agreed or expected lies ahead
                    if up.tag_ == "VBD" and (
                        up.lemma_ not in PLAN_VERBS
                        or (tok.dep_ == "acl" and tok.head.lemma_ not in PLAN_NOUNS)
                        or tok.dep_ in ("nsubj", "csubj")
                    ):
                        return "past"
                    break
                if up.head is up:
                    break
                up = up.head
            return "intent"
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


def _normalise(
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
