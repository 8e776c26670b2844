"""Discrepancies: independent sources that give different values for the same quantity.

Figures are grouped by what they measure (`quantities.same_quantity`: the things counted,
the predicate, the unit, the year), then their values by overlapping ranges, so "about
100,000" and "more than 100,000" agree while 100,000 and 50,000 people who fled conflict,
and 120,000 people who live in a region is another quantity altogether. Durations of the
same kind of happening in the same year ("six-week war" and "44-day war") are compared the
same way. Articles in one lineage group (copies) count as one source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.compare.quantities import (
    Quantity,
    QuantityConfig,
    duration_range,
    format_number,
    quantity,
    same_quantity,
    sentence_years,
)
from newsweave.compare.similarity import Similarity, SimilarityConfig
from newsweave.model import Article, Discrepancy, DiscrepancyValue
from newsweave.text import split_sentences, words

# kinds of happening whose length sources report ("a six-week war", "a 24-hour assault")
_HAPPENING_WORDS = {
    "fighting": "war wars conflict fighting offensive assault blitz attack campaign operation "
    "invasion siege battle",
    "strike": "strike strikes walkout stoppage",
    "talks": "talks negotiations summit meeting",
    "blockade": "blockade closure lockdown shutdown",
    "trial": "trial hearing",
}
_HAPPENINGS = {word: kind for kind, text in _HAPPENING_WORDS.items() for word in text.split()}


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """Tunables of cross-source comparison: quantities, paraphrase similarity, claims."""

    quantity: QuantityConfig = field(default_factory=QuantityConfig)
    similarity: SimilarityConfig = field(default_factory=SimilarityConfig)
    figure_context: float = 0.35  # similarity of sentences whose unexplained figures compare
    figure_bonus: float = 0.1  # added to the similarity of two sentences sharing a figure
    quantity_bonus: float = 0.2  # ... sharing an agreeing figure of the same said quantity
    min_words: int = 6  # shorter sentences are not claims
    max_words: int = 80  # longer ones are run-on text, not claims
    max_figures: int = 300  # figures of one article compared (clustering them is quadratic)


@dataclass(frozen=True, slots=True)
class _Measure:
    """One source's value for a quantity: its range, wording and sentence."""

    article: str
    root: str
    value: float
    low: float
    high: float
    text: str
    sentence: str
    about: str
    unique: bool = True  # the only figure of its kind in its sentence


def lineage_roots(
    articles: Sequence[Article], copies: Sequence[Sequence[str]] = ()
) -> dict[str, str]:
    """Each article's independent source: the first article of its lineage group, else itself."""
    roots = {a.id: a.id for a in articles}
    for group in copies:
        for member in group:
            roots[member] = group[0]
    return roots


def find_discrepancies(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    config: CompareConfig | None = None,
) -> list[Discrepancy]:
    """Conflicting figures and durations across `articles`; a copy group counts as one source."""
    config = config or CompareConfig()
    roots = lineage_roots(articles, copies)
    found = [
        _discrepancy(cluster, "figure") for cluster in _figure_clusters(articles, roots, config)
    ]
    found += [_discrepancy(cluster, "duration") for cluster in _duration_clusters(articles, roots)]
    return [d for d in found if d is not None]


def _figure_clusters(
    articles: Sequence[Article], roots: dict[str, str], config: CompareConfig
) -> list[list[_Measure]]:
    """Figures grouped by the quantity they measure (complete linkage)."""
    similarity = Similarity(
        (s for a in articles for s in split_sentences(a.text)), config.similarity
    )
    clusters: list[list[tuple[Quantity, _Measure]]] = []
    for article in articles:
        figures = article.figures[: config.max_figures]
        alike = Counter((f.sentence, f.unit, f.counts) for f in figures)
        for figure in figures:
            years = sentence_years(article.times, figure.sentence)
            q = quantity(figure, years, config.quantity)
            about = figure.counts or figure.unit or ""
            if q.predicate and q.predicate not in words(about):
                about = f"{about} ({q.predicate})"
            measure = _Measure(
                article.id,
                roots.get(article.id, article.id),
                figure.value,
                q.low,
                q.high,
                figure.text,
                figure.sentence,
                about,
                alike[(figure.sentence, figure.unit, figure.counts)] == 1,
            )
            for cluster in clusters:
                if all(_same(q, measure, other, m, similarity, config) for other, m in cluster):
                    cluster.append((q, measure))
                    break
            else:
                clusters.append([(q, measure)])
    return [[m for _, m in cluster] for cluster in clusters]


def _same(
    a: Quantity,
    ma: _Measure,
    b: Quantity,
    mb: _Measure,
    similarity: Similarity,
    config: CompareConfig,
) -> bool:
    """Same quantity: said to be (a predicate such as "fled"), or in paraphrased sentences."""
    if not same_quantity(a, b, config.quantity):
        return False
    if a.predicate is not None:
        return True
    # "300 passengers were taken off" / "lifeboats brought 120 passengers ashore": the same
    # only when the sentences say the same thing and each has one such figure
    return (
        ma.unique
        and mb.unique
        and similarity.score(ma.sentence, mb.sentence) >= config.figure_context
    )


def _duration_clusters(articles: Sequence[Article], roots: dict[str, str]) -> list[list[_Measure]]:
    """Durations of the same kind of happening in sentences dated to a shared year."""
    keyed: dict[tuple[str, str], list[_Measure]] = {}
    for article in articles:
        for time in article.times:
            span = duration_range(time.value) if time.kind == "DURATION" else None
            kind = _happening(time.sentence, time.text)
            years = sentence_years(article.times, time.sentence)
            if span is None or kind is None or len(years) != 1:
                continue
            (year,) = years
            low, high = span
            measure = _Measure(
                article.id,
                roots.get(article.id, article.id),
                (low + high) / 2,
                low,
                high,
                time.text,
                time.sentence,
                f"length of the {year} {kind}",
            )
            keyed.setdefault((kind, year), []).append(measure)
    return list(keyed.values())


def _happening(sentence: str, duration: str) -> str | None:
    """The kind of happening a duration measures: the noun right after it, else the first."""
    at = sentence.find(duration)
    following = words(sentence[at + len(duration) :])[:2] if at >= 0 else []
    for word in following + words(sentence):
        if word in _HAPPENINGS:
            return _HAPPENINGS[word]
    return None


def _discrepancy(cluster: list[_Measure], kind: str) -> Discrepancy | None:
    """A discrepancy when independent sources give values whose ranges do not overlap."""
    if len({m.root for m in cluster}) < 2:
        return None
    groups: list[list[_Measure]] = []
    for measure in sorted(cluster, key=lambda m: (m.low, m.high)):
        if groups and any(_overlap(measure, other) for other in groups[-1]):
            groups[-1].append(measure)
        else:
            groups.append([measure])
    if len(groups) < 2:
        return None
    values = [_value(group, kind) for group in groups]
    values.sort(key=lambda v: (-v.independent, v.value))
    abouts = Counter(m.about for m in cluster)
    plain = [a for a, _ in abouts.most_common() if not a.endswith(")")]  # "who fled" > "(fled)"
    about = plain[0] if plain else abouts.most_common(1)[0][0]
    return Discrepancy(about=about, values=values, kind=kind)


def _overlap(a: _Measure, b: _Measure) -> bool:
    return a.low <= b.high and b.low <= a.high


def _value(group: list[_Measure], kind: str) -> DiscrepancyValue:
    """One distinct value of a discrepancy, with each source's own wording."""
    common = Counter(m.value for m in group).most_common(1)[0][0]
    first = next(m for m in group if m.value == common)
    wording: dict[str, str] = {}
    sentences: dict[str, str] = {}
    for m in group:
        wording.setdefault(m.article, m.text)
        sentences.setdefault(m.article, m.sentence)
    shown = first.text if kind == "duration" else format_number(common)
    return DiscrepancyValue(
        value=shown,
        text=first.text,
        sources=list(wording),
        independent=len({m.root for m in group}),
        wording=wording,
        sentences=sentences,
    )
