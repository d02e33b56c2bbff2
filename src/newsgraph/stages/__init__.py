"""Built-in stages; importing this package registers them. One module a stage."""

from . import entities, events, page, parse, published, quotes, timexes  # noqa: F401

# Reading the page needs no model; the language stages run spaCy once and share its parse.
READING_STAGES = ("page.v1", "published.v1")
DEFAULT_STAGES = (*READING_STAGES, "parse.spacy.v1", "entities.v1", "timex.rules.v1", "quotes.hybrid.v1", "events.v1")
