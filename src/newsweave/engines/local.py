"""The two engines on one machine: serial (tests, small jobs) and a process pool."""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from newsweave.engines.base import FailedFn, KeysFn, ReduceFn, concat, split_buckets
from newsweave.errors import NewsweaveError

if TYPE_CHECKING:
    import pyarrow as pa


def _read(path: str) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(path)


def _spill(keys: KeysFn, path: str, folder: str, n: int) -> dict[int, str]:
    """Key the rows of one file and write them bucket by bucket under `folder` (file `n`'s
    parts); the bucket -> part file map. Only one file's rows are in memory at a time."""
    import pyarrow.parquet as pq

    written = {}
    for part in split_buckets(keys(_read(path))):
        bucket = part.column("bucket")[0].as_py()
        written[bucket] = target = os.path.join(folder, f"{bucket:06d}-{n:06d}.parquet")
        pq.write_table(part, target)
    return written


def _buckets(spilled: Sequence[dict[int, str]]) -> list[list[str]]:
    """Each bucket's part files, buckets in ascending order and parts in file order."""
    parts: dict[int, list[str]] = {}
    for written in spilled:
        for bucket, path in written.items():
            parts.setdefault(bucket, []).append(path)
    return [parts[b] for b in sorted(parts)]


def _reduce_parts(reduce: ReduceFn, parts: list[str]) -> pa.Table:
    """`reduce` on one bucket's rows, read back from its part files."""
    return reduce(concat([_read(p) for p in parts]))


PRELOAD = ["newsweave.engines.shards", "newsweave.engines.grouping", "newsweave.analyze"]


class SerialEngine:
    """Everything in this process, one shard and one bucket after another."""

    name = "serial"

    def map_shards(
        self, fn: Callable[[Any], Any], shards: Sequence[Any], failed: FailedFn | None = None
    ) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard, in shard order (`failed` is never needed here)."""
        for shard in shards:
            yield fn(shard)

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Key every file into per-bucket part files on disk, then reduce each bucket in turn:
        memory holds one file's rows, then one bucket's, never the whole step's."""
        with tempfile.TemporaryDirectory(prefix="newsweave-group-") as folder:
            spilled = [_spill(keys, path, folder, n) for n, path in enumerate(paths)]
            return concat([_reduce_parts(reduce, parts) for parts in _buckets(spilled)])

    def close(self) -> None:
        """Nothing to release."""


class PoolEngine:
    """Worker processes on this machine (the default for jobs of many shards).

    Each shard runs in a process of its own, so a worker that dies (killed, out of memory, a
    crash in native code) costs only its shard: the shard is tried again, `retries` times,
    then reported through `failed`. Grouping steps use a process pool.
    """

    name = "local"

    def __init__(self, workers: int = 0, retries: int = 1) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.retries = retries
        self._pool: Executor | None = None

    @property
    def context(self) -> Any:
        """The process start method: forkserver (no forked threads, the stages' modules
        imported once in the server) where there is one."""
        if "forkserver" not in multiprocessing.get_all_start_methods():
            return multiprocessing.get_context()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context

    @property
    def pool(self) -> Executor:
        """The grouping steps' worker processes, started on first use."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=self.context)
        return self._pool

    def map_shards(
        self, fn: Callable[[Any], Any], shards: Sequence[Any], failed: FailedFn | None = None
    ) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard as shards finish (any order), each in its own
        process; a shard whose process died on every try yields `failed(shard, tries, why)`."""
        context = self.context
        waiting = deque((shard, 1) for shard in shards)
        running: dict[Any, tuple[Any, int, Any, Connection]] = {}
        try:
            while waiting or running:
                while waiting and len(running) < self.workers:
                    shard, tries = waiting.popleft()
                    receive, send = context.Pipe(duplex=False)
                    process = context.Process(target=_run_shard, args=(fn, shard, send))
                    process.start()
                    send.close()
                    running[receive] = (shard, tries, process, receive)
                for ready in wait(list(running)):
                    shard, tries, process, receive = running.pop(ready)
                    outcome = _receive(receive)
                    process.join()
                    if outcome is not None:
                        ok, value = outcome
                        if not ok:
                            raise value
                        yield value
                    elif tries <= self.retries:
                        waiting.append((shard, tries + 1))
                    else:
                        why = _death(process.exitcode)
                        if failed is None:
                            raise NewsweaveError(f"a shard's worker process {why}, {tries} times")
                        yield failed(shard, tries, why)
        finally:
            for _, _, process, receive in running.values():
                process.kill()
                process.join()
                receive.close()

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Key the files in parallel into per-bucket part files on disk, then reduce the
        buckets in parallel, each worker reading its bucket's parts (nothing gathered here)."""
        try:
            with tempfile.TemporaryDirectory(prefix="newsweave-group-") as folder:
                spilled = list(
                    self.pool.map(
                        _spill, [keys] * len(paths), paths, [folder] * len(paths), range(len(paths))
                    )
                )
                parts = _buckets(spilled)
                return concat(list(self.pool.map(_reduce_parts, [reduce] * len(parts), parts)))
        except BrokenProcessPool as exc:
            self.close()
            raise NewsweaveError(
                "a worker process died while grouping the shards' rows (out of memory? try "
                "fewer --workers); the finished shards are kept: run the same command again"
            ) from exc

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _run_shard(fn: Callable[[Any], Any], shard: Any, send: Connection) -> None:
    """In a worker process: run `fn(shard)` and send back (True, result) or (False, error)."""
    try:
        outcome: tuple[bool, Any] = (True, fn(shard))
    except BaseException as exc:  # the parent re-raises it, as a pool would
        outcome = (False, exc)
    send.send(outcome)
    send.close()


def _receive(receive: Connection) -> tuple[bool, Any] | None:
    """What a worker sent, or None when it died before sending anything."""
    try:
        return receive.recv()  # type: ignore[no-any-return,unused-ignore]
    except (EOFError, OSError):
        return None
    finally:
        receive.close()


def _death(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"was killed by signal {-exitcode}"
    return f"died (exit code {exitcode})"
