"""Bytes to text: byte-order marks, UTF-8, legacy code pages, and files that mix them."""

from __future__ import annotations

import codecs
import re

from ..errors import E_BINARY, E_EMPTY, E_ENCODING, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True for data that is not text in any 8-bit or UTF-8 encoding (NULs, many control bytes)."""
    head = data[:sample]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes, location: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text and return it with warnings about how it was decoded.

    Order: a byte-order mark; strict UTF-8; the encoding the container declares; a detected
    single encoding (charset-normalizer); and last, line by line, UTF-8 where a line is UTF-8 and
    the detected code page where it is not, which recovers files pasted together from two sources.
    """
    if not data.strip():
        raise InputError(f"{location}: empty input (no text to read)", code=E_EMPTY)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{location}: starts with a {enc} byte-order mark but does not decode as {enc}: {exc}",
                    code=E_ENCODING,
                ) from exc
    if looks_binary(data):
        raise InputError(
            f"{location}: binary data, not text (NUL or control bytes); pass a text, HTML, feed, "
            "WARC or JSONL file",
            code=E_BINARY,
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), [f"decoded as declared {declared}"]
        except (UnicodeDecodeError, LookupError):
            pass
    guess = _detect(data)
    if guess is None:
        raise InputError(f"{location}: no known text encoding decodes these bytes", code=E_ENCODING)
    lines = data.splitlines(keepends=True)
    utf8_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
            if any(b > 127 for b in line):
                utf8_lines += 1
        except UnicodeDecodeError:
            continue
    if utf8_lines:
        out = []
        for line in lines:
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode(guess, errors="replace"))
        return "".join(out), [f"mixed encodings: {utf8_lines} line(s) UTF-8, the rest decoded as {guess}"]
    try:
        return data.decode(guess), [f"decoded as {guess}"]
    except UnicodeDecodeError as exc:  # pragma: no cover - detector guessed a codec that fails
        raise InputError(f"{location}: detected {guess} but decoding failed: {exc}", code=E_ENCODING) from exc


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    # Lines that are valid UTF-8 would confuse the detector in mixed files: judge the rest.
    legacy = b"".join(line for line in data.splitlines(keepends=True) if not _is_utf8(line))
    best = from_bytes(legacy or data).best()
    return best.encoding if best is not None else None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def unfit_text(value: str) -> str | None:
    """Why a piece of text cannot be stored (a NUL, a lone surrogate), or None."""
    if "\x00" in value:
        return "holds a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a lone surrogate (not valid Unicode text)"
    return None


# A numeric character reference to a surrogate code point (U+D800–U+DFFF): no character at all.
_SURROGATE_REFERENCE = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7][0-9]{3});")


def replace_surrogate_references(data: bytes) -> tuple[bytes, int]:
    """Markup with each reference to a surrogate code point (``&#55296;``) replaced by U+FFFD's, and how
    many there were: feed and HTML parsers otherwise fail on the text they make of it."""

    def one(m: re.Match) -> bytes:
        ref = m.group(0)[2:-1]
        value = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF else m.group(0)

    out, n = _SURROGATE_REFERENCE.subn(one, data)
    return out, n
