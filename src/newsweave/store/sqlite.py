"""The embedded SQLite store: pages, articles, stories and the dropped log.

WAL mode lets readers work while an ingest writes; every batch is one
transaction, so an interrupted run keeps every batch that committed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsweave.errors import SchemaVersionError, StoreError
from newsweave.model import Article, Dropped, Page, Story, from_dict, to_dict
from newsweave.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "newsweave.db"
MEMORY = ":memory:"
INDEXED_SINCE = 4  # the schema version whose story index is complete
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
                self._check_version()
                return
            self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 30000")
            if self.path != MEMORY:
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {_reason(exc)}") from exc

    # -- lifecycle -----------------------------------------------------------
    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _check_version(self) -> int:
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

    def _migrate(self) -> None:
        version = self._check_version()
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                self._apply(number)
                if number + 1 == SCHEMA_VERSION and version < INDEXED_SINCE:
                    # the story index (schema 2 and 3) of a store analysed before it existed
                    self._index_stories(self._stories_unguarded(), self._articles_unguarded())

    def _apply(self, number: int) -> None:
        for statement in _statements(MIGRATIONS[number]):
            self._db.execute(statement)
        self._db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Turn an sqlite error into one StoreError line naming the store and what to do."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {doing} store {self.path}: {_reason(exc)}") from exc

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- pages ---------------------------------------------------------------
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
        with self._guard("read"):
            row = self._db.execute(
                "SELECT id, source, content, kind, url, title, published, outlet, encoding, "
                "meta FROM pages WHERE id = ?",
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
        with self._guard("read"):
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
        """Replace the stored articles and stories with a new analysis, atomically.

        The cleaning explanations of the previous analysis go too: `put_explanations`.
        """
        with self._guard("write to"), self._transaction():
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
                    _independent(story),
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

    def put_explanations(self, explained: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Store each article's cleaning explanation: (article id, the cleaner's verdicts)."""
        rows = [
            (aid, json.dumps([to_dict(v) for v in verdicts], ensure_ascii=False))
            for aid, verdicts in explained
        ]
        with self._guard("write to"), self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO explanations (article_id, lines) VALUES (?, ?)", rows
            )

    def explanation(self, article_id: str) -> list[dict[str, Any]] | None:
        """The stored cleaning explanation of an article (text, kept, reason), or None."""
        with self._guard("read"):
            row = self._db.execute(
                "SELECT lines FROM explanations WHERE article_id = ?", (article_id,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Every analysed article (or those with these ids), ordered by id."""
        if ids is not None:
            with self._guard("read"):
                rows = self._db.execute(
                    "SELECT data FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                    "ORDER BY id",
                    (json.dumps(sorted(set(ids))),),
                ).fetchall()
            return [from_dict(Article, json.loads(data)) for (data,) in rows]
        with self._guard("read"):
            return self._articles_list()

    def _articles_list(self) -> list[Article]:
        rows = self._db.execute("SELECT data FROM articles ORDER BY id")
        return [from_dict(Article, json.loads(data)) for (data,) in rows]

    def _articles_unguarded(self) -> dict[str, Article]:
        return {a.id: a for a in self._articles_list()}

    def article(self, article_id: str) -> Article | None:
        """The analysed article with this id, or None."""
        with self._guard("read"):
            row = self._db.execute(
                "SELECT data FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def stories(self) -> list[Story]:
        """Every story, largest first."""
        with self._guard("read"):
            return self._stories_unguarded()

    def _stories_unguarded(self) -> list[Story]:
        rows = self._db.execute("SELECT data FROM stories ORDER BY size DESC, id")
        return [from_dict(Story, json.loads(data)) for (data,) in rows]

    def story(self, story_id: str) -> Story | None:
        """The story with this id (or a unique id prefix), or None."""
        found = self.stories_with_prefix(story_id, limit=2)
        return found[0] if len(found) == 1 else None

    def stories_with_prefix(self, prefix: str, limit: int = -1) -> list[Story]:
        """The stories whose id starts with `prefix` (taken literally), largest first."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT data FROM stories WHERE substr(id, 1, length(?1)) = ?1 "
                "ORDER BY size DESC, id LIMIT ?2",
                (prefix, limit),
            ).fetchall()
        return [from_dict(Story, json.loads(data)) for (data,) in rows]

    def stories_of_article(self, article_id: str) -> list[tuple[str, str, list[list[str]]]]:
        """(id, title, copy groups) of each story that contains this article, largest first."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT s.id, s.title, json_extract(s.data, '$.duplicates') "
                "FROM story_articles AS m JOIN stories AS s ON s.id = m.story_id "
                "WHERE m.article_id = ? ORDER BY s.size DESC, s.id",
                (article_id,),
            ).fetchall()
        return [(sid, title, json.loads(groups or "[]")) for sid, title, groups in rows]

    def story_members(self, story_id: str) -> list[str]:
        """The ids of a story's articles, from the story index."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,)
            ).fetchall()
        return [aid for (aid,) in rows]

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
        with self._guard("read"):
            total = self._db.execute(
                f"SELECT COUNT(*) FROM stories AS s {clause}", params
            ).fetchone()[0]
            rows = self._db.execute(
                f"SELECT {_ROW_COLUMNS} FROM stories AS s {clause} "
                f"ORDER BY {STORY_SORTS[sort]} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        return [_story_row(row) for row in rows], int(total)

    def stories_by_id(self, ids: Iterable[str]) -> list[Story]:
        """The stories with these ids, largest first."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT data FROM stories WHERE id IN (SELECT value FROM json_each(?)) "
                "ORDER BY size DESC, id",
                (json.dumps(sorted(set(ids))),),
            ).fetchall()
        return [from_dict(Story, json.loads(data)) for (data,) in rows]

    def entity_mentions(self) -> list[tuple[str, str, int]]:
        """(label, name, mentions over every story) of each named entity."""
        with self._guard("read"):
            return self._db.execute(
                "SELECT label, name, SUM(mentions) FROM story_entities GROUP BY label, name"
            ).fetchall()

    def entity_stories(self, labels: Iterable[str], name: str) -> list[str]:
        """The ids of the stories that mention the entity `name` under one of `labels`."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT DISTINCT story_id FROM story_entities "
                "WHERE label IN (SELECT value FROM json_each(?)) AND name = ?",
                (json.dumps(sorted(labels)), name),
            ).fetchall()
        return [sid for (sid,) in rows]

    def speaker_counts(self) -> list[tuple[str, int]]:
        """(speaker, distinct quotes) of each quoted speaker."""
        with self._guard("read"):
            return self._db.execute(
                "SELECT speaker, COUNT(*) FROM (SELECT DISTINCT speaker, article_id, text "
                "FROM speaker_quotes) GROUP BY speaker"
            ).fetchall()

    def speaker_stories(self, speaker: str) -> list[str]:
        """The ids of the stories that quote `speaker`."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT DISTINCT story_id FROM speaker_quotes WHERE speaker = ?", (speaker,)
            ).fetchall()
        return [sid for (sid,) in rows]

    def outlet_counts(self) -> list[tuple[str, int]]:
        """(outlet, analysed articles) of each outlet."""
        with self._guard("read"):
            return self._db.execute(
                "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL AND outlet != '' "
                "GROUP BY outlet"
            ).fetchall()

    def outlet_articles(self, outlet: str) -> list[str]:
        """The ids of the analysed articles of `outlet`."""
        with self._guard("read"):
            rows = self._db.execute("SELECT id FROM articles WHERE outlet = ?", (outlet,))
            return [aid for (aid,) in rows]

    def stories_of_articles(self, ids: Iterable[str]) -> list[str]:
        """The ids of the stories that contain any of these articles."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT DISTINCT story_id FROM story_articles "
                "WHERE article_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(set(ids))),),
            ).fetchall()
        return [sid for (sid,) in rows]

    def article_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """Each article's title (or its source when it has none), by id."""
        with self._guard("read"):
            rows = self._db.execute(
                "SELECT id, COALESCE(NULLIF(title, ''), json_extract(data, '$.source')) "
                "FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(set(ids))),),
            ).fetchall()
        return dict(rows)

    def _stories_with_words(self, words: Sequence[str]) -> set[str]:
        """The ids of the stories in whose search tokens every word occurs (see schema 4)."""
        found: set[str] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # longest: fewest stories
            with self._guard("read"):
                rows = self._db.execute(
                    "SELECT DISTINCT story_id FROM story_tokens WHERE token_id IN "
                    "(SELECT id FROM search_tokens WHERE instr(token, ?) > 0)",
                    (word,),
                ).fetchall()
            found = {sid for (sid,) in rows} if found is None else found & {s for (s,) in rows}
            if not found:
                break
        return found or set()

    def outlets(self) -> list[str]:
        """Every outlet of an analysed article, sorted."""
        with self._guard("read"):
            rows = self._db.execute(  # one index probe per distinct outlet, not a scan
                "WITH RECURSIVE o(name) AS (SELECT MIN(outlet) FROM articles WHERE outlet > '' "
                "UNION ALL SELECT (SELECT MIN(outlet) FROM articles WHERE outlet > o.name) "
                "FROM o WHERE o.name IS NOT NULL) SELECT name FROM o WHERE name IS NOT NULL"
            ).fetchall()
        return [outlet for (outlet,) in rows]


def search_words(story: Story, members: Sequence[Article]) -> str:
    """What a story-list search looks in, casefolded: titles, texts, outlets, speakers, names."""
    parts = [story.title]
    for article in members:
        parts += [article.title or "", article.text, article.outlet or ""]
    parts += [q.speaker or "" for q in story.quotes]
    for entity in story.entities:
        parts += [entity.name, *entity.aliases]
    return "\n".join(parts).casefold()


def _independent(story: Story) -> int:
    """How many independent sources a story has: copy groups count once."""
    grouped = {a for g in story.duplicates for a in g}
    singles = {a for a in story.articles if a not in grouped}
    return len({g[0] for g in story.duplicates if g} | singles)


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
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


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


def _reason(exc: sqlite3.Error) -> str:
    """The sqlite error as a reason a user can act on."""
    text = str(exc)
    hints = {
        "file is not a database": "it is not a newsweave store (or it is damaged)",
        "database disk image is malformed": "the file is damaged: restore a backup or rebuild it",
        "database or disk is full": "the disk is full: free some space and run again",
        "attempt to write a readonly database": "it is read-only here: check its permissions",
        "unable to open database file": "the file or its folder cannot be opened here",
        "database is locked": "another process holds it: wait for it to finish and retry",
    }
    for key, hint in hints.items():
        if key in text:
            return f"{text} ({hint})"
    return text


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
