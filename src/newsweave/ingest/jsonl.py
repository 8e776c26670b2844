"""JSON Lines: one page per line, with `text` or `html` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from newsweave.ingest.decode import Decoded, decode
from newsweave.ingest.pages import iso_date, page_from_text, too_big
from newsweave.model import Dropped, Page
from newsweave.safejson import JSONLimitError
from newsweave.safejson import loads as safe_loads

if TYPE_CHECKING:
    from newsweave.ingest import IngestConfig

_DECLARED = ("url", "title", "outlet")
_CHUNK = 1 << 20


def looks_like_jsonl(text: str) -> bool:
    """True if every non-empty line starts with "{" and the first one is a JSON object."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or not all(line.lstrip().startswith("{") for line in lines):
        return False
    try:
        return isinstance(safe_loads(lines[0]), dict)
    except JSONLimitError:
        return True  # JSON, too deep to read: read_jsonl drops the line with the reason
    except ValueError:
        return False


def read_jsonl(stream: BinaryIO, source: str, config: IngestConfig) -> Iterator[Page | Dropped]:
    """Yield one Page per JSON line of `stream`, or a Dropped naming the line and the fault."""
    lineno = 0
    found = False
    while True:
        line = stream.readline(config.max_bytes + 1)
        if not line:
            if not found:
                yield Dropped(source, "empty file" if lineno == 0 else "empty file (no JSON lines)")
            return
        lineno += 1
        where = f"{source}:{lineno}"
        if len(line) > config.max_bytes and not line.endswith(b"\n"):
            found = True
            size = len(line) + _skip_line(stream)
            yield Dropped(where, f"line {lineno}: {too_big('line', size, config.max_bytes)}")
            continue
        if lineno == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            found = True
            yield _line_page(line, lineno, where)


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _line_page(line: bytes, lineno: int, where: str) -> Page | Dropped:
    decoded = decode(line)
    if decoded is None:
        return Dropped(where, f"line {lineno}: not text (no encoding fits)")
    try:
        record = safe_loads(decoded.text.strip())
    except json.JSONDecodeError as exc:
        return Dropped(where, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})")
    except ValueError as exc:  # nested too deeply, integers too long to convert
        return Dropped(where, f"line {lineno}: invalid JSON ({exc})")
    if not isinstance(record, dict):
        return Dropped(where, f"line {lineno}: not a JSON object")
    field = "html" if "html" in record else "text" if "text" in record else None
    if field is None:
        return Dropped(where, f"line {lineno}: no 'text' or 'html' field")
    body = record[field]
    if not isinstance(body, str):
        return Dropped(where, f"line {lineno}: '{field}' is not a string")
    page = page_from_text(
        Decoded(body, decoded.encoding, decoded.lossy),
        where,
        "html" if field == "html" else "text",
        what=f"'{field}'",
        published=iso_date(record.get("published")),
        meta=_meta(record),
        **{key: _scalar(record.get(key)) for key in _DECLARED},
    )
    if isinstance(page, Dropped):
        page.reason = f"line {lineno}: {page.reason}"
    return page


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _meta(record: dict[str, Any]) -> dict[str, str]:
    """Other string fields, and a declared date that could not be read as a date."""
    meta = {
        key: value
        for key, value in record.items()
        if key not in ("text", "html", "published", *_DECLARED) and isinstance(value, str)
    }
    published = record.get("published")
    if published is not None and iso_date(published) is None:
        meta["published_declared"] = str(published)
    return meta
