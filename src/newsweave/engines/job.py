"""A sharded run end to end: shards -> near-duplicates -> stories -> story stages -> Parquet.

OUT/articles/part-*.parquet   analysed articles (schema: newsweave.engines.schema)
OUT/stories/part-*.parquet    stories, with events, copy groups, timeline, summary ...
OUT/lineage/part-*.parquet    one row per copy relation (story, original, copy, kind)
OUT/dropped/*.parquet         every dropped document, with the stage and the reason
OUT/report.json               shards (done, skipped, failed), counts and seconds per step
OUT/_shards/<shard>/          per-shard intermediate Parquet and its _SUCCESS marker
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.engines.base import Engine, ScaleConfig, bucket_count
from newsweave.engines.grouping import (
    cluster_keys,
    cluster_reduce,
    copy_groups,
    dedup_keys,
    dedup_reduce,
    merge_stories,
    story_keys,
    story_plan,
    story_reduce,
)
from newsweave.engines.shards import (
    ShardResult,
    ShardTask,
    failed_shard,
    list_shards,
    process_shard,
    shard_folder,
)
from newsweave.errors import InputError
from newsweave.pipeline import Progress, SilentProgress

if TYPE_CHECKING:
    from newsweave.model import Article, Dropped, Page, Story
    from newsweave.store import SQLiteStore

OUTPUTS = ("articles", "stories", "lineage", "dropped")


@dataclass(slots=True)
class JobReport:
    """What a sharded run did: shards by outcome, output counts and seconds per step."""

    out: str
    engine: str
    shards: list[ShardResult] = field(default_factory=list)
    articles: int = 0
    stories: int = 0
    copy_groups: int = 0
    dropped: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall seconds per step
    stage_seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage

    @property
    def failed(self) -> list[ShardResult]:
        """The shards that failed after every retry."""
        return [s for s in self.shards if s.status == "failed"]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (written to OUT/report.json)."""
        return {
            "engine": self.engine,
            "articles": self.articles,
            "stories": self.stories,
            "copy_groups": self.copy_groups,
            "dropped": self.dropped,
            "seconds": self.seconds,
            "stage_seconds": self.stage_seconds,
            "shards": [s.to_json() for s in sorted(self.shards, key=lambda s: s.index)],
        }


def run_job(
    inputs: list[str],
    out: str | Path,
    engine: Engine,
    config: ScaleConfig | None = None,
    progress: Progress | None = None,
) -> JobReport:
    """Run every stage over `inputs` (one shard per file) on `engine`; write Parquet to `out`."""
    config = config or ScaleConfig()
    progress = progress or SilentProgress()
    missing = [p for p in inputs if not os.path.exists(p)]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}")
    out = Path(out)
    check_output_folder(out)
    report = JobReport(out=str(out), engine=engine.name)
    began = time.perf_counter()

    files = list_shards(inputs)
    tasks = [ShardTask(i, p, shard_folder(out, p), config) for i, p in enumerate(files)]
    progress.start("shards", len(tasks))
    for result in engine.map_shards(process_shard, tasks, failed_shard):
        report.shards.append(result)
        progress.advance("shards")
    progress.finish("shards")
    report.shards.sort(key=lambda s: s.index)
    report.seconds["shards"] = round(time.perf_counter() - began, 3)

    done = [s for s in report.shards if s.status != "failed"]
    paths = [str(Path(s.folder) / "articles.parquet") for s in done]
    for what in OUTPUTS:
        shutil.rmtree(out / what, ignore_errors=True)
    skip, rows = _repeated(paths)
    buckets = bucket_count(rows, config)

    step = time.perf_counter()
    progress.start("dedup", None)
    edges = engine.group(
        paths, partial(dedup_keys, buckets=buckets, skip=skip), dedup_reduce, buckets
    )
    copies = copy_groups(edges)
    progress.finish("dedup")
    report.seconds["dedup"] = round(time.perf_counter() - step, 3)

    step = time.perf_counter()
    progress.start("cluster", None)
    parts = engine.group(
        paths,
        partial(cluster_keys, buckets=buckets, config=config, skip=skip),
        cluster_reduce,
        buckets,
    )
    stories = merge_stories(parts, copies) if parts.num_rows else []
    progress.finish("cluster")
    report.seconds["cluster"] = round(time.perf_counter() - step, 3)

    step = time.perf_counter()
    progress.start("stories", None)
    plan = story_plan(stories)
    summary = engine.group(
        paths,
        partial(story_keys, buckets=buckets, plan=plan, skip=skip),
        partial(story_reduce, out=str(out)),
        buckets,
    )
    progress.finish("stories")
    report.seconds["stories"] = round(time.perf_counter() - step, 3)

    report.dropped = _write_dropped(out, done, report.failed)
    if summary.num_rows:
        report.articles = sum(summary.column("articles").to_pylist())
        report.stories = sum(summary.column("stories").to_pylist())
        report.dropped += sum(summary.column("dropped").to_pylist())
    for part in [s.stage_seconds for s in done if s.status == "done"] + [
        json.loads(x)
        for x in (summary.column("stage_seconds").to_pylist() if summary.num_rows else [])
    ]:
        for stage, seconds in part.items():
            report.stage_seconds[stage] = round(report.stage_seconds.get(stage, 0.0) + seconds, 3)
    report.copy_groups = len(copies)
    report.seconds["total"] = round(time.perf_counter() - began, 3)
    (out / "report.json").write_text(json.dumps(report.to_json(), indent=2), encoding="utf-8")
    return report


def check_output_folder(out: Path) -> None:
    """Create `out` if needed and make sure files can be written in it, before any work."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc.strerror}") from exc
    probe = out / f".newsweave-write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise InputError(
            f"cannot write in the output folder {out}: {exc.strerror}; give --out a folder "
            "you can write to"
        ) from exc


def _repeated(paths: list[str]) -> tuple[frozenset[tuple[str, str]], int]:
    """(shard, id) of every article already read from an earlier shard, and the row count."""
    import pyarrow.parquet as pq

    seen: set[str] = set()
    skip: set[tuple[str, str]] = set()
    rows = 0
    for path in paths:
        table = pq.read_table(path, columns=["id", "shard"])
        rows += table.num_rows
        for aid, shard in zip(
            table.column("id").to_pylist(), table.column("shard").to_pylist(), strict=True
        ):
            if aid in seen:
                skip.add((shard, aid))
            seen.add(aid)
    return frozenset(skip), rows


def _write_dropped(out: Path, done: list[ShardResult], failed: list[ShardResult]) -> int:
    """Gather the shards' dropped documents (and the failed shards) into OUT/dropped."""
    import pyarrow.parquet as pq

    from newsweave.engines.schema import to_table
    from newsweave.model import Dropped

    folder = out / "dropped"
    folder.mkdir(parents=True, exist_ok=True)
    tables = [pq.read_table(Path(s.folder) / "dropped.parquet") for s in done]
    lost = [
        Dropped(s.path, f"shard failed after {s.attempts} attempts: {s.error}", "engine")
        for s in failed
    ]
    tables.append(to_table(lost, Dropped))
    import pyarrow as pa

    table = pa.concat_tables(tables)
    pq.write_table(table, folder / "shards.parquet")
    return table.num_rows


def read_output(out: str | Path) -> tuple[list[Article], list[Story], list[Dropped]]:
    """The articles (by id), stories (largest first) and dropped documents of a finished run."""
    from newsweave.engines.schema import from_table
    from newsweave.model import Article, Dropped, Story

    out = Path(out)
    articles = sorted(from_table(_read_all(out / "articles"), Article), key=lambda a: a.id)
    stories = sorted(
        from_table(_read_all(out / "stories"), Story), key=lambda s: (-len(s.articles), s.id)
    )
    dropped = from_table(_read_all(out / "dropped"), Dropped)
    return articles, stories, dropped


def read_pages(out: str | Path) -> list[Page]:
    """The raw pages a run kept (`ScaleConfig.keep_pages`), in shard order."""
    from newsweave.engines.schema import from_table
    from newsweave.model import Page

    folders = sorted(Path(out, "_shards").glob("*/pages.parquet"))
    import pyarrow.parquet as pq

    return [p for f in folders for p in from_table(pq.read_table(f), Page)]


def load_store(out: str | Path, store: SQLiteStore) -> None:
    """Load a finished run's pages (if kept), articles, stories and dropped into a store,
    with the cleaning explanation of each article whose page was kept."""
    from newsweave.jobs import store_explanations

    articles, stories, dropped = read_output(out)
    pages = read_pages(out)
    store.add_pages(pages)
    store.put_results(articles, stories)
    if dropped:
        store.add_dropped(dropped)
    if pages:
        store_explanations(store, pages, {a.id for a in articles})


def _read_all(folder: Path) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted(folder.glob("*.parquet"))
    if not files:
        return pa.table({})
    return pa.concat_tables([pq.read_table(f) for f in files], promote_options="default")
