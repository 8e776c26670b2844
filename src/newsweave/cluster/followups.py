"""Joining a story's follow-ups: later developments told in other words, about the same subject.

A story's later developments (bodies recovered, the crew kept aboard, what an outage cost)
are told in words of their own, so word-based clustering can leave them as stories apart.
What they keep is the story's *subject*: the names most of its articles carry (the ship and
the bridge, the company and its product). Each story's subject is the set of name anchors
(`features.anchors`: folded name prefixes, read from the headline unless it is in title
case and from the lead) that at least `share` of its articles hold. Two stories join when
the names their subjects share weigh at least `threshold` of the lighter subject (each name
weighted by its IDF over the batch, so "North", "United" or "Space" weigh little and the
ship's name much), and their closest dated articles are at most `days` apart. Two stories
about different subjects of one field (two teams' coaches fired on the same day, two space
missions) share only the field's common names, which weigh too little to join them.

A joined follow-up keeps its own events (`stories.cluster_stories` splits events within each
part): stories apart by their words are different happenings of one subject, even a day apart.

Stories with no dated article are never joined here: without time, a subject's name alone
would join separate stories about it months apart (the same company, the same country).
Candidate pairs come from an inverted index over subject names; a name in more than
`max_postings` stories is too common to pair them, so the join stays sub-quadratic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.cluster.crosslingual import pairs_sharing
from newsweave.cluster.features import day_number, lead_anchors
from newsweave.model import Article


@dataclass(frozen=True, slots=True)
class FollowUpConfig:
    """Tunables of the follow-up join (chosen on the development sets, see docs/benchmarks.md)."""

    share: float = (
        0.5  # a name is part of a story's subject when this share of its articles hold it
    )
    threshold: float = 0.6  # IDF weight of the shared subject over the lighter subject's weight
    days: int = 14  # the closest dated articles of the two stories are at most this many days apart
    lead_words: int = 400  # names are read from the headline and this many first words
    max_postings: int = 50  # a subject name in more stories than this pairs none of them
    single_mentions: int = 5  # a one-article story's subject: the names its lead repeats this often


def join_follow_ups(
    groups: Sequence[Sequence[Article]], config: FollowUpConfig | None = None
) -> list[list[int]]:
    """Indexes of `groups` joined with their follow-ups; every group appears in exactly one list."""
    config = config or FollowUpConfig()
    mentions = {
        a.id: Counter(t for t in lead_anchors(a, config.lead_words) if t.startswith("n:"))
        for group in groups
        for a in group
    }
    names = {aid: set(found) for aid, found in mentions.items()}
    df = Counter(t for found in names.values() for t in found)
    n = len(names)
    idf = {t: 1 + math.log((1 + n) / (1 + c)) for t, c in df.items()}
    subjects = [
        {t for t, c in mentions[group[0].id].items() if c >= config.single_mentions}
        if len(group) == 1
        else _subject(group, names, config.share)
        for group in groups
    ]
    days = [sorted({d for a in g if (d := day_number(a.published)) is not None}) for g in groups]
    parent = list(range(len(groups)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for g, h in sorted(_candidates(subjects, config.max_postings)):
        if _gap(days[g], days[h]) > config.days:
            continue
        shared = sum(idf[t] for t in subjects[g] & subjects[h])
        lighter = min(sum(idf[t] for t in subjects[g]), sum(idf[t] for t in subjects[h]))
        if lighter > 0 and shared >= config.threshold * lighter:
            parent[root(h)] = root(g)
    joined: dict[int, list[int]] = {}
    for g in range(len(groups)):
        joined.setdefault(root(g), []).append(g)
    return sorted(joined.values())


def _subject(group: Sequence[Article], names: dict[str, set[str]], share: float) -> set[str]:
    """The names at least `share` of the story's articles hold."""
    counts = Counter(t for a in group for t in names[a.id])
    return {t for t, c in counts.items() if c >= max(1.0, share * len(group))}


def _candidates(subjects: list[set[str]], max_postings: int) -> set[tuple[int, int]]:
    """Pairs of stories whose subjects share a name held by at most `max_postings` stories."""
    index: dict[str, list[int]] = {}
    for g, subject in enumerate(subjects):
        for term in subject:
            index.setdefault(term, []).append(g)
    return pairs_sharing(index, max_postings)


def _gap(a: list[int], b: list[int]) -> float:
    """Days between the closest days of two sorted lists; infinite when one is empty."""
    if not a or not b:
        return float("inf")
    i = j = 0
    best = abs(a[0] - b[0])
    while i < len(a) and j < len(b):
        best = min(best, abs(a[i] - b[j]))
        if a[i] < b[j]:
            i += 1
        else:
            j += 1
    return best
