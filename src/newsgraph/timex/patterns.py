"""The grammar of time expressions: named regular expressions, tried in order (``PATTERNS``), each
with the words one of its matches must hold (``NEEDS``), so that a text holding none of them is
not scanned with it.
"""

from __future__ import annotations

import re

from ..text.dateline import MONTH_PATTERN
from .vocabulary import HOLIDAYS

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


_CENTURIES = ("18", "19", "20")  # every year written in figures


_CLOCK_WORDS = ("am", "a.m", "pm", "p.m", "noon", "midnight")


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
NEEDS: dict[str, tuple[str, ...]] = {
    "iso": _CENTURIES,
    "year": _CENTURIES,
    "numeric": ("/",),
    "fy": ("/",),
    "time": _CLOCK_WORDS,
    "time_date": _CLOCK_WORDS,
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
