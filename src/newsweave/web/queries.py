"""The story list: search by words and names, filter by outlet and dates, sort."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from newsweave.errors import InputError
from newsweave.jobs import story_rows
from newsweave.model import Article, Story
from newsweave.store import SQLiteStore

SORTS = ("size", "recent")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class StoryQuery:
    """What the story list is asked for: words, an outlet, a date range and a sort order."""

    q: str = ""
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "size"

    @classmethod
    def from_params(cls, params: dict[str, str]) -> StoryQuery:
        """Read and check the query-string parameters; InputError says what is wrong."""
        query = cls(
            q=params.get("q", "").strip(),
            outlet=params.get("outlet", "").strip(),
            date_from=params.get("from", "").strip(),
            date_to=params.get("to", "").strip(),
            sort=params.get("sort", "size").strip() or "size",
        )
        for name, value in (("from", query.date_from), ("to", query.date_to)):
            if value and not _DATE.match(value):
                raise InputError(f"bad date {value!r} for '{name}': use YYYY-MM-DD")
        if query.sort not in SORTS:
            raise InputError(f"bad sort {query.sort!r}: use one of {', '.join(SORTS)}")
        return query

    def as_params(self) -> dict[str, str]:
        """The query as the API reports it back."""
        data = asdict(self)
        return {"q": data["q"], "outlet": data["outlet"], "from": data["date_from"],
                "to": data["date_to"], "sort": data["sort"]}  # fmt: skip


def find_stories(store: SQLiteStore, query: StoryQuery) -> list[dict[str, Any]]:
    """The rows of the stories that match `query`, in its sort order."""
    articles = {a.id: a for a in store.articles()}
    stories = {s.id: s for s in store.stories()}
    words = query.q.casefold().split()
    rows = []
    for row in story_rows(store):
        if words and not _has_words(stories[row["id"]], articles, words):
            continue
        if query.outlet and query.outlet not in row["outlets"]:
            continue
        if not _in_range(row, query.date_from, query.date_to):
            continue
        rows.append(row)
    if query.sort == "recent":
        rows.sort(key=lambda r: (r["last"] or "", r["articles"]), reverse=True)
    return rows


def all_outlets(store: SQLiteStore) -> list[str]:
    """Every outlet of an analysed article, sorted."""
    return sorted({a.outlet for a in store.articles() if a.outlet})


def _has_words(story: Story, articles: dict[str, Article], words: list[str]) -> bool:
    """Every word occurs in the titles, texts, outlets, quote speakers or entity names."""
    parts = [story.title]
    for article_id in story.articles:
        article = articles.get(article_id)
        if article:
            parts += [article.title or "", article.text, article.outlet or ""]
    parts += [q.speaker or "" for q in story.quotes]
    for entity in getattr(story, "entities", None) or []:  # named entities, once extracted
        parts += [getattr(entity, "name", ""), *getattr(entity, "aliases", [])]
    haystack = "\n".join(parts).casefold()
    return all(word in haystack for word in words)


def _in_range(row: dict[str, Any], date_from: str, date_to: str) -> bool:
    """The story's date span overlaps [date_from, date_to] (prefix dates compare as ranges)."""
    if not (date_from or date_to):
        return True
    first, last = row["first"], row["last"]
    if first is None:
        return False
    if date_from and last < date_from:
        return False
    return not (date_to and first[: len(date_to)] > date_to)
