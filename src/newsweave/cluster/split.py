"""Splitting a story whose articles fall into two groups with little in common.

Streaming joins an article to a story's centroid, so two happenings that share their
names and dates (North Korea's oil imports and Kim Jong Un's New Year speech) can end
up as one story. This batch check builds an average-linkage tree over a story's
articles and looks at its highest split into two groups of at least `min_size`
articles: if the average similarity between the groups is below `cut` times the mean
of their within-group average similarities, the story is split (articles left outside
both groups go to the group they are closer to on average), and each part is checked
again. The ratio is scale-free, so it does not depend on how wordy a story is.

Only body words are compared: names and title words are what such stories share, the
body says what happened. But two groups whose names are as alike across as within (the
same people and places) are one story told in stages and stay whole: in a batch of one
story the body words left after IDF are those of each stage, which would split it.
The tree costs O(n^3) in numpy for a story of n articles, so stories larger than
`max_members` are left whole.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.cluster.features import Vector


def similarity_matrix(vectors: Sequence[Vector]) -> np.ndarray:
    """Cosines of unit sparse vectors, as a dense symmetric matrix."""
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    dense = np.zeros((len(vectors), max(len(vocabulary), 1)))
    dense[rows, cols] = values
    return dense @ dense.T


def split_groups(
    vectors: Sequence[Vector],
    cut: float,
    min_size: int = 2,
    max_members: int = 300,
    names: Sequence[Vector] | None = None,
) -> list[list[int]]:
    """Indices of `vectors` in groups (one group when the story holds together), in order.

    With `names` (each article's name vector), two groups that share names as much as their
    own articles do are one story told in two stages, and stay together.
    """
    n = len(vectors)
    if cut <= 0 or n < 2 * max(min_size, 2) or n > max_members:
        return [list(range(n))]
    shared = similarity_matrix(names) if names is not None else None
    return split_similar(similarity_matrix(vectors), cut, min_size, shared)


def split_similar(
    sims: np.ndarray, cut: float, min_size: int = 2, names: np.ndarray | None = None
) -> list[list[int]]:
    """Row indices of a similarity matrix in groups, split while groups are less alike across than within."""
    n = len(sims)
    if cut <= 0 or n < 2:
        return [list(range(n))]
    return [sorted(g) for g in _split(list(range(n)), sims, cut, max(min_size, 2), names)]


def _split(
    members: list[int],
    sims: np.ndarray,
    cut: float,
    min_size: int,
    names: np.ndarray | None = None,
) -> list[list[int]]:
    if len(members) < 2 * min_size:
        return [members]
    sub = sims[np.ix_(members, members)]
    halves = _top_split(sub, min_size)
    if halves is None:
        return [members]
    a, b = halves
    between = sub[np.ix_(a, b)].mean()
    if between >= cut * (_within(sub, a) + _within(sub, b)) / 2:
        return [members]
    if names is not None:
        same = names[np.ix_(members, members)]
        if same[np.ix_(a, b)].mean() >= (_within(same, a) + _within(same, b)) / 2 - 1e-9:
            return [members]  # the same people and places: one story in two stages
    placed = set(a) | set(b)
    for x in range(len(members)):  # leftovers (small branches) join the closer group
        if x not in placed:
            (a if sub[x, a].mean() >= sub[x, b].mean() else b).append(x)
    parts = _split(sorted(members[i] for i in a), sims, cut, min_size, names)
    return parts + _split(sorted(members[i] for i in b), sims, cut, min_size, names)


def _top_split(sims: np.ndarray, min_size: int) -> tuple[list[int], list[int]] | None:
    """The last average-linkage merge of two groups of at least `min_size` members."""
    n = len(sims)
    link = sims.astype(float).copy()
    np.fill_diagonal(link, -np.inf)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    best: tuple[list[int], list[int]] | None = None
    for _ in range(n - 1):
        i, j = divmod(int(np.argmax(link)), n)  # first maximum: deterministic
        i, j = min(i, j), max(i, j)
        gi, gj = groups[i], groups.pop(j)
        if len(gi) >= min_size and len(gj) >= min_size:
            best = (list(gi), list(gj))
        merged = (link[i] * len(gi) + link[j] * len(gj)) / (len(gi) + len(gj))
        link[i, :] = merged
        link[:, i] = merged
        link[i, i] = -np.inf
        link[j, :] = -np.inf
        link[:, j] = -np.inf
        groups[i] = gi + gj
    return best


def _within(sims: np.ndarray, group: list[int]) -> float:
    """Average similarity of the distinct pairs of a group."""
    block = sims[np.ix_(group, group)]
    k = len(group)
    return float((block.sum() - np.trace(block)) / (k * (k - 1)))
