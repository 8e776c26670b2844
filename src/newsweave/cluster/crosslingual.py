"""Joining stories across languages by their language-independent anchors.

Story clustering compares words, so a French or German report of an English story
forms a story of its own. Names and numbers cross languages ("Gaziantep", "7,8" and
"7.8", "15.383" and "15,383"): `features.anchors` turns them into shared terms. Here
each article gets a TF-IDF vector of its anchors (IDF over the batch, smoothed so that an
anchor every article shares still counts: a batch may be one story), and a story
joins a story in another language when the mean of the `top` best anchor cosines
between their articles reaches `threshold`. The best such pair is joined first, then
the scores are recomputed, until no pair clears the threshold. Stories of the same
language are never joined here: their words already had their say.

Candidate pairs come from an inverted index over anchor terms, and a story is compared
only with the stories of other languages that share one of its articles' top anchors,
so the cost follows the number of such pairs, not the square of the story count.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsweave.cluster.features import Vector, cosine, lead_anchors, normalise
from newsweave.model import Article, main_language


@dataclass(frozen=True, slots=True)
class CrossLingualConfig:
    """Tunables of the cross-language join (chosen on the development part, see benchmarks)."""

    threshold: float = 0.1  # mean of the best anchor cosines a pair of stories needs
    top: int = 3  # how many of the best article pairs are averaged
    lead_words: int = 400  # anchors are read from the title and this many first words
    index_terms: int = 12  # anchors per article used to find candidate stories
    max_postings: int = 50  # an anchor in more stories than this is too common to pair them


def join_languages(
    groups: Sequence[Sequence[Article]], config: CrossLingualConfig | None = None
) -> list[list[int]]:
    """Indexes of `groups` joined across languages; every group appears in exactly one list."""
    config = config or CrossLingualConfig()
    articles = [a for group in groups for a in group]
    vectors = dict(zip((a.id for a in articles), anchor_vectors(articles, config), strict=True))
    language = [_language(group) for group in groups]
    members: dict[int, list[str]] = {g: [a.id for a in group] for g, group in enumerate(groups)}
    joined: dict[int, list[int]] = {g: [g] for g in members}
    while True:
        best: tuple[float, int, int] | None = None
        for g, h in _candidates(members, vectors, language, config):
            score = _score(members[g], members[h], vectors, config.top)
            if score >= config.threshold and (best is None or (score, -g, -h) > _key(best)):
                best = (score, g, h)
        if best is None:
            break
        _, g, h = best
        members[g] += members.pop(h)
        joined[g] += joined.pop(h)
        language[h] = ""
        language[g] = "+".join(sorted({*language[g].split("+"), *language[h].split("+")} - {""}))
    return sorted(joined.values())


def _key(best: tuple[float, int, int]) -> tuple[float, int, int]:
    """Order of candidate joins: the higher score first, ties to the lower story indexes."""
    return best[0], -best[1], -best[2]


def _language(group: Sequence[Article]) -> str:
    """A story's main language ("und" when none of its articles has one)."""
    return main_language(group) or "und"


def anchor_vectors(articles: Sequence[Article], config: CrossLingualConfig) -> list[Vector]:
    """Unit TF-IDF vectors of each article's anchors, IDF over these articles."""
    counts = [Counter(lead_anchors(a, config.lead_words)) for a in articles]
    df = Counter(t for c in counts for t in c)
    n = len(articles)
    return [
        normalise(
            {t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + df[t]))) for t, c in cs.items()}
        )
        for cs in counts
    ]


def _candidates(
    members: dict[int, list[str]],
    vectors: dict[str, Vector],
    language: list[str],
    config: CrossLingualConfig,
) -> set[tuple[int, int]]:
    """Pairs of live stories in different languages that share a top anchor."""
    index: dict[str, set[int]] = {}
    for g, ids in members.items():
        for article_id in ids:
            top = sorted(vectors[article_id].items(), key=lambda kv: (-kv[1], kv[0]))
            for term, _ in top[: config.index_terms]:
                index.setdefault(term, set()).add(g)
    return {
        (g, h)
        for g, h in pairs_sharing(index, config.max_postings)
        if not set(language[g].split("+")) & set(language[h].split("+"))
    }


def pairs_sharing(index: Mapping[str, Collection[int]], max_postings: int) -> set[tuple[int, int]]:
    """Pairs (low, high) of the stories an inverted index lists under one term, skipping terms
    of more than `max_postings` stories (too common to pair them; the pairs stay few)."""
    pairs: set[tuple[int, int]] = set()
    for stories in index.values():
        if len(stories) <= max_postings:
            ordered = sorted(stories)
            pairs.update((g, h) for i, g in enumerate(ordered) for h in ordered[i + 1 :])
    return pairs


def _score(a: list[str], b: list[str], vectors: dict[str, Vector], top: int) -> float:
    """Mean of the `top` best anchor cosines between the articles of two stories."""
    sims = sorted((cosine(vectors[x], vectors[y]) for x in a for y in b), reverse=True)
    best = sims[: max(1, top)]
    return sum(best) / len(best) if best else 0.0
