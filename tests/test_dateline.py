import pytest

from newsgraph.text.dateline import parse_dateline, with_year
from newsgraph.text.layout import display_place


@pytest.mark.parametrize(
    "text, place, date, agency, value",
    [
        ("WASHINGTON, June 30. /TASS/. The summit", "WASHINGTON", "June 30", "TASS", "XXXX-06-30"),
        ("NEW YORK, April 7 (Reuters) - Stocks rose", "NEW YORK", "April 7", "Reuters", "XXXX-04-07"),
        ("MOSCOW (AP) — The Kremlin said", "MOSCOW", None, "AP", None),
        ("PARIS, March 3 (AFP) - The minister", "PARIS", "March 3", "AFP", "XXXX-03-03"),
        (
            "KYIV, Ukraine, Feb. 24, 2022 (AP) — Russian forces",
            "KYIV, Ukraine",
            "Feb. 24, 2022",
            "AP",
            "2022-02-24",
        ),
        ("LONDON, 3 March (Reuters) - Shares", "LONDON", "3 March", "Reuters", "XXXX-03-03"),
        ("SAN DIEGO, Calif., April 13 - Shr 15 cts", "SAN DIEGO, Calif.", "April 13", None, "XXXX-04-13"),
        ("BEIJING, June 30 (Xinhua) -- China said", "BEIJING", "June 30", "Xinhua", "XXXX-06-30"),
        ("THE HAGUE, March 2 - Dutch imports", "THE HAGUE", "March 2", None, "XXXX-03-02"),
        ("NEW YORK, MARCH 20 - Bonds fell", "NEW YORK", "MARCH 20", None, "XXXX-03-20"),
    ],
)
def test_agency_styles(text, place, date, agency, value):
    parsed = parse_dateline(text)
    assert parsed is not None
    assert (parsed.place, parsed.date, parsed.agency, parsed.value) == (place, date, agency, value)
    assert text.startswith(parsed.text)


@pytest.mark.parametrize(
    "text",
    [
        "The president said - no more talks",
        "Unclosed tags WASHINGTON (AP) — The Senate",
        "In May 2021 the company grew.",
        "",
    ],
)
def test_sentences_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_year_is_never_guessed():
    assert parse_dateline("PARIS, March 3 (AFP) - x").value == "XXXX-03-03"
    assert with_year("XXXX-03-03", None) == "XXXX-03-03"


def test_year_from_publication_date():
    assert with_year("XXXX-06-30", "2021-06-30") == "2021-06-30"
    assert with_year("XXXX-12-30", "2022-01-02") == "2021-12-30"  # written the year before
    assert with_year("XXXX-02-29", "2023-03-01") == "XXXX-02-29"  # no 29 February in 2023 or 2022


def test_display_place():
    assert display_place("WASHINGTON") == "Washington"
    assert display_place("RIO DE JANEIRO") == "Rio de Janeiro"
    assert display_place("SAN DIEGO, Calif.") == "San Diego, Calif."
    assert display_place("Calgary, Alberta") == "Calgary, Alberta"
