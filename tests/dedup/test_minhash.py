"""Near-duplicate groups: one stored article per LSH bucket gives the groups of a full query."""

from __future__ import annotations

import random

from tests.cluster.fixtures import BRIDGE, CHOIR, article
from tests.dedup.test_lineage import FERRY, MORE

from newsweave.dedup import DedupConfig, duplicate_groups
from newsweave.dedup.minhash import shingles
from newsweave.model import Article
from newsweave.text import words


def _reference(items: list[Article], config: DedupConfig) -> list[list[str]]:
    """The groups from datasketch's own index, every article queried against all before it."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    parent = {a.id: a.id for a in items}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a in sorted(items, key=lambda a: a.id):
        signature = MinHash(num_perm=config.num_perm, seed=config.seed)
        for shingle in shingles(words(a.text), config.shingle):
            signature.update(shingle.encode())
        for other in lsh.query(signature):
            ra, rb = find(other), find(a.id)
            parent[max(ra, rb)] = min(ra, rb)
        lsh.insert(a.id, signature)
    groups: dict[str, list[str]] = {}
    for a in items:
        groups.setdefault(find(a.id), []).append(a.id)
    return sorted(
        sorted(g, key=lambda i: (next(a.published for a in items if a.id == i) or "9999", i))
        for g in groups.values()
        if len(g) > 1
    )


def _edited(text: str, rng: random.Random) -> str:
    tokens = text.split()
    for _ in range(rng.randint(0, 6)):
        tokens[rng.randrange(len(tokens))] = rng.choice(["quay", "ferry", "Pellan", "42"])
    return " ".join(tokens)


def test_groups_equal_a_full_lsh_query_of_every_article() -> None:
    rng = random.Random(7)
    bases = [BRIDGE, FERRY, CHOIR, BRIDGE + MORE, MORE]
    items = [
        article(
            f"a{k:03}", _edited(rng.choice(bases), rng), published=f"2025-05-{rng.randint(1, 9):02}"
        )
        for k in range(120)
    ]
    config = DedupConfig()
    assert duplicate_groups(items, config) == _reference(items, config)
    assert len(duplicate_groups(items, config)) >= 3


def test_a_flood_of_near_identical_copies_is_one_group() -> None:
    items = [article(f"f{k:04}", f"{FERRY} Bulletin {k} of {k * 7919 % 1000}.") for k in range(600)]
    (group,) = duplicate_groups(items)
    assert sorted(group) == sorted(a.id for a in items)
