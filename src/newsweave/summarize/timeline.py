"""A dated timeline of a story from the explicit dates in its articles."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.extract.dates import find_dates
from newsweave.extract.resolve import story_anchors
from newsweave.model import Article, TimelineEntry
from newsweave.text import content_words, jaccard


def build_timeline(articles: Sequence[Article], max_entries: int = 40) -> list[TimelineEntry]:
    """Dated entries from time expressions and publication dates, merged across articles."""
    entries: list[TimelineEntry] = []
    anchors = story_anchors(articles)
    for article in sorted(articles, key=lambda a: (a.published or "9999", a.id)):
        if article.published:
            _merge(
                entries,
                TimelineEntry(
                    date=article.published,
                    text=f"Published: {article.title or article.text[:80]}",
                    sources=[article.id],
                    inferred=article.published_inferred,
                ),
            )
        for mention in find_dates(article.text, article.published, anchors.get(article.id)):
            _merge(
                entries,
                TimelineEntry(
                    date=mention.value,
                    text=mention.sentence,
                    sources=[article.id],
                    inferred=mention.inferred_year,
                ),
            )
    entries.sort(key=lambda e: (e.date, e.text))
    return entries[:max_entries]


def _merge(entries: list[TimelineEntry], new: TimelineEntry) -> None:
    """Add `new`, or fold it into an entry of the same date that says much the same."""
    words = set(content_words(new.text))
    for entry in entries:
        if entry.date == new.date and jaccard(words, set(content_words(entry.text))) >= 0.4:
            entry.sources = sorted(set(entry.sources) | set(new.sources))
            return
    entries.append(new)
