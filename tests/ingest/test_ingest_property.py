"""Property: any bytes, under any file name, give Page or Dropped records and never raise."""

from __future__ import annotations

import gzip
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Dropped, Page, content_id

NAMES = ["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "a.rss", "a.xml", "a", "a.txt.gz"]
PREFIXES = [
    b"",
    b"\x1f\x8b",
    b"WARC/1.0\r\n",
    b"<?xml version='1.0'?><rss>",
    b'{"text": ',
    b"<html>",
]


def check(items: list[Page | Dropped]) -> None:
    assert items, "every input gives at least one record"
    for item in items:
        assert isinstance(item, Page | Dropped)
        if isinstance(item, Page):
            assert item.content.strip() and "\x00" not in item.content and "\r" not in item.content
            assert item.id == content_id(item.content)
        else:
            assert item.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(NAMES),
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=600),
    gz=st.booleans(),
)
def test_any_bytes_never_raise(name: str, prefix: bytes, body: bytes, gz: bool) -> None:
    data = prefix + body
    if gz and name.endswith(".gz"):
        data = gzip.compress(data)
    config = IngestConfig(max_bytes=400)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        check(list(read_inputs([str(path)], config)))
        check(list(read_inputs([folder], config)))
    check(list(read_inputs(["-"], config, stdin=io.BytesIO(data))))
