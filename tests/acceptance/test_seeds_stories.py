"""Acceptance: the five real seed pages form one story with three dated events; 003's tail is off-topic.

Everything comes from the product path (`analyze`, the stages `newsweave brief` runs): the
pages carry no date, so the publication dates, ranges and event dates are the ones newsweave
infers. REAL holds the pages' real publication days (None: not known), to check the ranges.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from newsweave.analyze import Analysis, analyze
from newsweave.cluster.offtopic import on_topic_text
from newsweave.ingest import read_inputs
from newsweave.model import Page

REAL = {"000": "2024-04-17", "001": "2024-06-12", "002": None, "003": "2024-04-17"}
REAL["004"] = "2023-09-21"


@lru_cache(maxsize=1)
def _analysis(seeds: Path) -> tuple[Analysis, dict[str, str]]:
    pages = [p for p in read_inputs([str(seeds)]) if isinstance(p, Page)]
    result = analyze(pages)
    key = {a.id: Path(a.source).name[:3] for a in result.articles}
    return result, key


@pytest.mark.acceptance
def test_seeds_are_one_story_with_three_dated_events_in_time_order(seeds: Path) -> None:
    result, key = _analysis(seeds)
    (story,) = result.stories
    events = [(e.date or "", sorted(key[a] for a in e.articles)) for e in story.events]
    assert events[0][1] == ["004"] and events[0][0].startswith("2023")  # the 2023 offensive
    assert [k for k in events[1][1] if k != "002"] == ["000", "003"]  # the April 2024 announcement
    assert events[1][0].startswith("2024-04")
    assert events[2][1] == ["001"] and events[2][0].startswith("2024-06")  # the completion
    assert any("002" in e for _, e in events[1:2]) or len(events) == 4
    for event in story.events:
        assert "date " not in event.title[:6] and len(event.title.split()) >= 6


@pytest.mark.acceptance
def test_every_seed_is_dated_or_has_a_range_holding_its_real_date(seeds: Path) -> None:
    result, key = _analysis(seeds)
    for article in result.articles:
        real = REAL[key[article.id]]
        if real is None:
            continue
        if article.published:
            assert article.published == real, key[article.id]
            continue
        low, high = article.published_range
        assert low <= real and (not high or real <= high), (key[article.id], low, high)
        assert article.published_basis


@pytest.mark.acceptance
def test_seed_003_iran_israel_paragraphs_are_off_topic(seeds: Path) -> None:
    result, key = _analysis(seeds)
    marked = {key[a.id]: a for a in result.articles}
    seed = marked["003"]
    assert seed.offtopic
    kept = on_topic_text(seed)
    assert "Israel" not in kept and "Nagorno-Karabakh" in kept
    assert "Israel" in seed.text  # kept in the article itself
    for other in ("000", "001", "002", "004"):
        assert not marked[other].offtopic, other
