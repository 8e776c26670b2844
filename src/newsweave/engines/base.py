"""The engine contract: map a function over shards, and group rows by bucket then reduce.

An engine only decides *where* work runs. What runs is plain newsweave code:

- `map_shards(fn, shards, failed)` calls `fn(shard)` for every shard (one WARC file) and
  yields the results; `fn` runs the per-document stages and writes Parquet itself. When the
  worker running a shard dies on every try, the engine yields `failed(shard, tries, why)`
  instead, so one dead worker never ends the run.
- `group(paths, keys, reduce, buckets)` reads Parquet files, turns each batch into keyed rows
  with `keys` (which adds an int `bucket` column from a stable hash of the key), gathers the
  rows of each bucket and calls `reduce` once per bucket on all of them (never once per key),
  and returns the concatenated results in bucket order.

Both functions must be picklable (module-level functions or `functools.partial` of them), so
the process pool and Ray can ship them to workers.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from newsweave.dedup import DedupConfig

if TYPE_CHECKING:
    import pyarrow as pa

KeysFn = Callable[["pa.Table"], "pa.Table"]
ReduceFn = Callable[["pa.Table"], "pa.Table"]
FailedFn = Callable[[Any, int, str], Any]  # (shard, tries, why its worker died) -> result


@dataclass(slots=True)
class ScaleConfig:
    """Tunables of a sharded run, passed whole to every engine and step."""

    workers: int = 0  # processes (pool) or CPUs (local Ray); 0: every core
    retries: int = 1  # a failed shard is tried this many more times, then reported
    rows_per_bucket: int = 2_000  # grouping steps use about articles / this many buckets ...
    min_buckets: int = 8  # ... but at least this many, so small jobs use every worker
    max_buckets: int = 1024
    window_days: int = 30  # story clustering runs per time window ...
    overlap_days: int = 5  # ... and windows overlap by this much, so stories can be merged
    keep_pages: bool = False  # also write the raw pages (needed to load a store)
    entities: str | None = None  # extract's entity backend; None: its default (auto)
    ray_address: str | None = None  # None: start a local Ray; "auto" or "ray://host:10001"
    dedup: DedupConfig = field(default_factory=DedupConfig)


class Engine(Protocol):
    """Where shards and buckets are processed: serially, in a process pool or on Ray."""

    name: str

    def map_shards(
        self, fn: Callable[[Any], Any], shards: Sequence[Any], failed: FailedFn | None = None
    ) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard; `failed(shard, tries, why)` if its worker died."""
        ...

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Key the rows of `paths`, gather each bucket, reduce it; results in bucket order."""
        ...

    def close(self) -> None:
        """Release workers (a pool's processes, a Ray connection this engine opened)."""
        ...


def bucket_of(key: bytes | str, buckets: int) -> int:
    """A stable bucket for `key` (crc32, the same in every process; Python's hash is salted)."""
    data = key.encode("utf-8", "surrogatepass") if isinstance(key, str) else key
    return zlib.crc32(data) % buckets


def bucket_count(rows: int, config: ScaleConfig) -> int:
    """How many buckets a grouping step over `rows` rows uses (the same on every engine)."""
    wanted = max(config.min_buckets, -(-rows // config.rows_per_bucket))
    return max(1, min(config.max_buckets, wanted))


def concat(tables: Sequence[pa.Table]) -> pa.Table:
    """Concatenate reduce outputs (all of one schema); an empty table when there are none."""
    import pyarrow as pa

    tables = [t for t in tables if t is not None]
    if not tables:
        return pa.table({})
    return pa.concat_tables(tables, promote_options="default")


def split_buckets(table: pa.Table) -> Iterator[pa.Table]:
    """The rows of each bucket of `table`, bucket by bucket in ascending order."""
    import numpy as np

    if table.num_rows == 0:
        return
    table = table.sort_by("bucket")
    values = table.column("bucket").to_numpy()
    bounds = [0, *(np.flatnonzero(np.diff(values)) + 1).tolist(), table.num_rows]
    for start, end in zip(bounds, bounds[1:], strict=False):
        yield table.slice(start, end - start)
