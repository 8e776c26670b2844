"""What the story, article and entity pages show, as plain data built from the store.

Each `*_view` returns None when the thing asked for does not exist; the routes turn
that into a 404 with a message. Nothing here imports a web library.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsweave.analyze import make_brief
from newsweave.clean.config import LineVerdict
from newsweave.model import Article, Brief, Page, Quote, Story, from_dict, to_dict
from newsweave.render.json import brief_to_dict
from newsweave.render.markdown import citation_numbers, grouped_citations
from newsweave.render.overview import Overview, SaidValue, story_overview, who_said_when
from newsweave.render.timeline_svg import timeline_lanes
from newsweave.store import SQLiteStore
from newsweave.web.charts import timeline_chart

ENTITY_KINDS = ("speaker", "outlet", "person", "place", "organisation")
NAMED_KINDS = {  # the Entity.kind labels behind each named-entity page kind
    "person": {"PERSON"},
    "place": {"GPE", "LOC"},
    "organisation": {"ORG", "NORP"},
}


@dataclass(slots=True)
class LineageGroup:
    """A copy group: the likely original and the articles that copy it."""

    original: str
    copies: list[str]


@dataclass(slots=True)
class StoryView:
    """Everything the story page shows."""

    story: Story
    brief: Brief
    articles: dict[str, Article]
    numbers: dict[str, int]
    chart: str  # escaped HTML: the shared timeline chart
    lineage: list[LineageGroup]
    extra_lineage: list[dict[str, Any]] | None
    overview: Overview
    conflicts: list[tuple[Any, list[SaidValue]]]  # (Discrepancy, who said which value when)
    dated: list[Any]  # the timeline entries on the story's own time axis, oldest first

    def api(self) -> dict[str, Any]:
        """The JSON twin: the same data as `newsweave show ID --format json`."""
        return brief_to_dict(self.brief)


def story_view(store: SQLiteStore, story_id: str) -> StoryView | None:
    """The story with this id (or unique id prefix) and its brief, or None."""
    story = store.story(story_id)
    if story is None:
        return None
    brief = make_brief(store.articles(story.articles), [story])
    extra = getattr(story, "lineage", None)
    articles = {a.id: a for a in brief.articles}
    numbers = citation_numbers(brief)
    published = [articles[a].published or "" for a in story.articles if a in articles]
    return StoryView(
        story=story,
        brief=brief,
        articles=articles,
        numbers=numbers,
        chart=timeline_chart(story, articles, numbers),
        lineage=[LineageGroup(g[0], g[1:]) for g in story.duplicates if g],
        extra_lineage=[_plain(item) for item in extra] if extra else None,
        overview=story_overview(story, articles),
        conflicts=[(d, who_said_when(d, articles)) for d in story.discrepancies],
        dated=[e for p in timeline_lanes(story.timeline, published).main for e in p.entries],
    )


@dataclass(slots=True)
class ExplainBlock:
    """A run of consecutive lines that the cleaner all kept, or all removed."""

    kept: bool
    lines: list[Any]


@dataclass(slots=True)
class StoryRef:
    """A story as a link: its id and title."""

    id: str
    title: str


@dataclass(slots=True)
class ArticleView:
    """Everything the article page shows."""

    article: Article
    page: Page | None
    stories: list[StoryRef]
    copies: list[list[str]]
    explain: list[ExplainBlock]
    explain_error: str | None

    def api(self) -> dict[str, Any]:
        """The JSON twin: the article as in the JSON brief, its page and the explain lines."""
        data = to_dict(self.article)
        data.pop("figures", None)
        data.pop("quotes", None)
        page = None
        if self.page is not None:
            page = to_dict(self.page)
            page.pop("content")
        return {
            "article": data,
            "figures": to_dict(self.article.figures),
            "quotes": to_dict(self.article.quotes),
            "page": page,
            "stories": [{"id": s.id, "title": s.title} for s in self.stories],
            "copies": self.copies,
            "explain": [to_dict(line) for block in self.explain for line in block.lines],
            "explain_error": self.explain_error,
        }


def article_view(store: SQLiteStore, article_id: str) -> ArticleView | None:
    """The analysed article with this id, its raw page and the clean --explain lines, or None."""
    article = store.article(article_id)
    if article is None:
        return None
    page = store.page(article.id)
    found = store.stories_of_article(article.id)
    stories = [StoryRef(sid, title) for sid, title, _ in found]
    copies = [g for _, _, groups in found for g in groups if article.id in g]
    blocks, error = _explain(store, article.id)
    return ArticleView(article, page, stories, copies, blocks, error)


def _explain(store: SQLiteStore, article_id: str) -> tuple[list[ExplainBlock], str | None]:
    """The stored explanation's lines in kept/removed runs, or why there is none."""
    lines = store.explanation(article_id)
    if lines is None:
        return [], (
            "the cleaning explanation of this article is not in the store (it was analysed by "
            "an older newsweave, or loaded without its raw page): run `newsweave analyze` on "
            "the store to keep it"
        )
    blocks: list[ExplainBlock] = []
    for verdict in (from_dict(LineVerdict, line) for line in lines):
        if blocks and blocks[-1].kept == verdict.kept:
            blocks[-1].lines.append(verdict)
        else:
            blocks.append(ExplainBlock(verdict.kept, [verdict]))
    return blocks, None


@dataclass(slots=True)
class EntityView:
    """A speaker or an outlet: their quotes, articles and stories."""

    kind: str
    name: str
    quotes: list[Quote]
    articles: list[Article]
    stories: list[Story]
    titles: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def api(self) -> dict[str, Any]:
        """The JSON twin of the entity page."""
        return {
            "kind": self.kind,
            "name": self.name,
            "aliases": self.aliases,
            "roles": self.roles,
            "quotes": to_dict(self.quotes),
            "articles": [
                {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published}
                for a in self.articles
            ],  # fmt: skip
            "stories": [{"id": s.id, "title": s.title} for s in self.stories],
        }


def entity_view(store: SQLiteStore, kind: str, name: str) -> EntityView | None:
    """The speaker's quotes, or the outlet's articles, with their stories; None if unknown.

    Only the stories and articles involved are read, found through the store's index.
    """
    if kind not in ENTITY_KINDS:
        return None
    if kind in NAMED_KINDS:
        return _named_view(store, kind, name)
    if kind == "speaker":
        stories = store.stories_by_id(store.speaker_stories(name))
        quotes = [q for s in stories for q in s.quotes if q.speaker == name]
        ids = {q.article for q in quotes}
    else:
        ids = set(store.outlet_articles(name))
        stories = store.stories_by_id(store.stories_of_articles(ids))
        quotes = [q for s in stories for q in s.quotes if q.article in ids]
    if not ids:
        return None
    touched = [s for s in stories if ids & set(s.articles)]
    titles = store.article_titles(ids | {q.article for q in quotes})
    return EntityView(kind, name, _unique_quotes(quotes), store.articles(ids), touched, titles)


def _named_view(store: SQLiteStore, kind: str, name: str) -> EntityView | None:
    """A person, place or organisation found by extraction: where it is mentioned, what it said."""
    stories = store.stories_by_id(store.entity_stories(NAMED_KINDS[kind], name))
    found = [
        (story, e)
        for story in stories
        for e in story.entities
        if e.name == name and e.kind in NAMED_KINDS[kind]
    ]
    if not found:
        return None
    names = {name} | {alias for _, e in found for alias in e.aliases}
    ids = {a for _, e in found for a in e.articles}
    touched = list({story.id: story for story, _ in found}.values())
    quotes = [q for story in touched for q in story.quotes if q.speaker in names]
    return EntityView(
        kind,
        name,
        _unique_quotes(quotes),
        store.articles(ids),
        touched,
        store.article_titles(ids | {q.article for q in quotes}),
        aliases=sorted(names - {name}),
        roles=sorted({r for _, e in found for r in e.roles}),
    )


def entity_index(store: SQLiteStore) -> dict[str, list[dict[str, Any]]]:
    """Named people, places and organisations (by mentions); quoted speakers; outlets."""
    mentions: Counter[tuple[str, str]] = Counter()
    for label, name, count in store.entity_mentions():
        kind = next((k for k, labels in NAMED_KINDS.items() if label in labels), None)
        if kind:
            mentions[(kind, name)] += count
    named = {
        kind: [
            {"name": n, "mentions": c}
            for (k, n), c in sorted(
                mentions.items(), key=lambda item: (-item[1], item[0][1].casefold())
            )
            if k == kind
        ]
        for kind in NAMED_KINDS
    }
    return {
        "people": named["person"],
        "places": named["place"],
        "organisations": named["organisation"],
        "speakers": [
            {"name": n, "quotes": c} for n, c in sorted(store.speaker_counts(), key=_rank)
        ],
        "outlets": [
            {"name": n, "articles": c} for n, c in sorted(store.outlet_counts(), key=_rank)
        ],
    }


def _rank(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0].casefold())


def _unique_quotes(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple[str | None, str, str]] = set()
    unique = []
    for quote in quotes:
        key = (quote.speaker, quote.text, quote.article)
        if key not in seen:
            seen.add(key)
            unique.append(quote)
    return unique


def _plain(item: Any) -> dict[str, Any]:
    data = to_dict(item)
    return data if isinstance(data, dict) else {"value": data}


def cited(ids: list[str], numbers: dict[str, int]) -> tuple[list[tuple[int, str, int]], int]:
    """Citations as (number, article id, copies folded into it) and how many are left out."""
    shown, more = grouped_citations(ids, numbers)
    return [(numbers[i], i, copies) for i, copies in shown], more
