"""Explicit Arrow schemas for the records that cross stage boundaries, and the conversions.

A schema is derived from a record's type hints: strings, booleans and numbers become typed
columns, lists of strings become `list<string>`, and nested records (figures, quotes, events,
lineage, ...) become one JSON string column each, so every Parquet file has a flat, stable
schema that any Arrow reader can open. `to_table` and `from_table` round-trip exactly.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from newsweave.model import Dropped, from_dict, to_dict

if TYPE_CHECKING:
    import pyarrow as pa
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def _arrow_type(hint: Any) -> pa.DataType | None:
    """The Arrow type of a field, or None when it is stored as a JSON string."""
    import pyarrow as pa

    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _arrow_type(options[0]) if len(options) == 1 else None
    if origin is list and typing.get_args(hint) == (str,):
        return pa.list_(pa.string())
    scalars = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), float: pa.float64()}
    return scalars.get(hint)


def record_schema(cls: type, extra: dict[str, pa.DataType] | None = None) -> pa.Schema:
    """The Arrow schema of record type `cls`, plus `extra` columns (shard, bucket, ...)."""
    import pyarrow as pa

    hints = typing.get_type_hints(cls)
    fields = [
        pa.field(f.name, _arrow_type(hints[f.name]) or pa.string()) for f in dataclasses.fields(cls)
    ]
    fields += [pa.field(name, kind) for name, kind in (extra or {}).items()]
    return pa.schema(fields)


def _json_fields(cls: type) -> set[str]:
    hints = typing.get_type_hints(cls)
    return {f.name for f in dataclasses.fields(cls) if _arrow_type(hints[f.name]) is None}


def to_table(
    records: Iterable[Any],
    cls: type,
    extra: dict[str, list[Any]] | None = None,
    types: dict[str, pa.DataType] | None = None,
) -> pa.Table:
    """An Arrow table of `records` (of type `cls`) with its explicit schema, plus `extra` columns.

    `types` gives the Arrow type of each extra column; without it every extra is a string.
    """
    import pyarrow as pa

    nested = _json_fields(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for record in records:
        row = to_dict(record)
        for name in names:
            value = row[name]
            columns[name].append(
                json.dumps(value, ensure_ascii=False, sort_keys=True) if name in nested else value
            )
    extra = extra or {}
    columns.update(extra)
    types = {name: (types or {}).get(name, pa.string()) for name in extra}
    return pa.table(columns, schema=record_schema(cls, types))


def from_table(table: pa.Table, cls: type[T]) -> list[T]:
    """The records of type `cls` in `table`; columns that are not fields of `cls` are ignored."""
    nested = _json_fields(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.name in table.column_names]
    out = []
    for row in table.select(names).to_pylist():
        for name in nested & row.keys():
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
        out.append(from_dict(cls, row))
    return out


def dropped_table(dropped: Iterable[Dropped]) -> pa.Table:
    """Dropped documents as a table (source, reason, stage)."""
    return to_table(dropped, Dropped)


def lineage_table(stories: Iterable[Any]) -> pa.Table:
    """One row per copy relation: story, original, copy, kind, evidence."""
    import pyarrow as pa

    rows = [
        {
            "story": story.id,
            "original": rel.original,
            "copy": rel.copy,
            "kind": rel.kind,
            "evidence": list(rel.evidence),
        }
        for story in stories
        for rel in story.lineage
    ]
    return pa.Table.from_pylist(rows, schema=lineage_schema())


def lineage_schema() -> pa.Schema:
    """The schema of the lineage table."""
    import pyarrow as pa

    return pa.schema(
        [
            ("story", pa.string()),
            ("original", pa.string()),
            ("copy", pa.string()),
            ("kind", pa.string()),
            ("evidence", pa.list_(pa.string())),
        ]
    )
