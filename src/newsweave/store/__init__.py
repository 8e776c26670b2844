"""Storage: the embedded SQLite store (a file by default, ':memory:' for tests) and exports."""

from newsweave.store.export import EXPORT_FORMATS, export
from newsweave.store.sqlite import DEFAULT_DB, MEMORY, AddResult, SQLiteStore, open_store

__all__ = [
    "DEFAULT_DB",
    "EXPORT_FORMATS",
    "MEMORY",
    "AddResult",
    "SQLiteStore",
    "export",
    "open_store",
]
