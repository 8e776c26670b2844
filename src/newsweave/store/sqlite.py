"""The embedded SQLite store: pages, articles, stories and the dropped log.

WAL mode lets readers work while an ingest writes; every batch is one
transaction, so an interrupted run keeps every batch that committed. Every
sqlite error (a damaged or tampered file, a full disk, a busy store) becomes one
StoreError naming the store and what to do; see `store_error`.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from newsweave.errors import SchemaVersionError, StoreError
from newsweave.model import Article, Dropped, Page, Story, encodable, from_dict, to_dict
from newsweave.safejson import loads as safe_loads
from newsweave.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "newsweave.db"
MEMORY = ":memory:"
F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")

# (words in sqlite's message, what it means and what to do)
_ADVICE = (
    (
        ("malformed", "not a database", "file is encrypted", "corrupt"),
        "it is damaged or is not a newsweave store; restore it from a backup, "
        "or give a new --db and ingest again",
    ),
    (("disk is full", "database or disk is full"), "the disk is full; free space and run again"),
    (("readonly", "read-only"), "it is read-only; check its permissions or give another --db"),
    (("locked", "busy"), "it is busy: another process holds it; wait for it and run again"),
    (
        (
            "no such table",
            "no such column",
            "has no column",
            "already exists",
            "constraint",
            "datatype mismatch",
            "unreadable record",
        ),
        "it was changed outside newsweave; restore it from a backup, or give a new --db "
        "and ingest again",
    ),
    (("unable to open", "disk i/o"), "it cannot be opened or read; check the path and its folder"),
)


def store_error(path: str, exc: Exception, opening: bool = False) -> StoreError:
    """One StoreError naming the store, what went wrong and what to do."""
    where = f"cannot open store {path}" if opening else f"store {path}"
    message = str(exc).lower()
    for words, advice in _ADVICE:
        if any(word in message for word in words):
            return StoreError(f"{where}: {advice} (sqlite: {exc})")
    return StoreError(f"{where}: sqlite error ({exc}); check the file or give a new --db")


def _guarded(method: F) -> F:
    """Turn sqlite errors raised by a store method into StoreError."""

    @functools.wraps(method)
    def wrapper(self: SQLiteStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    return wrapper  # type: ignore[return-value]


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
        except sqlite3.Error as exc:
            raise store_error(self.path, exc, opening=True) from exc
        try:
            self._db.execute("PRAGMA busy_timeout = 30000")
            if self.path != MEMORY:
                self._wal()
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._db.close()
            raise store_error(self.path, exc, opening=True) from exc
        except StoreError:
            self._db.close()
            raise

    # -- lifecycle -----------------------------------------------------------
    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _wal(self) -> None:
        """Switch to WAL; several processes creating one store may find it busy for a moment."""
        for attempt in range(50):
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)

    def _migrate(self) -> None:
        version = self._version()
        if version == SCHEMA_VERSION:
            return
        with self._transaction():  # re-read inside: another process may have just migrated
            version = self._version()
            for number in range(version, SCHEMA_VERSION):
                self._apply(number)

    def _version(self) -> int:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"store {self.path} has schema version {version}, but this newsweave "
                f"understands up to {SCHEMA_VERSION}: upgrade newsweave"
            )
        return version

    def _apply(self, number: int) -> None:
        for statement in _statements(MIGRATIONS[number]):
            self._db.execute(statement)
        self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @property
    @_guarded
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- pages ---------------------------------------------------------------
    @_guarded
    def add_pages(self, pages: Iterable[Page]) -> AddResult:
        """Store pages not already stored (by content id), one transaction per batch."""
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
                        encodable(page.source),
                        _maybe(page.url),
                        page.kind,
                        encodable(page.content),
                        _maybe(page.title),
                        _maybe(page.published),
                        _maybe(page.outlet),
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
        try:
            rows = self._db.execute(
                "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
                "FROM pages ORDER BY rowid"
            )
            for row in rows:
                yield self._page(row)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    @_guarded
    def page(self, page_id: str) -> Page | None:
        """The stored page with this id, or None."""
        row = self._db.execute(
            "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
            "FROM pages WHERE id = ?",
            (page_id,),
        ).fetchone()
        return self._page(row) if row else None

    @_guarded
    def revisions(self, url: str) -> list[Page]:
        """Every stored revision of the page at `url`, oldest first."""
        rows = self._db.execute(
            "SELECT id, source, content, kind, url, title, published, outlet, encoding, meta "
            "FROM pages WHERE url = ? ORDER BY rowid",
            (url,),
        )
        return [self._page(row) for row in rows]

    @_guarded
    def count(self, table: str) -> int:
        """How many rows a table ('pages', 'articles', 'stories', 'dropped') has."""
        if table not in {"pages", "articles", "stories", "dropped"}:
            raise StoreError(f"unknown table {table!r}")
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- dropped -------------------------------------------------------------
    @_guarded
    def add_dropped(self, dropped: Iterable[Dropped]) -> None:
        """Append entries to the log of dropped documents; an entry already logged is not repeated."""
        now = _now()
        with self._transaction():
            seen = set(self._db.execute("SELECT source, reason, stage FROM dropped"))
            rows = []
            for d in dropped:
                key = (encodable(d.source), encodable(d.reason), d.stage)
                if key not in seen:
                    seen.add(key)
                    rows.append((*key, now))
            self._db.executemany(
                "INSERT INTO dropped (source, reason, stage, at) VALUES (?, ?, ?, ?)", rows
            )

    @_guarded
    def dropped(self) -> list[Dropped]:
        """The log of dropped documents, oldest first."""
        rows = self._db.execute("SELECT source, reason, stage FROM dropped ORDER BY seq")
        return [Dropped(source, reason, stage) for source, reason, stage in rows]

    # -- analysis results ----------------------------------------------------
    @_guarded
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

    @_guarded
    def articles(self) -> list[Article]:
        """Every analysed article, ordered by id."""
        rows = self._db.execute("SELECT data FROM articles ORDER BY id")
        return [self._record(Article, data) for (data,) in rows]

    @_guarded
    def article(self, article_id: str) -> Article | None:
        """The analysed article with this id, or None."""
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._record(Article, row[0]) if row else None

    @_guarded
    def stories(self) -> list[Story]:
        """Every story, largest first."""
        rows = self._db.execute("SELECT data FROM stories ORDER BY size DESC, id")
        return [self._record(Story, data) for (data,) in rows]

    @_guarded
    def story(self, story_id: str) -> Story | None:
        """The story with this id (or a unique id prefix), or None."""
        rows = self._db.execute(  # a literal prefix: % and _ are no wildcards here
            "SELECT data FROM stories WHERE substr(id, 1, ?) = ? LIMIT 2",
            (len(story_id), story_id),
        ).fetchall()
        return self._record(Story, rows[0][0]) if len(rows) == 1 else None

    def _page(self, row: tuple[Any, ...]) -> Page:
        pid, source, content, kind, url, title, published, outlet, encoding, meta = row
        try:
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
                meta=safe_loads(meta),
            )
        except ValueError as exc:
            raise store_error(self.path, sqlite3.DataError(f"unreadable record: {exc}")) from exc

    def _record(self, cls: type[R], data: str) -> R:
        """An Article or Story from its stored JSON; tampered JSON is a StoreError."""
        try:
            return from_dict(cls, safe_loads(data))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise store_error(self.path, sqlite3.DataError(f"unreadable record: {exc}")) from exc


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if not exc_type:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:  # sqlite ends it itself on some errors (a full disk)
            self._db.execute("ROLLBACK")


def open_store(path: str | Path = DEFAULT_DB) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; ':memory:' for tests."""
    return SQLiteStore(path)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _json(record: Any) -> str:
    return encodable(json.dumps(to_dict(record), ensure_ascii=False))


def _maybe(text: str | None) -> str | None:
    return None if text is None else encodable(text)


def _date_range(story: Story, dates: dict[str, str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for a in story.articles if (d := dates.get(a)))
    return (known[0], known[-1]) if known else (None, None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
