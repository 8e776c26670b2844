"""Each input format newsweave ingests, on invented pages from invented outlets."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from tests.ingest.ingest_helpers import HTML, STORY, make_warc, pages

from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Dropped, Page, content_id


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode() + b"Second line\rthird\x00.")
    (page,) = read_inputs([str(path)])
    assert isinstance(page, Page)
    assert page.kind == "text"
    assert page.content == STORY + "Second line\nthird."
    assert page.id == content_id(page.content)
    assert page.source == str(path)
    assert page.encoding == "utf-8"


def test_html_and_gzipped_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML.format("Ferry back in service."))
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(HTML.format("Bridge shut.").encode()))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    items = list(read_inputs([str(tmp_path)]))
    assert [(p.source, p.kind) for p in pages(items)] == [
        (str(tmp_path / "a.html"), "html"),
        (str(tmp_path / "b.htm.gz"), "html"),
        (str(tmp_path / "c.txt.gz"), "text"),
    ]
    assert "Bridge shut." in pages(items)[1].content


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story of the Ashby Courier.")
    (tmp_path / "a.txt").write_text("First story of the Ashby Courier.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("hidden folder")
    (tmp_path / ".notes.txt").write_text("hidden file")
    sources = [item.source for item in read_inputs([str(tmp_path)])]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_jsonl_with_metadata(tmp_path: Path) -> None:
    lines = [
        {
            "text": STORY,
            "title": "Ferry back",
            "url": "https://lowmoor-echo.test/ferry",
            "published": "2024-05-07T09:30:00+01:00",
            "outlet": "Lowmoor Echo",
            "author": "R. Vance",
        },
        {"html": HTML.format("Bridge shut."), "published": "Tue, 07 May 2024 10:00:00 GMT"},
        {"text": "Undated brief from the Quarry Post.", "published": "last week"},
    ]
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(line) for line in lines).encode()))
    first, second, third = read_inputs([str(path)])
    assert isinstance(first, Page) and isinstance(second, Page) and isinstance(third, Page)
    assert first.source == f"{path}:1"
    assert (first.kind, first.title, first.url, first.outlet, first.published) == (
        "text",
        "Ferry back",
        "https://lowmoor-echo.test/ferry",
        "Lowmoor Echo",
        "2024-05-07",
    )
    assert first.meta == {"author": "R. Vance"}
    assert (second.kind, second.published, second.source) == ("html", "2024-05-07", f"{path}:2")
    assert third.published is None and third.meta == {"published_declared": "last week"}


def test_warc_html_records(tmp_path: Path) -> None:
    body = HTML.format("Ferry back in service.").encode("cp1252")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        make_warc(
            [
                ("https://lowmoor-echo.test/ferry", body, "text/html; charset=windows-1252"),
                ("https://lowmoor-echo.test/logo.png", b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
            ]
        )
    )
    page, image = read_inputs([str(path)])
    assert isinstance(page, Page)
    assert page.kind == "html" and page.url == "https://lowmoor-echo.test/ferry"
    assert page.source.startswith(f"{path}#urn:uuid:")
    assert page.published is None and "fetched" in page.meta
    assert isinstance(image, Dropped)
    assert image.reason.startswith("WARC record urn:uuid:")
    assert image.reason.endswith("content type image/png is not HTML")


def test_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        make_warc([("https://a.test/", HTML.format("x").encode(), "text/html")], False)
    )
    assert [type(item) for item in read_inputs([str(path)])] == [Page]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Quarry Post</title>
<item><title>Ferry back</title><link>https://quarry-post.test/ferry</link>
<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The ferry is back.&lt;/p&gt;</description></item>
<item><title>Empty one</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ashby Courier</title>
<entry><title>Bridge shut</title><link href="https://ashby.test/bridge"/>
<updated>2024-05-08T12:00:00Z</updated>
<content type="html">&lt;p&gt;The bridge is shut for repairs.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "quarry.rss"
    path.write_text(RSS)
    page, empty = read_inputs([str(path)])
    assert isinstance(page, Page)
    assert (page.source, page.kind, page.title, page.published, page.outlet) == (
        f"{path}#https://quarry-post.test/ferry",
        "html",
        "Ferry back",
        "2024-05-07",
        "Quarry Post",
    )
    assert "The ferry is back." in page.content
    assert isinstance(empty, Dropped)
    assert (empty.source, empty.reason) == (f"{path}#2", "feed entry 2: no content or summary")


def test_atom_feed_as_xml(tmp_path: Path) -> None:
    path = tmp_path / "ashby.xml"
    path.write_text(ATOM)
    (page,) = read_inputs([str(path)])
    assert isinstance(page, Page)
    assert (page.url, page.published, page.outlet) == (
        "https://ashby.test/bridge",
        "2024-05-08",
        "Ashby Courier",
    )
    assert "shut for repairs" in page.content


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://a.test/</loc></url></urlset>')
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Dropped) and item.reason.startswith("not an RSS or Atom feed")


def test_a_feed_that_breaks_the_feed_parser_is_dropped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"  # a </link> closed after its item made feedparser raise
    path.write_text("<rss><channel><item><link>a</item></x/a</link></channel></rss>")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Dropped)
    assert item.reason == "not an RSS or Atom feed (feedparser failed: KeyError 'links')"


def test_stdin_sniffs_html_jsonl_and_text() -> None:
    html = HTML.format("Ferry back.").encode()
    (page,) = read_inputs(["-"], stdin=io.BytesIO(html))
    assert isinstance(page, Page) and (page.source, page.kind) == ("-", "html")

    jsonl = b'{"text": "one story"}\n\n{"text": "another story"}\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(jsonl)))
    assert [item.source for item in pages(items)] == ["-:1", "-:3"]

    (text,) = read_inputs(["-"], stdin=io.BytesIO(b"Just a plain story {with braces}.\n"))
    assert isinstance(text, Page) and text.kind == "text"

    (unzipped,) = read_inputs(["-"], stdin=io.BytesIO(gzip.compress(STORY.encode())))
    assert isinstance(unzipped, Page) and unzipped.content == STORY


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(HTML.format("Ferry back."))
    (tmp_path / "story.md").write_text(STORY)
    (tmp_path / "dump").write_bytes(
        make_warc([("https://a.test/", b"<p>Hi there</p>", "text/html")])
    )
    kinds = [(item.source, getattr(item, "kind", None)) for item in read_inputs([str(tmp_path)])]
    assert kinds[1:] == [(str(tmp_path / "page.php"), "html"), (str(tmp_path / "story.md"), "text")]
    assert kinds[0][0].startswith(str(tmp_path / "dump") + "#") and kinds[0][1] == "html"


def test_same_content_same_id_across_calls(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (first,) = read_inputs([str(tmp_path / "a.txt")])
    (again,) = read_inputs([str(tmp_path / "a.txt")])
    assert isinstance(first, Page) and isinstance(again, Page) and first.id == again.id


def test_is_a_lazy_generator(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Story number {n} of the Lowmoor Echo.")
    items = read_inputs([str(tmp_path)], IngestConfig())
    assert not isinstance(items, list)
    assert isinstance(next(items), Page)
