"""Copies fold into their original for the story stages: same findings, every copy cited."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsweave.analyze import analyze
from newsweave.dedup.representatives import cite_copies, copies_of, representatives
from newsweave.ingest import read_inputs
from newsweave.model import Claim, CopyRelation, Page, Story, TimelineEntry

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"


def _originals() -> list[Page]:
    pages = [p for p in read_inputs([str(EXAMPLES)]) if isinstance(p, Page)]
    return [p for p in pages if p.source.endswith(".txt")]


def _copies(page: Page, n: int) -> list[Page]:
    """`n` near-copies of a page: the same text with one line of its own, from n other outlets."""
    out = []
    for k in range(n):
        lines = page.content.split("\n")
        lines.insert(min(3, len(lines)), f"Reporting by the night desk of outlet number {k}.")
        out.append(
            replace(
                page,
                id=f"{page.id}-copy{k}",
                source=f"copy{k}/{page.source}",
                content="\n".join(lines),
            )
        )
    return out


def _findings(stories: list[Story]) -> tuple[int, list[list[tuple[str, int]]], list[int]]:
    conflicts = sorted(
        sorted((v.value, v.independent) for v in d.values) for s in stories for d in s.discrepancies
    )
    independent = sorted(c.independent for s in stories for c in s.claims)
    return len(stories), conflicts, independent


def test_copies_change_no_story_conflict_or_independent_count() -> None:
    """Five near-copies of every page give the stories, conflicts and counts of the originals."""
    originals = _originals()
    alone = analyze(originals)
    with_copies = analyze([*originals, *(c for p in originals for c in _copies(p, 5))])
    assert _findings(with_copies.stories) == _findings(alone.stories)
    # ... and the copies are cited wherever their original is
    copy_ids = {a.id for a in with_copies.articles if a.source.startswith("copy")}
    cited = {s for story in with_copies.stories for c in story.claims for s in c.sources}
    assert copy_ids & cited


def test_copies_of_folds_chains_into_the_first_original() -> None:
    """A copy of a copy folds into the original; partial copies and rewrites are not folded."""
    relations = [
        CopyRelation("a", "b", "verbatim"),
        CopyRelation("b", "c", "verbatim"),
        CopyRelation("a", "d", "rewrite"),
        CopyRelation("a", "e", "partial"),
    ]
    folded = copies_of(relations)
    assert folded == {"a": ["b", "c"]}
    assert representatives(["a", "b", "c", "d", "e"], folded) == ["a", "d", "e"]


def test_cite_copies_lists_each_copy_once_after_its_original() -> None:
    """Sources name the representative, then its copies, without repeats."""
    story = Story(
        id="s",
        title="t",
        articles=["a", "b", "c", "d"],
        claims=[Claim(text="x", sources=["d", "a", "b"])],
        timeline=[TimelineEntry(date="2025-01-01", text="y", sources=["a"])],
    )
    cited = cite_copies(story, {"a": ["b", "c"]})
    assert cited.claims[0].sources == ["d", "a", "b", "c"]
    assert cited.timeline[0].sources == ["a", "b", "c"]
    assert cite_copies(cited, {"a": ["b", "c"]}) == cited


def test_outlets_that_republish_every_story_change_no_finding() -> None:
    """Three outlets each republish all the pages: findings as with the originals alone."""
    originals = _originals()
    copies = [
        replace(copy, outlet=f"Copy Outlet {k}", url=f"https://copy{k}.example/{copy.id}")
        for page in originals
        for k, copy in enumerate(_copies(page, 3))
    ]
    alone = analyze(originals)
    with_copies = analyze([*originals, *copies])
    assert _findings(with_copies.stories) == _findings(alone.stories)
