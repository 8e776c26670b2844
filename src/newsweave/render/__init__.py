"""Renderers: the brief as JSON, Markdown or a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.errors import RenderError
from newsweave.model import Brief
from newsweave.render.html import render_html
from newsweave.render.json import brief_schema, brief_to_dict, render_json, validate_brief
from newsweave.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}

__all__ = [
    "RENDERERS",
    "brief_schema",
    "brief_to_dict",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "validate_brief",
]


def render(brief: Brief, fmt: str) -> str:
    """Render `brief` in `fmt` ('json', 'md' or 'html')."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise RenderError(f"unknown format {fmt!r}: choose one of {', '.join(RENDERERS)}")
    return renderer(brief)
