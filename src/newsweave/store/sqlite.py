"""The embedded SQLite store: pages, articles, stories and the dropped log.

WAL mode lets readers work while an ingest writes; every batch is one
transaction, so an interrupted run keeps every batch that committed. Every
sqlite error (a damaged or tampered file, a full disk, a busy store) becomes one
StoreError naming the store and what to do; see `store_error`.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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
INDEXED_SINCE = 5  # the schema version whose story index is complete
STORY_SORTS = {  # the story list's sort orders, as SQL (each served by an index)
    "size": "s.size DESC, s.id",
    "recent": "s.last_date DESC, s.size DESC, s.id",  # NULL sorts lowest: undated last
}
_RESULT_TABLES = (
    "articles",
    "stories",
    "story_articles",
    "story_outlets",
    "story_tokens",
    "search_tokens",
    "story_entities",
    "speaker_quotes",
    "explanations",
)
_ROW_COLUMNS = (
    "s.id, s.title, s.size, s.events, s.sources, s.copies, s.first_date, s.last_date, s.outlets"
)
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

    def __init__(
        self, path: str | Path = DEFAULT_DB, *, batch_size: int = 200, readonly: bool = False
    ) -> None:
        self.path = str(path)
        self.batch_size = batch_size
        self.readonly = readonly
        try:
            if readonly:
                self._db = _connect_readonly(self.path)
            else:
                self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc, opening=True) from exc
        if readonly:
            try:
                self._version()
            except sqlite3.Error as exc:
                self._db.close()
                raise store_error(self.path, exc, opening=True) from exc
            except StoreError:
                self._db.close()
                raise
            return
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
            if version < INDEXED_SINCE:  # the story index of a store analysed before it existed
                self._index_stories(self._stories_unguarded(), self._articles_unguarded())

    def _version(self) -> int:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"store {self.path} has schema version {version}, but this newsweave "
                f"understands up to {SCHEMA_VERSION}: upgrade newsweave"
            )
        if self.readonly and version < SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {version} and is open read-only: "
                f"open it once with write access (e.g. `newsweave stories --db {self.path}`) "
                f"to upgrade it to version {SCHEMA_VERSION}, or serve an upgraded copy"
            )
        return version

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
    @_guarded
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- pages ---------------------------------------------------------------
    @_guarded
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
        """Replace the stored articles and stories with a new analysis, atomically.

        The cleaning explanations of the previous analysis go too: `put_explanations`.
        """
        with self._transaction():
            for table in _RESULT_TABLES:
                self._db.execute(f"DELETE FROM {table}")
            self._db.executemany(
                "INSERT INTO articles (id, title, outlet, published, data) VALUES (?, ?, ?, ?, ?)",
                [(a.id, a.title, a.outlet, a.published, _json(a)) for a in articles],
            )
            self._db.executemany(
                "INSERT INTO stories (id, title, size, data) VALUES (?, ?, ?, ?)",
                [(s.id, s.title, len(s.articles), _json(s)) for s in stories],
            )
            self._index_stories(stories, {a.id: a for a in articles})

    def _index_stories(self, stories: Iterable[Story], articles: dict[str, Article]) -> None:
        """Fill the story list's columns and tables (sizes, dates, outlets, search tokens)."""
        # imported here: the dedup package loads the clustering stages, which a command that
        # only reads the store (or only cleans) does not need
        from newsweave.dedup.independence import independent_count

        vocabulary = dict(self._db.execute("SELECT token, id FROM search_tokens"))
        for story in stories:
            members = [articles[a] for a in story.articles if a in articles]
            dates = sorted(a.published for a in members if a.published)
            outlets = sorted({a.outlet for a in members if a.outlet})
            self._db.execute(
                "UPDATE stories SET events = ?, sources = ?, copies = ?, first_date = ?, "
                "last_date = ?, outlets = ? WHERE id = ?",
                (
                    len(story.events),
                    independent_count(story),
                    len(story.lineage),
                    dates[0] if dates else None,
                    dates[-1] if dates else None,
                    json.dumps(outlets, ensure_ascii=False),
                    story.id,
                ),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                [(story.id, a) for a in story.articles],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO story_outlets (outlet, story_id) VALUES (?, ?)",
                [(o, story.id) for o in outlets],
            )
            self._index_tokens(story.id, set(search_words(story, members).split()), vocabulary)
            mentions: dict[tuple[str, str], int] = {}
            for entity in story.entities:
                key = (entity.kind, entity.name)
                mentions[key] = mentions.get(key, 0) + entity.mentions
            self._db.executemany(
                "INSERT OR REPLACE INTO story_entities (label, name, story_id, mentions) "
                "VALUES (?, ?, ?, ?)",
                [(label, name, story.id, count) for (label, name), count in mentions.items()],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO speaker_quotes (speaker, story_id, article_id, text) "
                "VALUES (?, ?, ?, ?)",
                [(q.speaker, story.id, q.article, q.text) for q in story.quotes if q.speaker],
            )

    def _index_tokens(self, story_id: str, tokens: set[str], vocabulary: dict[str, int]) -> None:
        """Record that the story contains these search tokens (new ones join the vocabulary)."""
        new = [t for t in tokens if t not in vocabulary]
        for token in new:
            vocabulary[token] = len(vocabulary) + 1
        self._db.executemany(
            "INSERT INTO search_tokens (id, token) VALUES (?, ?)",
            [(vocabulary[t], t) for t in new],
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO story_tokens (token_id, story_id) VALUES (?, ?)",
            [(vocabulary[t], story_id) for t in tokens],
        )

    @_guarded
    def put_explanations(self, explained: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Store each article's cleaning explanation: (article id, the cleaner's verdicts)."""
        rows = [
            (aid, json.dumps([to_dict(v) for v in verdicts], ensure_ascii=False))
            for aid, verdicts in explained
        ]
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO explanations (article_id, lines) VALUES (?, ?)", rows
            )

    @_guarded
    def explanation(self, article_id: str) -> list[dict[str, Any]] | None:
        """The stored cleaning explanation of an article (text, kept, reason), or None."""
        row = self._db.execute(
            "SELECT lines FROM explanations WHERE article_id = ?", (article_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    @_guarded
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Every analysed article (or those with these ids), ordered by id."""
        if ids is not None:
            rows = self._db.execute(
                "SELECT data FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                "ORDER BY id",
                (json.dumps(sorted(set(ids))),),
            ).fetchall()
            return [self._record(Article, data) for (data,) in rows]
        return self._articles_list()

    def _articles_list(self) -> list[Article]:
        rows = self._db.execute("SELECT data FROM articles ORDER BY id")
        return [self._record(Article, data) for (data,) in rows]

    def _articles_unguarded(self) -> dict[str, Article]:
        return {a.id: a for a in self._articles_list()}

    @_guarded
    def article(self, article_id: str) -> Article | None:
        """The analysed article with this id, or None."""
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._record(Article, row[0]) if row else None

    @_guarded
    def stories(self) -> list[Story]:
        """Every story, largest first."""
        return self._stories_unguarded()

    def _stories_unguarded(self) -> list[Story]:
        rows = self._db.execute("SELECT data FROM stories ORDER BY size DESC, id")
        return [self._record(Story, data) for (data,) in rows]

    def story(self, story_id: str) -> Story | None:
        """The story with this id (or a unique id prefix), or None."""
        found = self.stories_with_prefix(story_id, limit=2)
        return found[0] if len(found) == 1 else None

    @_guarded
    def stories_with_prefix(self, prefix: str, limit: int = -1) -> list[Story]:
        """The stories whose id starts with `prefix` (taken literally), largest first."""
        rows = self._db.execute(
            "SELECT data FROM stories WHERE substr(id, 1, length(?1)) = ?1 "
            "ORDER BY size DESC, id LIMIT ?2",
            (prefix, limit),
        ).fetchall()
        return [self._record(Story, data) for (data,) in rows]

    @_guarded
    def stories_of_article(self, article_id: str) -> list[tuple[str, str, list[list[str]]]]:
        """(id, title, copy groups) of each story that contains this article, largest first."""
        rows = self._db.execute(
            "SELECT s.id, s.title, json_extract(s.data, '$.duplicates') "
            "FROM story_articles AS m JOIN stories AS s ON s.id = m.story_id "
            "WHERE m.article_id = ? ORDER BY s.size DESC, s.id",
            (article_id,),
        ).fetchall()
        return [(sid, title, json.loads(groups or "[]")) for sid, title, groups in rows]

    @_guarded
    def story_members(self, story_id: str) -> list[str]:
        """The ids of a story's articles, from the story index."""
        rows = self._db.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,)
        ).fetchall()
        return [aid for (aid,) in rows]

    @_guarded
    def story_rows(
        self,
        *,
        words: Sequence[str] = (),
        outlet: str = "",
        date_from: str = "",
        date_to: str = "",
        sort: str = "size",
        limit: int = -1,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One summary row per matching story, in `sort` order, and how many match in all.

        `words` (casefolded) must all occur in the story's titles, texts, outlets, speakers or
        entity names; a story matches the dates when its span overlaps [date_from, date_to]
        (a prefix date such as 2025-03 stands for its whole month).
        """
        if sort not in STORY_SORTS:
            raise StoreError(f"unknown story sort {sort!r}: use one of {', '.join(STORY_SORTS)}")
        where: list[str] = []
        params: list[Any] = []
        if words:
            where.append("s.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(self._stories_with_words(words))))
        if outlet:
            where.append("s.id IN (SELECT story_id FROM story_outlets WHERE outlet = ?)")
            params.append(outlet)
        if date_from or date_to:
            where.append("s.first_date IS NOT NULL")
        if date_from:
            where.append("s.last_date >= ?")
            params.append(date_from)
        if date_to:
            where.append("substr(s.first_date, 1, length(?)) <= ?")
            params += [date_to, date_to]
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self._db.execute(f"SELECT COUNT(*) FROM stories AS s {clause}", params).fetchone()[
            0
        ]
        rows = self._db.execute(
            f"SELECT {_ROW_COLUMNS} FROM stories AS s {clause} "
            f"ORDER BY {STORY_SORTS[sort]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [_story_row(row) for row in rows], int(total)

    @_guarded
    def stories_by_id(self, ids: Iterable[str]) -> list[Story]:
        """The stories with these ids, largest first."""
        rows = self._db.execute(
            "SELECT data FROM stories WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY size DESC, id",
            (json.dumps(sorted(set(ids))),),
        ).fetchall()
        return [self._record(Story, data) for (data,) in rows]

    @_guarded
    def entity_mentions(self) -> list[tuple[str, str, int]]:
        """(label, name, mentions over every story) of each named entity."""
        return self._db.execute(
            "SELECT label, name, SUM(mentions) FROM story_entities GROUP BY label, name"
        ).fetchall()

    @_guarded
    def entity_stories(self, labels: Iterable[str], name: str) -> list[str]:
        """The ids of the stories that mention the entity `name` under one of `labels`."""
        rows = self._db.execute(
            "SELECT DISTINCT story_id FROM story_entities "
            "WHERE label IN (SELECT value FROM json_each(?)) AND name = ?",
            (json.dumps(sorted(labels)), name),
        ).fetchall()
        return [sid for (sid,) in rows]

    @_guarded
    def speaker_counts(self) -> list[tuple[str, int]]:
        """(speaker, distinct quotes) of each quoted speaker."""
        return self._db.execute(
            "SELECT speaker, COUNT(*) FROM (SELECT DISTINCT speaker, article_id, text "
            "FROM speaker_quotes) GROUP BY speaker"
        ).fetchall()

    @_guarded
    def speaker_stories(self, speaker: str) -> list[str]:
        """The ids of the stories that quote `speaker`."""
        rows = self._db.execute(
            "SELECT DISTINCT story_id FROM speaker_quotes WHERE speaker = ?", (speaker,)
        ).fetchall()
        return [sid for (sid,) in rows]

    @_guarded
    def outlet_counts(self) -> list[tuple[str, int]]:
        """(outlet, analysed articles) of each outlet."""
        return self._db.execute(
            "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL AND outlet != '' "
            "GROUP BY outlet"
        ).fetchall()

    @_guarded
    def outlet_articles(self, outlet: str) -> list[str]:
        """The ids of the analysed articles of `outlet`."""
        rows = self._db.execute("SELECT id FROM articles WHERE outlet = ?", (outlet,))
        return [aid for (aid,) in rows]

    @_guarded
    def stories_of_articles(self, ids: Iterable[str]) -> list[str]:
        """The ids of the stories that contain any of these articles."""
        rows = self._db.execute(
            "SELECT DISTINCT story_id FROM story_articles "
            "WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(ids))),),
        ).fetchall()
        return [sid for (sid,) in rows]

    @_guarded
    def article_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """Each article's title (or its source when it has none), by id."""
        rows = self._db.execute(
            "SELECT id, COALESCE(NULLIF(title, ''), json_extract(data, '$.source')) "
            "FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(ids))),),
        ).fetchall()
        return dict(rows)

    @_guarded
    def _stories_with_words(self, words: Sequence[str]) -> set[str]:
        """The ids of the stories in whose search tokens every word occurs (see schema 4)."""
        found: set[str] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # longest: fewest stories
            rows = self._db.execute(
                "SELECT DISTINCT story_id FROM story_tokens WHERE token_id IN "
                "(SELECT id FROM search_tokens WHERE instr(token, ?) > 0)",
                (word,),
            ).fetchall()
            found = {sid for (sid,) in rows} if found is None else found & {s for (s,) in rows}
            if not found:
                break
        return found or set()

    @_guarded
    def outlets(self) -> list[str]:
        """Every outlet of an analysed article, sorted."""
        rows = self._db.execute(  # one index probe per distinct outlet, not a scan
            "WITH RECURSIVE o(name) AS (SELECT MIN(outlet) FROM articles WHERE outlet > '' "
            "UNION ALL SELECT (SELECT MIN(outlet) FROM articles WHERE outlet > o.name) "
            "FROM o WHERE o.name IS NOT NULL) SELECT name FROM o WHERE name IS NOT NULL"
        ).fetchall()
        return [outlet for (outlet,) in rows]

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


def search_words(story: Story, members: Sequence[Article]) -> str:
    """What a story-list search looks in, casefolded: titles, texts, outlets, speakers, names."""
    parts = [story.title]
    for article in members:
        parts += [article.title or "", article.text, article.outlet or ""]
    parts += [q.speaker or "" for q in story.quotes]
    for entity in story.entities:
        parts += [entity.name, *entity.aliases]
    return "\n".join(parts).casefold()


def _story_row(row: tuple[Any, ...]) -> dict[str, Any]:
    sid, title, size, events, sources, copies, first, last, outlets = row
    return {
        "id": sid,
        "title": title,
        "articles": size,
        "events": events,
        "sources": sources,
        "copies": copies,
        "first": first,
        "last": last,
        "outlets": json.loads(outlets),
    }


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


def open_store(path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; ':memory:' for tests.

    `readonly` opens an existing store without ever writing to it (the web UI): fine for a
    store whose file or folder this user cannot write.
    """
    return SQLiteStore(path, readonly=readonly)


def _connect_readonly(path: str) -> sqlite3.Connection:
    """A connection that never writes: `mode=ro`, or `immutable=1` when nobody here can write.

    A WAL store needs its folder writable even to read (the shared-memory file); when the
    file or its folder is read-only nobody on this machine is writing it, so it is read as
    an immutable file, without locks.
    """
    if path == MEMORY or not os.path.isfile(path):
        raise sqlite3.OperationalError("no such store file")
    folder = os.path.dirname(os.path.abspath(path))
    writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)
    wal = Path(f"{path}-wal")
    if not writable and wal.is_file() and wal.stat().st_size:
        # committed changes still in the write-ahead log: immutable would not see them
        raise sqlite3.OperationalError(
            "its last changes are still in its -wal file, which cannot be read while the "
            "store or its folder is read-only: open it once with write access (e.g. "
            f"`newsweave stories --db {path}`) to fold them in"
        )
    uri = Path(path).absolute().as_uri() + ("?mode=ro" if writable else "?immutable=1")
    db = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 30000")
    db.execute("PRAGMA query_only = ON")
    return db


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _json(record: Any) -> str:
    return encodable(json.dumps(to_dict(record), ensure_ascii=False))


def _maybe(text: str | None) -> str | None:
    return None if text is None else encodable(text)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
