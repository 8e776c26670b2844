"""Dedup plus lineage at scale: the lineage stage's cost next to the dedup stage, in one run.

    python benchmarks/lineage_scale.py --n 100000 --json lineage_scale.json

Synthetic articles (`synthetic.py`: about 10% near-copies) are grouped into their stories
(the generator's own story labels, so clustering is left out); then the product's own stage
functions run in order, as `newsweave brief` runs them: the dedup stage (MinHash
near-duplicate groups over the whole corpus) and the lineage stage (copy relations by
containment from shingle postings, rewrites, independent-source groups, per story). The
figure is (dedup + lineage) / dedup, both timed in this process, in wall-clock and in CPU
seconds (steadier on a shared machine). Memory is the resident set size: after generation,
and the peak after each stage.

Each article gets its language as the cleaner gives it (`clean.meta.detect_language`, before
the timing, as cleaning comes before dedup in the product), so the lineage stage runs as on
cleaned pages: its rewrite and translation passes read the language. The generator writes
English only, so translation pairs are never compared here; that pass costs its language
check per article.

`--relations FILE` writes every story's relations and source groups as JSON lines: run it
against two checkouts (`PYTHONPATH=<checkout>/src`) to check that a change to the stages
keeps their output byte for byte.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import SyntheticConfig, generate_labelled  # noqa: E402

from newsweave.analyze import _dedup, _lineage  # noqa: E402
from newsweave.clean.meta import detect_language  # noqa: E402
from newsweave.cluster import copies_within  # noqa: E402
from newsweave.model import Story  # noqa: E402


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ignore(done: int) -> None:
    """The stages' progress callback, unused here."""


def run(n: int, seed: int = 0, relations_out: Path | None = None) -> dict[str, object]:
    """Time the dedup and lineage stages on `n` synthetic articles; return the figures."""
    labelled = list(generate_labelled(n, SyntheticConfig(seed=seed)))
    articles = [a for _, a in labelled]
    for article in articles:
        article.language = article.language or detect_language(article.text)
    members: dict[int, list[str]] = {}
    for story, article in labelled:
        members.setdefault(story, []).append(article.id)
    rss_input = _rss_mb()
    print(f"{len(articles)} articles in {len(members)} stories, RSS {rss_input:.0f} MB", flush=True)

    began, cpu = time.perf_counter(), time.process_time()
    copies = _dedup(articles, _ignore)["copies"]
    dedup_s, dedup_cpu = time.perf_counter() - began, time.process_time() - cpu
    peak_dedup = _peak_mb()
    print(f"dedup {dedup_s:.1f} s, {len(copies)} groups, peak RSS {peak_dedup:.0f} MB", flush=True)

    stories = [Story(f"s{k}", "", ids) for k, ids in members.items()]
    within = copies_within(copies, [s.articles for s in stories])
    stories = [
        Story(s.id, "", s.articles, duplicates=w) for s, w in zip(stories, within, strict=True)
    ]
    rss_before = _rss_mb()
    began, cpu = time.perf_counter(), time.process_time()
    out = _lineage(stories, articles, _ignore)["stories"]
    lineage_s, lineage_cpu = time.perf_counter() - began, time.process_time() - cpu
    peak_lineage = _peak_mb()
    relations = [r for s in out for r in s.lineage]
    kinds: dict[str, int] = {}
    for r in relations:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    result = {
        "articles": len(articles),
        "stories": len(members),
        "largest_story": max(len(v) for v in members.values()),
        "dedup_seconds": round(dedup_s, 1),
        "lineage_seconds": round(lineage_s, 1),
        "ratio_dedup_plus_lineage_to_dedup": round((dedup_s + lineage_s) / dedup_s, 3),
        "dedup_cpu_seconds": round(dedup_cpu, 1),
        "lineage_cpu_seconds": round(lineage_cpu, 1),
        "cpu_ratio": round((dedup_cpu + lineage_cpu) / dedup_cpu, 3),
        "languages": sorted({a.language or "none" for a in articles}),
        "duplicate_groups": len(copies),
        "relations": kinds,
        "independent_sources": sum(len(s.sources) for s in out),
        "rss_after_input_mb": round(rss_input),
        "peak_rss_after_dedup_mb": round(peak_dedup),
        "rss_before_lineage_mb": round(rss_before),
        "peak_rss_after_lineage_mb": round(peak_lineage),
    }
    print(json.dumps(result, indent=1), flush=True)
    if relations_out is not None:
        _write_relations(out, relations_out)
    return result


def _write_relations(stories: list[Story], path: Path) -> None:
    """Every story's relations and source groups, one JSON line per story (for comparing runs)."""
    with path.open("w", encoding="utf-8") as f:
        for story in stories:
            line = {
                "story": story.id,
                "lineage": [asdict(r) for r in story.lineage],
                "sources": [asdict(g) for g in story.sources],
            }
            f.write(json.dumps(line, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: --n articles, --seed, --json output file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="Write the figures to this file.")
    parser.add_argument(
        "--relations",
        type=Path,
        help="Write every story's relations and source groups (JSON lines) to this file, "
        "to check that a change to the stages keeps their output.",
    )
    args = parser.parse_args(argv)
    result = run(args.n, args.seed, args.relations)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
