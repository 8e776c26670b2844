"""The embedded SQLite store: pages, articles, stories and the dropped log.

WAL mode lets readers work while an ingest writes; every batch is one
transaction, so an interrupted run keeps every batch that committed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsweave.errors import SchemaVersionError, StoreError
from newsweave.model import Article, Dropped, Page, Story, from_dict, to_dict
from newsweave.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "newsweave.db"
MEMORY = ":memory:"


@dataclass(slots=True)
class AddResult:
    """How many pages a call stored anew and how many were already there."""

    added: int = 0
    existing: int = 0


class SQLiteStore:
    """Pages, articles and stories in one SQLite file (or in memory with ':memory:')."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, batch_size: int = 200) -> None:
        self.path = str(path)
        self.batch_size = batch_size
        try:
            self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 30000")
            if self.path != MEMORY:
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    # -- lifecycle -----------------------------------------------------------
    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"store {self.path} has schema version {version}, but this newsweave "
                f"understands up to {SCHEMA_VERSION}: upgrade newsweave"
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                self._apply(number)

    def _apply(self, number: int) -> None:
        migration = MIGRATIONS[number]
        if callable(migration):
            migration(self._db)
        else:
            for statement in _statements(migration):
                self._db.execute(statement)
        self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- pages ---------------------------------------------------------------
    def add_pages(self, pages: Iterable[Page]) -> AddResult:
        """Store pages not already stored (by page id), one transaction per batch."""
        result = AddResult()
        batch: list[Page] = []
        for page in pages:
            batch.append(page)
            if len(batch) >= self.batch_size:
                self._add_batch(batch, result)
                batch = []
        if batch:
            self._add_batch(batch, result)
        return result

    def _add_batch(self, batch: list[Page], result: AddResult) -> None:
        now = _now()
        with self._transaction():
            for page in batch:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO pages (id, source, url, kind, content, title, "
                    "published, outlet, encoding, meta, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        page.id,
                        page.source,
                        page.url,
                        page.kind,
                        page.content,
                        page.title,
                        page.published,
                        page.outlet,
                        page.encoding,
                        json.dumps(page.meta),
                        now,
                    ),
                )
                if cursor.rowcount:
                    result.added += 1
                else:
                    result.existing += 1

    def pages(self) -> Iterator[Page]:
        """Every stored page, in the order they were first stored."""
        rows = self._db.execute(
            "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
            "FROM pages ORDER BY rowid"
        )
        for row in rows:
            yield _page(row)

    def page(self, page_id: str) -> Page | None:
        """The stored page with this id, or None."""
        row = self._db.execute(
            "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
            "FROM pages WHERE id = ?",
            (page_id,),
        ).fetchone()
        return _page(row) if row else None

    def revisions(self, url: str) -> list[Page]:
        """Every stored revision of the page at `url`, oldest first."""
        rows = self._db.execute(
            "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
            "FROM pages WHERE url = ? ORDER BY rowid",
            (url,),
        )
        return [_page(row) for row in rows]

    def count(self, table: str) -> int:
        """How many rows a table ('pages', 'articles', 'stories', 'dropped') has."""
        if table not in {"pages", "articles", "stories", "dropped"}:
            raise StoreError(f"unknown table {table!r}")
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- dropped -------------------------------------------------------------
    def add_dropped(self, dropped: Iterable[Dropped]) -> None:
        """Append entries to the log of dropped documents."""
        now = _now()
        with self._transaction():
            self._db.executemany(
                "INSERT INTO dropped (source, reason, stage, at) VALUES (?, ?, ?, ?)",
                [(d.source, d.reason, d.stage, now) for d in dropped],
            )

    def dropped(self) -> list[Dropped]:
        """The log of dropped documents, oldest first."""
        rows = self._db.execute("SELECT source, reason, stage FROM dropped ORDER BY seq")
        return [Dropped(source, reason, stage) for source, reason, stage in rows]

    # -- analysis results ----------------------------------------------------
    def put_results(self, articles: list[Article], stories: list[Story]) -> None:
        """Replace the stored articles and stories with a new analysis, atomically."""
        with self._transaction():
            self._db.execute("DELETE FROM articles")
            self._db.execute("DELETE FROM stories")
            self._db.executemany(
                "INSERT INTO articles (id, title, outlet, published, data) VALUES (?, ?, ?, ?, ?)",
                [(a.id, a.title, a.outlet, a.published, _json(a)) for a in articles],
            )
            dates = {a.id: a.published for a in articles}
            self._db.executemany(
                "INSERT INTO stories (id, title, size, first_date, last_date, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (s.id, s.title, len(s.articles), *_date_range(s, dates), _json(s))
                    for s in stories
                ],
            )

    def articles(self) -> list[Article]:
        """Every analysed article, ordered by id."""
        rows = self._db.execute("SELECT data FROM articles ORDER BY id")
        return [from_dict(Article, json.loads(data)) for (data,) in rows]

    def article(self, article_id: str) -> Article | None:
        """The analysed article with this id, or None."""
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def stories(self) -> list[Story]:
        """Every story, largest first."""
        rows = self._db.execute("SELECT data FROM stories ORDER BY size DESC, id")
        return [from_dict(Story, json.loads(data)) for (data,) in rows]

    def story(self, story_id: str) -> Story | None:
        """The story with this id (or a unique id prefix), or None."""
        rows = self._db.execute(
            "SELECT data FROM stories WHERE id LIKE ? || '%' LIMIT 2", (story_id,)
        ).fetchall()
        return from_dict(Story, json.loads(rows[0][0])) if len(rows) == 1 else None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def open_store(path: str | Path = DEFAULT_DB) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; ':memory:' for tests."""
    return SQLiteStore(path)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _page(row: tuple[Any, ...]) -> Page:
    pid, source, content, kind, url, title, published, outlet, encoding, meta = row
    return Page(
        id=pid,
        source=source,
        content=content,
        kind=kind,
        url=url,
        title=title,
        published=published,
        outlet=outlet,
        encoding=encoding,
        meta=json.loads(meta),
    )


def _json(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False)


def _date_range(story: Story, dates: dict[str, str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for a in story.articles if (d := dates.get(a)))
    return (known[0], known[-1]) if known else (None, None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
