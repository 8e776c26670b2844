"""An extractive story summary: central lead sentences of the originals, picked without
redundancy (MMR), each citing every article that says the same.

TF-IDF is computed here in plain Python over sparse dicts (no scikit-learn import on the
brief's path). Only candidates are compared with all sentences (for support, through an
inverted index) and with each other (for redundancy); never all sentences with all, so a
giant page stays linear in its length.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.cluster.features import Vector, cosine, normalise
from newsweave.model import Article, SummarySentence, main_language
from newsweave.summarize.support import check
from newsweave.summarize.timeline import BOILERPLATE
from newsweave.text import content_words, split_sentences

_QUOTE_START = re.compile(r"^[“\"‘'«„‹]")


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """Tunables of the extractive summary."""

    size: int = 5  # sentences
    lead: int = 4  # candidate sentences from the top of each original article
    diversity: float = 0.6  # MMR weight of relevance against redundancy
    repeat: float = 0.5  # cosine at which a candidate repeats one already chosen
    shortlist: float = 0.1  # cosine at which another sentence is checked as support
    support: float = 0.5  # share of a sentence's content words a supporting sentence must hold
    min_words: int = 8
    max_words: int = 60


@dataclass(slots=True)
class _Sentence:
    article: str
    position: int
    text: str
    vector: Vector


def summarize(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    config: SummaryConfig | None = None,
    *,
    size: int | None = None,
) -> list[SummarySentence]:
    """Pick up to `size` lead sentences of original articles; each cites every supporting article."""
    config = config or SummaryConfig()
    size = config.size if size is None else size
    sentences, candidates = summary_candidates(articles, copies, config)
    if not candidates:
        return []
    centroid: Vector = defaultdict(float)
    for sentence in sentences:
        for term, weight in sentence.vector.items():
            centroid[term] += weight / len(sentences)
    relevance = [cosine(c.vector, centroid) for c in candidates]
    chosen: list[int] = []
    while len(chosen) < min(size, len(candidates)):

        def score(k: int) -> float:
            redundancy = max(
                (cosine(candidates[k].vector, candidates[c].vector) for c in chosen), default=0.0
            )
            penalty = 0.01 * candidates[k].position + (
                0.05 if _QUOTE_START.match(candidates[k].text) else 0
            )
            return config.diversity * relevance[k] - (1 - config.diversity) * redundancy - penalty

        best = max((k for k in range(len(candidates)) if k not in chosen), key=score)
        if (
            chosen
            and max(cosine(candidates[best].vector, candidates[c].vector) for c in chosen)
            >= config.repeat
        ):
            break  # everything left repeats what is already said
        chosen.append(best)
    published = {a.id: a.published or "9999" for a in articles}
    chosen.sort(
        key=lambda k: (candidates[k].position, published[candidates[k].article], -relevance[k])
    )
    index = _index(sentences)
    return [
        SummarySentence(
            text=candidates[k].text,
            sources=_supporters(candidates[k], sentences, index, config),
            article=candidates[k].article,
        )
        for k in chosen
    ]


def summary_candidates(
    articles: Sequence[Article], copies: Sequence[Sequence[str]], config: SummaryConfig
) -> tuple[list[_Sentence], list[_Sentence]]:
    """Every usable sentence (TF-IDF vectors) and the candidates among them: originals' leads."""
    copy_ids = {member for group in copies for member in group[1:]}
    raw: list[tuple[str, int, str, list[str]]] = []
    for article in articles:
        for position, text in enumerate(split_sentences(article.text)):
            n = len(text.split())
            if n < config.min_words or n > config.max_words or text.endswith("?"):
                continue
            if BOILERPLATE.search(text):
                continue
            raw.append((article.id, position, text, content_words(text)))
    df: Counter[str] = Counter()
    for *_, terms in raw:
        df.update(set(terms))
    total = len(raw)
    idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in df.items()}
    sentences = [_Sentence(a, p, t, _tfidf(terms, idf)) for a, p, t, terms in raw]
    sentences = [s for s in sentences if s.vector]
    seen: Counter[str] = Counter()
    candidates = []
    language = {a.id: a.language for a in articles}
    main = main_language(a for a in articles if a.id not in copy_ids)
    for sentence in sentences:
        if sentence.article in copy_ids or seen[sentence.article] >= config.lead:
            continue
        if language[sentence.article] not in (main, None):
            continue  # one summary, in the story's language: other languages cannot support it
        seen[sentence.article] += 1
        candidates.append(sentence)
    return sentences, candidates


def _tfidf(terms: list[str], idf: dict[str, float]) -> Vector:
    return normalise({t: (1 + math.log(c)) * idf[t] for t, c in Counter(terms).items()})


Index = dict[str, list[tuple[int, str, float]]]


def _index(sentences: Sequence[_Sentence]) -> Index:
    """Term -> (sentence, article, weight) of every sentence that has it (an inverted index)."""
    index: Index = defaultdict(list)
    for i, sentence in enumerate(sentences):
        for term, weight in sentence.vector.items():
            index[term].append((i, sentence.article, weight))
    return index


def _supporters(
    candidate: _Sentence, sentences: Sequence[_Sentence], index: Index, config: SummaryConfig
) -> list[str]:
    """The articles with a sentence that backs `candidate` (figures, names, most words)."""
    scores: dict[int, float] = defaultdict(float)
    for term, weight in candidate.vector.items():
        for i, article, other in index.get(term, ()):
            if article != candidate.article:
                scores[i] += weight * other
    backing = {
        sentences[i].article
        for i, score in scores.items()
        if score >= config.shortlist
        and check(candidate.text, sentences[i].text, config.support).supported
    }
    return sorted(backing | {candidate.article})
