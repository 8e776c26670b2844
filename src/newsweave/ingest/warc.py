"""WARC and WARC.gz archives, read with warcio: one Page per HTML response record.

warcio reads header lines with an unbounded `readline`, so a record whose headers
are one endless line (or millions of short ones) would fill memory. The reader
here caps each header line and each record's header bytes, and reports a gzip
member cut short or corrupt, which warcio would pass over in silence. A record
that cannot be read becomes a Dropped naming it; the records after it are still
read when the archive can be resumed (a WARC.gz has one gzip member per record).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from newsweave.ingest.decode import looks_like_html
from newsweave.ingest.pages import page_from_bytes, too_big
from newsweave.model import Dropped, Page

if TYPE_CHECKING:
    from newsweave.ingest import IngestConfig

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")
_CHUNK = 1 << 20
MAX_LINE = 65_536  # bytes of one WARC or HTTP header line
MAX_HEADERS = 1_000_000  # bytes of one record's WARC and HTTP headers together


class WarcLimit(Exception):
    """A record's headers are over a cap; reading this archive cannot go on safely."""


class _Counting:
    """A read-only stream wrapper that counts the bytes read, so truncation shows."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


def read_warc(stream: BinaryIO, source: str, config: IngestConfig) -> Iterator[Page | Dropped]:
    """Yield a Page per HTML response record; Dropped for others and for a damaged archive."""
    counting = _Counting(stream)
    from warcio.archiveiterator import ArchiveIterator  # imported when a WARC is read

    from newsweave.ingest.warc_reader import BoundedReader

    records = ArchiveIterator(counting)
    reader = BoundedReader(records.fh, block_size=records.reader.block_size)
    records.reader = reader
    done = 0
    pages = 0
    try:
        for record in records:
            if record.rec_headers.get_header("Content-Length") is None:
                rid = _record_id(record, done + 1)
                reason = f"WARC record {rid} has no Content-Length (cut short or invalid)"
                reader.header_bytes, reader.pending = 0, False
                yield Dropped(f"{source}#{rid}", reason)
                continue
            item = _safe_record_page(record, source, config, done + 1)
            missing = _drain(record)
            if missing:
                rid = _record_id(record, done + 1)
                yield Dropped(
                    f"{source}#{rid}", f"truncated WARC: record {rid} is {missing} bytes short"
                )
                return
            done += 1
            reader.header_bytes, reader.pending = 0, False
            if item is not None:
                pages += 1
                yield item
    except WarcLimit as exc:
        yield Dropped(source, f"WARC record {done + 1}: {exc}; the rest of the archive is skipped")
        return
    except Exception as exc:  # warcio raises many kinds on corrupt input; report, never crash
        yield Dropped(source, f"corrupt WARC after {done} records ({type(exc).__name__}: {exc})")
        return
    if reader.damage:
        yield Dropped(source, f"damaged WARC.gz after record {done}: {reader.damage}")
        return
    if reader.cut_member:
        yield Dropped(source, f"truncated WARC: the gzip member after record {done} is cut short")
        return
    leftover = counting.count - records.offset
    if reader.pending:
        yield Dropped(source, f"truncated WARC: the record after record {done} is incomplete")
    elif leftover > 0:
        yield Dropped(
            source, f"truncated WARC: {leftover} bytes after record {done} are not a whole record"
        )
    elif not pages:
        yield Dropped(source, f"WARC has no response records ({done} records of other types)")


def _safe_record_page(
    record: Any, source: str, config: IngestConfig, number: int
) -> Page | Dropped | None:
    """`_record_page`, with any failure of this one record turned into its Dropped."""
    try:
        return _record_page(record, source, config, number)
    except WarcLimit:
        raise
    except Exception as exc:  # one bad record never costs the records after it
        rid = _record_id(record, number)
        return Dropped(f"{source}#{rid}", f"WARC record {rid}: unreadable ({type(exc).__name__})")


def _record_id(record: Any, number: int) -> str:
    rid = record.rec_headers.get_header("WARC-Record-ID") or ""
    return rid.strip().strip("<>") or f"record-{number}"


def _drain(record: Any) -> int:
    """Read what is left of the record; return how many declared bytes never arrived."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return max(getattr(raw, "limit", 0), 0)


def _record_page(
    record: Any, source: str, config: IngestConfig, number: int = 0
) -> Page | Dropped | None:
    """A Page for an HTML response, a Dropped for another response, None for other records."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    rid = _record_id(record, number)
    where = f"{source}#{rid}"
    headers = record.http_headers if record.rec_type == "response" else None
    if headers is not None:
        status = headers.get_statuscode() or ""
        if status and not status.startswith("2"):
            return Dropped(where, f"WARC record {rid}: HTTP status {status}, not a page")
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    if record.length is not None and record.length > config.max_bytes:
        return Dropped(
            where, f"WARC record {rid}: {too_big('record', record.length, config.max_bytes)}"
        )
    if mime and mime not in _HTML_TYPES:
        return Dropped(where, f"WARC record {rid}: content type {mime} is not HTML")
    data = record.content_stream().read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        reason = too_big("record", len(data), config.max_bytes, at_least=True)
        return Dropped(where, f"WARC record {rid}: {reason}")
    if not mime and not looks_like_html(data[:4096].decode("utf-8", "replace")):
        return Dropped(where, f"WARC record {rid}: no content type and not HTML")
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    fetched = record.rec_headers.get_header("WARC-Date")
    page = page_from_bytes(
        data,
        where,
        "html",
        what="record",
        declared=_charset(params),
        url=url,
        meta={"fetched": fetched} if fetched else None,
    )
    if isinstance(page, Dropped):
        page.reason = f"WARC record {rid}: {page.reason}"
    return page


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
