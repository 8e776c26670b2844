"""The Ray Data engine (the `[ray]` extra): the same shard and bucket functions on a cluster.

Shards become a dataset of shard indices, one block each, mapped with `map_batches`. A
grouping step maps a dataset of Parquet paths (one block each; pyarrow reads them) to keyed
rows with `map_batches` and hands each *bucket* (never each key) to
`groupby("bucket").map_groups`. `ray.init()` connects to `address` ("auto",
"ray://head:10001", ...) or starts a local Ray.

Every path must be readable and writable by every Ray worker: on a cluster, put the
inputs and `--out` on a shared file system.
"""

from __future__ import annotations

import logging
import pickle
import socket
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsweave.engines.base import FailedFn, KeysFn, ReduceFn, concat
from newsweave.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    import pyarrow as pa


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("the Ray engine", "ray", "ray[data]") from exc
    return ray


CONNECT_TIMEOUT = 10.0  # seconds to wait for a cluster address to accept a connection
CLIENT_PORT = 10001  # the port of a ray:// address that names none


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail fast, in one line, when a cluster address ('ray://host:port', 'host:port') does
    not accept a connection ('auto' and 'local' are Ray's to resolve)."""
    if address in ("auto", "local") or not address.strip():
        return
    if "://" in address and not address.startswith("ray://"):
        return  # another scheme (a hosted Ray): Ray resolves it
    where = address.split("://", 1)[1] if "://" in address else address
    default = CLIENT_PORT if address.startswith("ray://") else None
    host, _, port = where.rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        if default is None:
            raise InputError(
                f"bad --ray-address {address!r}: use 'auto', HOST:PORT or ray://HOST:PORT"
            )
        host, port = where.rstrip("/"), str(default)
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else exc.strerror or str(exc)
        target = f"{host}:{port}"
        named = address if target in address else f"{address} ({target})"
        raise InputError(
            f"cannot reach the Ray cluster at {named}: {reason} (is its head node running, "
            "and is this the right address?)"
        ) from exc


def _apply(batch: dict[str, Any], fn: Callable[[Any], Any], shards: Sequence[Any]) -> dict:
    """Run `fn` on the shards whose indices are in `batch`; results travel pickled."""
    indices = [int(i) for i in batch["index"]]
    return {"index": indices, "result": [pickle.dumps(fn(shards[i])) for i in indices]}


def _read_keyed(batch: pa.Table, keys: KeysFn) -> pa.Table:
    """Read the Parquet file named in `batch` and key its rows (pyarrow reads it directly)."""
    import pyarrow.parquet as pq

    return concat([keys(pq.read_table(path)) for path in batch.column("path").to_pylist()])


class RayEngine:
    """Shards and buckets as Ray Data tasks, on a local Ray or an existing cluster."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int = 0) -> None:
        if address is not None:
            check_reachable(address)
        ray = _import_ray()
        self._owns = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.WARNING,
            }
            if address is None and workers:
                kwargs["num_cpus"] = workers
            try:
                ray.init(address=address, **kwargs)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = address or "a new local Ray instance"
                raise InputError(f"cannot reach the Ray cluster at {where}: {exc}") from exc
            self._owns = True
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        self._ray = ray

    def map_shards(
        self, fn: Callable[[Any], Any], shards: Sequence[Any], failed: FailedFn | None = None
    ) -> Iterator[Any]:
        """Yield `fn(shard)` for every shard as Ray tasks finish (any order); Ray itself
        retries a task whose worker died (`failed` is not used)."""
        if not shards:
            return
        ds = self._ray.data.from_items(
            [{"index": i} for i in range(len(shards))], override_num_blocks=len(shards)
        )
        ds = ds.map_batches(
            _apply,
            batch_size=1,
            fn_kwargs={"fn": fn, "shards": list(shards)},
            num_cpus=1,
        )
        for row in ds.iter_rows():
            yield pickle.loads(row["result"])

    def group(self, paths: Sequence[str], keys: KeysFn, reduce: ReduceFn, buckets: int) -> pa.Table:
        """Read and key the files, shuffle rows by bucket, reduce every bucket in a task."""
        if not paths:
            return concat([])
        ds = self._ray.data.from_items(
            [{"path": p} for p in paths], override_num_blocks=len(paths)
        ).map_batches(_read_keyed, batch_size=1, batch_format="pyarrow", fn_kwargs={"keys": keys})
        ds = ds.groupby("bucket", num_partitions=max(1, buckets)).map_groups(
            reduce, batch_format="pyarrow"
        )
        return concat(list(ds.iter_batches(batch_format="pyarrow", batch_size=None)))

    def close(self) -> None:
        """Shut down the local Ray this engine started (a shared one is left running)."""
        if self._owns:
            self._ray.shutdown()
            self._owns = False
