"""The store's SQL schema as an ordered list of migrations.

`PRAGMA user_version` holds how many migrations a database has had. Append new
migrations to the end; never edit one that has shipped. A migration is an SQL script,
or a function of the connection where SQL alone cannot do it (ids recomputed in Python).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from newsweave.model import page_id

Migration = str | Callable[[sqlite3.Connection], None]

_ID = re.compile(r'"([0-9a-f]{16})"')


def rekey_pages(db: sqlite3.Connection) -> None:
    """Give pages with a URL or outlet their place-aware id (`page_id`), everywhere it is used.

    Before, a page id was a hash of the content alone, so identical text from two outlets
    collapsed into one page. Article rows take their page's new id; ids inside the stored
    article and story records (relations, citations, groups) are rewritten to match.
    """
    renamed = {}
    rows = db.execute(
        "SELECT id, content, url, outlet FROM pages WHERE url IS NOT NULL OR outlet IS NOT NULL"
    )
    for old, content, url, outlet in rows.fetchall():
        new = page_id(content, url or outlet)
        if new != old:
            renamed[old] = new
    if not renamed:
        return
    db.executemany("UPDATE pages SET id = ? WHERE id = ?", [(n, o) for o, n in renamed.items()])

    def swap(match: re.Match[str]) -> str:
        return f'"{renamed.get(match.group(1), match.group(1))}"'

    for table in ("articles", "stories"):
        for rowid, key, data in db.execute(f"SELECT rowid, id, data FROM {table}").fetchall():
            db.execute(
                f"UPDATE {table} SET id = ?, data = ? WHERE rowid = ?",
                (renamed.get(key, key) if table == "articles" else key, _ID.sub(swap, data), rowid),
            )


MIGRATIONS: list[Migration] = [
    # 1: pages, articles, stories, dropped
    """
    CREATE TABLE pages (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        kind TEXT NOT NULL,
        content TEXT NOT NULL,
        title TEXT,
        published TEXT,
        outlet TEXT,
        encoding TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX pages_url ON pages(url);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY REFERENCES pages(id),
        title TEXT,
        outlet TEXT,
        published TEXT,
        data TEXT NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        size INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        data TEXT NOT NULL
    );
    CREATE TABLE dropped (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        stage TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: place-aware page ids (identical text from two outlets is two pages)
    rekey_pages,
    # 3: what the web UI lists and filters by, as columns and indexes (no JSON decoding per
    # request), and each article's cleaning explanation, stored at analysis time. The rows
    # of an existing store are filled in by SQLiteStore after the last migration runs.
    """
    ALTER TABLE stories ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN copies INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX stories_size ON stories(size DESC, id);
    CREATE INDEX stories_recent ON stories(last_date DESC, size DESC);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE story_outlets (
        outlet TEXT NOT NULL,
        story_id TEXT NOT NULL,
        PRIMARY KEY (outlet, story_id)
    ) WITHOUT ROWID;
    CREATE TABLE explanations (
        article_id TEXT PRIMARY KEY,
        lines TEXT NOT NULL
    );
    """,
    # 4: the entity pages' index: named entities and quoted speakers per story (filled in
    # for an existing store by SQLiteStore, as for 3)
    """
    CREATE TABLE story_entities (
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        story_id TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (label, name, story_id)
    ) WITHOUT ROWID;
    CREATE TABLE speaker_quotes (
        speaker TEXT NOT NULL,
        story_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (speaker, story_id, article_id, text)
    ) WITHOUT ROWID;
    """,
    # 5: the story search's index: every whitespace-separated token (casefolded) of what a
    # search looks in, once, and the stories that contain it. A search word occurs in a
    # story's text exactly when it occurs inside one of its tokens, so a search scans the
    # vocabulary, not the texts.
    """
    CREATE TABLE search_tokens (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE
    );
    CREATE TABLE story_tokens (
        token_id INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        PRIMARY KEY (token_id, story_id)
    ) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
