"""spaCy's parse of the clean text, shared by the stages that follow in the same process.

The parse is held on the article only while the pipeline runs (``Article.nlp``) and is dropped
before the article leaves it: what crosses a process boundary stays plain data. The pipeline and
the token table the stages read from the parse are in ``text/nlp.py``.
"""

from __future__ import annotations

from ..registry import stage
from ..text.nlp import TEXT, load_model
from ..types import Article


def parse_many(docs: list[Article]) -> list[Article]:
    """Batched: spaCy's ``nlp.pipe`` over many articles is faster than one call each."""
    for doc, parsed in zip(docs, load_model().pipe([d.text for d in docs], batch_size=32), strict=True):
        doc.nlp = parsed
        parsed.user_data[TEXT] = doc.text
    return docs


NAME = "parse.spacy.v2"  # a new version with every change of the stage's output (tests/test_golden.py)


@stage(NAME, requires=("text",), assigns=("nlp",), batch=parse_many)
def parse(doc: Article) -> Article:
    doc.nlp = load_model()(doc.text)
    doc.nlp.user_data[TEXT] = doc.text
    return doc
