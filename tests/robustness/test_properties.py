"""Property tests: arbitrary input through ingest, clean and the time/figure parsers.

Never an unexpected exception; every input ends as a Page/Article or a Dropped with a reason.
Each test is capped by a small `max_examples` so the module stays near 30 s on two cores.
"""

from __future__ import annotations

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.clean import CleanConfig, clean_page, clean_pages, explain_page
from newsweave.clean.dates import full_dates, infer_published, infer_range
from newsweave.extract.anchor import article_anchor
from newsweave.extract.dates import find_dates, sentence_dates, time_expressions
from newsweave.extract.figures import extract_figures
from newsweave.extract.timex import tag_times
from newsweave.ingest import IngestConfig
from newsweave.ingest.decode import decode
from newsweave.ingest.feeds import parse_feed, read_feed
from newsweave.ingest.files import read_bytes
from newsweave.ingest.jsonl import read_jsonl
from newsweave.ingest.warc import read_warc
from newsweave.model import Article, Dropped, Page, content_id

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = IngestConfig(max_bytes=2000)

WORDS = [
    "Monday", "last", "year", "June", "2024", "12", "3,400", "$5", "million", "percent",
    "ago", "next", "week", "the", "17th", "Q3", "1990s", "said", "Home", "|", "By", "\n",
    "\n\n", "“", "”", '"', ".", ",", "<p>", "</p>", "<div>", "&amp;", "\x00", "\u200b",
    "\ufeff", "\r\n", "é", "half", "of", "-strong", "10:30", "pm", "spring", "2023-02-30",
]  # fmt: skip
newsy = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=60).map(" ".join)
text = st.text(max_size=400) | newsy
dates = st.none() | st.sampled_from(
    ["2024-06-12", "2024", "2024-02", "0001-01-01", "9999-12-31", "2024-13-01", "garbage"]
)


def ok(item: object) -> bool:
    """An item is a record or a Dropped with a non-empty reason."""
    return isinstance(item, Page | Article) or (isinstance(item, Dropped) and bool(item.reason))


def text_page(content: str, kind: str = "text", **fields: object) -> Page:
    """A Page around arbitrary content."""
    return Page(id=content_id(content), source="p", content=content, kind=kind, **fields)  # type: ignore[arg-type]


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_are_read_as_pages_or_dropped(data: bytes) -> None:
    items = list(read_bytes(data, "x", None, SMALL))
    assert items and all(ok(item) for item in items)


@FAST
@given(st.binary(max_size=600), st.sampled_from(["text", "html", "feed", "jsonl", "warc"]))
def test_any_bytes_in_a_declared_format_are_pages_or_dropped(data: bytes, fmt: str) -> None:
    assert all(ok(item) for item in read_bytes(data, "x", fmt, SMALL))


@FAST
@given(st.binary(max_size=400))
def test_gzipped_and_truncated_gzip_input_is_dropped_or_read(data: bytes) -> None:
    packed = gzip.compress(data, mtime=0)
    for blob in (packed, packed[: len(packed) // 2]):
        assert all(ok(item) for item in read_bytes(blob, "x.gz", None, SMALL))


@FAST
@given(st.lists(st.dictionaries(st.sampled_from(["text", "html", "url", "title", "published",
                                                 "outlet", "x"]), st.none() | st.integers()
                                | text | st.lists(st.integers(), max_size=2)), max_size=5),
       st.binary(max_size=80))  # fmt: skip
def test_jsonl_records_of_any_shape_are_pages_or_dropped(records: list, junk: bytes) -> None:
    import json

    lines = [json.dumps(r).encode() for r in records] + [junk]
    items = list(read_jsonl(io.BytesIO(b"\n".join(lines)), "x.jsonl", SMALL))
    assert items and all(ok(item) for item in items)


@FAST
@given(st.binary(max_size=500))
def test_corrupt_warc_is_dropped_not_raised(data: bytes) -> None:
    items = list(read_warc(io.BytesIO(b"WARC/1.0\r\n" + data), "x.warc", SMALL))
    assert items and all(ok(item) for item in items)


@SLOW
@given(newsy, newsy, dates)
def test_feed_entries_of_any_content_are_pages_or_dropped(title: str, body: str, date) -> None:
    from xml.sax.saxutils import escape

    xml = (
        f"<rss version='2.0'><channel><title>{escape(title)}</title><item><title>{escape(title)}"
        f"</title><pubDate>{escape(date or '')}</pubDate><description>{escape(body)}"
        "</description></item></channel></rss>"
    )
    parsed = parse_feed(xml.encode("utf-8", "surrogatepass"))
    assert all(ok(item) for item in read_feed(parsed, "f.xml", SMALL))


@FAST
@given(st.binary(max_size=300), st.none() | st.sampled_from(["utf-8", "latin-1", "nope", "utf-7"]))
def test_decode_never_raises(data: bytes, declared: str | None) -> None:
    decoded = decode(data, declared)
    assert decoded is None or isinstance(decoded.text, str)


@FAST
@given(st.lists(text, min_size=1, max_size=4), st.booleans())
def test_text_pages_become_articles_or_dropped(contents: list[str], model: bool) -> None:
    config = CleanConfig(use_model=model, site_repeat=2, min_chars=20)
    pages = [text_page(c or " ", outlet="o") for c in contents]
    out = list(clean_pages(pages, config))
    assert len(out) == len(pages) and all(ok(item) for item in out)
    for page in pages:
        assert isinstance(explain_page(page, config), list)


@SLOW
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "<a href='x'>",
                                 "<title>", "</title>", "<article>", "<!--", "-->", "<br>"])
                | newsy, max_size=40).map("".join))  # fmt: skip
def test_html_pages_become_articles_or_dropped(html: str) -> None:
    page = text_page("<html><body>" + html, kind="html", url="http://example.org/a")
    assert ok(clean_page(page, CleanConfig(min_chars=10)))


@FAST
@given(text, dates, st.booleans())
def test_time_parsers_never_raise(content: str, published: str | None, inferred: bool) -> None:
    for expr in time_expressions(content, published, inferred=inferred):
        assert 0 <= expr.start <= expr.end <= len(content)
    find_dates(content, published)
    for sentence, _ in sentence_dates(content, published):
        assert sentence in content
    tag_times(content, article_anchor(published, inferred))
    full_dates(content)
    lines = content.split("\n")
    infer_range(lines[:2], lines[2:])
    infer_published(lines[:2], lines[2:])


@FAST
@given(text)
def test_figure_parser_never_raises(content: str) -> None:
    for figure in extract_figures(content, "a"):
        assert figure.article == "a"


def test_far_dates_do_not_overflow() -> None:
    """Regression: a page dated 9999-12-31 or 0001-01-01 used to raise OverflowError."""
    for published in ("9999-12-31", "0001-01-01"):
        for inferred in (False, True):
            assert article_anchor(published, inferred) is not None
            time_expressions("Last year, next week, 3 days later, in 20 years.", published)


def test_impossible_iso_dates_are_skipped() -> None:
    """Regression (hypothesis): '2023-02-30' in a text raised ValueError in the time tagger."""
    assert time_expressions("Filed 2023-02-30 and 2024-13-01, signed 2024-02-29.", None) != []
    values = [t.value for t in time_expressions("Due 2023-02-30, then 2024-02-29.", None)]
    assert values == ["2024-02-29"]
