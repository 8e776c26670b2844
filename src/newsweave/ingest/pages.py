"""Build Page and Dropped records: sizes, decoding, emptiness and declared dates."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from newsweave.ingest.decode import Decoded, binary_kind, decode, normalise
from newsweave.model import Dropped, Page, encodable, page_id

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def megabytes(size: int) -> str:
    """Format a byte count as "52.4 MB" (decimal megabytes)."""
    return f"{size / 1_000_000:.1f} MB"


def too_big(what: str, size: int, limit: int, at_least: bool = False) -> str:
    """Reason for an input over the size limit: "file is 52.4 MB, over the 20.0 MB limit"."""
    more = "more than " if at_least else ""
    return f"{what} is {more}{megabytes(size)}, over the {megabytes(limit)} limit"


def iso_date(value: object) -> str | None:
    """A declared date as "YYYY-MM-DD", from ISO 8601, RFC 2822 or a struct_time; else None."""
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            return None
    import email.utils  # (imported here: a plain file never needs it, and it costs 0.02 s)

    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def make_page(
    decoded: Decoded,
    source: str,
    kind: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    meta: dict[str, str] | None = None,
) -> Page:
    """A Page from decoded text: newline-normalised, NUL-free, id from content and place."""
    fields = {"url": url, "title": title, "published": published, "outlet": outlet}
    return _page(normalise(decoded.text), decoded, source, kind, meta=meta, **fields)


def _page(
    normalised: str,
    decoded: Decoded,
    source: str,
    kind: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    meta: dict[str, str] | None = None,
) -> Page:
    """make_page for text normalised already."""
    content = encodable(normalised)
    meta = {encodable(key): encodable(value) for key, value in (meta or {}).items()}
    if decoded.lossy:
        meta["decode"] = f"invalid {decoded.encoding} bytes replaced"
    url, outlet = _maybe(url), _maybe(outlet)
    return Page(
        id=page_id(content, url or outlet),
        source=encodable(source),
        content=content,
        kind=kind,
        url=url,
        title=_maybe(title),
        published=_maybe(published),
        outlet=outlet,
        encoding=decoded.encoding,
        meta=meta,
    )


def _maybe(text: str | None) -> str | None:
    return None if text is None else encodable(text)


def empty_reason(decoded: Decoded, what: str) -> str | None:
    """ "empty file" / "empty file (only whitespace)", or None when there is text."""
    return _empty(normalise(decoded.text), what)


def _empty(content: str, what: str) -> str | None:
    """empty_reason for text normalised already."""
    if not content:
        return f"empty {what}"
    if not content.strip():
        return f"empty {what} (only whitespace)"
    return None


def page_from_bytes(
    data: bytes,
    source: str,
    kind: str,
    *,
    what: str = "file",
    declared: str | None = None,
    **fields: Any,
) -> Page | Dropped:
    """Decode raw bytes into a Page, or say why they cannot be one."""
    binary = binary_kind(data)
    if binary:
        return Dropped(source, f"binary {what} ({binary})")
    decoded = decode(data, declared)
    if decoded is None:
        return Dropped(source, f"binary {what} (no text encoding fits)")
    return page_from_text(decoded, source, kind, what=what, **fields)


def page_from_text(
    decoded: Decoded, source: str, kind: str, *, what: str = "file", **fields: Any
) -> Page | Dropped:
    """A Page from already decoded text, or Dropped if it is empty."""
    content = normalise(decoded.text)  # once, for both
    empty = _empty(content, what)
    if empty:
        return Dropped(source, empty)
    return _page(content, decoded, source, kind, **fields)
