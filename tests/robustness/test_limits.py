"""Resource limits: the article length cap, the ingest size cap, and extraction in bounded time."""

from __future__ import annotations

import io
import time

import pytest

from newsweave.clean import CleanConfig, clean_page, clean_pages
from newsweave.extract.dates import time_expressions
from newsweave.extract.entities import find_roles
from newsweave.extract.figures import extract_figures
from newsweave.extract.quotes import extract_quotes
from newsweave.extract.timex import tag_times
from newsweave.ingest import IngestConfig
from newsweave.ingest.files import read_stream
from newsweave.ingest.jsonl import read_jsonl
from newsweave.model import Article, Dropped, Page, content_id
from newsweave.text import split_sentences

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


# Inputs that were quadratic (or worse) in extract/ before it bounded its windows; each took
# from 5 s to 230 s at 100,000 characters (abbreviations: newsweave.text.split_sentences), and now takes well under a second.
HOSTILE = {
    "run-on dates": ("the 5th, ", extract_figures, ("a",)),
    "one long word": ("x", find_roles, ()),
    "capitalised word": ("X", find_roles, ()),
    "merged quotes": ('"We are fine {n}", Ana Ruiz said, ', extract_quotes, ("a",)),
    "many quotes": ("“a {n} b”, ", extract_quotes, ("a",)),
    "many sentences": ("Monday. ", time_expressions, ("2024-06-12",)),
    "many weekdays": ("Monday, ", tag_times, (None,)),
    "abbreviations": ("Mr. Bo Li, the mayor of Vell, ", split_sentences, ()),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_extracted_in_bounded_time(name: str) -> None:
    unit, fn, args = HOSTILE[name]
    size = 100_000
    text = "".join(unit.format(n=n) for n in range(size // len(unit) + 1))[:size]
    start = time.perf_counter()
    fn(text, *args)
    assert time.perf_counter() - start < 10, f"{name}: extraction is no longer bounded"
