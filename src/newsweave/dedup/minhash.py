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
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    for article in sorted(articles, key=lambda a: a.id):
        tokens = words(article.text)
        digest = hashlib.sha1(" ".join(tokens).encode()).hexdigest()
        if digest in by_hash:
            union(by_hash[digest], article.id)
            continue
        by_hash[digest] = article.id
        signature = MinHash(num_perm=config.num_perm, seed=config.seed)
        for shingle in shingles(tokens, config.shingle):
            signature.update(shingle.encode())
        for other in lsh.query(signature):
            union(other, article.id)
        lsh.insert(article.id, signature)

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
