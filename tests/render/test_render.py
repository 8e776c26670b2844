"""Renderers: the JSON contract, and page text escaped in Markdown and HTML."""

from __future__ import annotations

import json
import re

import pytest

from newsweave.errors import RenderError
from newsweave.model import (
    Article,
    Brief,
    Discrepancy,
    DiscrepancyValue,
    Dropped,
    Event,
    Figure,
    Quote,
    Story,
    SummarySentence,
    TimelineEntry,
)
from newsweave.render import render, validate_brief

XSS = '<script>window.pwned=1</script><img src=x onerror="alert(1)"></textarea>[click](javascript:alert(1))'


def hostile_brief() -> Brief:
    article = Article(
        id="a1",
        source=f"pages/{XSS}.txt",
        text=f"Body {XSS}\nSecond paragraph.",
        title=f"Title {XSS}",
        outlet=f"Outlet {XSS}",
        credits=[XSS],
        published="2025-04-02",
        language="en",
    )
    story = Story(
        id="s1",
        title=f"Story {XSS}",
        articles=["a1"],
        events=[Event(id="e1", title=XSS, date="2025-04", articles=["a1"])],
        timeline=[TimelineEntry(date="2025-04-02", text=XSS, sources=["a1"])],
        quotes=[Quote(text=XSS, speaker=XSS, article="a1")],
        figures=[Figure(value=3.0, text=XSS, counts=XSS, article="a1")],
        discrepancies=[
            Discrepancy(
                about=XSS,
                values=[DiscrepancyValue("1", XSS, ["a1"]), DiscrepancyValue("2", XSS, ["a1"])],
            )
        ],
        summary=[SummarySentence(text=XSS, sources=["a1"])],
    )
    return Brief(articles=[article], stories=[story], dropped=[Dropped(XSS, XSS)])


def test_json_follows_the_schema_and_keeps_text_verbatim() -> None:
    data = json.loads(render(hostile_brief(), "json"))
    validate_brief(data)
    assert data["schema"] == "newsweave.brief/1"
    assert data["articles"][0]["title"] == f"Title {XSS}"
    assert "figures" not in data["articles"][0]


def test_schema_rejects_a_broken_brief() -> None:
    data = json.loads(render(hostile_brief(), "json"))
    data["stories"][0]["summary"][0]["sources"] = []
    with pytest.raises(RenderError, match="summary/0/sources"):
        validate_brief(data)


def test_html_escapes_every_page_value() -> None:
    page = render(hostile_brief(), "html")
    assert "<script" not in page
    assert "<img" not in page
    assert 'onerror="' not in page
    assert "</textarea>" not in page
    assert "javascript:" not in re.findall(r'href="([^"]*)"', page).__str__()
    assert "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page


def test_markdown_escapes_links_and_html() -> None:
    text = render(hostile_brief(), "md")
    assert "<script>" not in text
    assert "](javascript:" not in text
    assert r"\<script\>" in text


def test_unknown_format_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="unknown format 'pdf'"):
        render(hostile_brief(), "pdf")
