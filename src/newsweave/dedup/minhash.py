"""Near-duplicate groups: exact duplicates by normalised-text hash, near ones by MinHash LSH."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.model import Article
from newsweave.text import words


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Tunables of near-duplicate detection."""

    shingle: int = 5
    num_perm: int = 128
    threshold: float = 0.7
    seed: int = 1


def duplicate_groups(
    articles: Sequence[Article], config: DedupConfig | None = None
) -> list[list[str]]:
    """Groups (of two or more article ids) whose texts are exact or near duplicates.

    Each group is ordered oldest first (by publication date, then id), so its first
    member is the likely original; groups are sorted by their first member.
    """
    from datasketch import MinHash, MinHashLSH

    config = config or DedupConfig()
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_hash: dict[str, str] = {}
    # LSH banding with datasketch's parameters for the threshold: articles whose signatures
    # agree on one band are candidates, and every candidate is joined. So a bucket keeps only
    # its first article: every later one in it is joined to that one anyway, which makes
    # each article's look-up cost the number of bands, not the number of its near-duplicates
    # (a flood of thousands of copies stays linear). The groups are the ones a full
    # `MinHashLSH.query` for every article would give.
    bands = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm).hashranges
    buckets: list[dict[bytes, str]] = [{} for _ in bands]
    blank = MinHash(num_perm=config.num_perm, seed=config.seed)
    for article in sorted(articles, key=lambda a: a.id):
        tokens = words(article.text)
        digest = hashlib.sha1(" ".join(tokens).encode()).hexdigest()
        if digest in by_hash:
            union(by_hash[digest], article.id)
            continue
        by_hash[digest] = article.id
        signature = blank.copy()  # the permutations are drawn from the seed once, not per article
        signature.update_batch([shingle.encode() for shingle in shingles(tokens, config.shingle)])
        for (start, end), bucket in zip(bands, buckets, strict=True):
            first = bucket.setdefault(signature.hashvalues[start:end].tobytes(), article.id)
            if first != article.id:
                union(first, article.id)

    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(find(article.id), []).append(article)
    ordered = [
        [a.id for a in sorted(members, key=lambda a: (a.published or "9999", a.id))]
        for members in groups.values()
        if len(members) > 1
    ]
    return sorted(ordered)


def shingles(tokens: list[str], size: int) -> set[str]:
    """Word shingles of `size` tokens (one shingle for a shorter text): what MinHash signs."""
    if len(tokens) < size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
