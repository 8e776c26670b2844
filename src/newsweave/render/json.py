"""The JSON brief (`newsweave.brief/1`) and its published JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from newsweave.errors import RenderError
from newsweave.model import Brief, to_dict

_ARTICLE_ONLY_IN_STORIES = ("figures", "quotes")


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as JSON-ready data; figures and quotes appear once, under their stories."""
    data = to_dict(brief)
    for article in data["articles"]:
        for key in _ARTICLE_ONLY_IN_STORIES:
            article.pop(key, None)
    for dropped in data["dropped"]:
        dropped.pop("stage", None)
    return {"schema": data.pop("schema"), **data}


def render_json(brief: Brief) -> str:
    """The brief as indented JSON text."""
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def brief_schema() -> dict[str, Any]:
    """The JSON Schema of the brief, as shipped in the package."""
    text = resources.files("newsweave.render").joinpath("brief.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_brief(data: dict[str, Any]) -> None:
    """Raise RenderError if `data` does not follow the brief's JSON Schema."""
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(brief_schema()).iter_errors(data), key=str)
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise RenderError(f"brief does not follow its schema at {where}: {first.message}")
