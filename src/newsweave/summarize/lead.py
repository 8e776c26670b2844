"""An extractive story summary: central lead sentences, picked without redundancy (MMR)."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.model import Article, SummarySentence
from newsweave.text import content_words, split_sentences


def summarize(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    size: int = 5,
    lead: int = 4,
    diversity: float = 0.6,
) -> list[SummarySentence]:
    """Pick up to `size` sentences from the articles' leads; each cites every article that supports it."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    copy_ids = {member for group in copies for member in group[1:]}
    candidates: list[tuple[int, str, str]] = []  # (position, article id, sentence)
    all_sentences: list[tuple[str, str]] = []
    for article in articles:
        sentences = [s for s in split_sentences(article.text) if len(s.split()) >= 6]
        all_sentences += [(article.id, s) for s in sentences]
        if article.id not in copy_ids:
            candidates += [(i, article.id, s) for i, s in enumerate(sentences[:lead])]
    if not candidates:
        return []
    texts = [" ".join(content_words(s)) for _, s in all_sentences]
    vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+")
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # every sentence is empty of content words
        return []
    rows = _rows_of(candidates, all_sentences)
    centroid = matrix.mean(axis=0).A1
    relevance = matrix[rows] @ centroid
    # Candidates against every sentence (for support) and against each other (for redundancy):
    # never all sentences against all, which grows with the square of a giant page.
    support = (matrix[rows] @ matrix.T).tocsr()
    between = (matrix[rows] @ matrix[rows].T).toarray()
    chosen: list[int] = []
    while len(chosen) < min(size, len(candidates)):

        def score(k: int) -> float:
            redundancy = max((between[k][c] for c in chosen), default=0.0)
            return diversity * relevance[k] - (1 - diversity) * redundancy - 0.01 * candidates[k][0]

        best = max((k for k in range(len(candidates)) if k not in chosen), key=score)
        chosen.append(best)
    order = {a.id: (a.published or "9999", a.id) for a in articles}
    chosen.sort(key=lambda k: (candidates[k][0], order[candidates[k][1]]))
    summary = []
    for k in chosen:
        similar = support.getrow(k)
        supporters = {
            all_sentences[i][0]
            for i, v in zip(similar.indices, similar.data, strict=True)
            if v >= 0.5
        }
        summary.append(
            SummarySentence(text=candidates[k][2], sources=sorted(supporters | {candidates[k][1]}))
        )
    return summary


def _rows_of(candidates: list[tuple[int, str, str]], sentences: list[tuple[str, str]]) -> list[int]:
    """The row of each candidate in the matrix of all sentences."""
    index: dict[tuple[str, str], int] = {}
    for i, key in enumerate(sentences):
        index.setdefault(key, i)
    return [index[(article, sentence)] for _, article, sentence in candidates]
