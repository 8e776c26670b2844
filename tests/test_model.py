"""Records round-trip through JSON and through the SQLite store."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import (
    Article,
    Discrepancy,
    DiscrepancyValue,
    Event,
    Figure,
    Page,
    Quote,
    Story,
    SummarySentence,
    TimelineEntry,
    content_id,
    from_dict,
    to_dict,
)
from newsweave.store import open_store

text = st.text(max_size=40)
maybe = st.none() | text
ids = st.lists(st.text(min_size=1, max_size=8), max_size=3)

figures = st.builds(
    Figure,
    value=st.floats(allow_nan=False, allow_infinity=False),
    text=text,
    counts=maybe,
    article=text,
    qualifier=maybe,
    sentence=text,
)
quotes = st.builds(Quote, text=text, speaker=maybe, article=text, sentence=text)
articles = st.builds(
    Article,
    id=st.text(min_size=1, max_size=16),
    source=text,
    text=text,
    title=maybe,
    outlet=maybe,
    credits=st.lists(text, max_size=3),
    authors=st.lists(text, max_size=2),
    published=maybe,
    published_inferred=st.booleans(),
    language=maybe,
    url=maybe,
    standfirst=maybe,
    figures=st.lists(figures, max_size=2),
    quotes=st.lists(quotes, max_size=2),
)
stories = st.builds(
    Story,
    id=st.text(min_size=1, max_size=16),
    title=text,
    articles=ids,
    events=st.lists(st.builds(Event, id=text, title=text, date=maybe, articles=ids), max_size=2),
    timeline=st.lists(
        st.builds(TimelineEntry, date=text, text=text, sources=ids, inferred=st.booleans()),
        max_size=2,
    ),
    quotes=st.lists(quotes, max_size=2),
    figures=st.lists(figures, max_size=2),
    discrepancies=st.lists(
        st.builds(
            Discrepancy,
            about=text,
            values=st.lists(
                st.builds(DiscrepancyValue, value=text, text=text, sources=ids), max_size=2
            ),
        ),
        max_size=2,
    ),
    summary=st.lists(st.builds(SummarySentence, text=text, sources=ids), max_size=2),
    duplicates=st.lists(ids, max_size=2),
)


@given(articles)
def test_article_round_trips_through_json(article: Article) -> None:
    assert from_dict(Article, json.loads(json.dumps(to_dict(article)))) == article


@given(stories)
def test_story_round_trips_through_json(story: Story) -> None:
    assert from_dict(Story, json.loads(json.dumps(to_dict(story)))) == story


@settings(max_examples=30)
@given(
    st.lists(articles, max_size=3, unique_by=lambda a: a.id),
    st.lists(stories, max_size=3, unique_by=lambda s: s.id),
)
def test_records_round_trip_through_sqlite(arts: list[Article], sts: list[Story]) -> None:
    with open_store(":memory:") as store:
        store.add_pages(Page(id=a.id, source=a.source, content=a.text) for a in arts)
        store.put_results(arts, sts)
        assert store.articles() == sorted(arts, key=lambda a: a.id)
        assert sorted(store.stories(), key=lambda s: s.id) == sorted(sts, key=lambda s: s.id)


@settings(max_examples=30)
@given(
    st.builds(
        Page,
        id=st.text(min_size=1, max_size=8),
        source=text,
        content=text,
        kind=st.sampled_from(["text", "html"]),
        url=maybe,
        title=maybe,
        published=maybe,
        outlet=maybe,
        encoding=maybe,
        meta=st.dictionaries(text, text, max_size=2),
    )
)
def test_page_round_trips_through_sqlite(page: Page) -> None:
    with open_store(":memory:") as store:
        store.add_pages([page])
        assert store.page(page.id) == page


def test_content_id_is_stable_and_content_based() -> None:
    assert content_id("same words") == content_id("same words")
    assert content_id("same words") != content_id("other words")
    assert len(content_id("x")) == 16


def test_encodable_replaces_lone_surrogates_only() -> None:
    from newsweave.model import encodable

    plain = "Brindlemoor’s mayor 🙂 said «oui» \ufffd"
    assert encodable(plain) is plain
    assert encodable("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert encodable("\udc80") == "\ufffd"
    assert encodable("") == ""
