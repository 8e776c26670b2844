"""Extraction of the atoms a brief is made of: figures, quotes and dates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsweave.extract.dates import TimeMention, find_dates
from newsweave.extract.figures import extract_figures
from newsweave.extract.quotes import extract_quotes
from newsweave.model import Article

__all__ = ["TimeMention", "extract_articles", "extract_figures", "extract_quotes", "find_dates"]


def extract_articles(articles: Iterable[Article]) -> Iterator[Article]:
    """Add figures and quotes to each article (a streaming stage)."""
    for article in articles:
        yield replace(
            article,
            figures=extract_figures(article.text, article.id),
            quotes=extract_quotes(article.text, article.id),
        )
