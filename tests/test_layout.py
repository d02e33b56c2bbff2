"""Reading pasted pages: headline, deck, byline, dateline, body, furniture."""

from newsgraph import extract_text
from newsgraph.text.furniture import classify_line
from newsgraph.text.layout import split_blocks


def test_tass_style_page(fixtures):
    art = extract_text((fixtures / "tass-style.txt").read_text())
    assert art.title == "Ministers agree to resume grain corridor talks next month"
    assert art.deck == "The talks will take place in Istanbul in April, the foreign ministry said"
    assert (art.dateline.place, art.dateline.date, art.dateline.agency) == ("Ankara", "March 14", "TASS")
    assert art.dateline.value == "XXXX-03-14"
    assert art.text.startswith("Foreign ministers of the two countries agreed")
    assert art.text.endswith("ended without an agreement in January.")
    kinds = {r.text: r.kind for r in art.removed}
    assert kinds == {
        "All news": "navigation",
        "Politics": "navigation",
        "Delegations at a meeting in Istanbul": "caption",
        "© Example Photo Service/TASS": "credit",
        "Read more": "prompt",
        "Tags:": "prompt",
        "Share": "prompt",
    }
    for removed in kinds:
        assert removed not in art.text


def test_reuters_style_page(fixtures):
    art = extract_text((fixtures / "reuters-style.txt").read_text(), published="2024-06-06")
    assert art.byline == "Jane Doe"
    assert art.dateline.text == "FRANKFURT, June 6 (Reuters)"
    assert art.dateline.value == "2024-06-06"
    assert art.published == "2024-06-06" and art.published_from == "caller"
    assert "Reporting by" not in art.text and "Copyright" not in art.text
    assert art.text.endswith("the outlook for growth remained weak.")


def test_hard_wrapped_wire_copy_is_reflowed(fixtures):
    art = extract_text((fixtures / "wire-hardwrapped.txt").read_text())
    assert art.title == "HARBOUR AUTHORITY TO EXTEND QUAY BY 400 METRES"
    assert art.dateline.text == "ROTTERDAM, March 5"
    assert [p.text for p in art.paragraphs] == [
        "The port authority said it will extend its main container quay by 400 metres over the "
        "next two years to cope with larger ships.",
        "The work will cost about 120 mln guilders, a spokesman said, and will be financed from "
        "the authority's own reserves.",
    ]
    assert [r.kind for r in art.removed] == ["signoff"]


def test_paragraph_spans_point_into_text(fixtures):
    art = extract_text((fixtures / "tass-style.txt").read_text())
    assert len(art.paragraphs) == 3
    for p in art.paragraphs:
        assert art.text[p.start : p.end] == p.text


def test_page_without_dateline():
    text = (
        "Latest news\nLocal library extends opening hours\nThe city library will stay open until "
        "nine in the evening on weekdays from next month, the council said on Monday.\nShare"
    )
    art = extract_text(text)
    assert art.dateline is None
    assert art.title == "Local library extends opening hours"
    assert (
        art.text == "The city library will stay open until nine in the evening on weekdays from next month, "
        "the council said on Monday."
    )


def test_same_text_same_id(fixtures):
    text = (fixtures / "tass-style.txt").read_text()
    assert extract_text(text).id == extract_text(text.replace("Share", "Read more")).id
    assert extract_text(text).id != extract_text(text.replace("January", "February")).id


def test_furniture_lines():
    assert classify_line("© AP Photo/File") == "credit"
    assert classify_line("REUTERS/File Photo") == "credit"
    assert classify_line("Washington. Photo: archive") == "credit"
    assert classify_line("Copyright © 2019. All rights reserved.") == "copyright"
    assert classify_line("Follow us on Telegram") == "prompt"
    assert classify_line("Tags: Russia, United States") == "tags"
    assert classify_line("Home / World") == "navigation"
    assert classify_line("The minister said the talks would go on.") is None
    assert classify_line("BAHIA COCOA REVIEW") is None


def test_split_blocks_keeps_one_paragraph_a_line():
    assert split_blocks("A\n\nB\nC\n") == ["A", "B", "C"]


def test_a_promo_line_behind_invisible_spaces_is_furniture():
    art = extract_text(
        "Saudi\n\nThe prince met Pompeo on Tuesday.\n\n\u200b\u200bMore:Saudis to admit "
        "journalist was killed\n\nPompeo said the talks were candid."
    )
    assert "More:" not in art.text


def test_a_long_photo_caption_is_furniture():
    caption = (
        "FILE PHOTO: A view of the U.S. and Cuban flags prior to the signing of agreements between "
        "the Port of Cleveland and the Cuban port of Mariel, in Havana, Cuba, October 27, 2017."
    )
    assert classify_line(caption) == "caption"
    assert (
        classify_line(
            "FILE - In this Oct. 3, 2018 file photo, the crown prince speaks during a meeting in Riyadh."
        )
        == "caption"
    )
