"""Discrepancies: sources that give different numbers for the same counted thing.

Two figures count the same thing when the content words of what they count
overlap enough. Values that differ by more than a relative tolerance, from
sources that are not copies of each other, are a discrepancy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.model import Article, Discrepancy, DiscrepancyValue, Figure
from newsweave.text import content_words, jaccard


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """Tunables of cross-source comparison."""

    same_thing: float = 0.5
    tolerance: float = 0.15


def find_discrepancies(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    config: CompareConfig | None = None,
) -> list[Discrepancy]:
    """Conflicting figures across `articles`; articles in one copy group count as one source."""
    config = config or CompareConfig()
    group_of = {member: group[0] for group in copies for member in group}
    figures = [f for a in articles for f in a.figures if f.counts]
    keys = [set(content_words(f.counts or "")) for f in figures]
    used: set[int] = set()
    found = []
    for i, figure in enumerate(figures):
        if i in used or not keys[i]:
            continue
        cluster = [
            j
            for j in range(i, len(figures))
            if j not in used and jaccard(keys[i], keys[j]) >= config.same_thing
        ]
        values = _distinct_values([figures[j] for j in cluster], config.tolerance)
        sources = {group_of.get(f.article, f.article) for v in values for f in v}
        if len(values) > 1 and len(sources) > 1:
            used.update(cluster)
            found.append(
                Discrepancy(
                    about=figure.counts or "",
                    values=[
                        DiscrepancyValue(
                            value=_format(v[0].value),
                            text=v[0].text,
                            sources=sorted({f.article for f in v}),
                        )
                        for v in values
                    ],
                )
            )
    return found


def _distinct_values(figures: list[Figure], tolerance: float) -> list[list[Figure]]:
    """Group figures whose values agree within `tolerance`; one list per distinct value."""
    groups: list[list[Figure]] = []
    for figure in sorted(figures, key=lambda f: (-f.value, f.article)):
        for group in groups:
            reference = group[0].value
            if abs(figure.value - reference) <= tolerance * max(abs(reference), 1e-9):
                group.append(figure)
                break
        else:
            groups.append([figure])
    return groups


def _format(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
