"""The words of time and the values they stand for: numbers, units, weekdays, seasons, ordinals,
holidays, verbs and nouns of plans and deadlines, and TimeML's codes for references, modifiers,
sets and parts of the day.
"""

from __future__ import annotations

import re

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


HOLIDAYS = (
    r"(?P<hol>Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Independence Day|"
    r"Election Day|Easter(?: Sunday)?|Labor Day|Memorial Day|Veterans Day|Valentine's Day|Halloween)\b"
)


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
