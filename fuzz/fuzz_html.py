"""Fuzz the HTML path: bytes sniffed by ingest (HTML, feed, JSONL) -> clean_page on each page.

Run: python fuzz/fuzz_html.py -max_total_time=600 /tmp/corpus_html fuzz/seeds/html
Any exception is a crash; every input must end as Articles or Dropped records with reasons.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.clean import CleanConfig, clean_page, explain_page
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.files import read_bytes
    from newsweave.model import Article, Dropped, Page

_CONFIG = CleanConfig(min_chars=10)


def test_one_input(data: bytes) -> None:
    """One fuzz input: a format choice, then the bytes of a file."""
    fdp = atheris.FuzzedDataProvider(data)
    fmt = fdp.PickValueInList([None, "html", "feed"])
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    for item in read_bytes(raw, "fuzz.html", fmt, IngestConfig()):
        if isinstance(item, Dropped):
            assert item.reason
            continue
        assert isinstance(item, Page)
        out = clean_page(item, _CONFIG)
        assert isinstance(out, Article) or (isinstance(out, Dropped) and out.reason)
        explain_page(item, _CONFIG)


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
