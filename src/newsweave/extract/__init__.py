"""Extraction of the atoms a brief is made of: entities, quotes, figures and time expressions.

`extract_articles` is the streaming stage (per article); `resolve_stories` is the corpus stage
that canonicalises entities and merges quote variants across a story's articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from newsweave.extract.dates import TimeMention, find_dates, sentence_dates, time_expressions
from newsweave.extract.entities import (
    EntityBackend,
    LexicalEntities,
    article_mentions,
    find_roles,
    group_mentions,
)
from newsweave.extract.figures import extract_figures
from newsweave.extract.quotes import extract_quotes
from newsweave.extract.resolve import resolve_stories, resolve_story, story_anchors
from newsweave.model import Article

__all__ = [
    "ExtractConfig",
    "TimeMention",
    "entity_backend",
    "extract_articles",
    "extract_figures",
    "extract_quotes",
    "find_dates",
    "resolve_stories",
    "resolve_story",
    "sentence_dates",
    "story_anchors",
    "time_expressions",
]


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Tunables of the extract stage."""

    entities: str = (
        "auto"  # "auto" (spaCy if installed, else lexical) | "spacy" | "lexical" | "none"
    )
    batch_size: int = 32


def entity_backend(name: str) -> EntityBackend | None:
    """The entity backend called `name`; 'auto' picks spaCy when it is installed."""
    from newsweave.extract.nlp import SpacyEntities, spacy_available

    if name == "none":
        return None
    if name == "spacy" or (name == "auto" and spacy_available()):
        return SpacyEntities()
    if name in ("auto", "lexical"):
        return LexicalEntities()
    from newsweave.errors import StageError

    raise StageError(f"unknown entity backend {name!r}: use auto, spacy, lexical or none")


def extract_articles(
    articles: Iterable[Article], config: ExtractConfig | None = None
) -> Iterator[Article]:
    """Add entities, figures, quotes and time expressions to each article (a streaming stage)."""
    config = config or ExtractConfig()
    backend = entity_backend(config.entities)
    stream = iter(articles)
    while batch := list(islice(stream, config.batch_size)):
        texts = [a.text for a in batch]
        languages = [a.language for a in batch]
        mentions = article_mentions(texts, backend, languages) if backend else [[] for _ in batch]
        for article, found in zip(batch, mentions, strict=True):
            yield replace(
                article,
                entities=group_mentions(found, article.id, find_roles(article.text)),
                figures=extract_figures(article.text, article.id, language=article.language),
                quotes=extract_quotes(
                    article.text,
                    article.id,
                    language=article.language,
                    orgs=[text for text, kind in found if kind == "ORG"],
                    title=article.title,
                ),
                times=time_expressions(
                    article.text, article.published, inferred=article.published_inferred
                ),
            )
