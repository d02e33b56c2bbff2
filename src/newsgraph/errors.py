"""Errors with codes, in the manner of spaCy's E-numbers: each says what went wrong and what to do."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base error. ``code`` is stable and machine-readable; the message is for people."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:  # "[E101] empty input: ..."
        return f"[{self.code}] {super().__str__()}"


class InputError(NewsgraphError):
    """A record could not be read: the record is kept as a failure and the batch goes on."""

    code = "E100"


# Codes of input errors, so callers and the failures table can group them.
E_EMPTY = "E101"  # empty file or record
E_BINARY = "E102"  # binary data where text was expected
E_ENCODING = "E103"  # bytes no known encoding decodes
E_TOO_LARGE = "E104"  # record larger than the configured limit
E_TRUNCATED = "E105"  # truncated WARC or gzip stream
E_MALFORMED = "E106"  # malformed HTML, feed, JSON line
E_NO_CONTENT = "E107"  # parsed, but no article text found
E_FORMAT = "E108"  # unknown or unsupported input format
E_STAGE = "E200"  # a pipeline stage failed on this record
E_SPAN = "E201"  # a stage produced a span whose text does not match its offsets


class PipelineError(NewsgraphError):
    """The pipeline is wrongly assembled (a stage needs what no earlier stage assigns)."""

    code = "E300"
