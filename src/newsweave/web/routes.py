"""HTML pages and their JSON twins under /api: each pair shares one view function.

Endpoints are plain functions, so Starlette runs them in its thread pool; each request
opens its own read-only store connection (SQLite in WAL mode lets it read while others
write) and reads only the rows it shows, through the store's indexes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from newsweave.store import SQLiteStore, open_store
from newsweave.web import openapi
from newsweave.web.queries import SORTS, StoryQuery, all_outlets, find_stories
from newsweave.web.views import article_view, entity_index, entity_view, story_view


class NotFound(Exception):
    """The story, article or entity asked for does not exist; the message says which."""


@contextmanager
def _store(request: Request) -> Iterator[SQLiteStore]:
    with open_store(request.app.state.db_path, readonly=True) as store:
        yield store


def _page(request: Request, template: str, context: dict[str, Any]) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


# -- story list ---------------------------------------------------------------
def _stories(request: Request) -> dict[str, Any]:
    query = StoryQuery.from_params(dict(request.query_params))
    with _store(request) as store:
        found = find_stories(store, query)
        outlets = all_outlets(store)
    return {"query": query, "stories": found.rows, "found": found, "outlets": outlets,
            "sorts": SORTS}  # fmt: skip


def stories_page(request: Request) -> Response:
    """The story list, with search, outlet and date filters and a sort order."""
    return _page(request, "stories.html", _stories(request))


def stories_api(request: Request) -> Response:
    """The story list as JSON: one page of the rows of `newsweave stories --json`."""
    data = _stories(request)
    return JSONResponse(
        {"query": data["query"].as_params(), "stories": data["stories"], **data["found"].api()}
    )


# -- one story ----------------------------------------------------------------
def _story(request: Request) -> Any:
    story_id = request.path_params["story_id"]
    with _store(request) as store:
        view = story_view(store, story_id)
    if view is None:
        raise NotFound(f"no single story matches {story_id!r}: see the story list at /")
    return view


def story_page(request: Request) -> Response:
    """A story: summary with citations, timeline chart, conflicts, quotes, lineage, sources."""
    return _page(request, "story.html", {"view": _story(request)})


def story_api(request: Request) -> Response:
    """A story's brief as JSON, as `newsweave show ID --format json` writes it."""
    return JSONResponse(_story(request).api())


# -- one article --------------------------------------------------------------
def _article(request: Request) -> Any:
    article_id = request.path_params["article_id"]
    with _store(request) as store:
        view = article_view(store, article_id)
    if view is None:
        raise NotFound(f"no article with id {article_id!r}: article ids are listed on story pages")
    return view


def article_page(request: Request) -> Response:
    """An article: clean text, metadata and its raw page with removed lines struck through."""
    return _page(request, "article.html", {"view": _article(request)})


def article_api(request: Request) -> Response:
    """An article, its raw page's metadata and the clean --explain lines, as JSON."""
    return JSONResponse(_article(request).api())


# -- entities -----------------------------------------------------------------
def _entities(request: Request) -> dict[str, Any]:
    with _store(request) as store:
        return entity_index(store)


def entities_page(request: Request) -> Response:
    """Every quoted speaker and every outlet."""
    return _page(request, "entities.html", {"index": _entities(request)})


def entities_api(request: Request) -> Response:
    """Every quoted speaker and every outlet, as JSON."""
    return JSONResponse(_entities(request))


def _entity(request: Request) -> Any:
    kind, name = request.path_params["kind"], request.path_params["name"]
    with _store(request) as store:
        view = entity_view(store, kind, name)
    if view is None:
        raise NotFound(f"no {kind} named {name!r}: see the list at /entities")
    return view


def entity_page(request: Request) -> Response:
    """A speaker's quotes or an outlet's articles, with their stories."""
    return _page(request, "entity.html", {"view": _entity(request)})


def entity_api(request: Request) -> Response:
    """A speaker or outlet page as JSON."""
    return JSONResponse(_entity(request).api())


def openapi_api(request: Request) -> Response:
    """The OpenAPI description of the JSON API."""
    return JSONResponse(openapi.SPEC)


def _route(path: str, endpoint: Callable[[Request], Response], name: str) -> Route:
    return Route(path, endpoint, methods=["GET"], name=name)


ROUTES = [
    _route("/", stories_page, "stories"),
    _route("/stories/{story_id}", story_page, "story"),
    _route("/articles/{article_id}", article_page, "article"),
    _route("/entities", entities_page, "entities"),
    _route("/entities/{kind}/{name:path}", entity_page, "entity"),
    _route("/api/stories", stories_api, "api_stories"),
    _route("/api/stories/{story_id}", story_api, "api_story"),
    _route("/api/articles/{article_id}", article_api, "api_article"),
    _route("/api/entities", entities_api, "api_entities"),
    _route("/api/entities/{kind}/{name:path}", entity_api, "api_entity"),
    _route("/api/openapi.json", openapi_api, "openapi"),
]
