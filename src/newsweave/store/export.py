"""Export stored records as JSON Lines or Parquet."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from newsweave.errors import InputError
from newsweave.model import to_dict
from newsweave.store.sqlite import SQLiteStore

EXPORT_FORMATS = ("jsonl", "parquet")
EXPORT_TABLES = ("pages", "articles", "stories")


def export(store: SQLiteStore, table: str, fmt: str, out: Path | IO[str]) -> int:
    """Write every record of `table` to `out` in `fmt`; return how many were written."""
    if table not in EXPORT_TABLES:
        raise InputError(f"cannot export {table!r}: choose one of {', '.join(EXPORT_TABLES)}")
    if fmt not in EXPORT_FORMATS:
        raise InputError(
            f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}"
        )
    records = _records(store, table)
    if fmt == "jsonl":
        return _write_jsonl(records, out)
    if not isinstance(out, Path):
        raise InputError("Parquet export needs an output file: use -o FILE")
    return _write_parquet(records, out)


def _records(store: SQLiteStore, table: str) -> Iterable[dict[str, Any]]:
    sources: dict[str, Callable[[], Iterable[Any]]] = {
        "pages": store.pages,
        "articles": store.articles,
        "stories": store.stories,
    }
    return (to_dict(record) for record in sources[table]())


def _write_jsonl(records: Iterable[dict[str, Any]], out: Path | IO[str]) -> int:
    count = 0
    handle = out.open("w", encoding="utf-8") if isinstance(out, Path) else out
    try:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if isinstance(out, Path):
            handle.close()
    return count


def _write_parquet(records: Iterable[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_flat(record) for record in records]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
    pq.write_table(table, out)
    return len(rows)


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """Nested lists of records become JSON strings, so every export has a flat schema."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        for key, value in record.items()
    }
