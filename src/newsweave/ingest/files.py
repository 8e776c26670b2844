"""Walk folders and files, and send each file to the reader for its format."""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO, cast

from newsweave.ingest import feeds
from newsweave.ingest.decode import binary_kind, decode, looks_like_html
from newsweave.ingest.jsonl import looks_like_jsonl, read_jsonl
from newsweave.ingest.pages import page_from_bytes, page_from_text, too_big
from newsweave.ingest.warc import read_warc
from newsweave.model import Dropped, Page, encodable

if TYPE_CHECKING:
    from newsweave.ingest import IngestConfig

Item = Page | Dropped

# Format by extension (after any ".gz"); anything else is sniffed from its bytes.
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_STREAMED = ("warc", "jsonl")  # read record by record; the size cap applies per record
_CHUNK = 1 << 20
_COUNT_LIMIT = (
    5  # count an oversized stream's bytes up to this many times the cap (bombs: "more than")
)


def format_of(path: str) -> tuple[str | None, bool]:
    """The format named by a file's extension (None: sniff it) and whether it is gzipped."""
    name = os.path.basename(path).lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gzipped


def display_path(path: str) -> str:
    """A path as text that can always be stored: undecodable bytes of its name as \\xNN."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return encodable(path)


def read_path(path: str, config: IngestConfig) -> Iterator[Item]:
    """Read a folder (recursively) or a file given by the user."""
    if os.path.isdir(path):
        for entry in walk(path, config):
            if isinstance(entry, Dropped):
                yield entry
            else:
                yield from read_file(entry, config)
    else:
        yield from read_file(path, config)


def walk(
    folder: str, config: IngestConfig, _seen: frozenset[str] = frozenset()
) -> Iterator[str | Dropped]:
    """Yield the paths of the files under `folder`, sorted, skipping hidden names."""
    real = os.path.realpath(folder)
    if real in _seen:
        yield Dropped(display_path(folder), "symbolic link loop, not followed")
        return
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield Dropped(display_path(folder), f"cannot read folder: {_why(exc)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            if entry.is_symlink():
                if not config.follow_symlinks:
                    yield Dropped(display_path(path), "symbolic link, not followed")
                    continue
                if not os.path.exists(path):
                    yield Dropped(display_path(path), "broken symbolic link")
                    continue
            if entry.is_dir():
                yield from walk(path, config, _seen | {real})
            elif entry.is_file():
                yield path
            else:
                yield Dropped(display_path(path), f"not a regular file ({_kind(entry.stat())})")
        except OSError as exc:
            yield Dropped(display_path(path), f"cannot read: {_why(exc)}")


def read_file(path: str, config: IngestConfig) -> Iterator[Item]:
    """Read one file; every failure becomes a Dropped naming the file."""
    fmt, gzipped = format_of(path)
    label = display_path(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
        except OSError:
            os.close(fd)
            raise
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            yield Dropped(
                label, f"not a regular file ({_kind(info)}); use - to read standard input"
            )
            return
        size = info.st_size
        if size > config.max_bytes and not gzipped and fmt not in _STREAMED:
            os.close(fd)
            yield Dropped(label, too_big("file", size, config.max_bytes))
            return
        with open(fd, "rb") as raw:
            if gzipped and fmt != "warc":  # warcio reads gzipped WARCs itself, member by member
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    yield from read_stream(
                        _binary(unzipped), label, fmt, config, "file", decompressed=True
                    )
            else:
                yield from read_stream(raw, label, fmt, config, "file", size=size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield Dropped(label, gzip_reason(exc))
    except OSError as exc:
        yield Dropped(label, f"cannot read: {_why(exc)}")


def _kind(info: os.stat_result) -> str:
    """What a non-regular file is: "FIFO", "character device"..."""
    mode = info.st_mode
    for test, name in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "folder"),
    ):
        if test(mode):
            return name
    return "special file"


def read_stream(
    stream: BinaryIO,
    source: str,
    fmt: str | None,
    config: IngestConfig,
    what: str,
    decompressed: bool = False,
    size: int | None = None,
) -> Iterator[Item]:
    """Read an open binary stream in format `fmt` (None: sniff it).

    `size`, the file's size when known, only spares allocating a buffer of the whole limit.
    """
    if fmt == "warc":
        yield from read_warc(stream, source, config)
    elif fmt == "jsonl":
        yield from read_jsonl(stream, source, config)
    else:
        limit = config.max_bytes + 1
        data = stream.read(limit if size is None else min(size + 1, limit))
        if size is not None and len(data) == size + 1 < limit:  # it grew since: read on
            data += stream.read(limit - len(data))
        if len(data) > config.max_bytes:
            size, exact = _count(stream, len(data), config.max_bytes)
            unzipped = " decompressed" if decompressed else ""
            reason = too_big(f"{what}{unzipped}", size, config.max_bytes, at_least=not exact)
            yield Dropped(source, reason)
            return
        yield from read_bytes(data, source, fmt, config, what, allow_gzip=not decompressed)


def read_bytes(
    data: bytes,
    source: str,
    fmt: str | None,
    config: IngestConfig,
    what: str = "file",
    allow_gzip: bool = True,
) -> Iterator[Item]:
    """Read a whole file's (or stdin's) bytes in format `fmt` (None: sniff it)."""
    if fmt in ("text", "html"):
        yield page_from_bytes(data, source, fmt, what=what)
        return
    if fmt == "feed":
        yield from _feed_or_page(data, source, config, what)
        return
    if fmt in _STREAMED:
        yield from read_stream(io.BytesIO(data), source, fmt, config, what)
        return
    yield from _sniff(data, source, config, what, allow_gzip)


def _sniff(
    data: bytes, source: str, config: IngestConfig, what: str, allow_gzip: bool
) -> Iterator[Item]:
    """Read bytes of unknown format: gzip, WARC, binary, HTML, feed, JSONL or plain text."""
    if allow_gzip and data.startswith(b"\x1f\x8b"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as unzipped:
                yield from read_stream(
                    _binary(unzipped), source, None, config, what, decompressed=True
                )
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield Dropped(source, gzip_reason(exc))
        return
    if data.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), source, config)
        return
    binary = binary_kind(data)
    if binary:
        yield Dropped(source, f"binary {what} ({binary})")
        return
    decoded = decode(data)
    if decoded is None:
        yield Dropped(source, f"binary {what} (no text encoding fits)")
    elif feeds.looks_like_feed(decoded.text):
        yield from _feed_or_page(data, source, config, what)
    elif looks_like_html(decoded.text):
        yield page_from_text(decoded, source, "html", what=what)
    elif looks_like_jsonl(decoded.text):
        yield from read_jsonl(io.BytesIO(data), source, config)
    else:
        yield page_from_text(decoded, source, "text", what=what)


def _feed_or_page(data: bytes, source: str, config: IngestConfig, what: str) -> Iterator[Item]:
    """Entries of a feed; an HTML page saved with a feed extension is still a page."""
    parsed = feeds.parse_feed(data)
    if feeds.is_feed(parsed):
        yield from feeds.read_feed(parsed, source, config)
        return
    decoded = decode(data)
    if decoded is not None and looks_like_html(decoded.text):
        yield page_from_text(decoded, source, "html", what=what)
    else:
        yield Dropped(source, feeds.not_a_feed_reason(parsed))


def gzip_reason(exc: BaseException) -> str:
    """A Dropped reason for a gzip failure: truncated, not gzip, or corrupt."""
    if isinstance(exc, EOFError):
        return f"truncated gzip: {exc}"
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file: {exc}"
    return f"corrupt gzip: {exc}"


def _binary(unzipped: gzip.GzipFile) -> BinaryIO:
    """A gzip stream as the binary file it behaves as (typeshed does not declare it one)."""
    return cast(BinaryIO, unzipped)


def _count(stream: BinaryIO, already: int, limit: int) -> tuple[int, bool]:
    """Count the rest of an oversized stream without keeping it; (size, exact)."""
    size = already
    while size <= limit * _COUNT_LIMIT:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return size, True
        size += len(chunk)
    return size, False


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
