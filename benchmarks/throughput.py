"""Throughput of a sharded run (`newsweave run`) per stage and end to end, on each engine.

    python benchmarks/throughput.py                          # 2,000 articles, 8 WARC shards
    python benchmarks/throughput.py --articles 500 --engines serial local --json
    python benchmarks/throughput.py --memory 10000 30000     # grouping memory by corpus size

The corpus is `benchmarks/synthetic.py` (seed 0: invented vocabulary, 150-1,500 words,
about 10% near-copies, stories over two years) dressed as HTML pages of eight invented
outlets in gzipped WARC files, plus the bundled example pages and, when present, the seed
pages in ../shared/seeds. In the same run it times trafilatura's extraction alone on the
same pages (one process), so the engines' speed is also given as a ratio to it.

Peak memory is the largest sum of resident memory of this process and all its descendants
(pool workers, the local Ray's raylet and workers), sampled every 50 ms from /proc (Linux).

`--memory` runs the grouping steps alone (near-duplicates, stories, story stages) on the
serial engine over N synthetic articles already extracted, and reports the peak memory, so
the memory for a larger store can be extrapolated.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import OUTLETS, SyntheticConfig, generate, html_page, write_warcs

from newsweave.engines import ScaleConfig, get_engine, run_job

ROOT = Path(__file__).resolve().parents[1]


class PeakMemory:
    """Samples the resident memory of a process (this one by default) and its descendants in
    a thread."""

    def __init__(self, every: float = 0.05, root: int | None = None) -> None:
        self.every = every
        self.root = os.getpid() if root is None else root
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def mib(self) -> float:
        """The peak, in MiB."""
        return self.peak / 1024 / 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.root))
            self._stop.wait(self.every)


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process descended from it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def trafilatura_alone(pages: list[str]) -> float:
    """Pages per second of trafilatura's extraction alone (favor_precision), one process."""
    import trafilatura

    trafilatura.extract(pages[0], favor_precision=True)  # warm up (imports, caches)
    began = time.perf_counter()
    for html in pages:
        trafilatura.extract(html, favor_precision=True)
    return len(pages) / (time.perf_counter() - began)


def inputs(n: int, shards: int, folder: Path) -> tuple[list[str], list[str]]:
    """WARC shards of `n` synthetic articles plus the example and seed pages; and the HTML."""
    articles = list(generate(n, SyntheticConfig(seed=0)))
    paths = [str(p) for p in write_warcs(articles, folder / "warc", shards)]
    paths.append(str(ROOT / "examples" / "pages"))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.exists():
        paths.append(str(seeds))
    html = [html_page(a, OUTLETS[i % len(OUTLETS)]) for i, a in enumerate(articles)]
    return paths, html


def run_engine(name: str, paths: list[str], out: Path, workers: int) -> dict[str, Any]:
    """One sharded run on engine `name`: seconds per step, articles/s, peak memory."""
    config = ScaleConfig(workers=workers, entities="lexical")  # the default without extras
    with PeakMemory() as memory:
        began = time.perf_counter()
        engine = get_engine(name, config)
        started = time.perf_counter() - began
        try:
            report = run_job(paths, out, engine, config)
        finally:
            engine.close()
    total = report.seconds["total"]
    stage_cpu = report.stage_seconds
    return {
        "engine": name,
        "articles": report.articles,
        "stories": report.stories,
        "copy_groups": report.copy_groups,
        "failed_shards": len(report.failed),
        "engine_start_s": round(started, 2),
        "run_s": total,
        "articles_per_s": round(report.articles / total, 1),
        "steps_s": {k: v for k, v in report.seconds.items() if k != "total"},
        "stage_cpu_s": {k: round(v, 2) for k, v in stage_cpu.items()},
        "peak_mib": round(memory.mib),
    }


def memory_run(sizes: list[int], folder: Path) -> list[dict[str, Any]]:
    """Peak memory of the grouping steps (serial engine) over N extracted synthetic articles."""
    import pyarrow.parquet as pq

    from newsweave.engines.schema import to_table
    from newsweave.engines.shards import article_extra_types
    from newsweave.engines.signatures import SignatureMaker
    from newsweave.extract import ExtractConfig, extract_articles
    from newsweave.model import Article

    rows = []
    for n in sizes:
        shards = folder / f"mem-{n}"
        shutil.rmtree(shards, ignore_errors=True)
        extract = ExtractConfig(entities="lexical")
        articles = list(extract_articles(generate(n, SyntheticConfig(seed=0)), extract))
        maker = SignatureMaker()
        per = 5_000
        paths = []
        for start in range(0, n, per):
            batch = articles[start : start + per]
            name = f"shard-{start // per:04d}"
            table = to_table(
                batch,
                Article,
                {"shard": [name] * len(batch), "keys": [maker.keys(a) for a in batch]},
                article_extra_types(),
            )
            (shards / "_shards" / name).mkdir(parents=True)
            pq.write_table(table, shards / "_shards" / name / "articles.parquet")
            paths.append(str(shards / "_shards" / name / "articles.parquet"))
        del articles
        rows.append({"articles": n, **_grouping_only(paths, shards)})
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


def _grouping_only(paths: list[str], out: Path) -> dict[str, Any]:
    from functools import partial

    from newsweave.engines.base import bucket_count
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

    config = ScaleConfig()
    engine = get_engine("serial")
    skip: frozenset[tuple[str, str]] = frozenset()
    n = sum(1 for _ in paths) * 5_000
    buckets = bucket_count(n, config)
    seconds = {}
    with PeakMemory() as memory:
        began = time.perf_counter()
        edges = engine.group(
            paths, partial(dedup_keys, buckets=buckets, skip=skip), dedup_reduce, buckets
        )
        copies = copy_groups(edges)
        seconds["dedup"] = round(time.perf_counter() - began, 2)
        began = time.perf_counter()
        parts = engine.group(
            paths,
            partial(cluster_keys, buckets=buckets, config=config, skip=skip),
            cluster_reduce,
            buckets,
        )
        stories = merge_stories(parts, copies)
        seconds["cluster"] = round(time.perf_counter() - began, 2)
        began = time.perf_counter()
        plan = story_plan(stories)
        engine.group(
            paths,
            partial(story_keys, buckets=buckets, plan=plan, skip=skip),
            partial(story_reduce, out=str(out)),
            buckets,
        )
        seconds["stories"] = round(time.perf_counter() - began, 2)
    return {"stories": len(stories), "seconds": seconds, "peak_mib": round(memory.mib)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a Markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", nargs="+", default=["serial", "local", "ray"])
    parser.add_argument("--memory", type=int, nargs="+", help="grouping-only memory run sizes")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    folder = Path(tempfile.mkdtemp(prefix="newsweave-throughput-"))
    try:
        if args.memory:
            rows = memory_run(args.memory, folder)
            print(json.dumps(rows, indent=2))
            return 0
        paths, html = inputs(args.articles, args.shards, folder)
        result: dict[str, Any] = {"trafilatura_pages_per_s": round(trafilatura_alone(html), 1)}
        result["engines"] = [
            run_engine(name, paths, folder / f"out-{name}", args.workers) for name in args.engines
        ]
        result["load"] = os.getloadavg()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    _table(result)
    return 0


def _table(result: dict[str, Any]) -> None:
    tra = result["trafilatura_pages_per_s"]
    print(f"trafilatura alone (1 process): {tra} pages/s; load average {result['load']}\n")
    print(
        "| engine | articles | stories | run s | articles/s | × trafilatura | peak MiB | start s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in result["engines"]:
        print(
            f"| {r['engine']} | {r['articles']} | {r['stories']} | {r['run_s']:.1f} | "
            f"{r['articles_per_s']:.1f} | {r['articles_per_s'] / tra:.2f} | {r['peak_mib']} | "
            f"{r['engine_start_s']:.1f} |"
        )
    print("\nper step, seconds (wall): shards, dedup, cluster, stories")
    for r in result["engines"]:
        print(f"- {r['engine']}: {r['steps_s']}; per-stage CPU seconds {r['stage_cpu_s']}")


if __name__ == "__main__":
    sys.exit(main())
