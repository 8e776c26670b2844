"""The web UI at scale and under attack: indexed reads, paging, stored explanations, the Host
header check, read-only and migrated stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")

from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from tests.helpers import read_only  # noqa: E402

from newsweave.errors import StoreError  # noqa: E402
from newsweave.store import SQLiteStore, open_store  # noqa: E402
from newsweave.store.schema import MIGRATIONS, SCHEMA_VERSION  # noqa: E402
from newsweave.web.app import SECURITY_HEADERS, create_app  # noqa: E402
from newsweave.web.command import allowed_hosts, host_name, serve  # noqa: E402
from newsweave.web.views import entity_index  # noqa: E402

LOCAL = "http://127.0.0.1"


def _copy(db: str, to: Path) -> Path:
    """A copy of the store `db` at `to` (through SQLite's backup, so it is consistent)."""
    to.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)
    dst.close()
    return to


def _ids(db: str) -> tuple[str, str]:
    """The largest story's id and one of its articles."""
    with open_store(db) as store:
        rows, _ = store.story_rows(limit=1)
        return rows[0]["id"], store.story_members(rows[0]["id"])[0]


def _every_page(client: TestClient, story: str, article: str) -> list[Any]:
    paths = ["/", "/?q=the&sort=recent", f"/stories/{story}", f"/articles/{article}",
             "/api/stories", f"/api/stories/{story}", f"/api/articles/{article}"]  # fmt: skip
    return [client.get(path) for path in paths]


# -- Host header -------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/stories", "/static/style.css"])
def test_a_foreign_host_header_is_refused(example_db: str, path: str) -> None:
    client = TestClient(create_app(example_db), base_url="http://rebound.example")
    response = client.get(path)
    assert response.status_code == 400
    assert "rebound.example" in response.text and "--allowed-host" in response.text
    assert (
        response.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]
    )
    if path.startswith("/api/"):
        assert response.json()["status"] == 400


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST.", "[::1]:8000"]
)
def test_loopback_host_headers_are_answered(example_db: str, host: str) -> None:
    client = TestClient(create_app(example_db), base_url=LOCAL)
    assert client.get("/", headers={"host": host}).status_code == 200


def test_missing_host_header_is_refused(example_db: str) -> None:
    client = TestClient(create_app(example_db), base_url=LOCAL)
    assert client.get("/", headers={"host": ""}).status_code == 400


def test_allowed_hosts_are_the_bound_address_and_the_given_names() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("192.168.7.9") == {"192.168.7.9"}
    assert allowed_hosts("192.168.7.9", ["News.Example:8000"]) == {"192.168.7.9", "news.example"}
    assert "localhost" in allowed_hosts("0.0.0.0")
    assert host_name("[::1]:80") == "::1" and host_name("::1") == "::1"


def test_serve_answers_only_its_hosts(monkeypatch: pytest.MonkeyPatch, example_db: str) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    args = ["--db", example_db, "--host", "127.0.0.1", "--allowed-host", "news.internal"]
    result = CliRunner().invoke(serve, args)
    assert result.exit_code == 0, result.output
    client = TestClient(apps[0], base_url=LOCAL)
    assert client.get("/", headers={"host": "news.internal:8000"}).status_code == 200
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "attacker.example:8000"}).status_code == 400


# -- read-only and migrated stores ---------------------------------------------------------
def test_a_read_only_store_is_served(example_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    db = _copy(example_db, folder / "store.db")
    story, article = _ids(str(db))
    with read_only(db, folder):
        client = TestClient(create_app(str(db)), base_url=LOCAL)
        responses = _every_page(client, story, article)
        assert [r.status_code for r in responses] == [200] * len(responses)
        assert sorted(p.name for p in folder.iterdir()) == ["store.db"]


def _v1_store(db: str, to: Path) -> Path:
    """The store `db` as a newsweave of schema version 1 left it."""
    with sqlite3.connect(to) as old, sqlite3.connect(db) as new:
        old.executescript(MIGRATIONS[0])
        for table, columns in (
            ("pages", "id, source, url, kind, content, title, published, outlet, encoding, "
                      "meta, ingested_at"),
            ("articles", "id, title, outlet, published, data"),
            ("stories", "id, title, size, first_date, last_date, data"),
        ):  # fmt: skip
            rows = new.execute(f"SELECT {columns} FROM {table}").fetchall()
            marks = ", ".join("?" * len(columns.split(",")))
            old.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        old.execute("PRAGMA user_version = 1")
    old.close()
    return to


def test_an_old_store_is_migrated_with_its_story_index(example_db: str, tmp_path: Path) -> None:
    db = _v1_store(example_db, tmp_path / "v1.db")
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        migrated = store.story_rows(), entity_index(store)
    with open_store(example_db) as store:
        assert migrated == (store.story_rows(), entity_index(store))
        assert migrated[1]["speakers"] and migrated[1]["people"]
    story, article = _ids(str(db))
    client = TestClient(create_app(str(db)), base_url=LOCAL)
    explain = client.get(f"/api/articles/{article}").json()
    assert explain["explain"] == [] and "newsweave analyze" in explain["explain_error"]


def test_an_old_read_only_store_is_one_clear_line(example_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    db = _v1_store(example_db, folder / "v1.db")
    with read_only(db, folder), pytest.raises(StoreError) as caught:
        create_app(str(db))
    message = str(caught.value)
    assert "\n" not in message and str(db) in message and "schema version 1" in message


def test_a_damaged_store_is_one_line_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    db.write_bytes(b"this is not a database, just invented bytes\n" * 200)
    with pytest.raises(StoreError) as caught:
        create_app(str(db))
    assert "\n" not in str(caught.value) and str(db) in str(caught.value)


# -- no whole-store reads, stored explanations, paging ----------------------------------------
def test_pages_never_decode_the_whole_store(
    example_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def whole_store(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a page decoded every story, article or page of the store")

    def cleaner(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a page ran the cleaner")

    story, article = _ids(example_db)
    monkeypatch.setattr(SQLiteStore, "stories", whole_store)
    monkeypatch.setattr(SQLiteStore, "_articles_list", whole_store)
    monkeypatch.setattr(SQLiteStore, "pages", whole_store)
    monkeypatch.setattr("newsweave.clean.explain_page", cleaner)
    monkeypatch.setattr("newsweave.clean.clean_page", cleaner)
    client = TestClient(create_app(example_db), base_url=LOCAL)
    responses = _every_page(client, story, article)
    assert [r.status_code for r in responses] == [200] * len(responses)
    index = client.get("/api/entities").json()
    for key, kind in (("people", "person"), ("places", "place"), ("organisations",
                      "organisation"), ("speakers", "speaker"), ("outlets", "outlet")):  # fmt: skip
        assert index[key], key
        name = quote(index[key][0]["name"], safe="")
        for path in (f"/entities/{kind}/{name}", f"/api/entities/{kind}/{name}"):
            assert client.get(path).status_code == 200, path
    assert client.get("/entities").status_code == 200
    explain = responses[-1].json()
    assert explain["explain_error"] is None
    assert any(line["kept"] for line in explain["explain"])
    assert any(not line["kept"] for line in explain["explain"])


def test_the_stored_explanation_is_the_cleaners(example_db: str) -> None:
    from newsweave.clean import explain_page
    from newsweave.model import to_dict

    with open_store(example_db) as store:
        for article in store.articles():
            page = store.page(article.id)
            assert page is not None
            assert store.explanation(article.id) == to_dict(explain_page(page))


def test_story_list_pages(example_db: str) -> None:
    client = TestClient(create_app(example_db), base_url=LOCAL)
    everything = client.get("/api/stories").json()
    total = everything["total"]
    assert total == len(everything["stories"]) > 1 and everything["pages"] == 1
    seen = []
    for page in range(1, total + 2):
        data = client.get(f"/api/stories?per_page=1&page={page}").json()
        assert data["total"] == total and data["pages"] == total and data["page"] == page
        seen += data["stories"]
    assert seen == everything["stories"]  # the last page asked for is past the end: empty
    first = client.get("/?per_page=1&sort=recent").text
    assert 'rel="next" href="/?sort=recent&amp;page=2&amp;per_page=1"' in first
    assert 'rel="prev"' not in first and f"page 1 of {total}" in first
    last = client.get(f"/?per_page=1&page={total}").text
    assert 'rel="prev"' in last and 'rel="next"' not in last
    for bad in ("page=0", "page=x", "per_page=100000", "page=%C2%B2"):
        response = client.get(f"/api/stories?{bad}")
        assert response.status_code == 400 and "bad" in response.json()["error"]


def test_story_id_prefixes_are_literal(example_db: str) -> None:
    story, _ = _ids(example_db)
    with open_store(example_db) as store:
        assert store.story("%") is None and store.story("_" * len(story[:4])) is None
        found = store.story(story[:6])
        assert found is not None and found.id == story


def test_token_search_finds_what_a_substring_search_finds(example_db: str) -> None:
    from newsweave.store.sqlite import search_words

    with open_store(example_db) as store:
        stories = store.stories()
        texts = {s.id: search_words(s, store.articles(s.articles)) for s in stories}
        tokens = sorted({t for text in texts.values() for t in text.split()})
        words = ["a", "the", "ed", ".", ",", "”", "zzzz", "2025-"]
        words += [t[1:4] for t in tokens[::7]] + [t for t in tokens[::11]]
        for word in words:
            rows, total = store.story_rows(words=[word])
            assert {r["id"] for r in rows} == {i for i, t in texts.items() if word in t}, word
            assert total == len(rows)
        pair = [tokens[3][:3], tokens[-3][-3:]]
        rows, _ = store.story_rows(words=pair)
        assert {r["id"] for r in rows} == {i for i, t in texts.items() if all(w in t for w in pair)}


def test_serve_with_workers_gives_each_worker_the_same_settings(
    monkeypatch: pytest.MonkeyPatch, example_db: str
) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    from newsweave.web.app import app_from_environment
    from newsweave.web.command import SETTINGS_VARIABLE

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv(SETTINGS_VARIABLE, "")  # restored (removed) after the test
    args = ["--db", example_db, "--workers", "2", "--allowed-host", "news.internal"]
    result = CliRunner().invoke(serve, args)
    assert result.exit_code == 0, result.output
    ((target, options),) = calls
    assert target == "newsweave.web.app:app_from_environment"
    assert options["workers"] == 2 and options["factory"] is True
    assert options["host"] == "127.0.0.1"
    client = TestClient(app_from_environment(), base_url=LOCAL)
    assert client.get("/", headers={"host": "news.internal"}).status_code == 200
    assert client.get("/", headers={"host": "other.example"}).status_code == 400


def test_a_read_only_store_with_changes_in_its_wal_is_one_line(
    example_db: str, tmp_path: Path
) -> None:
    import shutil

    live = _copy(example_db, tmp_path / "live" / "store.db")
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO dropped (source, reason, stage, at) VALUES ('x', 'y', 'z', 'w')")
    writer.commit()
    folder = tmp_path / "ro"
    folder.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{live}{suffix}", folder / f"store.db{suffix}")
    writer.close()
    db = folder / "store.db"
    assert (folder / "store.db-wal").stat().st_size > 0
    with read_only(db, folder / "store.db-wal", folder), pytest.raises(StoreError) as caught:
        create_app(str(db))
    message = str(caught.value)
    assert "\n" not in message and str(db) in message and "-wal" in message
