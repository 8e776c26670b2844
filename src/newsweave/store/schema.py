"""The store's SQL schema as an ordered list of migrations.

`PRAGMA user_version` holds how many migrations a database has had. Append new
migrations to the end; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
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
]

SCHEMA_VERSION = len(MIGRATIONS)
