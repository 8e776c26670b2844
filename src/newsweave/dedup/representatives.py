"""One representative per copy group, so a story costs what its independent text costs.

Clustering reads one article per near-duplicate group and places the copies in their
representative's story and event (`fold_groups`, `add_copies`): two hundred copies of a
wire story would otherwise form a tight story of their own and pull the others apart.


A wire story republished by two hundred sites holds the same sentences two hundred
times; aligning, dating and comparing every copy costs two hundred times as much and
says nothing new. The stages after lineage therefore read one article per copy group
(the group's original) and give the result back to every copy: wherever the
representative is cited, its copies are cited right after it. Only copies that repeat
the original's text (`SAME_TEXT` relation kinds) are folded; partial copies and
rewrites carry text of their own and are read in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsweave.model import CopyRelation, Story

SAME_TEXT = frozenset({"verbatim"})  # relation kinds whose copy adds nothing to its original


def copies_of(relations: Iterable[CopyRelation]) -> dict[str, list[str]]:
    """Representative article id -> the copies it stands for (same-text relations only).

    Chains (a copy of a copy) fold into the first original; each copy appears once.
    """
    parent: dict[str, str] = {}

    def root(article: str) -> str:
        while article in parent:
            article = parent[article]
        return article

    for relation in relations:
        if relation.kind not in SAME_TEXT or relation.copy in parent:
            continue
        original = root(relation.original)
        if original != relation.copy:
            parent[relation.copy] = original
    folded: dict[str, list[str]] = {}
    for copy in parent:
        folded.setdefault(root(copy), []).append(copy)
    return folded


def fold_groups(groups: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """Near-duplicate groups as representative -> copies (the group's first article stands)."""
    return {group[0]: list(group[1:]) for group in groups if len(group) > 1}


def add_copies(story: Story, folded: dict[str, list[str]]) -> Story:
    """A story made from representatives, with their copies placed right after them."""

    def spread(ids: Sequence[str]) -> list[str]:
        return [member for rep in ids for member in (rep, *folded.get(rep, ()))]

    return replace(
        story,
        articles=spread(story.articles),
        events=[replace(e, articles=spread(e.articles)) for e in story.events],
    )


def representatives(articles: Sequence[str], folded: dict[str, list[str]]) -> list[str]:
    """The story's articles less the folded copies, in the story's order."""
    hidden = {copy for copies in folded.values() for copy in copies}
    return [a for a in articles if a not in hidden]


def cite_copies(story: Story, folded: dict[str, list[str]]) -> Story:
    """`story` with every copy cited right after its representative, wherever it is cited."""
    if not folded:
        return story

    def expand(sources: Sequence[str]) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for source in sources:
            for article in (source, *folded.get(source, ())):
                if article not in seen:
                    seen.add(article)
                    out.append(article)
        return out

    return replace(
        story,
        claims=[replace(c, sources=expand(c.sources)) for c in story.claims],
        discrepancies=[
            replace(d, values=[replace(v, sources=expand(v.sources)) for v in d.values])
            for d in story.discrepancies
        ],
        timeline=[replace(t, sources=expand(t.sources)) for t in story.timeline],
        summary=[replace(s, sources=expand(s.sources)) for s in story.summary],
    )
