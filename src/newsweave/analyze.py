"""The default analysis: the ordered stages that turn pages into stories, and the brief."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from newsweave.clean import clean_pages
from newsweave.cluster import cluster_stories, copies_within
from newsweave.cluster.offtopic import mark_offtopic, on_topic_text
from newsweave.compare import compare_figures, find_claims, note_disputes
from newsweave.dedup import (
    IndependenceConfig,
    LineageConfig,
    copy_relations,
    duplicate_groups,
    find_rewrites,
    find_translations,
    lineage_groups,
    source_groups,
)
from newsweave.dedup.representatives import (
    add_copies,
    cite_copies,
    copies_of,
    fold_groups,
    representatives,
)
from newsweave.extract import ExtractConfig, extract_articles, resolve_story
from newsweave.model import Article, Brief, Dropped, Page, Story
from newsweave.pipeline import (
    CorpusFn,
    Pipeline,
    Progress,
    RunReport,
    Stage,
    corpus_stage,
    map_stage,
)
from newsweave.summarize import build_timeline, summarize
from newsweave.summarize.dating import (
    bound_by_events,
    complete_datelines,
    date_events,
    retie_events,
)


@dataclass(slots=True)
class Analysis:
    """What one analysis run produced, with its per-stage report."""

    articles: list[Article]
    stories: list[Story]
    report: RunReport


def default_stages(
    extract: ExtractConfig | None = None,
    lineage: LineageConfig | None = None,
    independence: IndependenceConfig | None = None,
) -> list[Stage]:
    """The stages of a full analysis, in order; the configs pick entity backend, thresholds."""
    return [
        map_stage("clean", clean_pages, needs="pages", adds="articles"),
        map_stage(
            "extract", partial(extract_articles, config=extract), needs="articles", adds="articles"
        ),
        corpus_stage("dedup", _dedup, needs=["articles"], adds=["copies"], total="articles"),
        corpus_stage(
            "cluster", _cluster, needs=["articles", "copies"], adds=["stories"], total="articles"
        ),
        _per_story("date", _date, adds="articles"),
        _per_story(
            "lineage",
            partial(_lineage, config=lineage, independence=independence),
            adds="stories",
        ),
        _per_story("offtopic", _offtopic, adds="articles"),
        _per_story("compare", _compare, adds="stories"),
        _per_story("resolve", _resolve, adds="stories"),
        _per_story("summarize", _summarize, adds="stories"),
        _per_story("bound", _bound, adds="articles"),
    ]


def analyze(
    pages: Sequence[Page],
    progress: Progress | None = None,
    extract: ExtractConfig | None = None,
    independence: IndependenceConfig | None = None,
) -> Analysis:
    """Run every default stage over `pages`."""
    stages = default_stages(extract, independence=independence)
    data, report = Pipeline(stages).run({"pages": list(pages)}, progress)
    return Analysis(articles=data["articles"], stories=data["stories"], report=report)


def make_brief(
    articles: Sequence[Article], stories: Sequence[Story], dropped: Sequence[Dropped] = ()
) -> Brief:
    """Assemble the brief record that every renderer takes."""
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.source))
    return Brief(articles=ordered, stories=list(stories), dropped=list(dropped))


Advance = Callable[[int], None]


def _per_story(name: str, fn: CorpusFn, adds: str) -> Stage:
    """A corpus stage that walks the stories, one progress step per story."""
    return corpus_stage(name, fn, needs=["stories", "articles"], adds=[adds], total="stories")


def _dedup(articles: list[Article], advance: Advance) -> dict[str, Any]:
    groups = duplicate_groups(articles)
    advance(len(articles))
    return {"copies": groups}


def _cluster(articles: list[Article], copies: list[list[str]], advance: Advance) -> dict[str, Any]:
    folded = fold_groups(copies)
    kept = set(representatives([a.id for a in articles], folded))
    advance(len(articles) - len(kept))  # copies are placed with their representative
    stories = cluster_stories([a for a in articles if a.id in kept], advance=advance)
    stories = [add_copies(s, folded) for s in stories]
    within = copies_within(copies, [s.articles for s in stories])
    return {"stories": [replace(s, duplicates=d) for s, d in zip(stories, within, strict=True)]}


def _lineage(
    stories: list[Story],
    articles: list[Article],
    advance: Advance,
    config: LineageConfig | None = None,
    independence: IndependenceConfig | None = None,
) -> dict[str, Any]:
    by_id = {a.id: a for a in articles}
    out = []
    for story in stories:
        members = [by_id[a] for a in story.articles]
        relations = copy_relations(members, story.duplicates, config)
        relations += find_rewrites(members, relations, config)
        relations += find_translations(members, relations, config)
        groups = [g for g in lineage_groups(story.articles, relations) if len(g) > 1]
        sources = source_groups(members, relations, independence)
        out.append(replace(story, lineage=relations, duplicates=groups, sources=sources))
        advance(1)
    return {"stories": out}


def _update_articles(
    stories: list[Story],
    articles: list[Article],
    advance: Advance,
    update: Callable[[list[Article]], Iterable[Article]],
) -> dict[str, Any]:
    """Articles as `update` rewrites them, story by story (it returns the ones it changed)."""
    by_id = {a.id: a for a in articles}
    for story in stories:
        for changed in update([by_id[a] for a in story.articles]):
            by_id[changed.id] = changed
        advance(1)
    return {"articles": [by_id[a.id] for a in articles]}


def _offtopic(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    return _update_articles(stories, articles, advance, mark_offtopic)


def _resolve(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    by_id = {a.id: a for a in articles}
    out = []
    for story in stories:
        out.append(resolve_story(story, [by_id[i] for i in story.articles if i in by_id]))
        advance(1)
    return {"stories": out}


def _on_topic(article: Article) -> Article:
    """The article as one story's analysis should read it: off-topic passages left out."""
    if not article.offtopic:
        return article
    text = on_topic_text(article)
    return replace(
        article,
        text=text,
        figures=[f for f in article.figures if f.sentence in text],
        quotes=[q for q in article.quotes if q.sentence in text],
    )


def _each_story(
    stories: list[Story],
    articles: list[Article],
    update: Callable[[Story, list[Article]], Story],
    advance: Advance,
) -> dict[str, Any]:
    """Apply `update` to every story with one article per copy group, off-topic passages left out.

    Copies that repeat their original's text are not read again: what `update` finds is
    credited to them wherever their original is cited (see dedup/representatives.py).
    """
    by_id = {a.id: _on_topic(a) for a in articles}
    out = []
    for story in stories:
        folded = copies_of(story.lineage)
        members = [by_id[a] for a in representatives(story.articles, folded)]
        out.append(cite_copies(update(story, members), folded))
        advance(1)
    return {"stories": out}


def _compare(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    by_id = {a.id: _on_topic(a) for a in articles}

    def update(story: Story, members: list[Article]) -> Story:
        conflicts, tallies = compare_figures(members, _one_source(story))
        return replace(
            story,
            discrepancies=conflicts,
            tallies=tallies,
            claims=find_claims(members, _one_source(story), story.events),
        )

    compared = _each_story(stories, articles, update, advance)["stories"]
    return {
        "stories": [
            replace(
                story,
                figures=[f for a in story.articles for f in by_id[a].figures],
                quotes=[q for a in story.articles for q in by_id[a].quotes],
            )
            for story in compared
        ]
    }


def _date(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    """Publication dates the story completes (a dateline's missing year)."""
    return _update_articles(stories, articles, advance, complete_datelines)


def _summarize(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    def update(story: Story, members: list[Article]) -> Story:
        timeline = build_timeline(members, story.events, story.duplicates)
        events = date_events(story.events, timeline, members)
        timeline, claims = retie_events(timeline, story.claims, story.events, events)
        return replace(
            story,
            events=events,
            timeline=timeline,
            claims=claims,
            summary=note_disputes(summarize(members, story.duplicates), story.discrepancies),
        )

    return _each_story(stories, articles, update, advance)


def _bound(stories: list[Story], articles: list[Article], advance: Advance) -> dict[str, Any]:
    """Undated articles' publication ranges start no earlier than the event they report."""
    by_id = {a.id: a for a in articles}
    for story in stories:
        for bounded in bound_by_events([by_id[a] for a in story.articles], story.events):
            by_id[bounded.id] = bounded
        advance(1)
    return {"articles": [by_id[a.id] for a in articles]}


def _one_source(story: Story) -> list[list[str]]:
    """The groups of a story's articles that count as one source (copies, outlet, wire)."""
    if not story.sources:
        return story.duplicates
    return [g.articles for g in story.sources if len(g.articles) > 1]
