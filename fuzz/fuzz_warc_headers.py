"""Fuzz WARC and HTTP header blocks: line lengths, counts, continuations, lengths, charsets.

Run: python fuzz/fuzz_warc_headers.py -max_total_time=600 /tmp/corpus_wh fuzz/seeds/warc_headers
Each input builds a record from fuzzed header lines (some very long, by repetition, so the
line and header caps are reached), an HTTP header block and a body, plain or gzipped,
between two valid records. Every record must end as a Page or a Dropped with a reason,
and the valid record before the fuzzed one must always be read.
"""

from __future__ import annotations

import gzip
import io
import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.warc import read_warc
    from newsweave.model import Dropped, Page

_CONFIG = IngestConfig(max_bytes=50_000)
_HTML = b"<html><body><p>The Kestrel Bay ferry ran late again on Monday.</p></body></html>"
_HTTP = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _HTML


def _record(headers: list[bytes], block: bytes) -> bytes:
    head = b"\r\n".join([b"WARC/1.0", *headers])
    return head + b"\r\n\r\n" + block + b"\r\n\r\n"


_GOOD = _record(
    [b"WARC-Type: response", b"WARC-Target-URI: http://bay.example/1",
     b"Content-Type: application/http; msgtype=response",
     b"Content-Length: %d" % len(_HTTP)],
    _HTTP,
)  # fmt: skip


def test_one_input(data: bytes) -> None:
    """One fuzz input: header lines (with repeat counts), an HTTP block, a body."""
    fdp = atheris.FuzzedDataProvider(data)
    headers = []
    for _ in range(fdp.ConsumeIntInRange(0, 12)):
        line = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 40))
        headers.append(line * fdp.PickValueInList([1, 1, 1, 50, 3000, 40_000]))
    http = b"\r\n".join(
        fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 30)) * fdp.PickValueInList([1, 1, 5000])
        for _ in range(fdp.ConsumeIntInRange(0, 6))
    )
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    block = http + b"\r\n\r\n" + body
    if fdp.ConsumeBool():
        headers.append(b"Content-Length: %d" % len(block))
    gz = fdp.ConsumeBool() if fdp.remaining_bytes() else False
    parts = [_GOOD, _record(headers, block), _GOOD]
    data = b"".join(gzip.compress(p, mtime=0) for p in parts) if gz else b"".join(parts)
    items = list(read_warc(io.BytesIO(data), "fuzz.warc", _CONFIG))
    assert items and isinstance(items[0], Page), items[:1]
    for item in items:
        assert isinstance(item, Page) or (isinstance(item, Dropped) and item.reason), item


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
