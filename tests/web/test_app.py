"""The web UI and JSON API through the ASGI test client."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")

from starlette.testclient import TestClient  # noqa: E402
from tests.helpers import run  # noqa: E402

from newsweave.errors import InputError  # noqa: E402
from newsweave.web.app import CSP, create_app  # noqa: E402
from newsweave.web.openapi import SPEC  # noqa: E402


def _html(text: str) -> str:
    """Text as Jinja2's autoescape writes it."""
    return text.replace("'", "&#39;")


@pytest.fixture(scope="module")
def client(example_db: str) -> TestClient:
    return TestClient(create_app(example_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def stories(client: TestClient) -> list[dict]:
    return client.get("/api/stories").json()["stories"]


@pytest.fixture(scope="module")
def dam(stories: list[dict]) -> dict:
    """The Corvel Dam story (the largest of the example)."""
    return max(stories, key=lambda s: s["articles"])


def test_story_list_shows_every_story(client: TestClient, stories: list[dict]) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for story in stories:
        assert f'href="/stories/{story["id"]}"' in page.text


def test_api_stories_is_the_cli_json(client: TestClient, example_db: str) -> None:
    code, out, _ = run("stories", "--json", "--db", example_db)
    assert code == 0
    assert client.get("/api/stories").json()["stories"] == [json.loads(x) for x in out.splitlines()]


def test_api_story_is_the_cli_json(client: TestClient, example_db: str, dam: dict) -> None:
    code, out, _ = run("show", dam["id"], "--format", "json", "--db", example_db)
    assert code == 0
    assert client.get(f"/api/stories/{dam['id']}").json() == json.loads(out)
    assert client.get(f"/api/stories/{dam['id'][:5]}").json() == json.loads(out)


@pytest.mark.parametrize(
    "path", ["/", "/api/stories", "/static/style.css", "/static/app.js", "/nowhere", "/api/x"]
)
def test_every_response_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_search_filters_and_sort(client: TestClient, dam: dict, stories: list[dict]) -> None:
    def ids(**params: str) -> list[str]:
        response = client.get("/api/stories", params=params)
        assert response.status_code == 200
        return [s["id"] for s in response.json()["stories"]]

    assert dam["id"] in ids(q="corvel dam")
    assert ids(q="corvel quellmouth tram zebra") == []
    speaker = client.get(f"/api/stories/{dam['id']}").json()["stories"][0]["quotes"][0]["speaker"]
    assert dam["id"] in ids(q=speaker)
    outlet = dam["outlets"][0]
    assert all(outlet in s["outlets"] for s in stories if s["id"] in ids(outlet=outlet))
    assert dam["id"] in ids(outlet=outlet)
    assert ids(**{"from": "2999-01-01"}) == []
    assert ids(to="1900-01-01") == []
    assert set(ids(**{"from": "2025-03-01", "to": "2026-12-31"})) == {s["id"] for s in stories}
    recent = client.get("/api/stories", params={"sort": "recent"}).json()["stories"]
    lasts = [s["last"] or "" for s in recent]
    assert lasts == sorted(lasts, reverse=True)


@pytest.mark.parametrize(
    ("params", "message"),
    [({"from": "yesterday"}, "bad date 'yesterday'"), ({"sort": "random"}, "bad sort 'random'")],
)
def test_bad_query_is_a_clear_400(client: TestClient, params: dict, message: str) -> None:
    assert _html(message) in client.get("/", params=params).text
    response = client.get("/api/stories", params=params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_story_page_has_every_section(client: TestClient, dam: dict) -> None:
    page = client.get(f"/stories/{dam['id']}")
    assert page.status_code == 200
    for marker in (
        'id="summary"',
        'class="cite" href="/articles/',
        'class="tl-chart"',
        'class="tl-mark"',
        '<table class="conflicts cards">',
        '<table class="quotes cards">',
        'id="details"',
        'id="lineage"',
        '<ol class="sources">',
    ):
        assert marker in page.text, marker
    assert f'href="/api/stories/{dam["id"]}"' in page.text


def test_article_page_shows_text_metadata_and_explain(client: TestClient, dam: dict) -> None:
    brief = client.get(f"/api/stories/{dam['id']}").json()
    article = brief["articles"][0]
    page = client.get(f"/articles/{article['id']}")
    assert page.status_code == 200
    assert 'id="explain"' in page.text
    data = client.get(f"/api/articles/{article['id']}").json()
    assert data["article"] == article
    assert data["page"]["id"] == article["id"]
    assert dam["id"] in [s["id"] for s in data["stories"]]
    if data["explain_error"] is None:  # explain_page is the clean stage's; show its failure
        assert {line["kept"] for line in data["explain"]} == {True, False}
        assert "<del>" in page.text and '<details class="removed" open>' in page.text
    else:
        assert "cannot explain this page" in page.text


def test_entity_pages(client: TestClient, dam: dict) -> None:
    index = client.get("/api/entities").json()
    assert index["speakers"] and index["outlets"]
    assert client.get("/entities").status_code == 200
    speaker = index["speakers"][0]["name"]
    data = client.get(f"/api/entities/speaker/{speaker}").json()
    assert data["quotes"] and all(q["speaker"] == speaker for q in data["quotes"])
    assert client.get(f"/entities/speaker/{speaker}").status_code == 200
    outlet = dam["outlets"][0]
    data = client.get("/api/entities/outlet/" + outlet.replace(" ", "%20")).json()
    assert all(a["outlet"] == outlet for a in data["articles"])
    assert dam["id"] in [s["id"] for s in data["stories"]]


def test_named_entity_pages(client: TestClient, dam: dict) -> None:
    index = client.get("/api/entities").json()
    assert index["people"] and index["places"]
    person = index["people"][0]["name"]
    data = client.get(f"/api/entities/person/{quote(person, safe='')}").json()
    assert data["kind"] == "person" and data["stories"] and data["articles"]
    page = client.get(f"/entities/person/{quote(person, safe='')}")
    assert page.status_code == 200 and person in page.text
    place = index["places"][0]["name"]
    assert client.get(f"/api/entities/place/{quote(place, safe='')}").json()["articles"]
    assert client.get("/entities/person/Nobody%20Atall").status_code == 404


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/stories/nosuchstory", "no single story matches 'nosuchstory'"),
        ("/articles/0000", "no article with id '0000'"),
        ("/entities/speaker/Nobody%20Atall", "no speaker named 'Nobody Atall'"),
        ("/entities/planet/Mars", "no planet named 'Mars'"),
        ("/no/such/page", "no page at /no/such/page"),
    ],
)
def test_not_found_is_a_clear_404(client: TestClient, path: str, message: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert _html(message) in page.text
    api = client.get("/api" + path)
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/json"
    if not path.startswith("/no/"):
        assert api.json()["error"].startswith(message)


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec == SPEC and spec["openapi"].startswith("3.")
    routes = {r.path.replace(":path", "") for r in client.app.routes if hasattr(r, "path")}
    assert {p for p in routes if p.startswith("/api/")} == set(spec["paths"])


def test_create_app_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no store at"):
        create_app(str(tmp_path / "missing.db"))


def test_story_page_opens_with_the_story_then_disagreements_then_timeline(
    client: TestClient, dam: dict
) -> None:
    page = client.get(f"/stories/{dam['id']}").text
    order = [
        page.index(marker)
        for marker in (
            "<strong>What happened</strong>",
            "<strong>When</strong>",
            "<strong>Sources</strong>",
            'id="conflicts"',
            'id="timeline"',
            'id="details"',
        )
    ]
    assert order == sorted(order)
    assert "independent source" in page
    conflicts = page[page.index('id="conflicts"') : page.index('id="timeline"')]
    assert re.search(r'class="when">[^<]*\d{1,2} \w+ \d{4}</span>', conflicts)  # who said it when
    details = page[page.index('id="details"') :]
    assert "<details><summary>Single-source facts" in details or "Single-source" not in details
