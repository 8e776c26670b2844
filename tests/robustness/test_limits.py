"""Resource limits: the article length cap, the ingest size cap, and hostile extraction inputs."""

from __future__ import annotations

import io

import pytest
from benchmarks.pathological import HOSTILE, hostile_text

from newsweave.clean import CleanConfig, clean_page, clean_pages
from newsweave.ingest import IngestConfig
from newsweave.ingest.files import read_stream
from newsweave.ingest.jsonl import read_jsonl
from newsweave.model import Article, Dropped, Page, content_id

PARAGRAPH = (
    "The ferry to Osk left the harbour at noon on Monday with 212 passengers aboard, "
    "the operator said, after two days of delays caused by the storm."
)
CAPPED = CleanConfig(max_chars=1000, use_model=False, site_context=False)


def long_page(paragraphs: int = 40) -> Page:
    text = "\n\n".join(f"{PARAGRAPH} Item {n}." for n in range(paragraphs))
    return Page(content_id(text), "long.txt", text)


def test_long_article_is_cut_at_a_paragraph_boundary() -> None:
    article = clean_page(long_page(), CAPPED)
    assert isinstance(article, Article)
    assert 500 <= len(article.text) <= 1000
    assert article.text.endswith(".") and article.text in long_page().content


def test_the_cut_is_reported_as_a_reason() -> None:
    out = list(clean_pages([long_page()], CAPPED))
    assert [type(o) for o in out] == [Article, Dropped]
    assert out[1].source == "long.txt" and out[1].stage == "clean"
    assert out[1].reason.startswith("text cut:") and "1,000-character cap" in out[1].reason


def test_one_long_line_is_cut_at_a_sentence_or_word() -> None:
    text = " ".join([PARAGRAPH] * 40)
    article = clean_page(Page(content_id(text), "one.txt", text), CAPPED)
    assert isinstance(article, Article) and len(article.text) <= 1000
    assert article.text.endswith(".")


def test_no_cap_when_max_chars_is_zero() -> None:
    page = long_page()
    out = list(clean_pages([page], CleanConfig(max_chars=0, use_model=False, site_context=False)))
    assert len(out) == 1 and len(out[0].text) > 5000


def test_short_articles_are_not_touched() -> None:
    out = list(clean_pages([long_page(3)], CAPPED))
    assert len(out) == 1 and isinstance(out[0], Article)


def test_page_over_the_ingest_size_cap_is_dropped_with_a_reason() -> None:
    data = (PARAGRAPH + "\n") * 100
    stream = io.BytesIO(data.encode())
    (item,) = read_stream(stream, "big.txt", None, IngestConfig(max_bytes=1000), "file")
    assert isinstance(item, Dropped) and "over the 0.0 MB limit" in item.reason
    line = b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "' + PARAGRAPH.encode() + b'"}\n'
    items = list(read_jsonl(io.BytesIO(line), "big.jsonl", IngestConfig(max_bytes=1000)))
    assert isinstance(items[0], Dropped) and "line 1" in items[0].reason
    assert isinstance(items[1], Page)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_extracted(name: str) -> None:
    # inputs that were quadratic in extract/ (timed by `benchmarks/pathological.py --hostile`)
    fn, args = HOSTILE[name][1:]
    fn(hostile_text(name), *args)  # completes without an error


@pytest.mark.parametrize("stated", [0, 10, 3000, 10_000])
def test_a_files_stated_size_changes_nothing_read(stated: int) -> None:
    # read_file passes the size fstat gave; a file that grew or shrank since is read whole
    data = ((PARAGRAPH + "\n") * 20).encode()[:2999]
    for limit, kind in ((10_000, Page), (1000, Dropped)):
        config = IngestConfig(max_bytes=limit)
        (item,) = read_stream(io.BytesIO(data), "a.txt", "text", config, "file", size=stated)
        assert isinstance(item, kind)
        if isinstance(item, Page):
            assert item.content == data.decode()
        else:
            assert "over the 0.0 MB limit" in item.reason
