"""The jobs both user interfaces run: ingest inputs into a store, analyse a store, brief it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from newsweave.analyze import Analysis, analyze, make_brief
from newsweave.dedup import IndependenceConfig, independent_count
from newsweave.extract import ExtractConfig
from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Brief, Dropped, Page
from newsweave.pipeline import Progress, SilentProgress
from newsweave.store import SQLiteStore


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did: pages read, stored anew, already stored, and dropped."""

    read: int = 0
    added: int = 0
    existing: int = 0
    dropped: list[Dropped] = field(default_factory=list)


def ingest(
    store: SQLiteStore,
    inputs: Sequence[str],
    progress: Progress | None = None,
    config: IngestConfig | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Read every input and store its pages; a page already stored is not stored again."""
    items = read_inputs(inputs, config, stdin=stdin) if inputs else iter(())
    return store_items(store, items, progress)


def store_items(
    store: SQLiteStore, items: Iterable[Page | Dropped], progress: Progress | None = None
) -> IngestSummary:
    """Store the Pages among `items` and log the Dropped ones, batch by batch."""
    progress = progress or SilentProgress()
    summary = IngestSummary()
    progress.start("ingest", None)

    def pages() -> Iterator[Page]:
        for item in items:
            progress.advance("ingest")
            if isinstance(item, Dropped):
                summary.dropped.append(item)
            else:
                summary.read += 1
                yield item

    result = store.add_pages(pages())
    progress.finish("ingest")
    summary.added, summary.existing = result.added, result.existing
    if summary.dropped:
        store.add_dropped(summary.dropped)
    return summary


def analyze_store(
    store: SQLiteStore,
    progress: Progress | None = None,
    extract: ExtractConfig | None = None,
    independence: IndependenceConfig | None = None,
) -> Analysis:
    """Analyse every stored page and replace the stored articles and stories with the result."""
    result = analyze(list(store.pages()), progress, extract, independence)
    store.put_results(result.articles, result.stories)
    if result.report.dropped:
        store.add_dropped(result.report.dropped)
    return result


def brief_from_store(store: SQLiteStore, story_id: str | None = None) -> Brief:
    """The brief of the stored analysis: every story, or just one with its own articles."""
    stories = store.stories()
    articles = store.articles()
    if story_id is not None:
        stories = [s for s in stories if s.id.startswith(story_id)]
        members = {a for s in stories for a in s.articles}
        articles = [a for a in articles if a.id in members]
    return make_brief(articles, stories)


def story_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    """One summary row per stored story: sizes, independent sources, copies, dates, outlets."""
    articles = {a.id: a for a in store.articles()}
    rows = []
    for story in store.stories():
        members = [articles[a] for a in story.articles if a in articles]
        dates = sorted(a.published for a in members if a.published)
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "articles": len(story.articles),
                "events": len(story.events),
                "sources": independent_count(story),
                "copies": len(story.lineage),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "outlets": sorted({a.outlet for a in members if a.outlet}),
            }
        )
    return rows
