"""Off-topic passages: runs of paragraphs in an article that are about another story.

A paragraph is scored by how much of its vocabulary the rest of the story shares:
the other articles' text plus this article's own title and lead. Names count more
than other words. A run of low-scoring paragraphs (never the lead, long enough, and
not most of the article) is marked off-topic: kept in the text, left out of analysis. A
run the article returns from (on-topic paragraphs after it) needs one real paragraph more
than a tail: a reporter's aside (a victim's relative, in words no other article uses) sits
inside an article, while other stories are appended after it.
Paragraphs that are mostly a quotation ("...," he said) are no evidence either way: a
witness speaks in words of their own, which no other article shares, so quotations never
make a run by themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace

from newsweave.cluster.features import entities
from newsweave.extract.quotemarks import find_quoted
from newsweave.model import Article, OffTopic
from newsweave.text import content_words


@dataclass(frozen=True, slots=True)
class OffTopicConfig:
    """Tunables of off-topic passage detection."""

    shared: float = 0.45  # a paragraph sharing less of its weighted vocabulary may be off-topic
    run_shared: float = 0.3  # ... and a run of them must share less than this on average
    min_paragraphs: int = 2  # a tail run needs this many real paragraphs (headings do not
    # count), a run inside the article one more
    entity_weight: float = 3.0  # a name counts this many times a plain word
    lead_paragraphs: int = 2  # the lead is never off-topic and defines the article's topic
    min_words: int = 60  # shorter runs are not marked
    max_share: float = 0.6  # at most this share of an article's words is marked


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the non-blank lines of `text`."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def mark_offtopic(
    articles: Sequence[Article], config: OffTopicConfig | None = None
) -> list[Article]:
    """The story's articles, each with `offtopic` set to its off-topic passages."""
    config = config or OffTopicConfig()
    vocab = {a.id: _vocabulary(a.text) for a in articles}
    spread = Counter(term for terms in vocab.values() for term in terms)  # articles per term
    out = []
    for article in articles:
        spans = paragraphs(article.text)
        lead = [article.text[s:e] for s, e in spans[: config.lead_paragraphs]]
        reference = _Reference(
            spread, vocab[article.id], _vocabulary(" \n".join([article.title or "", *lead]))
        )
        scores = [_shared(article.text[s:e], reference, config) for s, e in spans]
        speech = [_is_speech(article.text[s:e]) for s, e in spans]
        out.append(replace(article, offtopic=_runs(article.text, spans, scores, speech, config)))
    return out


def on_topic_text(article: Article) -> str:
    """The article's text without its off-topic passages (what a story's analysis reads)."""
    if not article.offtopic:
        return article.text
    pieces, at = [], 0
    for passage in sorted(article.offtopic, key=lambda p: p.start):
        pieces.append(article.text[at : passage.start])
        at = max(at, passage.end)
    pieces.append(article.text[at:])
    return "".join(pieces).strip()


@dataclass(frozen=True, slots=True)
class _Reference:
    """The words of the rest of a story (the other articles) and of one article's title and
    lead, looked up by counting: a term is in another article when more articles than this
    one hold it. The same set as their union, without building it for every article."""

    spread: Counter[str]  # how many of the story's articles hold each term
    own: set[str]  # the article's own vocabulary
    lead: set[str]  # its title and lead

    def __contains__(self, term: object) -> bool:
        if not isinstance(term, str):
            return False
        return term in self.lead or self.spread.get(term, 0) > (term in self.own)


def _vocabulary(text: str) -> set[str]:
    return set(content_words(text)) | {f"@{e}" for e in entities(text)}


def _shared(text: str, reference: Container[str], config: OffTopicConfig) -> float:
    terms = [(w, 1.0) for w in content_words(text)]
    terms += [(f"@{e}", config.entity_weight) for e in entities(text) if "_" not in e]
    total = sum(w for _, w in terms)
    return sum(w for t, w in terms if t in reference) / total if total else 1.0


def _is_speech(paragraph: str) -> bool:
    """Whether a paragraph is mostly someone's words in quotation marks."""
    quoted = sum(span.end - span.start for span in find_quoted(paragraph))
    return quoted >= _QUOTED_SHARE * len(paragraph)


_QUOTED_SHARE = 0.3  # a paragraph this much inside quotation marks is speech


def _runs(
    text: str,
    spans: list[tuple[int, int]],
    scores: list[float],
    speech: list[bool],
    config: OffTopicConfig,
) -> list[OffTopic]:
    total_words = len(text.split())
    found: list[OffTopic] = []
    i = config.lead_paragraphs
    while i < len(spans):
        if scores[i] >= config.shared:
            i += 1
            continue
        j = i
        while j + 1 < len(spans) and scores[j + 1] < config.shared:
            j += 1
        start, end = spans[i][0], spans[j][1]
        size = len(text[start:end].split())
        real_scores = [
            scores[k]
            for k in range(i, j + 1)
            if len(text[spans[k][0] : spans[k][1]].split()) >= 12 and not speech[k]
        ]
        real = len(real_scores)
        mean = sum(real_scores) / real if real else 1.0
        inside = j + 1 < len(spans)  # the article goes on about its story after the run
        if (
            config.min_words <= size <= config.max_share * total_words
            and mean < config.run_shared
            and real >= config.min_paragraphs + inside
        ):
            reason = (
                f"{real} paragraph(s) share {round(100 * mean)}% of their words and "
                "names with the rest of the story"
            )
            found.append(OffTopic(start, end, reason))
        i = j + 1
    return found
