"""The cleaning stage: raw pages (HTML or flattened text) to articles with metadata.

    clean_page(page)    -> Article | Dropped
    clean_pages(pages)  -> Iterator[Article | Dropped], in input order, with site context;
                           an article cut to `max_chars` is followed by a Dropped noting the cut
    explain_page(page)  -> list[LineVerdict], every line (HTML: every text block of the page)
                           with kept/dropped and the reason
    explain_pages(pages) -> Iterator[list[LineVerdict]], explain_page of each, text pages
                           scored in batches (the store keeps these for the web UI)

HTML goes through trafilatura (main text) and htmldate (date), imported lazily. Flattened text
goes through newsweave's own line scorer (`features.py`, `scorer.py`, weights in model.json).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsweave.model import TRUNCATED, Article, Dropped, Page

from .config import CleanConfig, LineVerdict

if TYPE_CHECKING:
    from .text import Scored

__all__ = [
    "CleanConfig",
    "LineVerdict",
    "clean_page",
    "clean_pages",
    "explain_page",
    "explain_pages",
]


def clean_page(page: Page, config: CleanConfig | None = None) -> Article | Dropped:
    """Clean one page into an Article (cut to `max_chars`), or a Dropped record with the reason."""
    config = config or CleanConfig()
    return _cap(_clean(page, config, None), config)[0]


def _cap(
    result: Article | Dropped, config: CleanConfig
) -> tuple[Article | Dropped, Dropped | None]:
    """Cut an article longer than `max_chars` at a paragraph boundary; the cut as a Dropped."""
    if not isinstance(result, Article) or not 0 < config.max_chars < len(result.text):
        return result, None
    text = result.text
    window = text[: config.max_chars + 1]
    for mark in ("\n\n", "\n", ". ", " "):
        at = window.rfind(mark, config.max_chars // 2)
        if at > 0:
            cut = at + (1 if mark == ". " else 0)
            break
    else:
        cut = config.max_chars
    result.text = text[:cut].rstrip()
    note = (
        f"{TRUNCATED} {len(text):,} characters, over the {config.max_chars:,}-character cap; "
        f"kept the first {len(result.text):,}"
    )
    return result, Dropped(result.source, note, stage="clean")


def _clean(
    page: Page, config: CleanConfig, site: Counter[str] | None, scored: Scored | None = None
) -> Article | Dropped:
    if not page.content or not page.content.strip():
        return Dropped(page.source, "empty page", stage="clean")
    if page.kind == "html":
        from .html import analyse_html, build_html_article

        return build_html_article(page, analyse_html(page, config), config)
    from .text import analyse, build_article

    return build_article(page, analyse(page, config, site, scored), config)


def explain_page(page: Page, config: CleanConfig | None = None) -> list[LineVerdict]:
    """Every line (HTML: every text block of the page) with kept/dropped and the reason."""
    config = config or CleanConfig()
    if page.kind == "html":
        from .html import explain_html

        return explain_html(page, config)
    from .text import analyse

    return analyse(page, config).verdicts()


def explain_pages(
    pages: Iterable[Page], config: CleanConfig | None = None
) -> Iterator[list[LineVerdict]]:
    """`explain_page` of every page, in order; text pages of a window are scored together."""
    config = config or CleanConfig()
    for batch in _windows(pages, config.window):
        yield from _explain_batch(batch, config)


def _windows(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    """The pages in lists of `size` (the last one shorter, possibly empty)."""
    batch: list[Page] = []
    for page in pages:
        batch.append(page)
        if len(batch) >= size:
            yield batch
            batch = []
    yield batch


def _explain_batch(batch: list[Page], config: CleanConfig) -> list[list[LineVerdict]]:
    from .text import analyse, score_pages

    text = [p for p in batch if p.kind != "html" and p.content and p.content.strip()]
    scored = dict(zip(map(id, text), score_pages([p.content for p in text], config), strict=True))
    return [
        analyse(p, config, None, scored[id(p)]).verdicts()
        if id(p) in scored
        else explain_page(p, config)
        for p in batch
    ]


def clean_pages(
    pages: Iterable[Page], config: CleanConfig | None = None
) -> Iterator[Article | Dropped]:
    """Clean pages in input order; text lines repeated across pages of one site are dropped.

    Pages are read in windows of `config.window`; the text pages of a window are scored
    together, which is much faster than one by one.
    """
    config = config or CleanConfig()
    for batch in _windows(pages, config.window):
        with _gc_paused():
            out = _flush(batch, config)
        yield from out


def _flush(batch: list[Page], config: CleanConfig) -> list[Article | Dropped]:
    from .text import score_pages, site_counts, site_key

    out: list[Article | Dropped] = []
    text = [p for p in batch if p.kind != "html" and p.content and p.content.strip()]
    scored = score_pages([p.content for p in text], config)
    by_page = dict(zip(map(id, text), scored, strict=True))
    counts = site_counts(batch, by_page) if config.site_context else {}
    for page in batch:
        key = site_key(page) if counts else None
        site = counts.get(key) if key else None
        article, cut = _cap(_clean(page, config, site, by_page.get(id(page))), config)
        out.append(article)
        if cut is not None:
            out.append(cut)
    return out


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a window is cleaned: the window makes tens of
    thousands of small tuples and lists, none in a cycle, that the collector would otherwise
    scan again and again (about 2% of the instructions). Nothing is yielded while paused, and
    the collector comes back after `_flush` has returned, when the window's lines and scores
    are freed: it then scans the articles only, not every line of the window (about 1%)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
