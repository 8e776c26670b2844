"""The story list: search by words and names, filter by outlet and dates, sort."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

from newsweave.errors import InputError
from newsweave.store import SQLiteStore

SORTS = ("size", "recent")
PER_PAGE = 50  # stories per page of the list, unless asked otherwise
MAX_PER_PAGE = 500
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class StoryQuery:
    """What the story list is asked for: words, an outlet, a date range and a sort order."""

    q: str = ""
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "size"
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_params(cls, params: dict[str, str]) -> StoryQuery:
        """Read and check the query-string parameters; InputError says what is wrong."""
        query = cls(
            q=params.get("q", "").strip(),
            outlet=params.get("outlet", "").strip(),
            date_from=params.get("from", "").strip(),
            date_to=params.get("to", "").strip(),
            sort=params.get("sort", "size").strip() or "size",
            page=_count(params, "page", 1, 1, 10**9),
            per_page=_count(params, "per_page", PER_PAGE, 1, MAX_PER_PAGE),
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

    def link(self, page: int) -> str:
        """The query string of another page of the same list."""
        params = {k: v for k, v in self.as_params().items() if v and (k, v) != ("sort", "size")}
        if page > 1:
            params["page"] = str(page)
        if self.per_page != PER_PAGE:
            params["per_page"] = str(self.per_page)
        return "?" + urlencode(params) if params else "?"


def _count(params: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    """A whole-number parameter between `low` and `high`; InputError if it is not one."""
    value = params.get(name, "").strip()
    if not value:
        return default
    if (
        not (value.isascii() and value.isdigit() and len(value) < 12)
        or not low <= int(value) <= high
    ):
        raise InputError(f"bad {name} {value!r}: use a whole number from {low} to {high}")
    return int(value)


@dataclass(slots=True)
class StoryPage:
    """One page of the story list: its rows, how many stories match, and where it is."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """How many pages the matching stories fill (at least one)."""
        return max(1, -(-self.total // self.per_page))

    def api(self) -> dict[str, Any]:
        """Where this page is, as the API reports it."""
        return {"total": self.total, "page": self.page, "per_page": self.per_page,
                "pages": self.pages}  # fmt: skip


def find_stories(store: SQLiteStore, query: StoryQuery) -> StoryPage:
    """The rows of the stories that match `query`, in its sort order, one page of them."""
    rows, total = store.story_rows(
        words=query.q.casefold().split(),
        outlet=query.outlet,
        date_from=query.date_from,
        date_to=query.date_to,
        sort=query.sort,
        limit=query.per_page,
        offset=(query.page - 1) * query.per_page,
    )
    return StoryPage(rows, total, query.page, query.per_page)


def all_outlets(store: SQLiteStore) -> list[str]:
    """Every outlet of an analysed article, sorted."""
    return store.outlets()
