"""The per-document part of a sharded run: one input file (one WARC) in, Parquet files out.

A shard streams its pages through the local path's own streaming stages (clean, extract:
the map stages of `analyze.default_stages()`), adds near-duplicate signature keys, and writes
`articles.parquet` (explicit schema), `dropped.parquet` and, when asked, `pages.parquet`
into its own folder under `OUT/_shards/`. A `_SUCCESS` marker written last records the
input's size and SHA-256; a re-run skips the shard only when its input still has them. An exception is retried, then reported as a failed shard: never fatal to the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsweave.engines.base import ScaleConfig
from newsweave.engines.schema import to_table
from newsweave.model import Article, Dropped, Page

MARKER = "_SUCCESS"
BATCH = 512  # articles per Parquet row group


@dataclass(slots=True)
class ShardTask:
    """One shard to process: its input file, its output folder and the run's config."""

    index: int
    path: str
    folder: str
    config: ScaleConfig


@dataclass(slots=True)
class ShardResult:
    """What one shard did: counts, seconds per stage, attempts, and the error if it failed."""

    index: int
    path: str
    folder: str
    status: str  # "done" | "skipped" (finished by an earlier run) | "failed"
    pages: int = 0
    articles: int = 0
    dropped: int = 0
    attempts: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for the completion marker and the run report)."""
        return asdict(self)


def list_shards(inputs: Sequence[str]) -> list[str]:
    """Every input file, folders expanded recursively in sorted order; one file is one shard."""
    files: list[str] = []
    for path in inputs:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".")]
        else:
            files.append(path)
    first: dict[str, str] = {}  # the first name given for each file
    for f in files:
        first.setdefault(os.path.abspath(f), f)
    return list(first.values())


def shard_folder(out: Path, path: str) -> str:
    """The output folder of the shard read from `path` (named after the path, so stable)."""
    digest = hashlib.sha1(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(path).name)[:40]
    return str(out / "_shards" / f"{stem}-{digest[:10]}")


def input_digest(path: str) -> str:
    """What a finished shard records of its input: its size and the SHA-256 of its bytes."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return f"{size}:sha256:{digest.hexdigest()}"


def _finished(task: ShardTask, marker: Path) -> ShardResult | None:
    """The earlier run's result when its marker matches this input's bytes, else None."""
    try:
        done = json.loads(marker.read_text(encoding="utf-8"))
        recorded = done.pop("input", None)
        size = os.path.getsize(task.path)
        if not isinstance(recorded, str) or not recorded.startswith(f"{size}:"):
            return None  # no digest (an older run) or another size: the input changed
        if recorded != input_digest(task.path):
            return None
        done.update(index=task.index, path=task.path, status="skipped")
        return ShardResult(**done)
    except (OSError, ValueError, TypeError):
        return None  # an unreadable marker: process the shard again


def failed_shard(task: ShardTask, attempts: int, error: str) -> ShardResult:
    """The result of a shard whose worker process died on every try (see Engine.map_shards)."""
    shutil.rmtree(task.folder, ignore_errors=True)
    return ShardResult(
        task.index, task.path, task.folder, "failed", attempts=attempts,
        error=f"the worker process {error}",
    )  # fmt: skip


def process_shard(task: ShardTask) -> ShardResult:
    """Process one shard unless its marker records these very input bytes; retry, then
    report, a failure."""
    marker = Path(task.folder) / MARKER
    if marker.exists() and (finished := _finished(task, marker)) is not None:
        return finished
    began = time.perf_counter()
    error = ""
    digest = ""
    for attempt in range(1, task.config.retries + 2):
        shutil.rmtree(task.folder, ignore_errors=True)
        try:
            digest = digest or input_digest(task.path)
            result = _process(task)
        except Exception as exc:  # any failure of one shard is reported, never fatal
            error = f"{type(exc).__name__}: {exc}"
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            if last:
                error += f" (at {Path(last[0].filename).name}:{last[0].lineno})"
            continue
        result.attempts = attempt
        result.seconds = time.perf_counter() - began
        marker.write_text(
            json.dumps({**result.to_json(), "path": os.path.abspath(task.path), "input": digest}),
            encoding="utf-8",
        )
        return result
    shutil.rmtree(task.folder, ignore_errors=True)
    return ShardResult(
        task.index,
        task.path,
        task.folder,
        "failed",
        attempts=task.config.retries + 1,
        seconds=time.perf_counter() - began,
        error=error,
    )


def doc_stage_fns(
    config: ScaleConfig | None = None,
) -> list[tuple[str, Callable[[Iterable[Any]], Iterator[Any]]]]:
    """The per-document stages of the local path (the map stages of the default analysis)."""
    from newsweave.analyze import default_stages
    from newsweave.extract import ExtractConfig

    entities = config.entities if config is not None else None
    extract = ExtractConfig(entities=entities) if entities is not None else None
    return [(s.name, s.fn) for s in default_stages(extract) if s.streaming]


def _process(task: ShardTask) -> ShardResult:
    import pyarrow.parquet as pq

    from newsweave.engines.signatures import SignatureMaker
    from newsweave.ingest import read_inputs

    folder = Path(task.folder)
    folder.mkdir(parents=True, exist_ok=True)
    result = ShardResult(task.index, task.path, task.folder, "done")
    dropped: list[Dropped] = []
    timers: dict[str, float] = {}
    pages_kept: list[Page] = []

    def pages() -> Iterator[Page]:
        for item in read_inputs([task.path]):
            if isinstance(item, Dropped):
                dropped.append(item)
                continue
            result.pages += 1
            if task.config.keep_pages:
                pages_kept.append(item)
            yield item

    stages = doc_stage_fns(task.config)
    timers.update({name: 0.0 for name in ["ingest", *(name for name, _ in stages), "signatures"]})
    stream: Iterator[Any] = _timed(pages(), "ingest", timers)
    for name, fn in stages:
        stream = _timed(_kept(fn(stream), dropped), name, timers)
    signatures = SignatureMaker(task.config.dedup)
    shard = Path(task.folder).name
    schema = to_table([], Article, {"shard": [], "keys": []}, article_extra_types()).schema
    with pq.ParquetWriter(folder / "articles.parquet", schema) as writer:
        for batch in _batches(stream, BATCH):
            began = time.perf_counter()
            keys = [signatures.keys(a) for a in batch]
            timers["signatures"] += time.perf_counter() - began
            extra: dict[str, list[Any]] = {"shard": [shard] * len(batch), "keys": keys}
            writer.write_table(to_table(batch, Article, extra, article_extra_types()))
            result.articles += len(batch)
    _write_small(folder / "dropped.parquet", to_table(dropped, Dropped))
    if task.config.keep_pages:
        _write_small(folder / "pages.parquet", to_table(pages_kept, Page))
    result.dropped = len(dropped)
    result.stage_seconds = _exclusive(timers)
    return result


def article_extra_types() -> dict[str, Any]:
    """The columns a shard adds to each article: its shard and its near-duplicate keys."""
    import pyarrow as pa

    return {"shard": pa.string(), "keys": pa.list_(pa.binary())}


def _write_small(path: Path, table: Any) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, path)


def _kept(items: Iterable[Any], dropped: list[Dropped]) -> Iterator[Any]:
    """Pass records on; collect the Dropped ones."""
    for item in items:
        if isinstance(item, Dropped):
            dropped.append(item)
        else:
            yield item


def _timed(items: Iterable[Any], name: str, timers: dict[str, float]) -> Iterator[Any]:
    """Add the time spent producing each item (this stage and those before it) to timers."""
    iterator = iter(items)
    while True:
        began = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            timers[name] += time.perf_counter() - began
            return
        timers[name] += time.perf_counter() - began
        yield item


def _exclusive(timers: dict[str, float]) -> dict[str, float]:
    """Per-stage seconds from the cumulative ones of a chain of generators."""
    out: dict[str, float] = {}
    before = 0.0
    for name, total in timers.items():
        if name == "signatures":
            out[name] = round(total, 4)
            continue
        out[name] = round(max(total - before, 0.0), 4)
        before = total
    return out


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
