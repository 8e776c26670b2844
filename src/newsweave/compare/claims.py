"""Claims: the same statement found in several articles, with its support counted honestly.

Informative sentences (ones with a figure, a date or a named entity; no boilerplate, no
bare quotes) are aligned across articles by paraphrase similarity (`similarity.py`), with a
small bonus for a shared figure or shared names. Each aligned group is one claim; its
support is the number of independent sources, one per lineage group, so a copy never
counts twice. A claim with one independent source is a single-source fact.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.compare.discrepancies import CompareConfig, lineage_roots
from newsweave.compare.quantities import Quantity, agree, quantity, same_quantity, sentence_years
from newsweave.compare.similarity import Similarity
from newsweave.model import Article, Claim, Event
from newsweave.text import split_sentences, words

_BOILERPLATE = re.compile(
    r"\b(?:read more|subscribe|sign up|newsletter|click here|all rights reserved|copyright|"
    r"cookies?|follow us|advertisement|share this|terms of use|privacy policy|"
    r"contributed to this report|(?:first|originally) (?:appeared|published)|photo:|image:|"
    r"getty images)\b|©",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
_SPECIFIC = {"PERSON", "ORG", "EVENT", "FAC"}
_MAX_DF = 0.5  # stems in more than this share of sentences do not propose pairs


@dataclass(slots=True)
class _Sentence:
    """A candidate claim sentence of one article, with what makes it informative."""

    article: str
    order: int
    text: str
    figures: frozenset[float]
    quantities: tuple[Quantity, ...]
    names: frozenset[str]
    dated: bool
    specific: bool  # a figure, a date, or a person/organisation/event: fit to stand alone
    members: list[int] = field(default_factory=list)


def find_claims(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    events: Sequence[Event] = (),
    config: CompareConfig | None = None,
) -> list[Claim]:
    """Claims across `articles`, supported by independent sources (copies count once)."""
    config = config or CompareConfig()
    roots = lineage_roots(articles, copies)
    sentences = [s for a in articles for s in _candidates(a, config)]
    if not sentences:
        return []
    similarity = Similarity((s.text for s in sentences), config.similarity)
    groups = _align(sentences, similarity, config)
    rank = {a.id: n for n, a in enumerate(articles)}
    claims = []
    for group in groups:
        members = sorted((sentences[i] for i in group), key=lambda s: (rank[s.article], s.order))
        independent = len({roots[s.article] for s in members})
        if independent == 1 and not any(s.specific for s in members):
            continue
        lead = next((s for s in members if roots[s.article] == s.article), members[0])
        sources = [s.article for s in members]
        claims.append(
            Claim(
                text=lead.text,
                sources=sources,
                independent=independent,
                kind="corroborated" if independent > 1 else "single-source",
                event=_event(sources, events),
                wording={s.article: s.text for s in members},
            )
        )
    first = {id(c): min(rank[s] for s in c.sources) for c in claims}
    claims.sort(key=lambda c: (-c.independent, first[id(c)]))
    return claims


def _candidates(article: Article, config: CompareConfig) -> list[_Sentence]:
    """The article's sentences that could be claims."""
    figures: dict[str, set[float]] = defaultdict(set)
    quantities: dict[str, list[Quantity]] = defaultdict(list)
    for f in article.figures:
        figures[f.sentence].add(f.value)
        q = quantity(f, sentence_years(article.times, f.sentence), config.quantity)
        if q.predicate is not None:
            quantities[f.sentence].append(q)
    dated = {t.sentence for t in article.times if t.kind == "DATE"}
    names = [
        (name, e.kind in _SPECIFIC)
        for e in article.entities
        if e.kind in _NAMED
        for name in {e.name, *e.aliases}
        if len(name) > 2
    ]
    out = []
    for order, text in enumerate(split_sentences(article.text)):
        count = len(words(text))
        if not config.min_words <= count <= config.max_words or _BOILERPLATE.search(text):
            continue
        if text.rstrip("”\"’' ").endswith("?"):
            continue  # a question is not a claim
        quoted = sum(len(q) for q in _QUOTED.findall(text))
        if quoted > 0.5 * len(text):
            continue  # a bare quotation belongs to the quote ledger
        found = {name for name, _ in names if name in text}
        has_figure, has_date = bool(figures.get(text)), text in dated
        if not (found or has_figure or has_date):
            continue
        specific = has_figure or has_date or any(s for name, s in names if name in found)
        out.append(
            _Sentence(
                article=article.id,
                order=order,
                text=text,
                figures=frozenset(figures.get(text, ())),
                quantities=tuple(quantities.get(text, ())),
                names=frozenset(found),
                dated=has_date,
                specific=specific,
            )
        )
    return out


def _align(
    sentences: list[_Sentence], similarity: Similarity, config: CompareConfig
) -> list[list[int]]:
    """Groups of sentences that say the same thing, at most one sentence per article."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        for stem in similarity.features(s.text).stems:
            index[stem].append(i)
    limit = max(2, int(_MAX_DF * len(sentences)))
    shared: Counter[tuple[int, int]] = Counter()
    for postings in index.values():
        if len(postings) > limit:
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1 :]:
                if sentences[i].article != sentences[j].article:
                    shared[(i, j)] += 1
    threshold = config.similarity.threshold
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in scores:
            scores[key] = _pair_score(sentences[i], sentences[j], similarity, config)
        return scores[key]

    scored = [(score(i, j), i, j) for (i, j), count in shared.items() if count >= 2]
    scored = [item for item in scored if item[0] >= threshold]
    group_of = list(range(len(sentences)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    for _, i, j in sorted(scored, reverse=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if {sentences[k].article for k in groups[gi]} & {sentences[k].article for k in groups[gj]}:
            continue  # one article states a claim once
        pairs = [(x, y) for x in groups[gi] for y in groups[gj]]
        if sum(score(x, y) for x, y in pairs) / len(pairs) < threshold - config.figure_bonus:
            continue  # average linkage: no chains of loosely related sentences
        for k in groups[gj]:
            group_of[k] = gi
        groups[gi] += groups.pop(gj)
    return sorted(groups.values(), key=min)


def _pair_score(a: _Sentence, b: _Sentence, similarity: Similarity, config: CompareConfig) -> float:
    """Paraphrase similarity, plus bonuses for a shared figure and an agreeing said quantity."""
    score = similarity.score(a.text, b.text)
    if a.figures & b.figures:
        score += config.figure_bonus
    if any(
        same_quantity(x, y, config.quantity) and agree(x, y)
        for x in a.quantities
        for y in b.quantities
    ):
        score += config.quantity_bonus  # "100,000 fled" and "about 100,000 left"
    return score


def _event(sources: list[str], events: Sequence[Event]) -> str | None:
    """The event most of the claim's sources belong to, when the story has events."""
    best, best_count = None, 0
    for event in events:
        count = len(set(sources) & set(event.articles))
        if count > best_count:
            best, best_count = event.id, count
    return best
