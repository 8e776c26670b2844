"""Fuzz the WARC reader (plain and gzipped) and the JSONL reader with arbitrary bytes.

Run: python fuzz/fuzz_warc.py -max_total_time=600 /tmp/corpus_warc fuzz/seeds/warc
Any exception is a crash: a corrupt archive must come out as Dropped records with reasons.
"""

from __future__ import annotations

import gzip
import io
import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.files import read_bytes
    from newsweave.ingest.jsonl import read_jsonl
    from newsweave.ingest.warc import read_warc
    from newsweave.model import Dropped, Page

_CONFIG = IngestConfig(max_bytes=4096)


def _check(items: list[Page | Dropped]) -> None:
    for item in items:
        assert isinstance(item, Page) or (isinstance(item, Dropped) and item.reason), item


def test_one_input(data: bytes) -> None:
    """One fuzz input: how to wrap it, then the bytes of an archive."""
    fdp = atheris.FuzzedDataProvider(data)
    how = fdp.ConsumeIntInRange(0, 3)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    if how == 0:
        _check(list(read_warc(io.BytesIO(raw), "fuzz.warc", _CONFIG)))
    elif how == 1:
        _check(list(read_bytes(gzip.compress(raw, mtime=0), "fuzz.warc.gz", None, _CONFIG)))
    elif how == 2:
        _check(list(read_bytes(b"WARC/1.0\r\n" + raw, "fuzz.warc", None, _CONFIG)))
    else:
        _check(list(read_jsonl(io.BytesIO(raw), "fuzz.jsonl", _CONFIG)))


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
