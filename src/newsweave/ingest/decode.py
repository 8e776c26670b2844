"""Bytes to text: binary sniffing, encoding detection and newline normalisation.

Order of trust: a byte-order mark, then strict UTF-8, then an encoding the
container declared (HTTP header, XML prolog), then UTF-8 with a few bad bytes,
then charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

# Magic numbers of common binary formats found in scraped folders.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control bytes that do not occur in text (tab, newlines, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.10
_SHORT = 64  # below this many bytes charset guesses are unreliable; prefer cp1252
_NO_BOM_UTF = [
    "utf_16",
    "utf_16_be",
    "utf_16_le",
    "utf_32",
    "utf_32_be",
    "utf_32_le",
    "utf_7",
]

_HTML_RE = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|article|meta|title|div|p)[\s>/]", re.IGNORECASE
)


class Decoded(NamedTuple):
    """Decoded text, the encoding used, and whether undecodable bytes were replaced."""

    text: str
    encoding: str
    lossy: bool = False


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Name the UTF-16 byte order if NULs sit on one side of most byte pairs."""
    if len(sample) < 4:
        return None
    low, high = sample[0::2], sample[1::2]
    pairs = len(sample) // 2
    for name, zeros, chars in (("utf-16-le", high, low), ("utf-16-be", low, high)):
        if zeros.count(0) > 0.4 * pairs and chars.count(0) < 0.05 * pairs:
            return name if _control_share(chars) <= _MAX_CONTROL_SHARE else None
    return None


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL))) / len(sample) if sample else 0.0


def binary_kind(data: bytes) -> str | None:
    """Say what binary data this is ("PNG image", "31% control bytes"), or None for text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if _bom_encoding(data):
        return None
    sample = data[:_SAMPLE]
    if not sample or _utf16_without_bom(sample):
        return None
    share = _control_share(sample)
    if share > _MAX_CONTROL_SHARE:
        return f"{share:.0%} control bytes"
    return None


def looks_like_html(text: str) -> bool:
    """True if the start of `text` has HTML tags."""
    return bool(_HTML_RE.search(text[:4096].encode("utf-8", "replace")))


# Codecs Python knows that are no page encoding: a declared one is ignored.
_NOT_CHARSETS = {"undefined", "unicode_escape", "raw_unicode_escape", "idna", "punycode", "utf_7"}


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        if codecs.lookup(encoding).name.replace("-", "_") in _NOT_CHARSETS:
            return None
        return data.decode(encoding)
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded | None:
    """Decode bytes to str, or return None when no text encoding fits."""
    bom = _bom_encoding(data)
    if bom:
        text = _strict(data, bom)
        if text is not None:
            return Decoded(text, bom.removesuffix("-sig"))
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return Decoded(text, codecs.lookup(declared).name)
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return Decoded(text, utf16)
    # UTF-8 with a few stray bytes: more valid multi-byte characters than bad bytes.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    multibyte = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad
    if multibyte > bad:
        return Decoded(replaced, "utf-8", lossy=True)
    cp1252 = _strict(data, "cp1252")
    if cp1252 is not None and len(data) < _SHORT:
        return Decoded(cp1252, "cp1252")
    import charset_normalizer  # the last resort: imported when a page gets this far

    best = charset_normalizer.from_bytes(data, cp_exclusion=_NO_BOM_UTF).best()
    if best is None:
        return None
    text = str(best)
    if cp1252 == text:
        return Decoded(text, "cp1252")
    return Decoded(text, codecs.lookup(best.encoding).name)


def normalise(text: str) -> str:
    """Normalise newlines to "\\n" and strip NUL characters and a leading BOM."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").removeprefix("\ufeff")
