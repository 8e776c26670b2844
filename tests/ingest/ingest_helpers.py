"""Invented pages and archives shared by the ingest tests."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.model import Dropped, Page

STORY = "The Lowmoor ferry resumed service on Tuesday after a two-week repair.\n"
HTML = "<html><head><title>Ferry back</title></head><body><p>{}</p></body></html>"


def pages(items: list[Page | Dropped]) -> list[Page]:
    return [item for item in items if isinstance(item, Page)]


def make_warc(records: list[tuple[str, bytes, str]], gz: bool = True) -> bytes:
    """A WARC of response records (url, body, content type), written with warcio."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()
