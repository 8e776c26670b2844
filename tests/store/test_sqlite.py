"""The SQLite store: idempotent ingest, revisions, schema versions, batches, exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsweave.errors import InputError, SchemaVersionError, StoreError
from newsweave.model import Article, Page, Story, content_id
from newsweave.store import SQLiteStore, export, open_store
from newsweave.store.schema import SCHEMA_VERSION


def page(text: str, url: str | None = None) -> Page:
    return Page(id=content_id(text), source="inline", content=text, url=url)


def test_same_page_twice_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with open_store(db) as store:
        first = store.add_pages([page("Harbour ferry resumes service.")])
    with open_store(db) as store:
        again = store.add_pages([page("Harbour ferry resumes service.")])
        assert (first.added, again.added, again.existing) == (1, 0, 1)
        assert store.count("pages") == 1


def test_same_url_with_new_content_keeps_both_revisions() -> None:
    with open_store(":memory:") as store:
        store.add_pages(
            [page("Version one of the ferry story.", url="https://tidewater.example/ferry")]
        )
        store.add_pages(
            [page("Version two of the ferry story.", url="https://tidewater.example/ferry")]
        )
        revisions = store.revisions("https://tidewater.example/ferry")
        assert [p.content for p in revisions] == [
            "Version one of the ferry story.",
            "Version two of the ferry story.",
        ]


def test_store_uses_wal_and_records_schema_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "n.db") as store:
        assert store.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(tmp_path / "n.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaVersionError, match="upgrade newsweave"):
        open_store(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(path)


def test_committed_batches_survive_a_failure_mid_ingest(tmp_path: Path) -> None:
    db = tmp_path / "n.db"

    def pages_then_crash():
        for n in range(5):
            yield page(f"Story number {n} from the Tidewater Gazette.")
        raise RuntimeError("power cut")

    store = SQLiteStore(db, batch_size=2)
    with pytest.raises(RuntimeError):
        store.add_pages(pages_then_crash())
    store.close()
    with open_store(db) as reopened:
        assert (
            reopened.count("pages") == 4
        )  # two full batches committed, the fifth page was pending


def test_results_replace_the_previous_analysis() -> None:
    with open_store(":memory:") as store:
        a = Article(id="a1", source="x", text="Ferry text.", published="2025-01-02")
        store.put_results([a], [Story(id="s1", title="Ferry", articles=["a1"])])
        store.put_results([a], [Story(id="s2", title="Ferry again", articles=["a1"])])
        assert [s.id for s in store.stories()] == ["s2"]
        assert store.story("s") is not None and store.story("s2").title == "Ferry again"
        assert store.story("nope") is None


def test_export_jsonl_and_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    with open_store(":memory:") as store:
        store.add_pages([page("First ferry page."), page("Second ferry page.")])
        out = tmp_path / "pages.jsonl"
        assert export(store, "pages", "jsonl", out) == 2
        assert {json.loads(line)["content"] for line in out.read_text().splitlines()} == {
            "First ferry page.",
            "Second ferry page.",
        }
        assert export(store, "pages", "parquet", tmp_path / "pages.parquet") == 2
        assert pq.read_table(tmp_path / "pages.parquet").num_rows == 2
        with pytest.raises(InputError, match="unknown export format"):
            export(store, "pages", "xml", out)


def test_identical_text_from_two_outlets_is_two_pages_and_a_repeat_is_one() -> None:
    from newsweave.model import page_id

    text = "Harbour ferry resumes service after the storm."
    pages = [
        Page(page_id(text, url), "feed", text, url=url)
        for url in ("https://tidewater.example/ferry", "https://saltmarsh.example/ferry")
    ]
    with open_store(":memory:") as store:
        first = store.add_pages(pages)
        again = store.add_pages(pages[:1])
        assert (first.added, again.added, again.existing) == (2, 0, 1)
        assert {p.url for p in store.pages()} == {p.url for p in pages}


def test_a_version_one_store_gets_place_aware_ids_everywhere(tmp_path: Path) -> None:
    from newsweave.model import page_id
    from newsweave.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    text = "Harbour ferry resumes service after the storm."
    url = "https://tidewater.example/ferry"
    old, plain = content_id(text), content_id("A page without a place.")
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])  # type: ignore[arg-type]
    db.execute("PRAGMA user_version = 1")
    for pid, content, where in ((old, text, url), (plain, "A page without a place.", None)):
        db.execute(
            "INSERT INTO pages (id, source, url, kind, content, meta, ingested_at) "
            "VALUES (?, 'inline', ?, 'text', ?, '{}', 'then')",
            (pid, where, content),
        )
    article = {"id": old, "source": "inline", "text": text}
    db.execute("INSERT INTO articles (id, data) VALUES (?, ?)", (old, json.dumps(article)))
    story = {"id": "s1", "title": "Ferry", "articles": [old, plain]}
    db.execute(
        "INSERT INTO stories (id, title, size, data) VALUES ('s1', 'Ferry', 2, ?)",
        (json.dumps(story),),
    )
    db.commit()
    db.close()
    new = page_id(text, url)
    assert new != old
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert {p.id for p in store.pages()} == {new, plain}
        assert [a.id for a in store.articles()] == [new]
        assert store.stories()[0].articles == [new, plain]
        assert store.add_pages([Page(new, "again", text, url=url)]).existing == 1
