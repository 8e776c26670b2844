"""The two engines on one machine: serial (tests, small jobs) and a process pool."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from typing import TYPE_CHECKING, Any

from newsweave.engines.base import KeysFn, ReduceFn, concat, split_buckets

if TYPE_CHECKING:
    import pyarrow as pa


def _read(path: str) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(path)


def _keyed(keys: KeysFn, path: str) -> pa.Table:
    return keys(_read(path))


PRELOAD = ["newsweave.engines.shards", "newsweave.engines.grouping", "newsweave.analyze"]


class SerialEngine:
    """Everything in this process, one shard and one bucket after another."""

    name = "serial"

    def map_shards(self, fn: Callable[[Any], Any], shards: Sequence[Any]) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard, in shard order."""
        for shard in shards:
            yield fn(shard)

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Key every file, then reduce each bucket in turn."""
        keyed = concat([_keyed(keys, p) for p in paths])
        return concat([reduce(part) for part in split_buckets(keyed)])

    def close(self) -> None:
        """Nothing to release."""


class PoolEngine:
    """A pool of worker processes on this machine (the default for jobs of many shards)."""

    name = "local"

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: Executor | None = None

    @property
    def pool(self) -> Executor:
        """The worker processes, started on first use (forkserver: no forked threads)."""
        if self._pool is None:
            method = (
                "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
            )
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context(method)
            )
        return self._pool

    def map_shards(self, fn: Callable[[Any], Any], shards: Sequence[Any]) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard as shards finish (any order)."""
        futures = [self.pool.submit(fn, shard) for shard in shards]
        for future in as_completed(futures):
            yield future.result()

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Key the files in parallel, gather buckets here, reduce the buckets in parallel."""
        keyed = concat(list(self.pool.map(_keyed, [keys] * len(paths), paths)))
        return concat(list(self.pool.map(reduce, split_buckets(keyed))))

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
