"""Hostile page text: every page of a store full of XSS payloads is inert markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")

from starlette.testclient import TestClient  # noqa: E402
from tests.web.web_helpers import xss_paths  # noqa: E402

from newsweave.render.markdown import http_url  # noqa: E402
from newsweave.web.app import create_app  # noqa: E402


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def client(xss_db: str) -> TestClient:
    return TestClient(create_app(xss_db), base_url="http://127.0.0.1")


def test_payloads_reach_the_store(client: TestClient) -> None:
    index = client.get("/api/entities").json()
    assert any("<img" in e["name"] for e in index["outlets"])
    titles = [s["title"] for s in client.get("/api/stories").json()["stories"]]
    assert any("<script>" in t for t in titles)


def test_every_page_is_inert_markup(client: TestClient) -> None:
    paths = xss_paths(client)
    assert len(paths) > 8
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        parser = _Tags()
        parser.feed(response.text)
        for tag, attrs in parser.tags:
            assert tag not in {"iframe", "object", "embed", "img", "textarea"}, (path, tag)
            if tag == "script":
                assert attrs == {"src": "/static/app.js", "defer": None}, path
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, attrs)
        assert "window.pwned" in response.text or path.startswith(("/?", "/entities"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x", "https://a.example/x"),
        ("http://a.example", "http://a.example"),
        ("javascript:alert(1)", None),
        ("  JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/x", None),
        ("https:alert(1)", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert http_url(url) == expected
