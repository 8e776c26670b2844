"""The jobs both user interfaces run: ingest inputs into a store, analyse a store, brief it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from newsweave.analyze import Analysis, analyze, make_brief
from newsweave.dedup import IndependenceConfig
from newsweave.extract import ExtractConfig
from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Brief, Dropped, Page
from newsweave.pipeline import Progress, SilentProgress
from newsweave.store import MEMORY, SQLiteStore


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
    """Analyse every stored page and replace the stored articles and stories with the result.

    A file store also keeps each article's cleaning explanation, for the web UI's article page.
    """
    progress = progress or SilentProgress()
    pages = list(store.pages())
    result = analyze(pages, progress, extract, independence)
    store.put_results(result.articles, result.stories)
    if result.report.dropped:
        store.add_dropped(result.report.dropped)
    if store.path != MEMORY:
        store_explanations(store, pages, {a.id for a in result.articles}, progress)
    return result


def store_explanations(
    store: SQLiteStore, pages: Iterable[Page], articles: set[str], progress: Progress | None = None
) -> None:
    """Store the cleaner's explanation (every line, kept or not, and why) of each article."""
    from newsweave.clean import explain_pages

    progress = progress or SilentProgress()
    explained = [p for p in pages if p.id in articles]
    progress.start("explain", len(explained))

    def verdicts() -> Iterator[tuple[str, list[Any]]]:
        for page, lines in zip(explained, explain_pages(explained), strict=True):
            progress.advance("explain")
            yield page.id, lines

    store.put_explanations(verdicts())
    progress.finish("explain")


def brief_from_store(store: SQLiteStore, story_id: str | None = None) -> Brief:
    """The brief of the stored analysis: every story, or those whose id starts with `story_id`."""
    if story_id is None:
        return make_brief(store.articles(), store.stories())
    stories = store.stories_with_prefix(story_id)
    return make_brief(store.articles({a for s in stories for a in s.articles}), stories)


def story_rows(store: SQLiteStore) -> list[dict[str, Any]]:
    """One summary row per stored story: sizes, independent sources, copies, dates, outlets."""
    return store.story_rows()[0]
