"""What the story, article and entity pages show, as plain data built from the store.

Each `*_view` returns None when the thing asked for does not exist; the routes turn
that into a 404 with a message. Nothing here imports a web library.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsweave.jobs import brief_from_store
from newsweave.model import Article, Brief, Page, Quote, Story, to_dict
from newsweave.render.json import brief_to_dict
from newsweave.render.markdown import citation_numbers
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
    brief = brief_from_store(store, story.id)
    story = next(s for s in brief.stories if s.id == story.id)
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
class ArticleView:
    """Everything the article page shows."""

    article: Article
    page: Page | None
    stories: list[Story]
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
    stories = [s for s in store.stories() if article.id in s.articles]
    copies = [g for s in stories for g in s.duplicates if article.id in g]
    blocks, error = _explain(page)
    return ArticleView(article, page, stories, copies, blocks, error)


def _explain(page: Page | None) -> tuple[list[ExplainBlock], str | None]:
    """The page's lines in kept/removed runs, or the reason they cannot be shown."""
    if page is None:
        return [], "the raw page is not in the store"
    try:
        from newsweave.clean import explain_page

        verdicts = explain_page(page)
    except Exception as exc:  # the view is an aid: show why it is missing, keep the page
        return [], f"cannot explain this page: {type(exc).__name__}: {exc}"
    blocks: list[ExplainBlock] = []
    for verdict in verdicts:
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
    """The speaker's quotes, or the outlet's articles, with their stories; None if unknown."""
    if kind not in ENTITY_KINDS:
        return None
    stories = store.stories()
    articles = store.articles()
    if kind in NAMED_KINDS:
        return _named_view(kind, name, stories, articles)
    if kind == "speaker":
        quotes = [q for s in stories for q in s.quotes if q.speaker == name]
        ids = {q.article for q in quotes}
    else:
        quotes = []
        ids = {a.id for a in articles if a.outlet == name}
        quotes = [q for s in stories for q in s.quotes if q.article in ids]
    if not ids:
        return None
    members = [a for a in articles if a.id in ids]
    touched = [s for s in stories if ids & set(s.articles)]
    titles = {a.id: a.title or a.source for a in articles}
    return EntityView(kind, name, _unique_quotes(quotes), members, touched, titles)


def _named_view(
    kind: str, name: str, stories: list[Story], articles: list[Article]
) -> EntityView | None:
    """A person, place or organisation found by extraction: where it is mentioned, what it said."""
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
    touched = [story for story, _ in found]
    quotes = [q for story in touched for q in story.quotes if q.speaker in names]
    return EntityView(
        kind,
        name,
        _unique_quotes(quotes),
        [a for a in articles if a.id in ids],
        touched,
        {a.id: a.title or a.source for a in articles},
        aliases=sorted(names - {name}),
        roles=sorted({r for _, e in found for r in e.roles}),
    )


def entity_index(store: SQLiteStore) -> dict[str, list[dict[str, Any]]]:
    """Named people, places and organisations (by mentions); quoted speakers; outlets."""
    mentions: Counter[tuple[str, str]] = Counter()
    for story in store.stories():
        for entity in story.entities:
            kind = next((k for k, labels in NAMED_KINDS.items() if entity.kind in labels), None)
            if kind:
                mentions[(kind, entity.name)] += entity.mentions
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
    speakers = Counter(
        (q.speaker, q.text, q.article) for s in store.stories() for q in s.quotes if q.speaker
    )
    by_speaker = Counter(speaker for speaker, _, _ in speakers)
    outlets = Counter(a.outlet for a in store.articles() if a.outlet)
    return {
        "people": named["person"],
        "places": named["place"],
        "organisations": named["organisation"],
        "speakers": [{"name": n, "quotes": c} for n, c in sorted(by_speaker.items(), key=_rank)],
        "outlets": [{"name": n, "articles": c} for n, c in sorted(outlets.items(), key=_rank)],
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


def numbered(ids: list[str], numbers: dict[str, int]) -> list[tuple[int, str]]:
    """Citations as (number, article id), in number order, each article once."""
    return sorted((numbers[i], i) for i in set(ids) if i in numbers)
