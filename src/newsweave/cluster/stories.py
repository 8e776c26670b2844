"""Stories: incremental clustering of articles in time order, each split into events."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsweave.clean.dates import without_dateline
from newsweave.cluster.crosslingual import join_languages
from newsweave.cluster.events import split_events, time_key
from newsweave.cluster.features import RawFeatures, raw_features
from newsweave.cluster.followups import join_follow_ups
from newsweave.cluster.stream import ClusterConfig, StreamClusterer
from newsweave.model import Article, Event, Story
from newsweave.text import content_words, split_sentences


def cluster_stories(
    articles: Sequence[Article],
    config: ClusterConfig | None = None,
    advance: Callable[[int], None] | None = None,
) -> list[Story]:
    """Group articles into stories (incrementally, oldest first), each split into dated events.

    After the stream, `refine_rounds` batch rounds move articles that fit another story's
    final centroid better than their own (see StreamClusterer.refine); then stories made of
    two groups with little in common are split (`split_cut`, see cluster/split.py) and the
    refinement runs once more. Last, stories in different languages that share their
    names and numbers are joined (`cross_language`, see cluster/crosslingual.py), and so
    are a story's follow-ups: stories about the same subject, close in time (`follow_ups`,
    see cluster/followups.py). A follow-up keeps its own events: events are split within each
    part the follow-up join put together (their words already told them apart as stories).
    `advance`, if given, is called once per article placed (for a progress bar).
    Story and event ids derive from their first article, so they do not depend on input
    order and stay the same when newer articles are added. Stories are sorted by size.
    """
    config = config or ClusterConfig()
    raw = {a.id: raw_features(a, config.features) for a in articles}
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: time_key(a, raw[a.id].day))
    batch = config.refine_rounds > 0 or config.split_cut > 0
    clusterer = StreamClusterer(config, keep_vectors=batch)
    if config.prime_idf:
        for article in ordered:
            clusterer.df.add(raw[article.id])
    for article in ordered:
        clusterer.add(article)
        if advance is not None:
            advance(1)
    if config.refine_rounds > 0:
        clusterer.refine()
    if config.split_cut > 0 and clusterer.split() and config.refine_rounds > 0:
        clusterer.refine()  # articles may fit a part of a split story better
    by_id = {a.id: a for a in ordered}
    groups = []
    for linked in clusterer.linked():
        clusters = [clusterer.clusters[cid] for cid in linked]
        groups.append((clusters[0].id, [by_id[a] for c in clusters for a in c.members]))
    if config.cross_language is not None:
        joined = join_languages([members for _, members in groups], config.cross_language)
        groups = [_joined([groups[i] for i in part], raw) for part in joined]
    parts: dict[str, list[list[Article]]] = {sid: [members] for sid, members in groups}
    if config.follow_ups is not None:
        joined = join_follow_ups([members for _, members in groups], config.follow_ups)
        parts = {}
        for part in joined:
            sid, _ = _joined([groups[i] for i in part], raw)
            parts[sid] = [groups[i][1] for i in part]
        groups = [(sid, [a for p in found for a in p]) for sid, found in parts.items()]
    stories = []
    for story_id, found in groups:
        members = sorted(found, key=lambda a: time_key(a, raw[a.id].day))
        events = _events(parts[story_id], raw, config)
        stories.append(
            Story(
                id=story_id,
                title=story_title(members, events),
                articles=[a.id for a in members],
                events=events,
            )
        )
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))


def _events(
    parts: Sequence[Sequence[Article]], raw: dict[str, RawFeatures], config: ClusterConfig
) -> list[Event]:
    """The events of a story made of `parts` (its follow-ups), split within each part; oldest first."""
    events = [
        e
        for part in parts
        for e in split_events(sorted(part, key=lambda a: time_key(a, raw[a.id].day)), config)
    ]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def copies_within(
    groups: Sequence[Sequence[str]], stories: Sequence[Sequence[str]]
) -> list[list[list[str]]]:
    """For each story (its article ids), the copy groups' members in it, where more than one:
    each group read once through an article -> story index, in time linear in the corpus."""
    story_of: dict[str, list[int]] = {}
    for n, articles in enumerate(stories):
        for article in dict.fromkeys(articles):
            story_of.setdefault(article, []).append(n)
    out: list[list[list[str]]] = [[] for _ in stories]
    for group in groups:
        kept: dict[int, list[str]] = {}
        for article in group:
            for n in story_of.get(article, ()):
                kept.setdefault(n, []).append(article)
        for n, members in kept.items():
            if len(members) > 1:
                out[n].append(members)
    return out


_TITLES_COMPARED = 50  # a story's title is chosen among its first titled articles
_HEADLINE_WORDS = 25  # a longer "title" is a paragraph taken for one


def story_title(members: Sequence[Article], events: Sequence[Event] = ()) -> str:
    """The title most like the other titles of the story's largest event (of the story, without
    `events`; the earliest of a tie; a wording counts once, whatever its copies; a headline
    longer than a headline is a last resort); without any title, the lead sentence of the
    earliest article, without its dateline, cut at 20 words."""
    titled = {a.id for a in members if a.title}
    largest = max(
        (e for e in events if titled.intersection(e.articles)),
        key=lambda e: len(e.articles),
        default=None,
    )
    pool = [a for a in members if largest is None or a.id in largest.articles]
    short = [a for a in pool if a.title and len(a.title.split()) <= _HEADLINE_WORDS]
    titles = list(dict.fromkeys(a.title for a in short or pool if a.title))[:_TITLES_COMPARED]
    if titles:  # each wording once: copies of one article do not vote for its title
        words = [set(content_words(t)) for t in titles]
        shared = [sum(len(w & other) for other in words) - len(w) for w in words]
        return titles[max(range(len(titles)), key=lambda i: (shared[i], -i))]
    sentences = split_sentences(members[0].text) if members else []
    lead = without_dateline(sentences[0]) if sentences else ""
    cut = lead.split()
    return " ".join(cut[:20]) + (" …" if len(cut) > 20 else "")


def _joined(
    parts: list[tuple[str, list[Article]]], raw: dict[str, RawFeatures]
) -> tuple[str, list[Article]]:
    """Stories joined (across languages, or with follow-ups): the id of the earliest part."""
    first = min(parts, key=lambda part: min(time_key(a, raw[a.id].day) for a in part[1]))
    return first[0], [a for _, members in parts for a in members]
