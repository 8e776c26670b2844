"""The OpenAPI 3.1 description of the JSON API, written by hand (it is small)."""

from __future__ import annotations

from typing import Any

from newsweave import __version__
from newsweave.web.views import ENTITY_KINDS


def _get(summary: str, params: list[dict[str, Any]], schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                "400": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
            },
        }
    }


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string"}}  # fmt: skip


def _query_param(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "string", **schema}}  # fmt: skip


_STRINGS = {"type": "array", "items": {"type": "string"}}
_STORY_ROW = {
    "type": "object",
    "required": ["id", "title", "articles", "events", "first", "last", "outlets"],
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "articles": {"type": "integer"},
        "events": {"type": "integer"},
        "first": {"type": ["string", "null"]},
        "last": {"type": ["string", "null"]},
        "outlets": _STRINGS,
    },
}
_OBJECT = {"type": "object"}
_KIND = _path_param("kind", "person, place, organisation, speaker or outlet")
_KIND["schema"] = {"type": "string", "enum": list(ENTITY_KINDS)}

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "newsweave",
        "version": __version__,
        "description": "Read-only JSON twins of the newsweave web UI's pages.",
    },
    "paths": {
        "/api/stories": _get(
            "Stories, as `newsweave stories --json` lists them, searched, filtered and paged",
            [
                _query_param(
                    "q", "words that must all occur in titles, texts, outlets or speakers"
                ),
                _query_param("outlet", "only stories with an article from this outlet"),
                _query_param(
                    "from", "only stories with an article on or after this date (YYYY-MM-DD)"
                ),
                _query_param(
                    "to", "only stories with an article on or before this date (YYYY-MM-DD)"
                ),
                _query_param(
                    "sort", "largest first, or most recent first", enum=["size", "recent"]
                ),
                _query_param("page", "which page of the list (from 1)", pattern="^[0-9]+$"),
                _query_param(
                    "per_page", "stories per page (1 to 500; default 50)", pattern="^[0-9]+$"
                ),
            ],
            {
                "type": "object",
                "properties": {
                    "query": _OBJECT,
                    "stories": {"type": "array", "items": _STORY_ROW},
                    "total": {"type": "integer", "description": "stories matching, all pages"},
                    "page": {"type": "integer"},
                    "per_page": {"type": "integer"},
                    "pages": {"type": "integer"},
                },
            },
        ),  # fmt: skip
        "/api/stories/{story_id}": _get(
            "One story's brief (schema newsweave.brief/1), as `newsweave show ID --format json`",
            [_path_param("story_id", "a story id or a unique prefix of one")],
            {"$ref": "https://newsweave.example/schemas/brief.schema.json"},
        ),
        "/api/articles/{article_id}": _get(
            "One article, its raw page's metadata and every page line kept or removed",
            [_path_param("article_id", "an article id")],
            {
                "type": "object",
                "required": ["article", "page", "stories", "explain"],
                "properties": {
                    "article": _OBJECT,
                    "page": {"type": ["object", "null"]},
                    "stories": {"type": "array"},
                    "copies": {"type": "array"},
                    "explain": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "text": {"type": "string"},
                                "kept": {"type": "boolean"},
                                "reason": {"type": "string"},
                            },
                        },
                    },
                    "explain_error": {"type": ["string", "null"]},
                },
            },
        ),  # fmt: skip
        "/api/entities": _get(
            "Named people, places and organisations, quoted speakers and outlets, with counts",
            [],
            {
                "type": "object",
                "properties": {"speakers": {"type": "array"}, "outlets": {"type": "array"}},
            },
        ),  # fmt: skip
        "/api/entities/{kind}/{name}": _get(
            "A person, place, organisation, speaker or outlet: its quotes, articles and stories",
            [_KIND, _path_param("name", "the speaker's or outlet's name, URL-encoded")],
            {"type": "object", "required": ["kind", "name", "quotes", "articles", "stories"]},
        ),
        "/api/openapi.json": _get("This description", [], _OBJECT),
    },
    "components": {
        "responses": {
            "Error": {
                "description": "What was wrong, in one line",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["error", "status"],
                            "properties": {
                                "error": {"type": "string"},
                                "status": {"type": "integer"},
                            },
                        }
                    }
                },
            }  # fmt: skip
        }
    },
}
