"""Built-in stages; importing this package registers them. One module a stage."""

from . import entities, events, page, parse, published, quotes, timexes

# Reading the page needs no model; the language stages run spaCy once and share its parse.
READING_STAGES = (page.NAME, published.NAME)
DEFAULT_STAGES = (*READING_STAGES, parse.NAME, entities.NAME, timexes.NAME, quotes.HYBRID, events.NAME)
