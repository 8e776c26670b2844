"""Events within a story: articles about different happenings, split and ordered in time.

Within one story the shared vocabulary (places, people) says nothing about which
happening an article covers, so event vectors use an IDF counted over the story's
own articles: what is left are the words that set one article apart from the rest.
What happened is told in the title and the lead, so only the first words count.
Articles are then grouped incrementally in time order (single link, damped by the
time gap), like stories.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsweave.cluster.features import RawFeatures, Vector, normalise, raw_features
from newsweave.cluster.stream import ClusterConfig
from newsweave.model import Article, Event, content_id

_EVENT_FIELDS = ("body", "entity", "title")
_EVENT_WEIGHTS = {"body": 0.6, "entity": 0.25, "title": 0.15}


def split_events(articles: Sequence[Article], config: ClusterConfig) -> list[Event]:
    """Group a story's articles into events, each dated by its earliest article; oldest first."""
    raw = {a.id: _lead_features(a, config) for a in articles}
    ordered = sorted(articles, key=lambda a: time_key(a, raw[a.id].day))
    vectors = _story_vectors([raw[a.id] for a in ordered])
    groups: list[list[int]] = []
    for i in range(len(ordered)):
        best, best_score = None, -1.0
        for g, members in enumerate(groups):
            day = raw[ordered[i].id].day
            score = max(
                _similarity(vectors[i], vectors[j])
                * _decay(_gap(day, raw[ordered[j].id].day), config)
                - _undated_margin(day, raw[ordered[j].id].day, config)
                for j in members
            )
            if score > best_score:
                best, best_score = g, score
        if best is not None and best_score >= config.event_threshold:
            groups[best].append(i)
        else:
            groups.append([i])
    events = []
    for members in groups:
        group = [ordered[i] for i in members]
        dates = sorted(a.published for a in group if a.published)
        lead = group[0]
        events.append(
            Event(
                id="e" + content_id(lead.id)[:11],
                title=lead.title or " ".join(lead.text.split()[:12]),
                date=dates[0] if dates else None,
                articles=[a.id for a in group],
            )
        )
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def time_key(article: Article, day: int | None) -> tuple[bool, int, str]:
    """Sort key: dated articles oldest first, then undated ones, ties by id."""
    return (day is None, day or 0, article.id)


def _story_vectors(raws: list[RawFeatures]) -> list[dict[str, Vector]]:
    n = len(raws)
    df = {name: Counter(t for r in raws for t in r.counts[name]) for name in _EVENT_FIELDS}
    out = []
    for r in raws:
        vectors = {}
        for name in _EVENT_FIELDS:
            vectors[name] = normalise(
                {
                    t: (1 + math.log(c)) * math.log((1 + n) / (df[name][t]))
                    for t, c in r.counts[name].items()
                }
            )
        out.append(vectors)
    return out


def _similarity(a: dict[str, Vector], b: dict[str, Vector]) -> float:
    total = 0.0
    for name, weight in _EVENT_WEIGHTS.items():
        va, vb = a[name], b[name]
        if len(va) > len(vb):
            va, vb = vb, va
        total += weight * sum(w * vb.get(t, 0.0) for t, w in va.items())
    return total


def _lead_features(article: Article, config: ClusterConfig) -> RawFeatures:
    lead = " ".join(article.text.split()[: config.event_lead_words])
    return raw_features(replace(article, text=lead), config.features)


def _undated_margin(day: int | None, other: int | None, config: ClusterConfig) -> float:
    """How much more similarity two undated articles need: no time gap tells them apart."""
    if day is not None or other is not None:
        return 0.0
    return config.event_threshold_undated - config.event_threshold


def _gap(day: int | None, other: int | None) -> int:
    return 0 if day is None or other is None else abs(day - other)


def _decay(gap: int, config: ClusterConfig) -> float:
    return math.exp(-gap / config.event_decay_days)
