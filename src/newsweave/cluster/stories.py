"""Stories and events: connected components of TF-IDF similarity between articles.

A first, whole-corpus method: two articles are linked when the cosine of their
TF-IDF vectors (title words counted twice) reaches a threshold; each connected
component is a story. Within a story, a higher threshold splits it into events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.model import Article, Event, Story, content_id
from newsweave.text import content_words


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Tunables of story and event clustering."""

    story_threshold: float = 0.25
    event_threshold: float = 0.5


def cluster_stories(
    articles: Sequence[Article], config: ClusterConfig | None = None
) -> list[Story]:
    """Group articles into stories, each split into dated events; stories sorted by size."""
    config = config or ClusterConfig()
    if not articles:
        return []
    ordered = sorted(articles, key=lambda a: a.id)
    similarity = _similarity(ordered)
    stories = []
    for members in _components(similarity, range(len(ordered)), config.story_threshold):
        story_articles = [ordered[i] for i in members]
        events = _events(
            story_articles, [[similarity[i][j] for j in members] for i in members], config
        )
        lead = _earliest(story_articles)
        stories.append(
            Story(
                id="s" + content_id(" ".join(sorted(a.id for a in story_articles)))[:11],
                title=lead.title or _first_words(lead.text),
                articles=[a.id for a in _by_date(story_articles)],
                events=events,
            )
        )
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))


def _similarity(articles: Sequence[Article]) -> list[list[float]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = [
        " ".join(content_words(f"{a.title or ''} {a.title or ''} {a.text}")) for a in articles
    ]
    if not any(documents):
        return [
            [1.0 if i == j else 0.0 for j in range(len(articles))] for i in range(len(articles))
        ]
    matrix = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+").fit_transform(documents)
    return (matrix @ matrix.T).toarray().tolist()


def _components(
    similarity: list[list[float]], members: range | list[int], threshold: float
) -> list[list[int]]:
    members = list(members)
    seen: set[int] = set()
    groups = []
    for start in members:
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other in members:
                if other not in seen and similarity[node][other] >= threshold:
                    seen.add(other)
                    todo.append(other)
        groups.append(sorted(group))
    return groups


def _events(
    articles: list[Article], similarity: list[list[float]], config: ClusterConfig
) -> list[Event]:
    events = []
    for members in _components(similarity, range(len(articles)), config.event_threshold):
        group = [articles[i] for i in members]
        lead = _earliest(group)
        events.append(
            Event(
                id="e" + content_id(" ".join(sorted(a.id for a in group)))[:11],
                title=lead.title or _first_words(lead.text),
                date=min((a.published for a in group if a.published), default=None),
                articles=[a.id for a in _by_date(group)],
            )
        )
    return sorted(events, key=lambda e: (e.date or "9999", e.id))


def _by_date(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or "9999", a.id))


def _earliest(articles: Sequence[Article]) -> Article:
    return _by_date(articles)[0]


def _first_words(text: str, n: int = 12) -> str:
    return " ".join(text.split()[:n])
