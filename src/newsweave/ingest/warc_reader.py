"""warcio's buffered reader with bounded header lines, and gzip damage kept instead of printed.

warcio reads every WARC and HTTP header line with an unbounded `readline`, so one endless
line (or millions of short ones) fills memory. `BoundedReader` caps each line at MAX_LINE
bytes and a record's header lines at MAX_HEADERS bytes together (the caller resets the
count after each record), raising `WarcLimit`. It also remembers what warcio would only
print to stderr or pass over: corrupt gzip data and a gzip member cut short. Imported only
when a WARC is read, like warcio itself.
"""

from __future__ import annotations

import zlib
from typing import Any

from warcio.bufferedreaders import DecompressingBufferedReader

from newsweave.ingest.warc import MAX_HEADERS, MAX_LINE, WarcLimit


class BoundedReader(DecompressingBufferedReader):  # type: ignore[misc,unused-ignore]
    """A DecompressingBufferedReader whose header lines and header bytes are capped."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_bytes = 0
        self.pending = False  # header text read since the last whole record
        self.damage: str | None = None
        self.cut_member = False

    def readline(self, length: int | None = None) -> bytes:
        """One line, at most MAX_LINE bytes; WarcLimit past a cap."""
        cap = MAX_LINE + 1 if not length or length < 0 else min(length, MAX_LINE + 1)
        line: bytes = super().readline(cap)
        if len(line) > MAX_LINE:
            raise WarcLimit(f"a header line is longer than {MAX_LINE // 1024} KB")
        self.header_bytes += len(line)
        self.pending = self.pending or bool(line.strip())
        if self.header_bytes > MAX_HEADERS:
            raise WarcLimit(f"a record's headers are over {MAX_HEADERS // 1_000_000} MB")
        return line

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor and data and self.num_block_read:
            try:
                return bytes(self.decompressor.decompress(data))
            except zlib.error as exc:
                self.damage = f"corrupt gzip data ({exc})"
                return b""
        return bytes(super()._decompress(data))

    def close_decompressor(self) -> None:
        """Note a gzip member that ended before its end, then close as warcio does."""
        eof = getattr(self.decompressor, "eof", True)
        if self.decompressor is not None and not eof and self.decomp_type == "gzip":
            self.cut_member = True
        super().close_decompressor()
