"""Acceptance: the seeds' timeline covers the story's six periods, each entry sourced."""

from __future__ import annotations

import re

import pytest
from tests.conftest import require_shared

from newsweave.analyze import analyze
from newsweave.ingest import read_inputs
from newsweave.model import Page, Story, TimelineEntry

# (date prefix, patterns that must each appear in some entry of that period)
PERIODS = [
    ("2020", [r"\bwar\b", r"cease-?fire", r"2,000"]),
    ("2022-12", [r"blockade"]),
    ("2023-09", [r"offensive", r"flee|fled|exodus|refugee"]),
    ("2024-02", [r"CSTO"]),
    ("2024-04-17", [r"Kremlin", r"withdraw"]),
    ("2024-06-12", [r"withdrawal"]),
]


@pytest.fixture(scope="module", params=["default", "no-spacy"])
def story(request: pytest.FixtureRequest) -> Story:
    """The seeds' one story, analysed with the installed entity backend and without spaCy."""
    seeds = require_shared("seeds")
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "no-spacy":
            patch.setattr("newsweave.extract.nlp.spacy_available", lambda: False)
        pages = [p for p in read_inputs([str(seeds)]) if isinstance(p, Page)]
        result = analyze(pages)
    return max(result.stories, key=lambda s: len(s.articles))


def _period(timeline: list[TimelineEntry], prefix: str) -> list[TimelineEntry]:
    return [e for e in timeline if e.date.startswith(prefix)]


@pytest.mark.parametrize(("prefix", "patterns"), PERIODS)
def test_seeds_timeline_covers_the_period(story: Story, prefix: str, patterns: list[str]) -> None:
    entries = _period(story.timeline, prefix)
    assert entries, f"no timeline entry in {prefix}"
    # a year or month is one row: its other wordings are kept with it, in `also`
    texts = " | ".join(text for e in entries for text in (e.text, *e.also))
    for pattern in patterns:
        assert re.search(pattern, texts, re.I), f"{prefix}: {pattern!r} not in {texts!r}"


def test_seeds_timeline_has_one_row_per_period(story: Story) -> None:
    periods = [(e.date, e.granularity) for e in story.timeline if e.granularity != "day"]
    assert len(periods) == len(set(periods)), periods


def test_seeds_timeline_is_ordered_sourced_and_flagged(story: Story) -> None:
    dates = [e.date for e in story.timeline]
    assert dates == sorted(dates)
    members = set(story.articles)
    for entry in story.timeline:
        assert entry.sources and set(entry.sources) <= members
        assert entry.granularity in ("day", "month", "season", "quarter", "year")
    # the seed pages carry no publication date: relative dates are inferred, explicit ones not
    assert any(e.inferred for e in story.timeline)
    assert not any(e.inferred for e in _period(story.timeline, "2022-12"))
    kremlin = _period(story.timeline, "2024-04-17")
    assert any(len(e.sources) >= 2 for e in kremlin), "Wednesday and the 17th are one day"


def test_seeds_timeline_leaves_out_unknowable_days(story: Story) -> None:
    # "on Tuesday" (001) and "last month" (001) cannot be dated from an undated page
    assert not any(re.match(r"2024-(0[89]|1\d)", e.date) for e in story.timeline)


def test_seeds_summary_cites_sources_and_skips_boilerplate(story: Story) -> None:
    assert story.summary
    for sentence in story.summary:
        assert sentence.sources and sentence.article in sentence.sources
        assert not re.search(r"©|Read more|Comments|Editor's Pick", sentence.text)
