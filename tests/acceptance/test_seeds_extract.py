"""Acceptance: extraction on the five real seed pages (robust to small cleaning changes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import clean_page
from newsweave.extract import (
    ExtractConfig,
    extract_articles,
    find_dates,
    resolve_story,
    story_anchors,
)
from newsweave.ingest import read_inputs
from newsweave.model import Article, Page, Story


@pytest.fixture
def seed_articles(seeds: Path) -> dict[str, Article]:
    pages = [p for p in read_inputs([str(seeds)]) if isinstance(p, Page)]
    cleaned = [clean_page(p) for p in pages]
    items = list(
        extract_articles(
            [a for a in cleaned if isinstance(a, Article)], ExtractConfig(entities="lexical")
        )
    )
    return {Path(a.source).name[:3]: a for a in items}


def test_speakers_are_found_for_their_quotes(seed_articles: dict[str, Article]) -> None:
    def speaker_of(seed: str, start: str) -> str:
        return next(q.speaker or "" for q in seed_articles[seed].quotes if q.text.startswith(start))

    assert "Peskov" in speaker_of("000", "Yes, it really")
    assert "Peskov" in speaker_of("003", "Yes, it")
    assert "Peskov" in speaker_of("003", "I don’t want")  # "He stressed, ..."
    assert "Aliyev" in speaker_of("004", "punished the enemy")  # partial quote
    assert "Aliyev" in speaker_of("004", "Let those")
    assert "Pashinyan" in speaker_of("004", "strange and perplexing")


def test_figures_with_what_they_count(seed_articles: dict[str, Article]) -> None:
    figures = [f for a in seed_articles.values() for f in a.figures]

    def counts(value: float) -> list[str]:
        return [f.counts or "" for f in figures if f.value == value]

    assert any("Armenian" in c for c in counts(100_000))
    assert any("Armenian" in c for c in counts(50_000))
    assert any("peacekeep" in c for c in counts(2_000))
    assert any("people" in c for c in counts(200))
    assert not [f for f in figures if f.value in (2020, 2022, 2023)]  # years are not figures


def test_story_ledger_and_entities(seed_articles: dict[str, Article]) -> None:
    items = list(seed_articles.values())
    story = resolve_story(Story(id="s", title="t", articles=[a.id for a in items]), items)
    peskov = next(e for e in story.entities if e.name.endswith("Peskov"))
    assert peskov.kind == "PERSON" and len(peskov.articles) >= 3
    place = next(e for e in story.entities if e.name == "Nagorno-Karabakh")
    assert "Karabakh" in place.aliases
    yes = next(q for q in story.quotes if q.text.startswith("Yes, it really"))
    assert any(v.text.startswith("Yes, it’s true") for v in yes.variants)


def test_june_12_in_seed_001_resolves_to_2024(seed_articles: dict[str, Article]) -> None:
    items = list(seed_articles.values())
    article = seed_articles["001"]
    anchor = story_anchors(items).get(article.id)
    values = {m.text: m.value for m in find_dates(article.text, article.published, anchor)}
    assert values["June 12"] == "2024-06-12"
